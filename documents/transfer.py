"""Sending a case away: to another agency, or to the police as a suspected crime (国务院令第310号)."""

from documents.blocks import Para, Rows
from documents.checks import cause
from documents.generator import Generator
from documents.sections import addressee, case_rows, seal, sign_line
from documents.wording import is_blank, labels, officer_credentials, officer_names, one_case
from forms.choices import CRIME_TRANSFER_GROUNDS

TRANSFER_RULES = "《行政执法机关移送涉嫌犯罪案件的规定》"


def _materials(fields):
    listed = fields.get("materials")
    return [] if is_blank(listed) else [Para(f"附件：{listed}", indent=False)]


def _case_transfer_letter(doc):
    fields = doc.fields
    return [
        addressee(fields["receiving_agency_name"]),
        Para(f"本机关在办理{doc.party.name}{one_case(doc)}中，发现{fields['transfer_reason']}"),
        Para("该案依法不属于本机关管辖。现将该案及有关材料移送你单位依法处理，请将处理结果书面告知本机关。"),
        *_materials(fields),
        seal(doc),
    ]


def _grounds(fields):
    return labels(CRIME_TRANSFER_GROUNDS, fields["transfer_grounds"])


def _criminal_transfer_letter(doc):
    fields = doc.fields
    seized = fields.get("seized_items")
    items = "涉案物品清单" if is_blank(seized) else f"涉案物品清单（{seized}）"
    return [
        addressee(fields["police_agency"]),
        Para(f"本机关在查处{doc.party.name}{one_case(doc)}中，查明当事人存在{_grounds(fields)}的情形，"
             f"涉嫌{fields['suspected_crime']}。"),
        Para(f"依据{TRANSFER_RULES}第三条、第六条的规定，现将该案移送你局，请依法审查，并自接受之日起三日内"
             f"将是否立案的决定书面告知本机关。"),
        Para(f"附件：1.涉嫌犯罪案件情况的调查报告；2.{items}；3.有关检验报告或者鉴定结论；4.其他有关涉嫌犯罪的材料。",
             indent=False),
        sign_line("正职负责人", doc.approver),
        seal(doc),
    ]


def _crime_investigation_report(doc):
    fields = doc.fields
    rows = [
        *case_rows(doc),
        ("专案组成员", officer_credentials(doc.officers)),
        ("涉嫌罪名", fields["suspected_crime"]),
        ("涉嫌犯罪情形", _grounds(fields)),
        ("案件调查情况", fields["report_summary"]),
    ]
    if not is_blank(fields.get("seized_items")):
        rows.append(("涉案物品", fields["seized_items"]))
    rows += [
        ("处理意见", f"依据{TRANSFER_RULES}第三条的规定，建议移送公安机关依法处理。"),
        ("正职负责人意见",
         f"{fields.get('transfer_decision_reason') or ''}\n正职负责人：{doc.approver or ''}"),
    ]
    return [Rows(tuple(rows)), sign_line("专案组成员", officer_names(doc.officers))]


GENERATORS = {
    "case_transfer_letter": Generator(
        "案件移送书", _case_transfer_letter, numbered=True, checks=(cause,),
        required=("receiving_agency_name", "transfer_reason"),
    ),
    "criminal_transfer_letter": Generator(
        "涉嫌犯罪案件移送书", _criminal_transfer_letter, numbered=True, signers=("approver",),
        checks=(cause,),
        required=("police_agency", "suspected_crime", "transfer_grounds"),
    ),
    "crime_investigation_report": Generator(
        "涉嫌犯罪案件调查报告", _crime_investigation_report, min_officers=2,
        required=("suspected_crime", "transfer_grounds", "report_summary"),
    ),
}
