"""The domain rules every note prompt must state (one phrase per rule of issue 3)."""

RULES = {
    "mirror the tone": "Mirror the tone",
    "name a topic": "specific topic this person discussed",
    "answer the objection indirectly": "answer the first (strongest) one indirectly",
    "never solve the problem": "Never try to solve the employer's problem",
    "formal register": "formal written register",
    "state the next step": "next step concretely",
    "length": "90 to 200 words",
    "no invented facts": "Never invent facts that are not in the debrief",
}
