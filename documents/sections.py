"""Passages several documents share word for word, so a change in the law is made in one place.

Statutory periods are written in Chinese numerals (十五日, 六十日, 六个月) as the law writes them.
"""

from documents.blocks import Para, Seal, SignLine
from documents.wording import (
    amount,
    chinese_date,
    fine_amount,
    is_blank,
    numbered,
    party_rows,
    penalty_lines,
    reconsideration_body,
    yuan,
)

PAYMENT_MANNER = "到指定的银行或者通过电子支付系统缴纳"
LATE_FEE_RULE = "每日按罚款数额的百分之三加处罚款，加处罚款的数额不超过罚款数额"
SIGNATURE_SPACE = "\u00a0" * 24  # no-break spaces: reportlab collapses ordinary and ideographic ones


def party_block(doc) -> Para:
    """The party's particulars, one per line, at the head of an outgoing document."""
    return Para("\n".join(f"{name}：{value}" for name, value in party_rows(doc.party)), indent=False)


def addressee(name) -> Para:
    """The salutation line of a letter."""
    return Para(f"{name}：", indent=False)


def case_rows(doc) -> tuple[tuple[str, str], ...]:
    """Case number, cause and party: the head of every internal record."""
    rows = [("案件编号", doc.case.number)]
    if not is_blank(doc.case.cause):
        rows.append(("案由", doc.case.cause))
    return (*rows, *party_rows(doc.party))


def findings(doc, you) -> list[Para]:
    """Facts, the evidence proving them and the articles they violate."""
    fields = doc.fields
    return [
        Para(f"经查，{fields['facts']}"),
        Para(f"以上事实有{fields['evidence_summary']}等证据证明。"),
        Para(f"{you}的上述行为违反了{fields['articles_violated']}的规定。"),
    ]


def penalties(doc, you, verb) -> list[Para]:
    """The basis and the enumerated penalties; verb is 拟 in a notice, 决定 in a decision."""
    return [
        Para(f"依据{doc.fields['penalty_basis']}的规定，本机关{verb}对{you}作出如下行政处罚："),
        Para(numbered(penalty_lines(doc.fields))),
    ]


def payment(doc, you) -> list[Para]:
    """Where and by when to pay (行政处罚法 art 67) and the late fee that follows (art 72)."""
    fields = doc.fields
    if fine_amount(fields) == 0 and amount(fields, "confiscation_amount") == 0:
        return []
    text = f"{you}应当自收到本决定书之日起十五日内，将罚没款{PAYMENT_MANNER}。"
    if fine_amount(fields) > 0:
        text += ("逾期不缴纳罚款的，本机关将依据《中华人民共和国行政处罚法》"
                 f"第七十二条第一款第（一）项的规定，{LATE_FEE_RULE}。")
    return [Para(text)]


def remedies(doc, you, subject) -> Para:
    """复议 within 六十日 to the agency's level of government (行政复议法 art 24) or suit within 六个月."""
    return Para(f"{you}如不服本{subject}，可以自收到本决定书之日起六十日内"
                f"向{reconsideration_body(doc)}申请行政复议，"
                f"也可以自收到本决定书之日起六个月内直接向人民法院提起行政诉讼。")


def enforcement_notes(subject) -> Para:
    """An appeal does not suspend the penalty (art 73), and default leads to the court (art 72 ¶1 (四))."""
    return Para(f"行政复议或者行政诉讼期间，本{subject}不停止执行，法律另有规定的除外。"
                f"逾期不申请行政复议、不提起行政诉讼，又不履行本{subject}的，本机关将依法申请人民法院强制执行。")


def dues(doc) -> list[Para]:
    """What a defaulting party owes on the document's date, enumerated, then the total.

    The late fee is the engine's figure (fields["late_fee"]): only the engine knows the holiday-
    adjusted payment deadline and the days a pending appeal kept the fee from running (art 73).
    """
    fields = doc.fields
    fine = fine_amount(fields)
    fee = amount(fields, "late_fee")
    confiscation = amount(fields, "confiscation_amount")
    lines = []
    if fine > 0:
        lines.append(f"罚款{yuan(fine)}")
        lines.append(f"加处罚款{yuan(fee)}（{LATE_FEE_RULE}；计至{chinese_date(doc.issued_on)}，此后继续计算至缴清之日）")
    if confiscation > 0:
        lines.append(f"没收违法所得{yuan(confiscation)}")
    return [Para(numbered(lines)), Para(f"以上合计{yuan(fine + fee + confiscation)}。")]


def sign_line(role, names="") -> SignLine:
    """A line for a handwritten signature: the names when known, else room to sign and date by hand."""
    gap = "\u00a0" * 4
    return SignLine(f"{role}（签名）：{names or SIGNATURE_SPACE + f'年{gap}月{gap}日'}")


def seal(doc) -> Seal:
    """The agency's name, its seal area and the document date."""
    return Seal(doc.agency.name, chinese_date(doc.issued_on))
