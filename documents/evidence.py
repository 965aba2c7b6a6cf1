"""Evidence preservation and its disposal (行政处罚法 art 56): 负责人 approval, settled in 七个工作日."""

from documents.blocks import Para
from documents.checks import cause
from documents.generator import Generator
from documents.sections import party_block, seal
from documents.wording import chinese_date, is_blank, label, one_case, you
from forms.choices import EVIDENCE_DISPOSALS

ART_56 = "《中华人民共和国行政处罚法》第五十六条"


def _preservation_decision(doc):
    party = you(doc.party)
    return [
        party_block(doc),
        Para(f"本机关在调查{party}{one_case(doc)}中，因证据可能灭失或者以后难以取得，经本机关负责人批准，"
             f"依据{ART_56}的规定，决定对下列物品予以先行登记保存："),
        Para(doc.fields["preservation_items"]),
        Para(f"在先行登记保存期间，{party}不得损毁、销毁或者转移上述物品。本机关将在七个工作日内作出处理决定。"),
        seal(doc),
    ]


def _disposal_decision(doc):
    fields = doc.fields
    party = you(doc.party)
    note = "" if is_blank(fields.get("disposal_note")) else f"（{fields['disposal_note']}）"
    return [
        party_block(doc),
        Para(f"本机关在调查{party}{one_case(doc)}中，依法对{party}的下列物品予以先行登记保存："
             f"{fields['preservation_items']}。"),
        Para(f"依据{ART_56}的规定，本机关于{chinese_date(fields['disposal_on'])}对上述物品作出如下处理决定："
             f"{label(EVIDENCE_DISPOSALS, fields['disposal'])}{note}。"),
        seal(doc),
    ]


GENERATORS = {
    "evidence_preservation_decision": Generator(
        "证据先行登记保存决定书", _preservation_decision, numbered=True, checks=(cause,),
        required=("preservation_decision", "preservation_items"),
        applies_if=lambda fields: fields.get("preservation_decision") != "refuse",
        inapplicable_reason="负责人未批准先行登记保存",
    ),
    "evidence_disposal_decision": Generator(
        "先行登记保存证据处理决定书", _disposal_decision, numbered=True, checks=(cause,),
        required=("preservation_items", "disposal", "disposal_on"),
    ),
}
