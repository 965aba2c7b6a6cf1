"""Which answers of which review forms send a case back, and where their reason is written.

A send-back is an ordinary completion whose result field holds the returning code; the form
already requires the opinion in that case. Keyed by form key, like every registry of caseflow.
"""

SEND_BACKS = {
    "conclusion_review": ("conclusion_review_result", "return", "conclusion_review_opinion"),
    "deliberation": ("deliberation_result", "return", "deliberation_opinion"),
    "legal_review": ("legal_review_result", "fail", "legal_review_opinion"),
    "collective_discussion": ("discussion_result", "return", "discussion_conclusion"),
    "decision_approval": ("decision_result", "return", "decision_opinion"),
    "no_penalty_decision": ("no_penalty_result", "return", "no_penalty_reason"),
    "closure_approval": ("closure_result", "return", "closure_opinion"),
    "filing_acknowledgement": ("filing_result", "returned", "filing_opinion"),
}


def reason(form_key: str, data: dict | None) -> str | None:
    """The opinion given with a send-back, or None when the completion was no send-back."""
    entry = SEND_BACKS.get(form_key)
    if entry is None or not data or data.get(entry[0]) != entry[1]:
        return None
    return data.get(entry[2]) or ""
