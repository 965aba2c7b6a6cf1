"""The supervision opinion that orders correction, and the report that concludes the investigation."""

from documents.blocks import Para, Rows
from documents.checks import penalty_amounts, proposed_penalties
from documents.generator import Generator
from documents.sections import case_rows, party_block, seal, sign_line
from documents.wording import amount, chinese_date, is_blank, label, numbered, penalty_lines, you, yuan
from forms.choices import DISCRETION_TIERS, PROPOSALS, VIOLATIONS


def _supervision_opinion(doc):
    fields = doc.fields
    party = you(doc.party)
    code = fields.get("violation_code")
    conduct = "上述违法行为" if is_blank(code) else f"{label(VIOLATIONS, code)}的违法行为"
    return [
        party_block(doc),
        Para(f"经监督检查，{fields['investigation_summary']}"),
        Para(f"卫生监督意见：责令{party}自收到本意见书之日起立即停止并改正{conduct}。"),
        Para(f"{party}应当按照本意见书的要求改正，本机关将依法对改正情况进行复查。"),
        sign_line("当事人签收"),
        seal(doc),
    ]


def proposal_text(fields):
    """The proposed handling: the penalties when there are any, otherwise the proposal's name."""
    lines = penalty_lines(fields)
    if fields.get("proposal") == "penalty" and lines:
        return "给予行政处罚：\n" + numbered(lines)
    return label(PROPOSALS, fields["proposal"])


def _discretion(fields):
    reason = fields.get("discretion_reason")
    tier = label(DISCRETION_TIERS, fields["discretion_tier"])
    return tier if is_blank(reason) else f"{tier}：{reason}"


def _final_report(doc):
    fields = doc.fields
    evidence = "\n".join([fields["evidence_summary"], *(fields.get("evidence") or ())])
    rows = [*case_rows(doc)]
    if doc.case.registered_on:
        rows.append(("立案日期", chinese_date(doc.case.registered_on)))
    rows += [
        ("违法事实", fields["facts"]),
        ("证据", evidence),
        ("违反条款", fields["articles_violated"]),
        ("处罚依据", fields["penalty_basis"]),
        ("违法所得", yuan(amount(fields, "illegal_income"))),
        ("裁量等次", _discretion(fields)),
        ("处理意见", proposal_text(fields)),
    ]
    if not is_blank(fields.get("conclusion_review_opinion")):
        rows.append(("审核意见", f"{fields['conclusion_review_opinion']}\n审核人：{doc.reviewer or ''}"))
    date = chinese_date(doc.issued_on)
    return [Rows(tuple(rows)), *(sign_line("承办人", f"{officer.name}　{date}") for officer in doc.officers)]


GENERATORS = {
    "supervision_opinion": Generator(
        "卫生监督意见书", _supervision_opinion, numbered=True, required=("investigation_summary",),
    ),
    "investigation_final_report": Generator(
        "案件调查终结报告", _final_report, min_officers=2,
        required=(
            "facts", "evidence_summary", "articles_violated", "penalty_basis", "proposal", "discretion_tier",
        ),
        checks=(proposed_penalties, penalty_amounts),
    ),
}
