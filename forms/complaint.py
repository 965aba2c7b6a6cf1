"""Task forms of the complaint procedure (投诉举报处理, bpmn/complaint.bpmn).

None of them asks who the reporter is: that is recorded once, at registration, apart from the
workflow, so no task data, audit entry or document can carry it to the party.
"""

from forms import campaign_choices, choices
from forms import fields as field
from forms.base import FormSchema


class ComplaintAcceptanceSchema(FormSchema):
    acceptance_decision = field.choice("受理意见", campaign_choices.ACCEPTANCE_DECISIONS)
    acceptance_reason = field.textarea("理由")


class ComplaintVerificationSchema(FormSchema):
    verified_on = field.date("核查日期")
    officer_ids = field.user_ids("核查人员", help="至少2名执法人员")
    verification_findings = field.textarea("核查情况")
    verification_result = field.choice("核查结论", campaign_choices.VERIFICATION_RESULTS)
    violation_code = field.choice("涉嫌违法行为", choices.VIOLATIONS, default="")


class ComplaintReviewSchema(FormSchema):
    review_result = field.choice("审核意见", choices.REVIEW_RESULTS)
    review_opinion = field.textarea("审核说明")


class ComplaintCaseOpeningSchema(FormSchema):
    party_kind = field.choice("当事人类型", campaign_choices.PARTY_KINDS)
    party_name = field.text("当事人名称（姓名）")
    party_id_number = field.text("身份证件号码", required=False)
    party_credit_code = field.text("统一社会信用代码", required=False)
    party_legal_representative = field.text("法定代表人（负责人）", required=False)
    party_address = field.text("当事人地址", required=False)
    violation_code = field.choice("涉嫌违法行为", choices.VIOLATIONS)
    place = field.text("违法行为发生地", required=False)
    facts = field.textarea("案情摘要", help="写入案件受理记录；不得写入举报人信息")


class ComplaintTransferSchema(FormSchema):
    receiving_agency_type = field.choice("接收部门类别", campaign_choices.COUNTERPARTS)
    receiving_agency_name = field.text("接收部门名称")
    transferred_on = field.date("移送日期")
    letter_no = field.text("移送函文号", required=False)
    transfer_reason = field.textarea("移送理由")


class ComplaintFeedbackSchema(FormSchema):
    feedback_on = field.date("答复日期")
    feedback_method = field.choice("答复方式", campaign_choices.FEEDBACK_METHODS)
    feedback_content = field.textarea("答复内容")
    reporter_opinion = field.text("举报人意见", required=False)


FORMS = {
    "complaint_acceptance": ComplaintAcceptanceSchema,
    "complaint_verification": ComplaintVerificationSchema,
    "complaint_review": ComplaintReviewSchema,
    "complaint_case_opening": ComplaintCaseOpeningSchema,
    "complaint_transfer": ComplaintTransferSchema,
    "complaint_feedback": ComplaintFeedbackSchema,
}
