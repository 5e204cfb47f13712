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
    # A polite timeline (holdout-4, tl-h4-02): their process, and the writer's preference.
    "I would much rather join Halden, and if your timeline allows you to take the next step sooner, I would welcome it.",
    "I understand a search like this takes time, and I would rather the board be confident in its choice than rushed.",
    "If your schedule permits a second conversation next week, I would be glad to come in.",
    # Permission to choose someone else (holdout-14, tl-h14-10).
    "If it makes more sense to move forward with someone else in the meantime, I'll completely understand.",
]

# A clause that only points at their problem ("you mentioned") before the clause that proposes.
POINTER_THEN_PROPOSAL = [
    "On the no-show rate you mentioned, a personal reminder call the day before could bring it down.",
    "Regarding the delays which you had mentioned, I would humbly suggest that the department consider a single-window system.",
    "About the weekend overtime you described, a second float nurse on Saturdays would cut most of it.",
    "On the returns you explained, a photo check at packing could bring the number down.",
    "Since you mentioned that waiting times had grown, the surgery could open a second triage line in the mornings.",
    "The missed deliveries you described: a text to each customer an hour before could keep most of them from happening.",
    "As for the slow month-end close you mentioned, a netting calendar agreed with the subsidiaries could cut it by several days.",
    "On the churn you described, a call from the account manager in month two could win back a fair number of them.",
    "Regarding the late rotas which you had mentioned, I would respectfully suggest that the ward publish them a month ahead.",
    "With the no-shows you mentioned, a text the evening before could cut them noticeably.",
]
POINTER_THEN_PROPOSAL_NEAR = [
    "On the no-show rate you mentioned, I would love to learn more about what the clinic has tried.",
    "At my last clinic, reminder calls brought no-shows down by a third.",
    "At my last clinic, we found that reminder calls could bring no-shows down.",
    "You mentioned the weekend overtime, which I would be glad to hear more about.",
    "I was glad to hear that the new rota should help with weekend coverage.",
    "You mentioned the new booking system, which should help the front desk a great deal.",
    "Regarding the delays you had mentioned, I would be happy to discuss my experience with similar schemes.",
    "On the returns you explained, how does the team decide which parcels to inspect?",
    "I enjoyed hearing how the new rota, once it is in place, should free up the nurses.",
    "Your plan to add a second shift sounds great, and it should help with the backlog.",
    "You said the new booking tool could bring the no-shows down, which is exciting.",
    "As you said, the new system should go a long way for your drivers.",
    "I was excited to hear about the new scheduling system, which should cut the wait times.",
    "Regarding the start date you mentioned, I could begin on the 14th if that helps your team.",
    "Happy to send anything else you need, and no worries if the decision takes a while on your end.",
    "I'd be glad to come back for a second visit, and no rush if the board needs longer to cut the shortlist.",
    "I've been running the night shift at a busy depot for three years, loading the vans and training the new drivers, so I'd fit right in with your team.",
    "With my ten years of buying experience, you would be making a real mistake to hire anyone else.",
]

# A benefit claimed for something that is not the writer, after a modal or a habit.
BENEFIT = [
    "A short round of calls from board members in January could win back a good share of the lapsed donors.",
    "A prep list by station, posted at two, might take some of the pressure off the cooks.",
    "Maybe a small welcome card in the guest's own language could help with this kind of comment.",
    "A shared parts shelf in each van would go a long way for the engineers.",
    "A weekly stand-up with the night porters could make a real difference to the handovers.",
    "A second checkout lane at lunch could free up the pharmacists for consultations.",
    "Pairing each new adjuster with a senior one would head off most of the rework on the desk.",
    "A one-page FAQ for applicants can sort out most of the calls before they reach the office.",
    "About the Friday bottleneck at the pass, a second expo on Fridays might take a lot of the heat off the line cooks.",
    "Little things like a named contact for each supplier tend to pay off quickly for the buyers.",
    "Maybe a short checklist at handover could help with these kinds of errors on the ward.",
]
BENEFIT_NEAR = [
    "Any feedback you can share would go a long way.",
    "My experience with donor calls could make a real difference to your team.",
    "A second conversation could help clear up any remaining questions about the start date.",
    "I'd be happy to send my portfolio or references if that would help.",
    "Working a trial shift would help me see the kitchen at full speed.",
    "At my last store, a second checkout lane at lunch freed up the pharmacists.",
    "Could a reminder call bring the no-show rate down?",
    "My background in retail could go a long way for your customers.",
    "Your thoughts on the timeline would help a great deal.",
    "I believe my background in logistics could help your team with the backlog.",
    "My ten years on the floor, I think, would go a long way for your customers.",
    "When I was at Acme, a weekly stand-up made a real difference to the handovers.",
    "I'd be happy to send my portfolio, which should give you a sense of my design work.",
    "The volunteers, who have been coming for a decade, make all the difference to the families.",
    "Would a reminder call the day before help with the no-shows?",
]

# An explicit recommendation, with room for a modest adverb or a modest noun.
RECOMMENDATION_FRAME = [
    "I would urge the practice to move the recall letters to text messages.",
    "I would humbly suggest that the council publish the grant calendar in January.",
    "May I suggest rotating the porters between the two wings.",
    "I'd gently recommend that the warehouse move the fast-moving lines closer to the dock.",
    "My humble suggestion would be to pair each new teller with a senior colleague for the first month.",
    "In my opinion, the best way to raise sign-ups would be to put the membership form on the ticket page.",
    "The answer might be to batch the lab requests by ward.",
    "The key here is to publish the rota two weeks ahead.",
    "You may want to pilot the new menu on Tuesdays first.",
    "It could be worth trialling evening appointments for working parents.",
    "One option would be to stagger the start times on the loading dock.",
    "Might I suggest that the front desk hand out the Wi-Fi code with the key card.",
    "I'd quietly recommend that the district move the benchmark test to October.",
    "In my view, the simplest way to cut the queue would be to open the second till at noon.",
    "The trick might be to route the small claims to a fast-track desk.",
    "I feel you need to change the rota before the summer.",
]
RECOMMENDATION_FRAME_NEAR = [
    "I would urge you to make your decision quickly, as other offers are on the table.",
    "I'd strongly suggest that the panel move forward with my application this week.",
    "May I suggest a short call next week to discuss next steps.",
    "I would humbly suggest that you contact my former manager for a reference.",
    "The best way to reach me is by phone after five.",
    "I'd recommend the Thai place on Ferry Street if you haven't tried it.",
    "My one suggestion would be that we meet at the site next time.",
    "I can recommend two former colleagues as references.",
    "The key for me is to keep learning from people like your team.",
    "In my opinion, the best part of the visit was meeting the volunteers.",
    "Would you suggest that I read anything before the next round?",
    "What would you recommend that the new hire focus on first?",
    "I enjoyed your question about how I would brief a minister who has ten minutes.",
    "2,300 open tickets is a lot for a team of nine.",
    'If the answer is "not by then", I will take it as a clear answer and not as a slight.',
    "If I am to join your group, I would want to apply for the fellowship with you as host.",
    # Lifting an obligation from them prescribes nothing.
    "Please don't feel you need to respond to it now.",
    "Please do not feel that you have to change the rota for me.",
    "You need to reply only when the panel has decided.",
]

# A deliverable made for their problem, or free work on it, offered unasked.
DELIVERABLE = [
    "I've attached a two-page memo outlining how I would approach the review backlog.",
    "I've enclosed a short outline of how the intake could be split between two clerks.",
    "I have linked a rough deck with three options for the loyalty scheme.",
    "I've included a one-page sketch of a new station layout for the line.",
    "I've attached a document outlining how the ward could stagger breaks.",
    "I'd be happy to offer a free review of your current AP workflow.",
    "I'd be glad to run a complimentary audit of your stock counts before you decide.",
    "I could spend a day with your clerks, map the approval path, and send you a short written summary of where the bottlenecks are.",
    "I'm happy to shadow the dispatch desk for a morning and send you notes on the biggest delays.",
    "I've attached a short memo setting out how the intake could be split.",
    "I have enclosed a rough outline of a new onboarding sequence for the drivers.",
    "I'd be glad to do a free assessment of your loading dock before you decide.",
    "I could sit with the dispatchers for a week and send you a report on where the delays come from.",
]
DELIVERABLE_NEAR = [
    "I've attached my portfolio and the writing sample you asked for.",
    "I've attached a memo I wrote at my last firm as a writing sample.",
    "I'd be happy to send my references or a writing sample.",
    "I'd be happy to send you a summary of my experience with audits.",
    "I'll send you a summary of what we discussed about the start date.",
    "I've attached the sample lesson plan from my student teaching.",
    "I'm happy to complete a free trial shift whenever suits you.",
    "I'd be glad to do a free skills assessment of my own if that helps.",
    "I've included a copy of my nursing licence and my certificates.",
    "I'd be happy to send the writing sample you asked for.",
    "Would a free trial shift next week be useful?",
    "I am happy to send a one-page summary of what the visa transfer involves for your HR team.",
]

# Blind sets S and T: a change wondered about as the thing that would help, "one thing
# that might ...", work offered free, the writer's own recommendations promised, a
# diagnosis given as the writer's view, a causative "having" clause.
SUBTLE_ROUND = [
    "I wonder whether having a second person verify every deadline in the docketing calendar would catch those before they become close calls.",
    "One thing that might take some pressure off is running the auto-refill batch on Sunday evening.",
    "I would be happy to come back on a day that suits you, walk those areas free of charge, and send you a short written report.",
    "I would send you a short written report along with the changes I would recommend.",
    "About the shelf-life complaints, my two cents: I think the problem is not in the trucks but at the loading dock.",
    "Just my two cents on the call-outs: having two substitute drivers report to the yard at 5:45 usually covers most of the morning gaps.",
    # Blind set U.
    "Once we proofed in two staggered waves, our waste fell by half; I imagine something along those lines could work for your team as well.",
    "Wouldn't a shared wind forecast board let the planners resequence the bays before a hold?",
    "I got a bit carried away afterwards and built a calendar that maps your three programs against the grant deadlines.",
]
SUBTLE_ROUND_NEAR = [
    "I wonder whether meeting the night team would help me settle in faster.",
    "One thing that might surprise you is that I started in the warehouse myself.",
    "I'm happy to complete a trial shift free of charge whenever suits you.",
    "Having spent three years on a busy pass usually helps me stay calm on Saturdays.",
    "I think the problem you described is a fascinating one.",
    "We met at 5:45 and the shift usually covers the whole morning rush, which I loved.",
    "Wouldn't it be great to build that archive together?",
    "At my last job I built a calendar that mapped our grant deadlines.",
    "Something along those lines would be a wonderful next step for me.",
    # Blind set V: the writer's past with a figure ("2,000 machines" is no clause break),
    # a help to the writer, a courtesy.
    "At Riverside I was on the desk that handled the upgrade for 2,000 machines, and I know what it's like when the queue grows faster than anyone can close it.",
    "If the remaining interviews could happen before then, that would really help me.",
    "I remain at your disposal should you require anything further.",
]

POSITIVE = [
    *SUBTLE_ROUND,
    *WONDERING,
    *INTERVENTION_RELIEF,
    *DIAGNOSIS,
    *UNPAID_OFFER,
    *UNREQUESTED_WORK,
    *CONDITION_IMPROVEMENT,
    *POINTER_THEN_PROPOSAL,
    *BENEFIT,
    *RECOMMENDATION_FRAME,
    *DELIVERABLE,
]
NEGATIVE = [
    *SUBTLE_ROUND_NEAR,
    *WONDERING_NEAR,
    *INTERVENTION_RELIEF_NEAR,
    *DIAGNOSIS_NEAR,
    *UNPAID_OFFER_NEAR,
    *UNREQUESTED_WORK_NEAR,
    *CONDITION_IMPROVEMENT_NEAR,
    *LOGISTICS_NEAR,
    *POINTER_THEN_PROPOSAL_NEAR,
    *BENEFIT_NEAR,
    *RECOMMENDATION_FRAME_NEAR,
    *DELIVERABLE_NEAR,
]


@pytest.mark.parametrize("body", POSITIVE)
def test_mechanism_is_flagged(body: str) -> None:
    """Each mechanism prescribes for their problem, whatever the trade or wording."""
    assert flagged(body)


@pytest.mark.parametrize("body", NEGATIVE)
def test_near_miss_passes(body: str) -> None:
    """Interest, curiosity, the writer's past, requested materials and logistics pass."""
    assert not flagged(body)
