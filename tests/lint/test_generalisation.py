# ruff: noqa: E501 - prose examples read best one sentence per line
"""Generalisation tables: notes written to probe each rule in wording it was not built from.

Problem solving in many phrasings must be caught; interest in the problem,
past experience and commitment must pass. Informal and pushy notes must be
caught; a polite timeline with permission to say no must pass.
"""

from __future__ import annotations

import pytest

from followup.lint import lint_note


def wrap(s: str, greet: str = "Dear Ms. Lee,") -> str:
    """A plain note around one sentence (salutation, thanks, close, sign-off)."""
    return (
        f"{greet}\n\nThank you for meeting with me on Tuesday about the analyst role. {s}"
        "\n\nI look forward to hearing from you.\n\nBest regards,\nSam Park\n"
    )


def flagged(text: str, category: str) -> bool:
    return any(f.category == category and f.severity != "info" for f in lint_note(text))


PRESCRIPTIONS = [
    "I took a look at your website and noticed the checkout takes five clicks; trimming it to two would lift conversions.",
    "From my experience, the answer to high turnover is almost always better onboarding.",
    "What worked for us at Acme was a shared on-call calendar, and I think it would work just as well for your team.",
    "I can already see a few quick improvements to the intake process.",
    "Your team could really benefit from a weekly planning meeting.",
    "Have you looked into outsourcing the payroll processing?",
    "It might help to split the support queue by product line.",
    "A good first step might be an audit of every recurring report.",
    "Personally, I'd scrap the quarterly survey and talk to five customers a week instead.",
    "The backlog would shrink quickly if each engineer took two tickets a day.",
    "I noticed your job ads are very long; you may want to shorten them to attract more applicants.",
    "Rolling the two warehouses into one would save you a fortune in rent.",
    "In my first 90 days I would map every handoff in the returns process and cut the number of touches in half.",
    "One thing that might help is moving the pick faces for your top sellers next to the packing benches.",
    "The quickest win would be to stop printing paper tickets and route everything through the tablets.",
    "Switching your CRM to weekly cadence emails would lift renewals noticeably.",
    "Your onboarding is simply too long; it needs to be cut to two weeks with a buddy system.",
    "If you add a second reviewer to the night shift, most of these errors will disappear.",
    "I'm confident that adding a scan-to-confirm step will solve the mis-pick problem.",
    "From what you described, the churn is really a pricing problem, and a cheaper starter tier would fix it.",
    "Honestly, I think the team should drop the monthly report entirely and move to a live dashboard.",
    "A better approach would be to hire two seasonal coordinators and stagger their shifts.",
    "My suggestion: merge the two support queues and give each agent a fixed set of accounts.",
    "Rather than hiring, I would automate the invoice matching; it should save about ten hours a week.",
    "The real issue, as I see it, is that nobody owns the vendor relationship end to end.",
    "It seems to me that the delays come from approvals sitting with one director; delegating them would speed things up.",
    "Instead of a new hire, you could retrain two of the current analysts on forecasting.",
    "Reading between the lines, your conversion drop looks like a checkout problem rather than a traffic one.",
    "I put some thought into the staffing gaps, and a float pool shared between the two clinics would cover most of them.",
    "Based on our talk, I'd prioritise the warehouse migration over the new dashboard and delay the dashboard to Q3.",
    "A weekly stand-up between sales and operations would go a long way toward ending the missed deliveries.",
    "The data you showed me suggests the spike in returns is a sizing issue, so a fit guide on the product page should help.",
    "There are three things I would change right away: the intake form, the triage rota, and the escalation path.",
    "To get the backlog under control, I'd set a two-week freeze on new requests and clear the oldest tickets first.",
    "Here are some thoughts on the retention problem:\n\n- exit interviews for every leaver\n- a clear promotion ladder\n- quarterly pay reviews",
    "I believe the answer lies in cross-training the front desk so check-ins never queue behind one person.",
    "Moving the weekly report to Monday mornings and cutting it to one page would make it far more useful to the floor supervisors.",
    "What your team really needs is a single source of truth for inventory.",
    "I sketched a new layout for the stockroom that frees up two aisles; I'd be happy to send it over.",
]

INTEREST_ONLY = [
    "What worked for me at Acme was listening first, and I would bring the same approach.",
    "I can already see how much I would learn from your team.",
    "It might help to know that I have run a similar program before.",
    "I have a few ideas I'd be happy to talk through once I understand the problem better.",
    "A good first step for me would be to meet everyone on the floor.",
    "It was great to hear how the new scheduling tool will help reduce overtime.",
    "I was glad to hear that the planned upgrade should help with the delays.",
    "Your plan to add a second shift sounds like it will really ease the backlog.",
    "I can see how the warehouse move would make a big difference to the team.",
    "I was fascinated by the mis-pick problem on the night shift, and I would love to help the team work on it.",
    "Reducing churn is exactly the kind of challenge I enjoy, and I'd welcome the chance to learn how your team approaches it.",
    "At my last company I cut onboarding time by half by introducing a buddy system, so this problem is close to my heart.",
    "I have thought a lot about the delays you mentioned, and I look forward to understanding them better from the inside.",
    "I know there is no quick fix for staffing shortages, and I'd be glad to bring my scheduling experience to the team.",
    "Your plans to move to a live dashboard sound exciting, and I would enjoy contributing to that work.",
    "I would bring six years of forecasting experience to the team and would welcome the chance to contribute.",
    "I'd love to hear more about how the team plans to tackle the backlog.",
    "The checkout drop you mentioned sounds like a fascinating puzzle, and I would enjoy digging into it with the team.",
    "I was glad to hear the team is already working on the staffing gaps, and I'd be happy to contribute my scheduling experience.",
    "In my last role I set up a float pool shared between two clinics, which taught me a lot about scheduling.",
    "I would love to be part of the warehouse migration and learn how you plan to phase it.",
    "Thank you for walking me through the retention challenges; it is work I care about a great deal.",
    "I'd welcome the chance to understand the backlog better and to help wherever I can.",
    "Our conversation about the returns spike stayed with me, and it is exactly the kind of problem I enjoy.",
    "I am confident my experience with inventory systems would help me contribute quickly.",
    "This experience would help me contribute to reducing the backlog quickly.",
    "The skills I built managing returns would help me get up to speed on your delays.",
    "That background would make it easier for me to support the team on the staffing gaps.",
    "I would like the chance to help the team with the conversion drop.",
    "A role like this would let me focus on the retention problems I enjoy most.",
    "I would relish the chance to work on the mis-picks with your night crew.",
    "The challenge of cutting delays is one I would find very rewarding.",
    "I'd imagine the backlog is a real source of stress for the team, and I'd be glad to help.",
    "It sounds like a complex problem, and I'd love to learn more about it.",
    "I would approach the problem carefully and listen first.",
    "I would treat the backlog as my first priority to understand.",
    "I'd hit the ground running on the returns work.",
    "The team would be a great fit for my background in logistics.",
]

INFORMAL = [
    wrap("It was awesome chatting w/ you and the team, super fun vibe."),
    wrap("Honestly the role sounds dope and I'm totally down to start asap."),
    wrap("Ur team seems great, can't wait to hear back!!"),
    wrap("I really enjoyed it 🙂 Let me know what's next."),
    "hey sarah,\n\nthanks so much for the interview today. i really enjoyed meeting everyone and learning about the role. let me know if u need anything else from me.\n\ncheers,\nsam\n",
    wrap("The interview was legit one of the best I've had, no cap."),
    wrap("Lemme know if there's anything else you need from me, happy to help out."),
    wrap("Thanks a bunch for the chat, it was really cool to meet y'all.", greet="Hi there Sarah!"),
    wrap("It was great! I loved the office! Hope to hear from you soon!"),
    wrap("I'm def interested and would luv to join, tysm for your time.") + "\nSent from my iPhone",
    wrap("Gotta say, the team seemed pretty rad and the project sounds sick."),
    wrap("Was great meeting ya. Catch you later!"),
]

PUSHY = [
    wrap("I need to know by Friday whether I got the job, as I have other options."),
    wrap("Frankly, nobody else you interview will match my experience."),
    wrap("I'll be calling your office every morning until I hear something."),
    wrap("I must insist on an update this week; I have been patient long enough."),
    wrap("I am counting on this offer and honestly don't know what I'll do if I don't get it."),
    wrap("It's been a week and I still haven't heard anything. Is there a problem?"),
    wrap("Please give me an answer as soon as possible as I can't keep waiting."),
    wrap("I expect to receive an offer by the end of next week."),
    wrap("I'll stop by the office tomorrow to follow up in person."),
    wrap("You would be making a big mistake if you passed on me."),
    wrap("I have followed up three times now and would appreciate the courtesy of a reply."),
    wrap("I really, really want this job more than anything and I'm begging you to consider me."),
]

POLITE = [
    wrap(
        "I wanted to let you know that I have received another offer and need to respond by March 20. Your team remains my first choice; if there is any way to move the process forward before then, I would be grateful, but I completely understand if that is not possible."
    ),
    wrap(
        "I have a deadline of Friday on another offer. If you are able to share where things stand by then I would appreciate it, and if not, no problem at all."
    ),
    wrap(
        "I wanted to check in on the timeline you mentioned and see whether there is anything else I can provide."
    ),
    wrap("I am very interested in the role and confident I could contribute quickly."),
    wrap(
        "I know you are speaking with other strong candidates, and I appreciate your consideration."
    ),
]


@pytest.mark.parametrize("sentence", PRESCRIPTIONS)
def test_prescriptions_are_flagged(sentence: str) -> None:
    """A plan, fix, diagnosis or deliverable for the employer's problem is problem solving."""
    assert flagged(wrap(sentence), "problem_solving")


@pytest.mark.parametrize("sentence", INTEREST_ONLY)
def test_interest_in_the_problem_passes(sentence: str) -> None:
    """Interest in the problem, past experience and commitment are not problem solving."""
    assert not flagged(wrap(sentence), "problem_solving")


@pytest.mark.parametrize("text", INFORMAL)
def test_informal_notes_are_flagged(text: str) -> None:
    """Slang, shorthand, emoji, exclamations, lower case and phone signatures are caught."""
    assert flagged(text, "formality")


@pytest.mark.parametrize("text", PUSHY)
def test_pushy_notes_are_flagged(text: str) -> None:
    """Desperation, overclaiming, demands, impatience and chasing are caught."""
    assert flagged(text, "pushy")


@pytest.mark.parametrize("text", POLITE)
def test_polite_timelines_pass(text: str) -> None:
    """Sharing your own timeline with permission to say no is not pushy."""
    assert not flagged(text, "pushy")
