"""The decisions that end the general procedure: to penalise (行政处罚法 art 59) or not (art 57)."""

from documents.blocks import Para
from documents.checks import cause, discretion_reason, penalty_amounts, reconsideration
from documents.generator import Generator
from documents.sections import enforcement_notes, findings, party_block, payment, penalties, remedies, seal
from documents.wording import chinese_date, is_blank, label, one_case, you
from forms.choices import DISCRETION_TIERS

ACT = "《中华人民共和国行政处罚法》"


def _opening(doc, party):
    registered = doc.case.registered_on
    when = f"本机关于{chinese_date(registered)}" if registered else "本机关"
    return Para(f"{party}{one_case(doc)}，{when}立案调查，现已调查终结。")


def _rights(fields):
    return "陈述、申辩和听证" if fields.get("hearing_right") else "陈述、申辩"


def _response(fields, party):
    response = fields.get("party_response")
    rights = _rights(fields)
    if response == "statement":
        return f"{party}提出了陈述、申辩意见，本机关依法进行了复核：{fields.get('review_opinion', '')}"
    if response == "hearing_request" and not is_blank(fields.get("hearing_held_on")):
        return f"应{party}的要求，本机关于{chinese_date(fields['hearing_held_on'])}依法举行了听证。"
    if response == "waived":
        return f"{party}明确表示放弃{rights}的权利。"
    return f"{party}在规定期限内未提出{rights}。"


def _notice(doc, party):
    fields = doc.fields
    if is_blank(fields.get("notice_served_on")):
        return []
    told = (f"本机关于{chinese_date(fields['notice_served_on'])}向{party}送达了《行政处罚事先告知书》，"
            f"告知{party}拟作出行政处罚的事实、理由、依据及依法享有的{_rights(fields)}的权利。")
    return [Para(told + _response(fields, party))]


def _discretion(fields):
    reason = fields.get("discretion_reason")
    if is_blank(reason):
        return []
    return [Para(f"本案裁量等次为{label(DISCRETION_TIERS, fields['discretion_tier'])}，理由：{reason}")]


def _penalty_decision(doc):
    party = you(doc.party)
    return [
        party_block(doc),
        _opening(doc, party),
        *findings(doc, party),
        *_notice(doc, party),
        *_discretion(doc.fields),
        *penalties(doc, party, "决定"),
        *payment(doc, party),
        remedies(doc, party, "处罚决定"),
        enforcement_notes("处罚决定"),
        seal(doc),
    ]


def _no_penalty_basis(fields):
    if fields.get("no_penalty_ground"):
        return f"{ACT}第三十三条第一款、第五十七条第一款第（二）项"
    return f"{ACT}第五十七条第一款第（三）项"


def _no_penalty_decision(doc):
    fields = doc.fields
    party = you(doc.party)
    return [
        party_block(doc),
        _opening(doc, party),
        Para(f"经查，{fields['facts']}"),
        Para(f"以上事实有{fields['evidence_summary']}等证据证明。"),
        Para(f"本机关认为，{fields['no_penalty_reason']}依据{_no_penalty_basis(fields)}的规定，本机关决定对{party}不予行政处罚。"),
        remedies(doc, party, "决定"),
        seal(doc),
    ]


_DECISION = (
    "facts", "evidence_summary", "articles_violated", "penalty_basis", "penalty_types", "discretion_tier",
)

GENERATORS = {
    "penalty_decision": Generator(
        "行政处罚决定书", _penalty_decision, numbered=True, identifies_party=True, required=_DECISION,
        checks=(cause, penalty_amounts, discretion_reason, reconsideration),
        applies_if=lambda fields: fields.get("decision_result") != "return",
        inapplicable_reason="处罚决定审批被退回，不出具决定书",
    ),
    "no_penalty_decision": Generator(
        "不予行政处罚决定书", _no_penalty_decision, numbered=True, identifies_party=True,
        required=("facts", "evidence_summary", "no_penalty_result", "no_penalty_reason"),
        checks=(cause, reconsideration),
        applies_if=lambda fields: fields.get("no_penalty_result") != "return",
        inapplicable_reason="负责人未同意不予行政处罚",
    ),
}
