"""Task forms of the summary procedure: a penalty decided and handed over on the spot (简易程序)."""

from marshmallow import validates_schema

from forms import choices
from forms import fields as field
from forms.base import FormSchema, check_fine_amount, require_when


class OnsiteDecisionSchema(FormSchema):
    officer_ids = field.user_ids("执法人员", help="至少2名执法人员，须出示执法证件")
    decided_on = field.date("处罚日期")
    place = field.text("处罚地点")
    facts = field.textarea("违法事实")
    violation_code = field.choice("违法行为", choices.VIOLATIONS)
    articles = field.text("违反条款及处罚依据")
    penalty_type = field.choice("处罚种类", choices.SUMMARY_PENALTY_TYPES)
    fine_amount = field.money(
        "罚款金额（元）",
        required=False,
        help="罚款时须大于0；公民不超过200元，法人或其他组织不超过3000元",
    )
    party_signed = field.boolean("当事人已签收")
    refusal_note = field.textarea("拒签情况", required=False, help="当事人拒绝签收时必填")
    payment_manner = field.choice(
        "缴纳方式",
        choices.PAYMENT_MANNERS,
        default="bank",
        help="当场收缴限100元以下或事后难以执行的情形",
    )

    @validates_schema
    def check_fine(self, data, **kwargs):
        check_fine_amount(data["penalty_type"] == "fine", data)

    @validates_schema
    def check_refusal_note(self, data, **kwargs):
        if not data["party_signed"]:
            require_when("当事人拒绝签收", data, "refusal_note")


class PaymentRecordSchema(FormSchema):
    paid_on = field.date("缴款日期")
    paid_amount = field.money("缴款金额（元）")
    receipt_no = field.text("罚没收据编号")
    cash_handed_in_on = field.date(
        "罚款上缴日期", required=False, help="当场收缴的罚款应在2个工作日内交至行政机关"
    )


class SummaryFilingSchema(FormSchema):
    filed_on = field.date("备案日期")
    filing_note = field.textarea("备案说明", required=False)


class FilingAcknowledgementSchema(FormSchema):
    filing_result = field.choice("审核结论", choices.FILING_RESULTS)
    filing_opinion = field.textarea("审核意见")


FORMS = {
    "onsite_decision": OnsiteDecisionSchema,
    "payment_record": PaymentRecordSchema,
    "summary_filing": SummaryFilingSchema,
    "filing_acknowledgement": FilingAcknowledgementSchema,
}
