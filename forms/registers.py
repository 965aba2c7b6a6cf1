"""Forms of the campaign registers: institutions, campaigns, inspections, complaints, transfers, credit.

They are not BPMN task forms (so not in ``forms.FORMS``), but they are built from the same field
factories, so the web layer renders and parses them like task forms and every message is Chinese.
"""

from marshmallow import ValidationError, post_load, validates, validates_schema

from forms import campaign_choices, choices
from forms import fields as field
from forms.base import FormSchema, require_when
from forms.checklists import CHECKLIST_CHOICES
from forms.identifiers import credit_code_problem

SCORE_POINTS = (("1", "1分"), ("2", "2分"), ("4", "4分"), ("6", "6分"), ("10", "10分"))


class InstitutionSchema(FormSchema):
    name = field.text("机构名称")
    credit_code = field.text("统一社会信用代码", required=False)
    licence_no = field.text("执业许可证登记号", required=False)
    kind = field.choice("机构类别", campaign_choices.INSTITUTION_KINDS)
    ownership = field.choice("所有制", campaign_choices.OWNERSHIPS)
    address = field.text("地址", required=False)
    township = field.text("乡镇（街道）", required=False)
    legal_representative = field.text("法定代表人（负责人）", required=False)
    phone = field.text("联系电话", required=False)
    status = field.choice("状态", campaign_choices.INSTITUTION_STATUSES, default="operating")

    @validates("credit_code")
    def _credit_code(self, value, **kwargs):
        problem = credit_code_problem(value.upper()) if value else None
        if problem:
            raise ValidationError(problem)

    @post_load
    def _upper_case_codes(self, data, **kwargs):
        data["credit_code"] = data["credit_code"].upper()
        return data


class PhaseSchema(FormSchema):
    name = field.text("阶段名称")
    starts_on = field.date("开始日期")
    ends_on = field.date("结束日期")


class TargetSchema(FormSchema):
    kind = field.choice("机构类别", campaign_choices.INSTITUTION_KINDS)
    percent = field.integer("检查覆盖率目标（%）")


class DepartmentSchema(FormSchema):
    name = field.text("部门")
    duty = field.textarea("职责", required=False)


class CampaignSchema(FormSchema):
    name = field.text("行动名称")
    starts_on = field.date("开始日期")
    ends_on = field.date("结束日期")
    focus = field.multichoice("整治重点", choices.VIOLATIONS)
    phases = field.records("实施阶段", PhaseSchema)
    targets = field.records("覆盖率目标", TargetSchema, help="未列出的机构类别不设目标")
    departments = field.records("参与部门及职责", DepartmentSchema)

    @validates_schema
    def _dates(self, data, **kwargs):
        if data["ends_on"] < data["starts_on"]:
            raise ValidationError("结束日期不能早于开始日期", "ends_on")


class InspectionSchema(FormSchema):
    institution_id = field.integer("被检查机构", min_value=1)
    inspected_on = field.date("检查日期")
    officer_ids = field.user_ids("检查人员", help="至少2名执法人员")
    templates = field.multichoice("检查表", CHECKLIST_CHOICES, min_count=1)
    campaign_id = field.integer("所属专项行动", default=None, min_value=1)
    note = field.textarea("检查情况", required=False)


class ComplaintIntakeSchema(FormSchema):
    channel = field.choice("来源渠道", campaign_choices.COMPLAINT_CHANNELS)
    source_ref = field.text("工单号或来文编号", required=False)
    received_on = field.date("收到日期")
    real_name = field.boolean("实名举报")
    reporter_name = field.text("举报人姓名", required=False)
    reporter_phone = field.text("举报人联系电话", required=False)
    reporter_id_number = field.text("举报人身份证号", required=False)
    reporter_address = field.text("举报人地址", required=False)
    target_name = field.text("被举报对象")
    target_address = field.text("被举报地址", required=False)
    institution_id = field.integer("对应机构台账", default=None, min_value=1)
    content = field.textarea("举报内容")

    @validates_schema
    def _reporter(self, data, **kwargs):
        if data["real_name"]:
            require_when("实名举报", data, "reporter_name", "reporter_phone")
            return
        given = [name for name in REPORTER_FIELDS if data[name]]
        if given:
            raise ValidationError({name: ["匿名举报不登记举报人身份"] for name in given})


REPORTER_FIELDS = ("reporter_name", "reporter_phone", "reporter_id_number", "reporter_address")


class TransferRecordSchema(FormSchema):
    direction = field.choice("方向", campaign_choices.TRANSFER_DIRECTIONS)
    counterpart_type = field.choice("对方部门类别", campaign_choices.COUNTERPARTS)
    counterpart_name = field.text("对方部门名称")
    subject = field.textarea("移送事项")
    party_name = field.text("涉及当事人", required=False)
    letter_no = field.text("移送函文号", required=False)
    transferred_on = field.date("移送日期")
    receipt_on = field.date("回执日期", required=False)
    result = field.textarea("对方处理结果", required=False)
    result_on = field.date("结果日期", required=False)
    case_number = field.text("对应案件编号", required=False, help="移入的案件立案后填写")


class TransferProgressSchema(FormSchema):
    receipt_on = field.date("回执日期", required=False)
    result = field.textarea("对方处理结果", required=False)
    result_on = field.date("结果日期", required=False)


class ScoreSchema(FormSchema):
    institution_id = field.integer("机构", min_value=1)
    points = field.choice("记分", SCORE_POINTS)
    reason = field.textarea("记分事由")
    scored_on = field.date("记分日期")
    case_id = field.integer("关联案件", default=None, min_value=1)


class FindingCaseSchema(FormSchema):
    party_kind = field.choice("当事人类型", campaign_choices.PARTY_KINDS)
    party_name = field.text("当事人名称（姓名）")
    party_id_number = field.text("身份证件号码", required=False)
    party_credit_code = field.text("统一社会信用代码", required=False)
    party_legal_representative = field.text("法定代表人（负责人）", required=False)
    party_address = field.text("当事人地址", required=False)
    violation_code = field.choice("涉嫌违法行为", choices.VIOLATIONS)
    facts = field.textarea("案情摘要")


class WithdrawalSchema(FormSchema):
    withdrawal_reason = field.textarea("撤回理由")
