"""The on-the-spot decision of the summary procedure (行政处罚法 arts 51–52, 68–69).

Unlike every other decision, it must tell the party that 复议 comes before any lawsuit
(行政复议法 art 23 ¶1 (一)); the party may sue only within 十五日 of the 复议 decision (行政诉讼法 art 45).
"""

from documents.blocks import Para, SignLine
from documents.checks import reconsideration, refusal, summary_fine
from documents.generator import Generator
from documents.sections import LATE_FEE_RULE, PAYMENT_MANNER, party_block, seal, sign_line
from documents.wording import chinese_date, label, reconsideration_body, you, yuan
from forms.choices import SUMMARY_PENALTY_TYPES


def _penalty(fields):
    if fields["penalty_type"] == "fine":
        return f"罚款{yuan(fields['fine_amount'])}"
    return label(SUMMARY_PENALTY_TYPES, fields["penalty_type"])


def _payment(fields, party):
    if fields["penalty_type"] != "fine":
        return []
    if fields.get("payment_manner") == "on_site":
        return [Para("罚款由执法人员依据《中华人民共和国行政处罚法》第六十八条的规定当场收缴，"
                     "并出具专用票据。")]
    return [Para(f"{party}应当自收到本决定书之日起十五日内，将罚款{PAYMENT_MANNER}。"
                 f"逾期不缴纳的，{LATE_FEE_RULE}。")]


def _remedies(doc, party):
    return Para(
        f"{party}如不服本决定，应当自收到本决定书之日起六十日内向{reconsideration_body(doc)}申请行政复议；"
        f"对行政复议决定不服的，可以自收到行政复议决定书之日起十五日内依法向人民法院提起行政诉讼。"
        f"依据《中华人民共和国行政复议法》第二十三条第一款第（一）项的规定，对当场作出的行政处罚决定不服的，"
        f"应当先向行政复议机关申请行政复议，不得直接向人民法院提起行政诉讼（复议前置）。"
    )


def _party_signature(fields):
    if fields.get("party_signed") is False:
        return Para(f"当事人拒绝签收：{fields['refusal_note']}", indent=False)
    return sign_line("当事人")


def _onsite_penalty_decision(doc):
    fields = doc.fields
    party = you(doc.party)
    return [
        party_block(doc),
        Para(f"{party}于{chinese_date(fields['decided_on'])}在{fields['place']}，{fields['facts']}"),
        Para(f"上述行为违反了{fields['articles']}的规定。依据上述规定及《中华人民共和国行政处罚法》第五十一条、"
             f"第五十二条的规定，本机关执法人员当场作出如下行政处罚：{_penalty(fields)}。"),
        *_payment(fields, party),
        _remedies(doc, party),
        Para("本决定书一式两份，一份当场交付当事人，一份报所属行政机关备案。"),
        *(SignLine(f"执法人员（签名）：{officer.name}　执法证号：{officer.certificate_no}")
          for officer in doc.officers),
        _party_signature(fields),
        seal(doc),
    ]


GENERATORS = {
    "onsite_penalty_decision": Generator(
        "当场行政处罚决定书", _onsite_penalty_decision, numbered=True, min_officers=2,
        required=("decided_on", "place", "facts", "articles", "penalty_type"),
        checks=(summary_fine, refusal, reconsideration),
    ),
}
