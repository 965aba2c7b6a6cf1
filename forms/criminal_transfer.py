"""Task forms of the transfer of a suspected crime to the police (国务院令第310号)."""

from forms import choices
from forms import fields as field
from forms.base import FormSchema


class TransferReportSchema(FormSchema):
    task_force_ids = field.user_ids("专案组成员", help="至少2名执法人员")
    suspected_crime = field.text("涉嫌罪名")
    transfer_grounds = field.multichoice("移送情形", choices.CRIME_TRANSFER_GROUNDS, min_count=1)
    seized_items = field.textarea("涉案物品清单", required=False)
    report_summary = field.textarea("涉嫌犯罪案件情况调查报告摘要")


class TransferDecisionSchema(FormSchema):
    transfer_decision = field.choice("正职负责人决定", choices.CRIME_TRANSFER_DECISIONS)
    transfer_decision_reason = field.textarea("理由", help="应在收到报告之日起3日内作出决定")


class TransferToPoliceSchema(FormSchema):
    police_agency = field.text("接收公安机关")
    transferred_on = field.date("移送日期", help="批准后24小时内移送")
    receipt_no = field.text("回执编号")


class PoliceDecisionSchema(FormSchema):
    police_decision = field.choice("公安机关决定", choices.POLICE_DECISIONS)
    police_decision_on = field.date("决定日期")
    police_reason = field.textarea("不予立案理由", required=False)


class PoliceFollowUpSchema(FormSchema):
    """公安机关逾期未作立案决定时的催办或提请检察院监督（国务院令第310号第九条）。"""

    follow_up_action = field.choice("处理方式", choices.POLICE_FOLLOW_UP_ACTIONS)
    follow_up_on = field.date("办理日期")
    follow_up_note = field.textarea("情况说明", required=False)


class RefusalFollowUpSchema(FormSchema):
    follow_up = field.choice("处理方式", choices.REFUSAL_FOLLOW_UPS)


class ReconsiderationSchema(FormSchema):
    reconsideration_requested_on = field.date("提请复议日期", help="应在收到不予立案决定书后3日内提请")
    reconsideration_result = field.choice("复议结果", choices.RECONSIDERATION_RESULTS)


FORMS = {
    "transfer_report": TransferReportSchema,
    "transfer_decision": TransferDecisionSchema,
    "transfer_to_police": TransferToPoliceSchema,
    "police_decision": PoliceDecisionSchema,
    "police_follow_up": PoliceFollowUpSchema,
    "refusal_follow_up": RefusalFollowUpSchema,
    "reconsideration": ReconsiderationSchema,
}
