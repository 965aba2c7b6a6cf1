"""The closure report (DOMAIN §2 state 18): how the case ended and the evidence that it did."""

from documents.blocks import Rows
from documents.generator import Generator
from documents.investigation import proposal_text
from documents.sections import case_rows, sign_line
from documents.wording import amount, chinese_date, is_blank, label, officer_names, yuan
from forms.choices import CLOSURE_REASONS, EXECUTION_RESULTS


def _execution(fields):
    result = fields.get("execution_result")
    if is_blank(result):
        return ""
    parts = [label(EXECUTION_RESULTS, result)]
    if not is_blank(fields.get("paid_on")):
        parts.append(f"于{chinese_date(fields['paid_on'])}缴纳{yuan(amount(fields, 'paid_amount'))}")
    if not is_blank(fields.get("voucher_no")):
        parts.append(f"缴款凭证：{fields['voucher_no']}")
    return "，".join(parts)


def _closure_report(doc):
    fields = doc.fields
    rows = [*case_rows(doc)]
    if doc.case.registered_on:
        rows.append(("立案日期", chinese_date(doc.case.registered_on)))
    if not is_blank(fields.get("decision_number")):
        rows.append(("决定书文号", fields["decision_number"]))
    if not is_blank(fields.get("proposal")):
        rows.append(("处理结果", proposal_text(fields)))
    if _execution(fields):
        rows.append(("执行情况", _execution(fields)))
    rows += [
        ("结案理由", label(CLOSURE_REASONS, fields["closure_reason"])),
        ("结案情况", fields["closure_summary"]),
        ("承办人", officer_names(doc.officers)),
        ("审核意见", f"审核人：{doc.reviewer or ''}"),
        ("审批意见", f"{fields.get('closure_opinion') or ''}\n负责人：{doc.approver or ''}"),
    ]
    signed = f"{officer_names(doc.officers)}　{chinese_date(doc.issued_on)}"
    return [Rows(tuple(rows)), sign_line("承办人", signed)]


GENERATORS = {
    "closure_report": Generator(
        "结案报告", _closure_report, min_officers=1, required=("closure_reason", "closure_summary"),
    ),
}
