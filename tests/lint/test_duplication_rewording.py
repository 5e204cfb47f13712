"""Reworded passages across a loop: synonyms swapped, clauses reordered, tense or person changed.

The mechanism is ordering-insensitive: each substantive sentence becomes a set
of content lemmas (function words, fillers and loop facts dropped; stems,
irregular forms and synonyms folded), and two notes' sentences are the same
passage when those sets overlap heavily. Courtesy lines and facts every note
repeats (the company, the role, the day) never make two notes copies.
"""

from __future__ import annotations

import pytest

from followup.lint import NoteInput, lint_loop
from followup.lint.duplication import _settings, _stem, content_lemmas, lemma


def letter(name: str, *middle: str, close: str = "I look forward to hearing from you.") -> str:
    """A note with stock courtesy lines around the given middle paragraphs."""
    body = "\n\n".join(middle)
    return f"Dear {name},\n\n{body}\n\n{close}\n\nBest regards,\nJordan Reyes\n"


def dup(*texts: str) -> list[list[str]]:
    """The severities of the cross-note duplication findings of each note."""
    results = lint_loop([NoteInput(text=t) for t in texts])
    return [[f.severity for f in found if f.category == "duplication"] for found in results]


# -- the table: (id, notes, expected severity on the reworded notes, or None) ----------------

REWORDED = [
    (
        "veterinary: synonyms swapped, clauses reordered",
        [
            letter(
                "Dr. Ames",
                "Thank you for showing me the new surgical suite on Friday.",
                "At my current clinic I introduced a triage checklist for the front desk, which "
                "shortened waiting times for urgent cases and calmed anxious owners.",
            ),
            letter(
                "Ms. Patel",
                "I enjoyed our talk about the reminder texts your team sends before vaccinations.",
                "Anxious owners grew calmer and urgent cases waited less once I brought in a "
                "triage checklist for the reception desk at the clinic where I work now.",
            ),
        ],
        "warning",
    ),
    (
        "construction: tense and person changed",
        [
            letter(
                "Mr. Kowalski",
                "Thank you for walking me through the Eastgate site plan on Tuesday.",
                "I have led concrete crews of up to thirty workers and I keep every pour on "
                "schedule by checking the weather forecast and the supplier deliveries each "
                "morning.",
            ),
            letter(
                "Ms. Grant",
                "Your point about the crane permits for the north tower was a useful lesson.",
                "Leading concrete crews of as many as thirty workers, I kept each pour on "
                "schedule by checking supplier deliveries and the weather forecast every morning.",
            ),
        ],
        "warning",
    ),
    (
        "airline operations: verbs and nouns swapped for synonyms",
        [
            letter(
                "Captain Duarte",
                "Thank you for the tour of the operations centre and the crew scheduling desk.",
                "In my last role I built a dashboard that tracked crew duty hours in real time, "
                "and it cut last-minute reserve call-outs by a third.",
            ),
            letter(
                "Ms. Lindqvist",
                "I appreciated hearing how your station handles de-icing queues in January.",
                "I developed a report that monitored crew duty hours live during my previous "
                "job, which reduced last-minute reserve call-outs by a third.",
            ),
            letter(
                "Mr. Baptiste",
                "It was a pleasure to hear about the new gate allocation software.",
                "Your story about the snowstorm that grounded the whole fleet was memorable.",
            ),
        ],
        "warning",
    ),
    (
        "law firm: the same claim, first person to noun phrase",
        [
            letter(
                "Ms. Castellano",
                "I enjoyed hearing how the litigation group staffs its trial teams.",
                "I organise discovery documents with a strict naming system, so attorneys can "
                "find any exhibit within seconds during a deposition.",
            ),
            letter(
                "Mr. Whitfield",
                "Thank you for explaining how the firm is moving its matters to the new portal.",
                "My strict naming system for discovery documents means attorneys find any "
                "exhibit in seconds during depositions.",
            ),
        ],
        "warning",
    ),
    (
        "restaurant kitchen: three notes, one idea rearranged in each",
        [
            letter(
                "Chef Okonkwo",
                "Thank you for letting me stage during Saturday dinner service.",
                "I believe a calm kitchen starts with careful prep, and at Tavola I trained "
                "six line cooks to finish their mise en place before the first ticket.",
            ),
            letter(
                "Ms. Haddad",
                "The way you plan the seasonal menu with local farms was a highlight of my visit.",
                "A calm kitchen, in my view, begins with careful prep; at Tavola I taught six "
                "line cooks to complete their mise en place before the first ticket came in.",
            ),
            letter(
                "Mr. Ferreira",
                "I enjoyed our conversation about the wine list and the new pairing dinners.",
                "Before the first ticket, the six line cooks I trained at Tavola finished their "
                "mise en place, because I think careful prep is where a calm kitchen starts.",
            ),
        ],
        "warning",
    ),
]

COURTESY_AND_FACTS = [
    (
        "courtesy lines and the same company, role and day in every note",
        [
            letter(
                "Mr. Kowalski",
                "Thank you for meeting with me on Tuesday about the Site Superintendent role "
                "at Granite Ridge Builders.",
                "Your account of pouring the Eastgate foundation during the January freeze "
                "showed me how carefully your crews plan around the weather.",
            ),
            letter(
                "Ms. Grant",
                "Thank you for meeting with me on Tuesday about the Site Superintendent role "
                "at Granite Ridge Builders.",
                "I appreciated your candour about the permit delays on the north tower and how "
                "the office keeps subcontractors informed.",
            ),
            letter(
                "Mr. Osei",
                "Thank you for meeting with me on Tuesday about the Site Superintendent position "
                "at Granite Ridge Builders.",
                "Hearing about your safety stand-downs every Monday morning was a good reminder "
                "of why I chose this trade.",
            ),
        ],
        None,
    ),
    (
        "same topic, different things said about it",
        [
            letter(
                "Chef Okonkwo",
                "Your labelling system for the walk-in cooler was the tidiest I have seen in "
                "any kitchen.",
            ),
            letter(
                "Ms. Haddad",
                "I liked hearing how the prep team rotates stock in the walk-in cooler before "
                "every Friday service, and how the sous chef checks it.",
            ),
        ],
        None,
    ),
    (
        "the same past employer and years, different achievements",
        [
            letter(
                "Ms. Castellano",
                "My nine years as a paralegal at Brandt & Moss taught me to keep discovery "
                "deadlines without reminders.",
            ),
            letter(
                "Mr. Whitfield",
                "At Brandt & Moss I drafted more than two hundred deposition summaries for the "
                "employment practice over nine years.",
            ),
        ],
        None,
    ),
    (
        "courtesy openings and closings only, hospitality",
        [
            letter(
                "Ms. Laine",
                "Thank you for taking the time to meet with me.",
                "The story of the spa's reopening after the renovation was inspiring.",
                close="Thank you again for your time and consideration.",
            ),
            letter(
                "Mr. Tanaka",
                "Thank you for taking the time to meet with me.",
                "Your approach to training concierge staff on local restaurants impressed me.",
                close="Thank you again for your time and consideration.",
            ),
        ],
        None,
    ),
    (
        "shared enthusiasm for the role and the team, nothing specific",
        [
            letter(
                "Dr. Ames",
                "I am excited about the chance to join your team and contribute to its growth.",
                "Our talk about the clinic's dental programme for senior dogs stayed with me.",
            ),
            letter(
                "Ms. Patel",
                "I would be thrilled to join the team and help it grow.",
                "Your tips on the hiking trails near the clinic were very welcome.",
            ),
        ],
        None,
    ),
]


# Sentence pairs placed in two otherwise distinct notes: (industry and move, a, b, reworded?)
PAIRS = [
    (
        "site reliability: most ordinary words swapped, the specific ones kept",
        "Having spent four years on call for a payments platform handling 3,000 requests per "
        "second, I've learned to value calm incident response and thorough, blameless postmortems.",
        "Four years of on-call duty for a payments system serving 3,000 requests a second taught "
        "me to appreciate a calm response to incidents and a careful, blameless postmortem.",
        True,
    ),
    (
        "site reliability: the story retold around its figures, from their side first",
        "Having spent four years on call for a payments platform handling 3,000 requests per "
        "second, I've learned to value calm incident response and thorough, blameless postmortems.",
        "Your team clearly cares about calm incident handling and careful postmortems, which I "
        "came to value over four years carrying the pager for a payments platform at 3,000 "
        "requests per second.",
        True,
    ),
    (
        "site reliability: the same specific words, a different story",
        "Four years on call for a payments platform taught me that blameless postmortems matter.",
        "Your payments platform team runs blameless postmortems after every incident, which I "
        "admired, and the calm way you described the on-call rota was reassuring.",
        False,
    ),
    (
        "logistics: active to passive, cause and effect swapped",
        "As a shift lead at a regional distribution centre, I cut picking errors in half by "
        "redesigning how we label the pick faces.",
        "Picking errors fell by half after I redesigned the labelling of our pick faces while I "
        "was a shift lead at a regional distribution centre.",
        True,
    ),
    (
        "food bank: verb to gerund subject",
        "I coordinated the volunteer drivers for our food bank, matching more than sixty "
        "volunteers to weekly delivery routes.",
        "Coordinating the food bank's volunteer drivers meant matching over sixty volunteers "
        "with weekly delivery routes.",
        True,
    ),
    (
        "clinical lab: their problem and my experience, clauses swapped",
        "You explained that the lab's biggest bottleneck is sample intake, and my experience "
        "automating intake tracking at a clinical lab would let me help there.",
        "My background in automating sample intake tracking in a clinical lab seems a good match "
        "for the intake bottleneck your lab described as its biggest.",
        True,
    ),
    (
        "nonprofit grants: synonyms and tense",
        "I write every grant report with the program officer's questions in mind, which has "
        "helped our foundation renew funding three years running.",
        "Writing each grant report around the questions the program officer will ask has helped "
        "my foundation secure renewed funding for three straight years.",
        True,
    ),
    (
        "adult education: adverb to noun, clause order",
        "Teaching adult learners at the community college showed me how to explain spreadsheets "
        "patiently to people who fear them.",
        "I learned to explain spreadsheets with patience to people who are afraid of them while "
        "teaching adult learners at a community college.",
        True,
    ),
    (
        "warehouse: the same project discussed with two people, different things said",
        "Your plan to move the warehouse inventory onto handheld scanners before peak season "
        "sounds ambitious, and I liked hearing how the night crew tested them.",
        "I enjoyed seeing the handheld scanners the night crew is testing for the warehouse "
        "inventory before peak season, and your story about the first misread pallet.",
        False,
    ),
    (
        "hospital pharmacy: one practice, two observations",
        "I was impressed by how the pharmacy team double-checks every chemotherapy order before "
        "it reaches the ward.",
        "Watching the pharmacists double-check the chemotherapy orders showed me how seriously "
        "the hospital takes patient safety.",
        False,
    ),
    (
        "newsroom: the same routine, one note adds its own detail",
        "Your account of how the newsroom verifies reader tips before publishing stayed with me.",
        "I enjoyed hearing how the newsroom handles reader tips, especially the weekly "
        "verification meeting you run with the night editors.",
        False,
    ),
    (
        "sales: the same territory model, a different point made",
        "I enjoyed hearing how the sales team splits territories between new and existing "
        "accounts.",
        "The way your sales team divides territories between new accounts and renewals made a "
        "lot of sense to me, and I liked the weekly pipeline review.",
        False,
    ),
]


@pytest.mark.parametrize(("label", "a", "b", "reworded"), PAIRS, ids=[p[0] for p in PAIRS])
def test_rewording_pairs(label: str, a: str, b: str, reworded: bool) -> None:
    """A reworded sentence is flagged on both sides; two sentences on one topic are not."""
    found = dup(
        letter("Ms. Laine", "Our talk about the harbour ferry timetable was a delight.", a),
        letter("Mr. Tanaka", "Your tip about the bakery on Quay Street was excellent.", b),
    )
    assert found == ([["warning"], ["warning"]] if reworded else [[], []]), label


@pytest.mark.parametrize(
    ("label", "texts", "expected"),
    REWORDED + COURTESY_AND_FACTS,
    ids=[c[0] for c in REWORDED + COURTESY_AND_FACTS],
)
def test_rewording_table(label: str, texts: list[str], expected: str | None) -> None:
    """Reworded passages are flagged on both notes; courtesy and shared facts are not."""
    found = dup(*texts)
    if expected is None:
        assert found == [[] for _ in texts], label
        return
    flagged = [i for i, sev in enumerate(found) if sev]
    assert len(flagged) >= 2, (label, found)
    assert all(set(sev) <= {expected} for sev in found), (label, found)


def test_several_reworded_sentences_escalate_to_error() -> None:
    """Severity grows with what is shared: one reworded sentence warns, three are an error."""
    a = [
        "At my current clinic I introduced a triage checklist for the front desk, which "
        "shortened waiting times for urgent cases and calmed anxious owners.",
        "I have led a team of five veterinary nurses and I schedule their rotas so that every "
        "surgery day has two experienced anaesthetists on the floor.",
        "Last spring I rebuilt the practice's vaccine reminder process, and missed boosters "
        "dropped sharply within three months.",
    ]
    b = [
        "Anxious owners grew calmer and urgent cases waited less once I brought in a triage "
        "checklist for the reception desk at the clinic where I work now.",
        "Leading a team of five veterinary nurses, I scheduled their rotas so each surgery day "
        "had two experienced anaesthetists on the floor.",
        "Missed boosters fell sharply within three months after I redesigned the vaccine "
        "reminder process at the practice last spring.",
    ]
    one = dup(letter("Dr. Ames", a[0]), letter("Ms. Patel", b[0]))
    three = dup(letter("Dr. Ames", *a), letter("Ms. Patel", *b))
    assert one == [["warning"], ["warning"]]
    assert all(sev and set(sev) == {"error"} for sev in three), three


@pytest.mark.parametrize(
    ("words", "same"),
    [
        (("built", "building", "builds", "build"), True),
        (("led", "leading", "leads"), True),
        (("spoke", "speaking", "talked"), True),
        (("reduced", "cut", "shortened", "lowered"), True),
        (("client", "customers", "shoppers"), True),
        (("build", "reduce"), False),
        (("student", "teacher"), False),
    ],
)
def test_lemma_folds_tense_person_and_synonyms(words: tuple[str, ...], same: bool) -> None:
    """Inflections, irregular forms and synonyms share one lemma; unrelated words do not."""
    assert (len({lemma(w) for w in words}) == 1) is same


def test_content_lemmas_ignore_order_and_facts() -> None:
    """Reordered clauses give one lemma set; the company, the day and numbers are dropped."""
    a = content_lemmas("I trained six line cooks at Tavola on Monday, and prep stayed calm.")
    b = content_lemmas("Prep stayed calm once I had trained the line cooks at Tavola.")
    assert a == b
    assert not {"tavola", "monday", "six"} & a


def test_synonym_groups_are_disjoint() -> None:
    """A word folded into two groups would make the result depend on their order."""
    seen: dict[str, int] = {}
    for i, group in enumerate(_settings()["synonyms"]):
        for word in group:
            stem = _stem(str(word))
            assert seen.setdefault(stem, i) == i, f"{word!r} is in groups {seen[stem]} and {i}"
