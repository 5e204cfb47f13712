# ruff: noqa: E501 - prose examples read best one sentence per line
"""Problem solving by mechanism: each discourse move that prescribes, with its near misses.

Each table holds wordings from several trades for one mechanism (what makes
the sentence a prescription, not which words it uses), and a table of near
misses: interest, curiosity, questions, the writer's past at another
employer, requested materials, polite timelines and logistics.
"""

from __future__ import annotations

import pytest

from followup.lint import lint_note


def wrap(body: str) -> str:
    """A plain note around a passage (salutation, thanks, close, sign-off)."""
    return (
        "Dear Ms. Lee,\n\nThank you for meeting with me on Tuesday about the role. "
        f"{body}\n\nI look forward to hearing from you.\n\nBest regards,\nSam Park\n"
    )


def flagged(body: str) -> bool:
    return any(
        f.category == "problem_solving" and f.severity != "info" for f in lint_note(wrap(body))
    )


# A change put as a wondering or a question about what they have considered.
WONDERING = [
    "When you mentioned that attendance drops on Friday afternoons, I wondered whether you had considered moving the lab periods to Fridays.",
    "I was wondering if the team had thought about staggering the shift start times on the loading dock.",
    "I'm curious whether you have looked into outsourcing the overnight payroll runs.",
    "I wonder whether the ward has considered rotating the porters between the two wings.",
    "I was wondering whether the district had thought about pairing new teachers with a mentor in their first term.",
    "Has the team ever looked at consolidating the three intake forms?",
]
WONDERING_NEAR = [
    "I wondered what the team had already tried on the Friday attendance problem.",
    "I'm curious whether you have considered candidates from outside the hospitality industry.",
    "I was wondering how the ward decided which porters cover the night shift.",
    "I'm curious how much of the absenteeism you see tied to last year's bus schedule changes.",
    "Have you ever considered hiring me for the senior post instead?",
]

# An intervention as the subject of a clause, with a claimed relief of their problem.
INTERVENTION_RELIEF = [
    "I noticed the pass got backed up on busy nights. Firing the tasting courses on a separate rail might smooth that out.",
    "About the drivers running out of hours on the long runs, splitting the Bakersfield leg into a relay at Tulare could help.",
    "Adding those packages to transformIgnorePatterns usually speeds it up quite a lot.",
    "Staggering the porters' breaks would probably ease the afternoon crush on the wards.",
    "On the late invoices, batching them by supplier every Monday tends to take care of most of that.",
    "I understand the intercompany reconciliations have been painful; a monthly netting calendar agreed with the subsidiaries tends to take most of the sting out of that.",
    "The month-end scramble is tough; a shared close checklist usually takes most of the pressure off it.",
    "As for the ticket backlog, tagging each one by product might make triage much faster.",
    "Your point about the weekend rota is fair; a clear policy usually helps with that kind of thing.",
    "Moving to a four-day rota would ease the weekend gaps.",
]
INTERVENTION_RELIEF_NEAR = [
    "Working alongside your nurses for a shift would help me understand the unit quickly.",
    "Seeing the kitchen during a full service would help me picture the role.",
    "Meeting the rest of the team would make it easier for me to plan my move.",
    "Having spent three years on a busy pass, I know how tense it can get when two menus land together.",
    "At my last restaurant, we fired the tasting menu on its own rail, and I learned a lot from that.",
    "Kitchens with two menus running at once usually get tense on Saturday nights.",
    "Projects like this usually take a whole team, and I would love to be part of it.",
    "Getting to know the night team would help me settle in quickly.",
    "A second conversation could help clear up any remaining questions about the start date.",
    "I was glad to hear the new rota should help with weekend coverage.",
    "Starting in March would suit me well, and it would help with my notice period.",
    "Meeting the team made the decision much easier for me.",
]

# A hedged or confident claim about the cause of their issue.
DIAGNOSIS = [
    "I think the issue might be that Jest is transforming your whole node_modules folder.",
    "I suspect the real problem may be that the alerts page everyone at once.",
    "My sense is the problem could be that the pick paths cross on the mezzanine.",
    "The trouble is probably that the rota goes out too late for weekend staff.",
    "Perhaps the cause may be that the survey only runs during working hours.",
]
DIAGNOSIS_NEAR = [
    "The only issue is that I am travelling next week, so Thursday would suit me best.",
    "The reason is that I have always wanted to teach in a school like Northgate.",
    "I'd be curious what you think the cause might be.",
    "The inconsistencies in variable naming sound like exactly the kind of puzzle I enjoy.",
]

# An offer of unpaid work on their problem.
UNPAID_OFFER = [
    "If it would be useful, I'd be glad to run a quick heuristic review of the appointment booking flow and send you my notes.",
    "I'd be happy to put together a short audit of your onboarding emails before our next conversation.",
    "If helpful, I could draft a rough teardown of the pricing page for the team.",
    "I'm glad to do a free assessment of the warehouse slotting and share my findings.",
    "Happy to put together a free benchmark of your cloud spend if that is useful.",
    "I'm happy to look over your onboarding emails and send you my notes.",
]
UNPAID_OFFER_NEAR = [
    "I'd be glad to send my portfolio and two writing samples if that would help.",
    "I'd be happy to prepare a presentation on my past projects for the panel.",
    "I'm happy to complete a skills assessment or a trial shift whenever suits you.",
    "I'd be glad to provide references from my last two managers.",
    "I would love to dig into the data with your team once I understand it from the inside.",
    "I'd be happy to walk you through an analysis of my thesis data.",
    "I'd be glad to do a review of the contract once it arrives.",
]

# Unrequested work already done on their product or process.
UNREQUESTED_WORK = [
    "I couldn't resist sketching a quick variation of the shipping step you showed me.",
    "The mock-up is here in case it is useful: figma.com/file/fernwood-ship-v2",
    "I went ahead and drafted an alternative version of your intake form.",
    "The prototype lives at github.com/sam/faster-checkout if you'd like to try it.",
    "I spent Sunday building a small prototype of the reorder screen you showed me.",
    "If it helps, I could sketch a quick redesign of the signup screen this weekend.",
]
UNREQUESTED_WORK_NEAR = [
    "My portfolio is here: sampark.design/work",
    "The mock-ups from my capstone project are at sampark.design/capstone, as you asked.",
    "I couldn't resist asking Nico about the garde-manger station afterwards.",
    "At Pennant Bank I sketched a new version of the verification flow, and it taught me a lot.",
    "The demo is at the end of my portfolio if you'd like to see the Pennant work.",
    "I spent three years building a reporting suite for the board at Acme.",
]

# A condition put to them whose consequence is an improvement of their operation.
CONDITION_IMPROVEMENT = [
    "You told me the weekend staff is often late. I think if you publish the rota two weeks before, the people can plan better and come on time.",
    "If the clinic sent reminder texts the day before, fewer patients would miss appointments.",
    "If your drivers took the ring road at peak, the deliveries would arrive sooner.",
    "If the team tagged each ticket by product, triage would be much faster.",
    "I think when you give the drivers the route the night before, they will leave the depot faster.",
    "If the pharmacy opened the second till at lunch, customers would wait less.",
]
CONDITION_IMPROVEMENT_NEAR = [
    "If you need anything else from me, I can get it to you faster by e-mail.",
    "If you decide to move forward, I can start sooner than the date we discussed.",
    "If you publish the shortlist next week, I will plan my travel better.",
    "If the timing does not work for you, please don't worry; I completely understand.",
    "If you have any questions about my background, I would be happy to answer them.",
    "When you have made your decision, I would be grateful for a quick note.",
    "Once the team moves to the new building, I'd love to see the lab.",
    "When you mentioned the handover problem, it made me think of my time on 5 North.",
]

# Logistics and polite timelines near the same words.
LOGISTICS_NEAR = [
    "I will try your direct line again on Friday if that suits you.",
    "I have another offer to answer by June 3, and if the timing doesn't work, I completely understand.",
    "If you are able to share where things stand by Friday, that would help, and if not, no problem at all.",
    "If it is not an issue, moving my start date to May would help with my notice.",
    "I'd be glad to send a sample report of the kind I wrote at Meridian.",
    "A quick reply would help me plan my notice period, but please don't feel rushed.",
]

POSITIVE = [
    *WONDERING,
    *INTERVENTION_RELIEF,
    *DIAGNOSIS,
    *UNPAID_OFFER,
    *UNREQUESTED_WORK,
    *CONDITION_IMPROVEMENT,
]
NEGATIVE = [
    *WONDERING_NEAR,
    *INTERVENTION_RELIEF_NEAR,
    *DIAGNOSIS_NEAR,
    *UNPAID_OFFER_NEAR,
    *UNREQUESTED_WORK_NEAR,
    *CONDITION_IMPROVEMENT_NEAR,
    *LOGISTICS_NEAR,
]


@pytest.mark.parametrize("body", POSITIVE)
def test_mechanism_is_flagged(body: str) -> None:
    """Each mechanism prescribes for their problem, whatever the trade or wording."""
    assert flagged(body)


@pytest.mark.parametrize("body", NEGATIVE)
def test_near_miss_passes(body: str) -> None:
    """Interest, curiosity, the writer's past, requested materials and logistics pass."""
    assert not flagged(body)
