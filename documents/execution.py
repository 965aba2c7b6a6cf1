"""After the decision: service, the demand letter and the court application (行政强制法 arts 35, 53–55)."""

from documents.blocks import Para, Rows
from documents.checks import amount_owed
from documents.generator import Generator
from documents.sections import PAYMENT_MANNER, addressee, dues, seal, sign_line
from documents.wording import chinese_date, is_blank, label, officer_names, party_rows, you
from forms.choices import SERVICE_METHODS

ENFORCEMENT_LAW = "《中华人民共和国行政强制法》"


def _decision_reference(fields):
    return f"《行政处罚决定书》（{fields['decision_number']}）"


def _left_note(fields):
    if fields["service_method"] == "left":
        return ("受送达人拒绝签收，送达人邀请有关基层组织或者所在单位的代表到场见证，"
                "并将文书留置送达。见证人（签名）：")
    return ""


def _service_receipt(doc):
    fields = doc.fields
    rows = (
        ("送达文书", _decision_reference(fields)),
        ("受送达人", doc.party.name),
        *((("送达地点", doc.party.address),) if not is_blank(doc.party.address) else ()),
        ("送达方式", label(SERVICE_METHODS, fields["service_method"])),
        ("送达时间", chinese_date(fields["served_on"])),
        ("收件人", fields["recipient"]),
        ("送达人", officer_names(doc.officers)),
        ("备注", _left_note(fields)),
    )
    return [Rows(rows), sign_line("收件人"), sign_line("送达人", officer_names(doc.officers))]


def _default_history(doc, agency, party):
    fields = doc.fields
    return (f"{agency}于{chinese_date(fields['decided_on'])}对{party}作出{_decision_reference(fields)}，"
            f"并于{chinese_date(fields['served_on'])}送达。")


def _demand_letter(doc):
    party = you(doc.party)
    return [
        addressee(doc.party.name),
        Para(_default_history(doc, "本机关", party) + f"{party}在法定期限内未履行该决定确定的缴纳义务。"),
        Para(f"依据{ENFORCEMENT_LAW}第三十五条、第五十四条的规定，现催告{party}自收到本催告书之日起十日内履行下列义务："),
        *dues(doc),
        Para(f"履行方式：{PAYMENT_MANNER}。"),
        Para(f"{party}收到本催告书后有权进行陈述和申辩，陈述、申辩意见可以在上述履行期限内向本机关书面或者口头提出。"),
        Para("逾期仍不履行的，本机关将依法申请人民法院强制执行。"),
        seal(doc),
    ]


def _enforcement_application(doc):
    fields = doc.fields
    note = "" if is_blank(fields.get("application_note")) else f"{fields['application_note']}。"
    respondent = "\n".join(f"{name}：{value}" for name, value in party_rows(doc.party, "被申请人"))
    return [
        Para(f"申请人：{doc.agency.name}\n负责人：{doc.approver}\n{respondent}", indent=False),
        Para(f"申请事项：请求人民法院强制执行申请人作出的{_decision_reference(fields)}确定的下列义务：",
             indent=False),
        *dues(doc),
        Para("事实和理由：", indent=False),
        Para(_default_history(doc, "申请人", "被申请人")
             + "被申请人在法定期限内未申请行政复议、未提起行政诉讼，又不履行该决定。"
             f"申请人于{chinese_date(fields['demand_served_on'])}向被申请人送达《催告书》，催告期满后被申请人仍未履行。{note}"
             f"当事人的意见及催告情况见所附材料。依据《中华人民共和国行政处罚法》第七十二条第一款第（四）项和"
             f"{ENFORCEMENT_LAW}第五十三条、第五十四条、第五十五条的规定，特申请强制执行。"),
        Para("此致"),
        Para(fields["court"], indent=False),
        Para("附件：1.行政处罚决定书及送达回执；2.催告书及送达回执；3.当事人的意见；4.申请强制执行标的情况；5.其他有关材料。",
             indent=False),
        sign_line("负责人", doc.approver),
        seal(doc),
    ]


_DECIDED = ("decision_number", "decided_on", "served_on")

GENERATORS = {
    "service_receipt": Generator(
        "送达回执", _service_receipt, min_officers=1,
        required=("decision_number", "served_on", "service_method", "recipient"),
    ),
    "demand_letter": Generator(
        "催告书", _demand_letter, numbered=True, identifies_party=True, required=_DECIDED,
        checks=(amount_owed,),
    ),
    "enforcement_application": Generator(
        "强制执行申请书", _enforcement_application, numbered=True, identifies_party=True,
        signers=("approver",),
        required=(*_DECIDED, "demand_served_on", "court"), checks=(amount_owed,),
    ),
}
