"""Task forms of the general-procedure administrative penalty (一般程序行政处罚)."""

from marshmallow import validates_schema

from forms import choices
from forms import fields as field
from forms.base import FormSchema, check_fine_amount, require_when


class IntakeRecordSchema(FormSchema):
    source = field.choice("案件来源", choices.CASE_SOURCES)
    source_ref = field.text("来源编号", required=False, help="如投诉工单号、交办或移送文号")
    received_on = field.date("受理日期")
    place = field.text("发生地点", required=False)
    summary = field.textarea("案情摘要", min_length=10, help="时间、地点、主要证据及危害后果，不少于10个字")
    recommendation = field.choice("承办人意见", choices.REGISTRATION_RECOMMENDATIONS)
    recommendation_reason = field.textarea("意见理由")


class RegistrationApprovalSchema(FormSchema):
    registration_decision = field.choice("立案审批结论", choices.REGISTRATION_DECISIONS)
    registration_opinion = field.textarea("负责人意见")
    handler_ids = field.user_ids("承办人", required=False, help="同意立案时必填，至少2名持行政执法证件的人员")
    cause = field.text("案由", required=False, help="同意立案时必填")
    registered_on = field.date("立案日期", required=False, help="同意立案时必填")

    @validates_schema
    def check_registration(self, data, **kwargs):
        if data["registration_decision"] == "register":
            require_when("同意立案", data, "handler_ids", "cause", "registered_on")


class InvestigationRecordSchema(FormSchema):
    """One 现场笔录 or 询问笔录, kept as an entry of the investigation form."""

    kind = field.choice("笔录类型", choices.RECORD_KINDS)
    date = field.date("制作日期")
    place = field.text("地点")
    content = field.textarea("笔录内容")


class InvestigationSchema(FormSchema):
    investigation_summary = field.textarea("调查情况")
    records = field.records("现场笔录和询问笔录", InvestigationRecordSchema)
    evidence = field.texts("证据清单", help="每项填写一份证据")
    next_step = field.choice("下一步", choices.INVESTIGATION_NEXT_STEPS)


class PreservationApprovalSchema(FormSchema):
    preservation_decision = field.choice("审批结论", choices.APPROVAL_DECISIONS)
    preservation_items = field.textarea("拟先行登记保存的证据", help="名称、数量、规格等")
    preservation_opinion = field.textarea("负责人意见")


class PreservationDisposalSchema(FormSchema):
    disposal = field.choice("处理方式", choices.EVIDENCE_DISPOSALS)
    disposal_on = field.date("处理日期", help="应在先行登记保存后7个工作日内作出处理决定")
    disposal_note = field.textarea("处理说明", required=False)


class InvestigationConclusionSchema(FormSchema):
    facts = field.textarea("违法事实")
    evidence_summary = field.textarea("证据")
    violation_code = field.choice("违法行为", choices.VIOLATIONS)
    articles_violated = field.text("违反的法律条款")
    penalty_basis = field.text("处罚依据")
    illegal_income = field.money("违法所得（元）", required=False)
    months_practising = field.integer("擅自执业时长（月）", default=0)
    patient_harm = field.boolean("造成患者损害", default=False)
    prior_penalties = field.integer("既往同类行政处罚次数", default=0)
    is_health_professional = field.boolean("当事人为卫生技术人员", default=False)
    invasive_acts = field.boolean("实施侵入性操作", default=False, help="如医疗美容注射、静脉输液")
    mitigating = field.boolean("具有从轻或减轻处罚情形", default=False, help="行政处罚法第三十二条情形")
    no_penalty_ground = field.boolean("具有不予处罚情形", default=False, help="行政处罚法第三十三条情形")
    proposal = field.choice("处理意见", choices.PROPOSALS)
    penalty_types = field.multichoice("处罚种类", choices.PENALTY_TYPES, help="拟给予行政处罚时至少选择一项")
    fine_amount = field.money("罚款金额（元）", required=False, help="选择罚款时须大于0")
    confiscation_amount = field.money("没收金额（元）", required=False)
    discretion_tier = field.choice("裁量等次", choices.DISCRETION_TIERS, default="general")
    discretion_reason = field.textarea("裁量理由", required=False)
    major_case = field.boolean("重大案件", default=False, help="须经负责人集体讨论")
    complex_case = field.boolean("情节复杂案件", default=False)
    major_public_interest = field.boolean("涉及重大公共利益", default=False)

    @validates_schema
    def check_penalty_types(self, data, **kwargs):
        if data["proposal"] == "penalty":
            require_when("拟给予行政处罚", data, "penalty_types")

    @validates_schema
    def check_fine(self, data, **kwargs):
        check_fine_amount("fine" in data["penalty_types"], data)


class ConclusionReviewSchema(FormSchema):
    conclusion_review_result = field.choice("审核结论", choices.REVIEW_RESULTS)
    conclusion_review_opinion = field.textarea("审核意见", required=False, help="退回时必填")

    @validates_schema
    def check_return_reason(self, data, **kwargs):
        if data["conclusion_review_result"] == "return":
            require_when("退回", data, "conclusion_review_opinion")


class DeliberationSchema(FormSchema):
    deliberation_participants = field.text("合议人员")
    deliberation_opinion = field.textarea("合议意见")
    deliberation_result = field.choice("合议结论", choices.DELIBERATION_RESULTS)


class LegalReviewSchema(FormSchema):
    legal_review_result = field.choice("审核结论", choices.LEGAL_REVIEW_RESULTS)
    legal_review_opinion = field.textarea("法制审核意见")
    legal_review_items = field.multichoice(
        "审核事项", choices.LEGAL_REVIEW_ITEMS, help="勾选本次审核所涉事项"
    )


class CollectiveDiscussionSchema(FormSchema):
    discussion_participants = field.text("参加人员")
    discussion_conclusion = field.textarea("讨论结论")
    discussion_result = field.choice("讨论结果", choices.DISCUSSION_RESULTS)


class AdvanceNoticeSchema(FormSchema):
    notice_served_on = field.date("告知书送达日期")
    notice_service_method = field.choice("送达方式", choices.SERVICE_METHODS)


class PartyResponseSchema(FormSchema):
    party_response = field.choice("当事人意见", choices.PARTY_RESPONSES)
    response_received_on = field.date("收到日期", required=False)


class StatementReviewSchema(FormSchema):
    statement_content = field.textarea("陈述申辩内容")
    review_opinion = field.textarea("复核意见")
    statement_adopted = field.boolean("采纳陈述申辩", default=False)
    penalty_changed = field.boolean("处罚内容变更", default=False, help="变更后须重新事先告知")
    revised_fine_amount = field.money("变更后罚款金额（元）", required=False)


class HearingNoticeSchema(FormSchema):
    presider_id = field.user_id("听证主持人", help="不得由本案调查人员担任")
    hearing_notified_on = field.date("听证通知送达日期")
    hearing_date = field.date("听证日期", help="应在听证7个工作日前通知当事人")
    hearing_place = field.text("听证地点")
    hearing_public = field.boolean("公开举行", default=True)


class HearingSchema(FormSchema):
    hearing_held_on = field.date("听证举行日期")
    party_attended = field.boolean("当事人到场")
    hearing_record_summary = field.textarea("听证笔录摘要")
    hearing_opinion = field.textarea("听证意见")


class DecisionApprovalSchema(FormSchema):
    decision_result = field.choice("审批结论", choices.DECISION_RESULTS)
    decision_opinion = field.textarea("负责人意见")
    decided_on = field.date("决定日期", required=False, help="同意作出处罚决定时必填")

    @validates_schema
    def check_decision_date(self, data, **kwargs):
        if data["decision_result"] == "approve":
            require_when("同意作出处罚决定", data, "decided_on")


class ServiceSchema(FormSchema):
    served_on = field.date("送达日期")
    service_method = field.choice("送达方式", choices.SERVICE_METHODS)
    recipient = field.text("受送达人")


class ExecutionSchema(FormSchema):
    execution_result = field.choice("执行情况", choices.EXECUTION_RESULTS)
    paid_on = field.date("缴款日期", required=False)
    paid_amount = field.money("已缴金额（元）", required=False)
    voucher_no = field.text("缴款凭证号", required=False)


class DeferralApprovalSchema(FormSchema):
    deferral_decision = field.choice("审批结论", choices.APPROVAL_DECISIONS)
    deferral_until = field.date("延期至", required=False)
    instalments = field.integer("分期期数", default=1, min_value=1)
    deferral_opinion = field.textarea("负责人意见")


class DemandLetterSchema(FormSchema):
    demand_served_on = field.date("催告书送达日期")
    demand_result = field.choice("催告结果", choices.DEMAND_RESULTS)


class EnforcementApplicationSchema(FormSchema):
    applied_on = field.date("申请日期", help="催告书送达10日后方可申请")
    court = field.text("受理法院")
    application_note = field.textarea("申请说明", required=False)


class NoPenaltyDecisionSchema(FormSchema):
    no_penalty_result = field.choice("审批结论", choices.REVIEW_RESULTS)
    no_penalty_reason = field.textarea("不予处罚理由")


class ClosureReportSchema(FormSchema):
    closure_reason = field.choice("结案理由", choices.CLOSURE_REASONS)
    closure_summary = field.textarea("结案情况")


class ClosureApprovalSchema(FormSchema):
    closure_result = field.choice("审批结论", choices.CLOSURE_RESULTS)
    closure_opinion = field.textarea("负责人意见")


FORMS = {
    "intake_record": IntakeRecordSchema,
    "registration_approval": RegistrationApprovalSchema,
    "investigation": InvestigationSchema,
    "preservation_approval": PreservationApprovalSchema,
    "preservation_disposal": PreservationDisposalSchema,
    "investigation_conclusion": InvestigationConclusionSchema,
    "conclusion_review": ConclusionReviewSchema,
    "deliberation": DeliberationSchema,
    "legal_review": LegalReviewSchema,
    "collective_discussion": CollectiveDiscussionSchema,
    "advance_notice": AdvanceNoticeSchema,
    "party_response": PartyResponseSchema,
    "statement_review": StatementReviewSchema,
    "hearing_notice": HearingNoticeSchema,
    "hearing": HearingSchema,
    "decision_approval": DecisionApprovalSchema,
    "service": ServiceSchema,
    "execution": ExecutionSchema,
    "deferral_approval": DeferralApprovalSchema,
    "demand_letter": DemandLetterSchema,
    "enforcement_application": EnforcementApplicationSchema,
    "no_penalty_decision": NoPenaltyDecisionSchema,
    "closure_report": ClosureReportSchema,
    "closure_approval": ClosureApprovalSchema,
}
