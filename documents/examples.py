"""A realistic DocumentData for every document type: the 宜宾 ear-cleaning case that forms.examples tells.

The tests vary these, the benchmark renders them, and they show a new agency what its
documents will look like before any case exists.
"""

from datetime import date

from documents.data import Agency, CaseInfo, DocumentData, Officer, Party
from documents.registry import GENERATORS
from forms.complaint import FORMS as COMPLAINT_FORMS
from forms.examples import EXAMPLES

AGENCY = Agency("示例县卫生健康委员会", "示卫", region="示例县")
PERSON = Party("person", "王某某", id_number="511502199001011234", address="示例县城关镇解放路18号")
CLINIC = Party("organization", "示例县城关镇某某诊所", credit_code="92511500MA6ABCDE1X",
               legal_representative="赵某", address="示例县城关镇人民路6号")
CASE = CaseInfo("示卫医〔2026〕7号", "涉嫌未取得医疗机构执业许可证擅自执业案", date(2026, 3, 4))
OFFICERS = (Officer("张明", "51150020240001"), Officer("李华", "51150020240002"))
VERIFY_URL = "https://caseflow.example.gov.cn/verify/3f9c2a7e"

SUMMARY_FORMS = ("onsite_decision", "payment_record", "summary_filing", "filing_acknowledgement")
GENERAL_CASE_DATA = {
    "case_number": CASE.number, "party_type": "person", "party_name": PERSON.name, "procedure": "general",
    "hearing_right": True, "legal_review_required": False, "decision_number": "示卫医罚〔2026〕12号",
}
SUMMARY_CASE_DATA = {
    "case_number": "示卫医〔2026〕3号", "party_type": "organization", "party_name": CLINIC.name,
    "procedure": "summary",
}

NOT_REGISTERED = {
    "registration_decision": "not_register", "recommendation": "not_register",
    "recommendation_reason": "经核查，该店仅提供生活美容服务，未发现诊疗活动。",
    "registration_opinion": "同意不予立案，答复举报人。",
}

# The engine's late fee on each document's date: served 2026-04-29, due 2026-05-14, 3% a day after.
LATE_FEES = {"demand_letter": 59400, "enforcement_application": 105600}

NUMBER_CODES = {
    "evidence_preservation_decision": "证保", "evidence_disposal_decision": "证处",
    "supervision_opinion": "监", "advance_notice": "罚告", "hearing_right_notice": "听告",
    "hearing_notice": "听通", "penalty_decision": "罚", "no_penalty_decision": "不罚",
    "onsite_penalty_decision": "当罚", "demand_letter": "催", "enforcement_application": "强申",
    "case_transfer_letter": "移", "criminal_transfer_letter": "刑移",
}
ISSUED_ON = {
    "case_intake_record": "2026-03-02", "registration_report": "2026-03-04",
    "not_registered_record": "2026-03-04", "onsite_record": "2026-03-05", "inquiry_record": "2026-03-06",
    "evidence_preservation_decision": "2026-03-06", "evidence_disposal_decision": "2026-03-12",
    "supervision_opinion": "2026-03-05",
    "investigation_final_report": "2026-03-20", "deliberation_record": "2026-03-23",
    "legal_review_opinion": "2026-03-25", "collective_discussion_record": "2026-03-27",
    "advance_notice": "2026-03-30", "hearing_right_notice": "2026-03-30", "hearing_notice": "2026-04-08",
    "hearing_record": "2026-04-20", "hearing_report": "2026-04-21", "statement_record": "2026-04-03",
    "penalty_decision": "2026-04-28", "no_penalty_decision": "2026-04-28",
    "onsite_penalty_decision": "2026-03-01",
    "service_receipt": "2026-04-29", "demand_letter": "2026-06-01", "enforcement_application": "2026-06-15",
    "case_transfer_letter": "2026-04-01", "criminal_transfer_letter": "2026-03-20",
    "crime_investigation_report": "2026-03-19", "closure_report": "2026-05-12",
}


def general_fields() -> dict:
    """Every general-procedure form's example submission merged, as a case's data ends up.

    Complaint forms run in a complaint's own workflow, never in a case's data.
    """
    fields = {}
    for form_key, submission in EXAMPLES.items():
        if form_key not in SUMMARY_FORMS and form_key not in COMPLAINT_FORMS:
            fields.update(submission)
    return {**fields, **GENERAL_CASE_DATA}


def summary_fields() -> dict:
    """The on-the-spot case's data: the summary-procedure forms only."""
    fields = {}
    for form_key in SUMMARY_FORMS:
        fields.update(EXAMPLES[form_key])
    return {**fields, **SUMMARY_CASE_DATA}


def example(doc_type) -> DocumentData:
    """Return the example DocumentData for doc_type."""
    summary = doc_type == "onsite_penalty_decision"
    fields = summary_fields() if summary else general_fields()
    if doc_type == "not_registered_record":
        fields.update(NOT_REGISTERED)
    if doc_type in LATE_FEES:
        fields["late_fee"] = LATE_FEES[doc_type]
    number = None
    if GENERATORS[doc_type].numbered:
        number = f"示卫医{NUMBER_CODES[doc_type]}〔2026〕{3 if summary else 12}号"
    return DocumentData(
        agency=AGENCY,
        party=CLINIC if summary else PERSON,
        case=CaseInfo(SUMMARY_CASE_DATA["case_number"]) if summary else CASE,
        issued_on=date.fromisoformat(ISSUED_ON[doc_type]),
        verify_url=VERIFY_URL,
        fields=fields,
        number=number,
        officers=OFFICERS,
        reviewer="王强",
        approver="刘洋",
        presider="陈刚",
    )
