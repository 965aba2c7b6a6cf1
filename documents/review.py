"""Deliberations on the proposal: 合议, 法制审核 (行政处罚法 art 58), 负责人集体讨论 (art 57 ¶2)."""

from documents.blocks import Rows
from documents.checks import penalty_amounts
from documents.generator import Generator
from documents.investigation import proposal_text
from documents.sections import case_rows, sign_line
from documents.wording import chinese_date, label, labels, officer_names
from forms.choices import DELIBERATION_RESULTS, DISCUSSION_RESULTS, LEGAL_REVIEW_ITEMS, LEGAL_REVIEW_RESULTS


def _deliberation_record(doc):
    fields = doc.fields
    rows = (
        *case_rows(doc),
        ("合议时间", chinese_date(doc.issued_on)),
        ("主持人", doc.reviewer),
        ("参加人员", fields["deliberation_participants"]),
        ("案情摘要", fields["facts"]),
        ("拟处理意见", proposal_text(fields)),
        ("合议意见", fields["deliberation_opinion"]),
        ("合议结论", label(DELIBERATION_RESULTS, fields["deliberation_result"])),
    )
    return [Rows(rows), sign_line("参加人员"), sign_line("主持人", doc.reviewer)]


def _legal_review_opinion(doc):
    fields = doc.fields
    rows = (
        *case_rows(doc),
        ("承办人", officer_names(doc.officers)),
        ("拟处理意见", proposal_text(fields)),
        ("审核事项", labels(LEGAL_REVIEW_ITEMS, fields.get("legal_review_items") or ())),
        ("审核意见", fields["legal_review_opinion"]),
        ("审核结论", label(LEGAL_REVIEW_RESULTS, fields["legal_review_result"])),
        ("审核日期", chinese_date(doc.issued_on)),
    )
    return [Rows(rows), sign_line("法制审核人员", doc.reviewer)]


def _collective_discussion_record(doc):
    fields = doc.fields
    rows = (
        *case_rows(doc),
        ("讨论时间", chinese_date(doc.issued_on)),
        ("主持人", doc.approver),
        ("参加人员", fields["discussion_participants"]),
        ("案情摘要", fields["facts"]),
        ("拟处理意见", proposal_text(fields)),
        ("讨论意见", fields["discussion_conclusion"]),
        ("讨论结论", label(DISCUSSION_RESULTS, fields["discussion_result"])),
    )
    return [Rows(rows), sign_line("参加人员"), sign_line("主持人", doc.approver)]


GENERATORS = {
    "deliberation_record": Generator(
        "合议记录", _deliberation_record, signers=("reviewer",), checks=(penalty_amounts,),
        required=(
            "facts", "proposal", "deliberation_participants", "deliberation_opinion", "deliberation_result",
        ),
    ),
    "legal_review_opinion": Generator(
        "法制审核意见书", _legal_review_opinion, signers=("reviewer",), checks=(penalty_amounts,),
        required=("proposal", "legal_review_result", "legal_review_opinion"),
    ),
    "collective_discussion_record": Generator(
        "集体讨论记录", _collective_discussion_record, signers=("approver",), checks=(penalty_amounts,),
        required=(
            "facts", "proposal", "discussion_participants", "discussion_conclusion", "discussion_result",
        ),
    ),
}
