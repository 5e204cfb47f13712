"""Every rule's table of good and bad examples (proselint/LanguageTool style).

A bad example must raise a finding of that rule; a good example must not.
The meta-test fails when a rule has no bad or no good example.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest

from followup.debrief import Debrief, load_debrief
from followup.lint import lint_note, rules

ROOT = Path(__file__).resolve().parents[2]
HARBORLINE = load_debrief(ROOT / "fixtures" / "debriefs" / "harborline.yaml")
PRIYA, TOM, DANA = HARBORLINE.interviewers


def note(body: str, greeting: str = "Dear Mr. Okafor,") -> str:
    """A full note around ``body``, so the structure rules have what they expect."""
    return f"{greeting}\n\n{body}\n\nBest regards,\nMorgan Hale\n"


PLAIN = (
    "Thank you for taking the time to meet with me about the Operations Analyst role. "
    "I enjoyed our conversation about the weekly dashboard you built in Power BI, and I "
    "have built the same kind of dashboard for a 40-person team. I would welcome the "
    "chance to contribute, and I look forward to hearing about the next step."
)


@dataclass(frozen=True)
class Case:
    text: str
    debrief: Debrief | None = None
    to: int | None = None  # index of the recipient in the debrief

    def lint(self, rule: str) -> list[str]:
        recipient = (
            self.debrief.interviewers[self.to] if self.debrief and self.to is not None else None
        )
        found = lint_note(self.text, debrief=self.debrief, recipient=recipient)
        return [f.rule for f in found if f.rule == rule]


def c(text: str, *, debrief: bool = False, to: int | None = None) -> Case:
    return Case(text, HARBORLINE if debrief else None, to)


# rule id -> (bad examples, good examples)
EXAMPLES: dict[str, tuple[list[Case], list[Case]]] = {
    "duplication.placeholder": (
        [
            c(note("Thank you for meeting me about the role at [Company]. " + PLAIN)),
            c(note("I enjoyed meeting you, {{name}}. " + PLAIN)),
            c(note("Thank you, <NAME>, for your time. " + PLAIN)),
            c(note("I can start on XXXX. " + PLAIN)),
            c("Dear Mr./Ms. LASTNAME,\n\n" + PLAIN + "\n\nBest regards,\nMorgan Hale\n"),
        ],
        [
            c(note(PLAIN)),
            c(note("I enjoyed the [brief] tour of the floor. " + PLAIN)),
        ],
    ),
    "problem_solving.prescription": (
        [
            c(note(PLAIN + "\n\nHere is my plan for the mis-picks: re-slot the fast movers.")),
            c(
                note(
                    "I would start by re-slotting the fast movers near the pack stations. " + PLAIN
                )
            ),
            c(note("The fix is to add a scan-to-confirm step on the night shift. " + PLAIN)),
            c(note("You should move the floor dashboards to a single page. " + PLAIN)),
            c(note("My recommendation is to retrain the night crew. " + PLAIN)),
            c(note("The root cause is the slotting of the fast movers. " + PLAIN)),
            c(note("A scan-to-confirm step would halve the mis-picks. " + PLAIN)),
            c(note("It seems to me the team would benefit from a new rota system. " + PLAIN)),
            c(note("Here is how I would spend my first ninety days on the floor. " + PLAIN)),
            c(note("I have sketched a 30-60-90 day outline for the warehouse. " + PLAIN)),
            c(note("The answer, in my view, is a second dispatcher at night. " + PLAIN)),
            c(
                note(
                    "If the paper rota were replaced by an app, fewer shifts would go unfilled. "
                    + PLAIN
                )
            ),
            c(
                note(
                    "It occurred to me later that a reminder text could cut the no-shows. " + PLAIN
                )
            ),
            c(note("I have attached a mock-up of a simpler dashboard. " + PLAIN)),
            c(
                note(
                    PLAIN
                    + "\n\n1. Audit the pick data.\n2. Re-slot the fast movers."
                    + "\n3. Retrain the crew."
                )
            ),
            c(
                note("I would introduce a scan check for mis-picks on the night shift. " + PLAIN),
                debrief=True,
                to=0,
            ),
        ],
        [
            c(note(PLAIN)),
            c(
                note(
                    "The mis-picks on the night shift sound like a fascinating problem, "
                    "and I would love to help the team work on it. " + PLAIN
                )
            ),
            c(
                note(
                    "At my last company I cut reporting errors by a third "
                    "by introducing daily checks. " + PLAIN
                )
            ),
            c(note("I know there is rarely a quick fix for problems like this one. " + PLAIN)),
            c(note(PLAIN + " If the answer is no, that is perfectly all right.")),
            c(
                note(
                    "I believe the team would benefit from my experience on night shifts. " + PLAIN
                )
            ),
            c(note("Your team would benefit from someone who has run a busy floor. " + PLAIN)),
            c(
                note(
                    PLAIN
                    + " Could you consider moving up my final interview? If not, I understand."
                )
            ),
            c(
                note(
                    "It occurred to me afterwards that I would love to see the night shift. "
                    + PLAIN
                )
            ),
            c(
                note(
                    "I would welcome the chance to learn how your team approaches the night shift. "
                    + PLAIN
                )
            ),
        ],
    ),
    "formality.casual-greeting": (
        [
            c("Hey Tom,\n\n" + PLAIN + "\n\nBest regards,\nMorgan Hale\n"),
            c("Yo Tom!\n\n" + PLAIN + "\n\nBest regards,\nMorgan Hale\n"),
            c("Hiya Mr. Okafor,\n\n" + PLAIN + "\n\nBest regards,\nMorgan Hale\n"),
        ],
        [
            c(note(PLAIN)),
            c("Hello Mr. Okafor,\n\n" + PLAIN + "\n\nBest regards,\nMorgan Hale\n"),
            c(note("Hey, that reminds me: " + PLAIN)),
        ],
    ),
    "formality.first-name": (
        [
            c(note(PLAIN, greeting="Dear Tom,"), debrief=True, to=1),
            c(note(PLAIN, greeting="Hi Tom,"), debrief=True, to=1),
        ],
        [
            c(note(PLAIN, greeting="Dear Mr. Okafor,"), debrief=True, to=1),
            c(note(PLAIN, greeting="Dear Priya,"), debrief=True, to=0),
            c(note(PLAIN, greeting="Dear Tom Okafor,"), debrief=True, to=1),
            c(note(PLAIN, greeting="Dear Tom,")),  # no debrief: nothing to check against
        ],
    ),
    "formality.slang": (
        [
            c(note("Thx for the interview. " + PLAIN)),
            c(note(PLAIN + " Lmk if u need anything.")),
            c(note("Tbh the team seemed super chill. " + PLAIN)),
            c(note("I'm gonna be around all week for a convo. " + PLAIN)),
        ],
        [
            c(note(PLAIN)),
            c(note("I met the U.K. team and the K-12 group. " + PLAIN)),
            c(note('You said the floor is "super chill" at night. ' + PLAIN)),
        ],
    ),
    "formality.emoji": (
        [c(note(PLAIN + " 😊")), c(note(PLAIN + " :)")), c(note("Thanks 👍🏽 again. " + PLAIN))],
        [c(note(PLAIN)), c(note("We discussed the ratio 3:1 of pickers to packers. " + PLAIN))],
    ),
    "formality.exclamation": (
        [c(note("Thank you! " + PLAIN + " I loved it!")), c(note(PLAIN + "!!"))],
        [c(note(PLAIN)), c(note("Thank you so much! " + PLAIN))],
    ),
    "formality.all-lowercase": (
        [c("dear mr okafor,\n\n" + PLAIN.lower() + "\n\nbest regards,\nmorgan hale\n")],
        [c(note(PLAIN))],
    ),
    "formality.mobile-signature": (
        [
            c(note(PLAIN) + "\nSent from my iPhone\n"),
            c(note(PLAIN) + "\nGet Outlook for Android\n"),
        ],
        [
            c(note(PLAIN)),
            c(note("I sent from my desk a copy of the report you asked for. " + PLAIN)),
        ],
    ),
    "formality.lowercase-i": (
        [c(note("i enjoyed our talk. " + PLAIN)), c(note(PLAIN + " Thank you, i'm grateful."))],
        [c(note(PLAIN)), c(note("See section (i) of the brief, i.e. the summary. " + PLAIN))],
    ),
    "formality.greeting-register": (
        [c("Hi Mr. Okafor,\n\n" + PLAIN + "\n\nBest regards,\nMorgan Hale\n", debrief=True, to=1)],
        [
            c("Hi Priya,\n\n" + PLAIN + "\n\nBest regards,\nMorgan Hale\n", debrief=True, to=0),
            c(note(PLAIN), debrief=True, to=1),
        ],
    ),
    "spelling.misspelled": (
        [
            c(note("I definately enjoyed our conversation. " + PLAIN)),
            c(note(PLAIN + " I look forward to recieving your news.")),
            c(note("Your managment style impressed me. " + PLAIN)),
        ],
        [
            c(note(PLAIN)),
            c(note("I enjoyed the colour-coded organisation of the warehouse. " + PLAIN)),
            c(note("The maths lesson centred on fractions. " + PLAIN)),
            c(note("We talked about onboarding, Kubernetes and the KPI dashboards. " + PLAIN)),
            c(
                note("I enjoyed our talk about mis-picks at Harborline. " + PLAIN),
                debrief=True,
                to=1,
            ),
        ],
    ),
    "spelling.repeated-word": (
        [c(note("I enjoyed the the tour. " + PLAIN))],
        [c(note(PLAIN)), c(note("I think that that plan had had its day. " + PLAIN))],
    ),
    "spelling.double-space": (
        [c(note("I enjoyed the tour.  " + PLAIN))],
        [c(note(PLAIN))],
    ),
    "spelling.capital-after-stop": (
        [c(note("I enjoyed the tour. the team was welcoming. " + PLAIN))],
        [
            c(note(PLAIN)),
            c(note("We met at 9 a.m. before the shift, e.g. the pickers. " + PLAIN)),
            c(note("I finish my M.Ed. internship on May 16. " + PLAIN)),
        ],
    ),
    "pushy.pressure": (
        [
            c(note(PLAIN + " I really need this job.")),
            c(note("I am the best candidate for this role. " + PLAIN)),
            c(note(PLAIN + " I need an answer by Friday.")),
            c(note("Why haven't I heard back yet? " + PLAIN)),
            c(note(PLAIN + " I will keep calling until I hear back.")),
            c(note(PLAIN + " Please let me know by March 15.")),
        ],
        [
            c(note(PLAIN)),
            c(
                note(
                    PLAIN + " I have an offer elsewhere and expect to decide by March 31; if it is "
                    "possible to move forward before then I would be grateful, and if not, I "
                    "completely understand. Please let me know by March 25 if you can."
                )
            ),
            c(note(PLAIN + " I am confident I would be a strong fit for the team.")),
        ],
    ),
    "structure.no-thanks": (
        [
            c(
                note(
                    "I enjoyed our conversation about the dashboard. "
                    "I look forward to the next step."
                )
            )
        ],
        [
            c(note(PLAIN)),
            c(note("I appreciated our conversation. I look forward to the next step.")),
        ],
    ),
    "structure.no-topic": (
        [
            c(
                note("Thank you for your time today. I look forward to the next step."),
                debrief=True,
                to=1,
            )
        ],
        [c(note(PLAIN), debrief=True, to=1), c(note("Thank you for your time today."))],
    ),
    "structure.no-next-step": (
        [
            c(
                note(
                    "Thank you for the conversation about the weekly dashboard "
                    "you built in Power BI."
                )
            )
        ],
        [
            c(note(PLAIN)),
            c(note("Thank you again; I hope we get to work together.")),
            c(note("Thank you. I would welcome further discussion of the Committee's priorities.")),
            c(note("Thank you. If you are able to let me know before the 20th, I'd be grateful.")),
            c(note("Thank you. I'd genuinely enjoy working through the backlog with your team.")),
        ],
    ),
    "structure.no-salutation": (
        [c(PLAIN + "\n\nBest regards,\nMorgan Hale\n")],
        [
            c(note(PLAIN)),
            c("Tom,\n\n" + PLAIN + "\n\nBest regards,\nMorgan Hale\n"),
            c("Hey Linda!!\n\n" + PLAIN + "\n\nBest regards,\nMorgan Hale\n"),
            c("Kia ora Mere,\n\n" + PLAIN + "\n\nNgā mihi,\nMorgan Hale\n"),
        ],
    ),
    "structure.no-sign-off": (
        [c("Dear Mr. Okafor,\n\n" + PLAIN + "\n")],
        [
            c(note(PLAIN)),
            c("Dear Mr. Okafor,\n\n" + PLAIN + "\n\nWith deep gratitude,\nMorgan\n"),
            c(
                "Dear Mr. Okafor,\n\n"
                + PLAIN
                + "\n\nWith thanks and best wishes for the busy season ahead,\nMorgan\n"
            ),
        ],
    ),
    "structure.single-line": (
        [c("Dear Mr. Okafor, " + PLAIN + " Best regards, Morgan Hale")],
        [c(note(PLAIN))],
    ),
    "structure.run-on": (
        [c(note(PLAIN + " " + ", and ".join(["I enjoyed the tour of the floor"] * 10) + "."))],
        [c(note(PLAIN))],
    ),
    "structure.postscript": (
        [c(note("Thank you for the interview.\n\nP.S. " + PLAIN))],
        [c(note(PLAIN + "\n\nP.S. I enjoyed the coffee."))],
    ),
    "structure.list": (
        [
            c(
                note(
                    PLAIN
                    + "\n\n- Six years of KPI reporting\n- Fluent SQL\n- Forecasting in Python"
                )
            )
        ],
        [c(note(PLAIN)), c(note(PLAIN + "\n\n- One point about the role."))],
    ),
    "length.too-long": (
        [c(note(" ".join([PLAIN] * 5)))],
        [c(note(PLAIN + " " + PLAIN))],
    ),
    "length.too-short": (
        [c(note("Thank you for your time. I look forward to hearing from you."))],
        [c(note(PLAIN + " " + PLAIN))],
    ),
    "accuracy.unsupported-name": (
        [
            c(note(PLAIN + " Please pass my thanks to Sarah Chen."), debrief=True, to=1),
            c(note(PLAIN + " I also enjoyed meeting Mr. Delgado."), debrief=True, to=1),
            # Invented people whose names are everyday words.
            c(note(PLAIN + " Please pass my thanks to Mark Fletcher."), debrief=True, to=1),
            c(note(PLAIN + " I also enjoyed meeting Grace Baker."), debrief=True, to=1),
            c(
                note("Thank you for the Senior Data Scientist interview. " + PLAIN),
                debrief=True,
                to=1,
            ),
        ],
        [
            c(note(PLAIN), debrief=True, to=1),
            c(note(PLAIN + " Please pass my thanks to Ms. Raman and Dana."), debrief=True, to=1),
            c(note(PLAIN + " Please pass my thanks to Sarah Chen.")),  # no debrief
            c(
                note(PLAIN + " May I send you my references? I will mark the date."),
                debrief=True,
                to=1,
            ),
        ],
    ),
    "accuracy.unsupported-number": (
        [
            c(note(PLAIN + " I cut reporting time by 35% at my last job."), debrief=True, to=1),
            c(note(PLAIN + " My nine years of reporting will help."), debrief=True, to=1),
        ],
        [
            c(note(PLAIN), debrief=True, to=1),
            c(note(PLAIN + " My six years of KPI reporting will help."), debrief=True, to=0),
            c(note(PLAIN) + "+1 555 0100\n", debrief=True, to=1),
        ],
    ),
    "accuracy.unsupported-date": (
        [
            c(note(PLAIN + " I understand you will decide by March 27."), debrief=True, to=1),
            c(note(PLAIN + " I enjoyed our meeting on 2027-03-10."), debrief=True, to=1),
            c(note("Thank you for meeting me on Friday. " + PLAIN), debrief=True, to=1),
        ],
        [
            c(note(PLAIN + " I understand you will decide by March 20."), debrief=True, to=1),
            c(note(PLAIN + " I enjoyed our meeting on 9 March 2027."), debrief=True, to=1),
            c(note(PLAIN + " I expect to decide on another offer by 3/31."), debrief=True, to=1),
            c(note("Thank you for meeting me on Tuesday. " + PLAIN), debrief=True, to=1),
            c(note(PLAIN + " I will check in on Friday if useful."), debrief=True, to=1),
            c(note(PLAIN + " I understand you will decide by March 27.")),  # no debrief
        ],
    ),
    "generic.stock-phrase": (
        [
            c(note("I hope this email finds you well. " + PLAIN)),
            c(note("I am just checking in on the role. " + PLAIN)),
            c(note("I am writing to express my gratitude. " + PLAIN)),
            c(note(PLAIN + " I am eager to delve into the data and leverage my skills.")),
            c(
                note(
                    PLAIN + " Your insightful vision resonated with me, and I am thrilled "
                    "to bring my unique blend of skills to such a dynamic team."
                )
            ),
        ],
        [
            c(note(PLAIN)),
            c(note(PLAIN + " Your insightful questions about the night shift resonated with me.")),
        ],
    ),
    "generic.nothing-specific": (
        [
            c(
                note(
                    "Thank you for taking the time to speak with me about the position. I enjoyed "
                    "learning more about the company and the role. I believe my background and "
                    "skills would make me a valuable addition, and I look forward to "
                    "hearing from you."
                )
            )
        ],
        [c(note(PLAIN))],
    ),
    "generic.pure-enthusiasm": (
        [c(note(PLAIN + " I am so excited about this amazing opportunity."))],
        [c(note(PLAIN + " I am excited about the dashboard work at Harborline."))],
    ),
}

BAD = [(rule, case) for rule, (bad, _) in EXAMPLES.items() for case in bad]
GOOD = [(rule, case) for rule, (_, good) in EXAMPLES.items() for case in good]


@pytest.mark.parametrize(
    ("rule", "case"), BAD, ids=[f"{r}-bad-{i}" for i, (r, _) in enumerate(BAD)]
)
def test_bad_example_is_flagged(rule: str, case: Case) -> None:
    """Each bad example in a rule's table raises a finding of that rule."""
    assert case.lint(rule), f"{rule} missed:\n{case.text}"


@pytest.mark.parametrize(
    ("rule", "case"), GOOD, ids=[f"{r}-good-{i}" for i, (r, _) in enumerate(GOOD)]
)
def test_good_example_passes(rule: str, case: Case) -> None:
    """Each good example in a rule's table raises no finding of that rule."""
    assert not case.lint(rule), f"{rule} flagged:\n{case.text}"


def test_no_salutation_example_uses_the_recipient_or_a_neutral_name() -> None:
    """The greeting the message shows is the recipient's, else a neutral placeholder."""
    body = PLAIN + "\n\nBest regards,\nMorgan Hale\n"
    plain = [f for f in lint_note(body) if f.rule == "structure.no-salutation"]
    known = [
        f
        for f in lint_note(body, debrief=HARBORLINE, recipient=TOM)
        if f.rule == "structure.no-salutation"
    ]
    assert "Dear Ms. Lastname," in plain[0].message
    assert f"Dear {TOM.address}," in known[0].message
    assert known[0].suggestion == f"Dear {TOM.address},"


def test_capital_suggestion_never_introduces_slang() -> None:
    """A sentence opening with "thx" is offered "Thank you", never "Thx"."""
    found = lint_note(note("I enjoyed the tour. thx for your time. " + PLAIN))
    capitals = [f.suggestion for f in found if f.rule == "spelling.capital-after-stop"]
    assert capitals == ["Thank you"]


def test_every_rule_has_good_and_bad_examples() -> None:
    """The meta-test: a rule without a table of good and bad examples fails the build."""
    missing = [
        info.id
        for info in rules()
        if info.id != "duplication.cross-note"  # loop-level: tables in test_duplication.py
        and (not EXAMPLES.get(info.id, ([], []))[0] or not EXAMPLES.get(info.id, ([], []))[1])
    ]
    assert not missing
    assert set(EXAMPLES) <= {info.id for info in rules()}
