"""Task forms of the transfer of a case to another administrative department (案件移送)."""

from forms import choices
from forms import fields as field
from forms.base import FormSchema


class TransferOutDraftSchema(FormSchema):
    receiving_agency_type = field.choice("接收部门类别", choices.RECEIVING_AGENCY_TYPES)
    receiving_agency_name = field.text("接收部门名称")
    transfer_reason = field.textarea("移送理由")
    materials = field.textarea("移送材料", required=False)


class TransferOutApprovalSchema(FormSchema):
    transfer_out_decision = field.choice("审批结论", choices.APPROVAL_DECISIONS)
    transfer_out_opinion = field.textarea("负责人意见")


class TransferOutReceiptSchema(FormSchema):
    receipt_on = field.date("回执日期")
    receiver = field.text("接收人")
    receiving_note = field.textarea("备注", required=False)


FORMS = {
    "transfer_out_draft": TransferOutDraftSchema,
    "transfer_out_approval": TransferOutApprovalSchema,
    "transfer_out_receipt": TransferOutReceiptSchema,
}
