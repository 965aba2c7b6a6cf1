"""Telling the party what is proposed and hearing the answer (行政处罚法 arts 44, 45, 63, 64).

The statement period is not fixed by law; 三个工作日 is the common local practice (DOMAIN §2 state 8),
while the hearing request window of 五个工作日 is statutory (art 64 (一)).
"""

from documents.blocks import Para, Rows
from documents.checks import cause, penalty_amounts, revised_fine
from documents.generator import Generator
from documents.sections import addressee, case_rows, findings, penalties, seal, sign_line
from documents.wording import chinese_date, fine_amount, is_blank, officer_names, one_case, you, yuan

STATEMENT_PERIOD = "三个工作日"
HEARING_LAW = "《中华人民共和国行政处罚法》第六十三条、第六十四条"


def _hearing_right(party):
    return Para(f"根据{HEARING_LAW}的规定，{party}有要求举行听证的权利。"
                f"{party}要求听证的，应当在收到本告知书之日起"
                f"五个工作日内向本机关提出；逾期未提出的，视为放弃听证权利。")


def _advance_notice(doc):
    party = you(doc.party)
    blocks = [
        addressee(doc.party.name),
        Para(f"本机关对{party}{one_case(doc)}进行了调查，现将拟作出行政处罚的事实、理由、依据及{party}依法享有的权利告知如下："),
        *findings(doc, party),
        *penalties(doc, party, "拟"),
        Para(f"根据《中华人民共和国行政处罚法》第四十四条、第四十五条的规定，{party}有权进行陈述和申辩。"
             f"{party}对上述拟作出的行政处罚有异议的，可以在收到本告知书之日起{STATEMENT_PERIOD}内向本机关提出陈述和申辩；"
             f"逾期未提出的，视为放弃陈述和申辩的权利。本机关不因{party}陈述、申辩而给予更重的处罚。"),
    ]
    if doc.fields["hearing_right"]:
        blocks.append(_hearing_right(party))
    return [*blocks, seal(doc)]


def _hearing_right_notice(doc):
    party = you(doc.party)
    return [
        addressee(doc.party.name),
        Para(f"本机关对{party}{one_case(doc)}进行了调查。经查，{doc.fields['facts']}"),
        *penalties(doc, party, "拟"),
        _hearing_right(party),
        Para(f"听证由本机关指定的非本案调查人员主持，{party}不承担听证的费用。{party}可以亲自参加听证，也可以委托一至二人代理；"
             f"认为主持人与本案有直接利害关系的，有权申请回避。"),
        seal(doc),
    ]


def _review(fields):
    adopted = "予以采纳" if fields.get("statement_adopted") else "不予采纳"
    outcome = "维持原拟处罚意见。"
    if fields.get("penalty_changed"):
        fined = "fine" in (fields.get("penalty_types") or ())
        outcome = f"变更拟处罚意见{f'，罚款调整为{yuan(fine_amount(fields))}' if fined else ''}，并重新告知。"
    return f"{fields['review_opinion']}\n处理：{adopted}；{outcome}"


def _statement_record(doc):
    fields = doc.fields
    received = fields.get("response_received_on")
    when = chinese_date(doc.issued_on if is_blank(received) else received)
    return [
        Rows((*case_rows(doc), ("陈述申辩时间", when), ("承办人", officer_names(doc.officers)),
              ("陈述申辩内容", fields["statement_content"]))),
        Para("以上笔录我已看过，与我所说的一致。"),
        sign_line("陈述申辩人"),
        sign_line("记录人"),
        Rows((("复核意见", _review(fields)),)),
        sign_line("复核人", doc.reviewer or ""),
    ]


_PROPOSAL = ("facts", "penalty_basis", "penalty_types")

GENERATORS = {
    "advance_notice": Generator(
        "行政处罚事先告知书", _advance_notice, numbered=True, checks=(cause, penalty_amounts),
        required=(*_PROPOSAL, "evidence_summary", "articles_violated", "hearing_right"),
    ),
    "hearing_right_notice": Generator(
        "行政处罚听证告知书", _hearing_right_notice, numbered=True, checks=(cause, penalty_amounts),
        required=(*_PROPOSAL, "hearing_right"),
        applies_if=lambda fields: fields.get("hearing_right") is not False,
        inapplicable_reason="拟作出的行政处罚不属于当事人有权要求听证的情形",
    ),
    "statement_record": Generator(
        "陈述和申辩笔录", _statement_record, min_officers=1, checks=(revised_fine,),
        required=("statement_content", "review_opinion"),
    ),
}
