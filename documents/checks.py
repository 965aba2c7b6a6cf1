"""Requirements that depend on the data: a fine needs its amount, a letter its case's cause.

Each check takes the DocumentData and returns the Chinese names of what is missing.
"""

from documents.wording import amount, fine_amount, is_blank, reconsideration_body


def cause(doc):
    """Letters and records name the case by its 案由, fixed at registration."""
    return ["案由"] if is_blank(doc.case.cause) else []


def penalty_amounts(doc):
    """A fine or a confiscation of income cannot be imposed without its amount."""
    chosen = doc.fields.get("penalty_types") or ()
    labels = []
    if "fine" in chosen and fine_amount(doc.fields) <= 0:
        labels.append("罚款金额")
    if "confiscate_income" in chosen and amount(doc.fields, "confiscation_amount") <= 0:
        labels.append("没收违法所得金额")
    return labels


def proposed_penalties(doc):
    """A proposal to penalise must say which penalties."""
    proposes = doc.fields.get("proposal") == "penalty"
    return ["处罚种类"] if proposes and is_blank(doc.fields.get("penalty_types")) else []


def discretion_reason(doc):
    """Where a fine's amount was chosen within a range, the decision gives the reason for the tier."""
    fined = "fine" in (doc.fields.get("penalty_types") or ())
    return ["裁量理由"] if fined and is_blank(doc.fields.get("discretion_reason")) else []


def reconsideration(doc):
    """The 复议 route must name a body; neither fields nor the agency may leave it unknown."""
    return [] if reconsideration_body(doc) else ["行政复议机关（或机关所在行政区划）"]


def revised_fine(doc):
    """A penalty changed after 复核 must state the new fine."""
    fields = doc.fields
    changed = fields.get("penalty_changed") and "fine" in (fields.get("penalty_types") or ())
    return ["变更后的罚款金额"] if changed and amount(fields, "revised_fine_amount") <= 0 else []


def amount_owed(doc):
    """A demand or an enforcement application states an unpaid amount, and with a fine its late fee."""
    fined = fine_amount(doc.fields) > 0
    if not fined and amount(doc.fields, "confiscation_amount") == 0:
        return ["应缴罚没款金额"]
    return ["加处罚款金额"] if fined and is_blank(doc.fields.get("late_fee")) else []


def summary_fine(doc):
    """An on-the-spot fine needs its amount."""
    fined = doc.fields.get("penalty_type") == "fine"
    return ["罚款金额"] if fined and amount(doc.fields, "fine_amount") <= 0 else []


def refusal(doc):
    """When the party would not sign, the decision records the refusal (行政处罚法 art 52)."""
    refused = doc.fields.get("party_signed") is False
    return ["当事人拒绝签收情况"] if refused and is_blank(doc.fields.get("refusal_note")) else []
