"""Documents of intake and registration (DOMAIN §2 states 1 and 3): internal records on printed forms."""

from documents.blocks import Rows
from documents.checks import cause
from documents.generator import Generator
from documents.sections import case_rows, sign_line
from documents.wording import chinese_date, is_blank, label, officer_credentials, officer_names, party_rows
from forms.choices import CASE_SOURCES, REGISTRATION_RECOMMENDATIONS


def _source(fields):
    reference = fields.get("source_ref")
    suffix = "" if is_blank(reference) else f"（{reference}）"
    return label(CASE_SOURCES, fields["source"]) + suffix


def _recommendation(fields):
    recommendation = label(REGISTRATION_RECOMMENDATIONS, fields["recommendation"])
    return f"{recommendation}：{fields['recommendation_reason']}"


def _head_opinion(doc):
    opinion = doc.fields.get("registration_opinion") or ""
    return f"{opinion}\n负责人（签名）：{doc.approver or ''}"


def _intake_record(doc):
    fields = doc.fields
    rows = [("案件来源", _source(fields)), ("受理日期", chinese_date(fields["received_on"])),
            *party_rows(doc.party)]
    if not is_blank(fields.get("place")):
        rows.append(("发生地点", fields["place"]))
    rows += [("案情摘要", fields["summary"]), ("受理意见", _recommendation(fields)),
             ("受理人", officer_names(doc.officers)), ("负责人意见", _head_opinion(doc))]
    return [Rows(tuple(rows))]


def _registration_report(doc):
    fields = doc.fields
    rows = (
        *case_rows(doc),
        ("案件来源", _source(fields)),
        ("案情摘要", fields["summary"]),
        ("立案理由", fields["recommendation_reason"]),
        ("承办人", officer_credentials(doc.officers)),
        ("负责人审批意见", _head_opinion(doc)),
        ("立案日期", chinese_date(fields["registered_on"])),
    )
    return [Rows(rows), sign_line("承办人", officer_names(doc.officers))]


def _not_registered_record(doc):
    fields = doc.fields
    rows = (
        *party_rows(doc.party),
        ("案件来源", _source(fields)),
        ("受理日期", chinese_date(fields["received_on"])),
        ("案情摘要", fields["summary"]),
        ("承办人意见", _recommendation(fields)),
        ("负责人意见", _head_opinion(doc)),
        ("审批日期", chinese_date(doc.issued_on)),
    )
    return [Rows(rows)]


_INTAKE = ("source", "received_on", "summary", "recommendation", "recommendation_reason")

GENERATORS = {
    "case_intake_record": Generator("案件受理记录", _intake_record, required=_INTAKE),
    "registration_report": Generator(
        "立案报告", _registration_report, min_officers=2, signers=("approver",), checks=(cause,),
        required=(*_INTAKE, "registration_decision", "registration_opinion", "registered_on"),
        applies_if=lambda fields: fields.get("registration_decision") != "not_register",
        inapplicable_reason="负责人决定不予立案",
    ),
    "not_registered_record": Generator(
        "不予立案审批记录", _not_registered_record, signers=("approver",),
        required=(*_INTAKE, "registration_decision", "registration_opinion"),
        applies_if=lambda fields: fields.get("registration_decision") != "register",
        inapplicable_reason="负责人已决定立案",
    ),
}
