"""The hearing (行政处罚法 arts 63–65): the notice 七个工作日 ahead, the record, the presider's report."""

from documents.blocks import Para, Rows
from documents.checks import cause, penalty_amounts
from documents.generator import Generator
from documents.sections import addressee, case_rows, penalties, seal, sign_line
from documents.wording import chinese_date, is_blank, officer_names, one_case, you


def _openness(fields):
    return "不公开" if fields.get("hearing_public") is False else "公开"


def _hearing_notice(doc):
    fields = doc.fields
    party = you(doc.party)
    received = fields.get("response_received_on")
    request = "" if is_blank(received) else f"于{chinese_date(received)}"
    return [
        addressee(doc.party.name),
        Para(f"{party}{request}就{one_case(doc)}提出的听证申请，本机关已收到。本机关拟对{party}作出的行政处罚如下："),
        *penalties(doc, party, "拟"),
        Para(f"本机关定于{chinese_date(fields['hearing_date'])}在{fields['hearing_place']}{_openness(fields)}举行听证，"
             f"听证主持人：{doc.presider}。请{party}准时参加。"),
        Para(f"{party}可以亲自参加听证，也可以委托一至二人代理；委托代理人的，应当提交载明委托事项和权限的授权委托书。"
             f"{party}认为主持人与本案有直接利害关系的，有权申请回避。"),
        Para(f"{party}及其代理人无正当理由拒不出席听证或者未经许可中途退出听证的，视为放弃听证权利，本机关终止听证。"),
        seal(doc),
    ]


def _attendance(fields):
    return "当事人到场" if fields["party_attended"] else "当事人经依法通知未到场"


def _hearing_record(doc):
    fields = doc.fields
    rows = (
        *case_rows(doc),
        ("听证时间", chinese_date(fields["hearing_held_on"])),
        ("听证地点", fields["hearing_place"]),
        ("听证方式", f"{_openness(fields)}听证"),
        ("主持人", doc.presider),
        ("案件调查人员", officer_names(doc.officers)),
        ("到场情况", _attendance(fields)),
        ("听证情况", fields["hearing_record_summary"]),
    )
    return [
        Rows(rows),
        Para("以上笔录经当事人或者其代理人核对无误。当事人或者其代理人拒绝签字或者盖章的，由听证主持人在笔录中注明。"),
        sign_line("当事人或代理人"),
        sign_line("案件调查人员", officer_names(doc.officers)),
        sign_line("主持人", doc.presider),
        sign_line("记录人"),
    ]


def _hearing_report(doc):
    fields = doc.fields
    rows = (
        *case_rows(doc),
        ("听证时间", chinese_date(fields["hearing_held_on"])),
        ("听证地点", fields["hearing_place"]),
        ("主持人", doc.presider),
        ("到场情况", _attendance(fields)),
        ("听证基本情况", fields["hearing_record_summary"]),
        ("主持人意见", fields["hearing_opinion"]),
    )
    return [Rows(rows), sign_line("听证主持人", f"{doc.presider}　{chinese_date(doc.issued_on)}")]


_HELD = ("hearing_held_on", "hearing_place", "party_attended", "hearing_record_summary")

GENERATORS = {
    "hearing_notice": Generator(
        "听证通知书", _hearing_notice, numbered=True, signers=("presider",), checks=(cause, penalty_amounts),
        required=("hearing_date", "hearing_place", "penalty_basis", "penalty_types"),
    ),
    "hearing_record": Generator("听证笔录", _hearing_record, signers=("presider",), required=_HELD),
    "hearing_report": Generator(
        "听证意见书", _hearing_report, signers=("presider",), required=(*_HELD, "hearing_opinion"),
    ),
}
