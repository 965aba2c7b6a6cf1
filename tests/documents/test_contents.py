"""Each document type rendered from the example case: its required elements are on the page, with
the very numbers, dates and amounts given; page 1 is kept as a PNG for a human to look at."""

import subprocess
from pathlib import Path

import pytest

from documents import GENERATORS
from documents.examples import AGENCY, example
from forms.examples import EXAMPLES
from tests.documents.reading import compact, full_text

ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts" / "documents"
FACTS = EXAMPLES["investigation_conclusion"]["facts"]
EVIDENCE = EXAMPLES["investigation_conclusion"]["evidence_summary"]
ARTICLES = EXAMPLES["investigation_conclusion"]["articles_violated"]
BASIS = EXAMPLES["investigation_conclusion"]["penalty_basis"]
FINE = ("110000.00", "壹拾壹万元整")
CONFISCATION = ("2000.00", "贰仟元整")
SEAL = ("（印章）",)
APPEAL = ("六十日", "示例县人民政府申请行政复议", "六个月", "人民法院提起行政诉讼")

EXPECTED = {
    "case_intake_record": (
        "投诉举报（12345-2026-0815）", "2026年3月2日", "王某某", "511502199001011234", "城关镇解放路18号",
        EXAMPLES["intake_record"]["summary"], "建议立案：涉嫌未取得医疗机构执业许可证擅自执业", "张明、李华",
        "同意立案，由张明、李华承办。", "刘洋",
    ),
    "registration_report": (
        "示卫医〔2026〕7号", "涉嫌未取得医疗机构执业许可证擅自执业案", "张明（执法证号：51150020240001）",
        "李华（执法证号：51150020240002）", "立案日期2026年3月4日", "同意立案", "刘洋",
    ),
    "not_registered_record": (
        "建议不予立案", "经核查，该店仅提供生活美容服务，未发现诊疗活动。", "同意不予立案，答复举报人。",
        "刘洋", "2026年3月4日",
    ),
    "onsite_record": (
        "检查时间2026年3月5日", "城关镇解放路18号", "现场有采耳工具一套、收费记录一本。", "出示执法证件",
        "回避", "张明（执法证号：51150020240001）", "被检查人（签名）",
    ),
    "inquiry_record": (
        "询问时间2026年3月6日", "县卫生监督所", "当事人承认自2026年1月起提供采耳服务。", "如实回答",
        "回避", "被询问人（签名）",
    ),
    "evidence_preservation_decision": (
        "示卫医证保〔2026〕12号", "采耳工具一套、收费记录一本", "第五十六条", "负责人批准", "七个工作日",
        *SEAL, "2026年3月6日",
    ),
    "evidence_disposal_decision": (
        "示卫医证处〔2026〕12号", "采耳工具一套、收费记录一本", "依法没收", "作为违法工具依法没收",
        "2026年3月12日", *SEAL,
    ),
    "supervision_opinion": (
        "示卫医监〔2026〕12号", EXAMPLES["investigation"]["investigation_summary"],
        "立即停止并改正未取得医疗机构执业许可证擅自执业（非法行医）的违法行为", *SEAL,
    ),
    "investigation_final_report": (
        FACTS, EVIDENCE, "现场照片8张", ARTICLES, BASIS, "违法所得人民币2000.00元（大写：贰仟元整）",
        "一般：违法所得不足1万元按1万元计", "罚款人民币110000.00元（大写：壹拾壹万元整）", "责令停止执业",
        "同意调查终结意见。", "承办人（签名）：张明2026年3月20日", "承办人（签名）：李华2026年3月20日",
    ),
    "deliberation_record": (
        "2026年3月23日", "主持人王强", "张明、李华、王强", FACTS, "事实清楚，证据充分，同意处罚意见。",
        "合议结论同意", *FINE,
    ),
    "legal_review_opinion": (
        "主体、管辖、事实、证据、程序、法律依据、裁量", "主体适格，事实清楚，程序合法，裁量适当。",
        "审核结论通过", "2026年3月25日", "法制审核人员（签名）：王强",
    ),
    "collective_discussion_record": (
        "刘洋、陈刚、王强、赵敏", "同意按一般等次给予行政处罚。", "讨论结论同意处罚意见", "主持人刘洋",
        "2026年3月27日",
    ),
    "advance_notice": (
        "示卫医罚告〔2026〕12号", "王某某：", FACTS, EVIDENCE, ARTICLES, BASIS, "拟对你作出如下行政处罚",
        *FINE, *CONFISCATION, "陈述和申辩", "三个工作日", "五个工作日", "听证", *SEAL, "2026年3月30日",
    ),
    "hearing_right_notice": (
        "示卫医听告〔2026〕12号", FACTS, BASIS, *FINE, "要求举行听证的权利", "五个工作日", "一至二人", "回避",
        *SEAL,
    ),
    "statement_record": (
        EXAMPLES["statement_review"]["statement_content"], EXAMPLES["statement_review"]["review_opinion"],
        "不予采纳", "维持原拟处罚意见", "陈述申辩人（签名）", "复核人（签名）：王强",
    ),
    "hearing_notice": (
        "示卫医听通〔2026〕12号", "2026年4月20日", "县卫生健康委三楼听证室", "公开举行听证",
        "听证主持人：陈刚", *FINE, "一至二人", "回避", "视为放弃听证权利", *SEAL, "2026年4月8日",
    ),
    "hearing_record": (
        "听证时间2026年4月20日", "县卫生健康委三楼听证室", "公开听证",
        "当事人对违法事实无异议，请求减轻处罚。",
        "当事人到场", "主持人陈刚", "案件调查人员张明、李华", "记录人（签名）", "拒绝签字",
    ),
    "hearing_report": (
        "听证基本情况", "当事人对违法事实无异议，请求减轻处罚。", "主持人意见维持原拟处罚意见。",
        "听证主持人（签名）：陈刚2026年4月21日",
    ),
    "penalty_decision": (
        "示卫医罚〔2026〕12号", "当事人：王某某", "身份证件号码：511502199001011234",
        "住址：示例县城关镇解放路18号", "2026年3月4日立案调查", FACTS, EVIDENCE, ARTICLES, BASIS,
        EXAMPLES["investigation_conclusion"]["discretion_reason"], "2026年4月1日",
        "罚款人民币110000.00元（大写：壹拾壹万元整）", "没收违法所得人民币2000.00元（大写：贰仟元整）",
        "责令停止执业", "自收到本决定书之日起十五日内", "到指定的银行或者通过电子支付系统缴纳",
        "每日按罚款数额的百分之三加处罚款，加处罚款的数额不超过罚款数额", *APPEAL, *SEAL, "2026年4月28日",
    ),
    "no_penalty_decision": (
        "示卫医不罚〔2026〕12号", "身份证件号码：511502199001011234", FACTS, EVIDENCE,
        EXAMPLES["no_penalty_decision"]["no_penalty_reason"], "第五十七条第一款第（三）项",
        "决定对你不予行政处罚",
        *APPEAL, *SEAL,
    ),
    "onsite_penalty_decision": (
        "示卫医当罚〔2026〕3号", "示例县城关镇某某诊所", "统一社会信用代码：92511500MA6ABCDE1X",
        "法定代表人（负责人）：赵某", "2026年3月1日在城关镇某诊所", "诊所未在显著位置公示诊疗科目。",
        "《医疗机构管理条例》第二十四条", "罚款人民币200.00元（大写：贰佰元整）", "十五日内",
        "每日按罚款数额的百分之三加处罚款", "六十日内向示例县人民政府申请行政复议",
        "《中华人民共和国行政复议法》第二十三条第一款第（一）项", "不得直接向人民法院提起行政诉讼",
        "执法人员（签名）：张明执法证号：51150020240001", "报所属行政机关备案", *SEAL,
    ),
    "service_receipt": (
        "《行政处罚决定书》（示卫医罚〔2026〕12号）", "受送达人王某某", "直接送达", "2026年4月29日",
        "收件人当事人本人", "送达人张明、李华",
    ),
    "demand_letter": (
        "示卫医催〔2026〕12号", "王某某：", "2026年4月28日", "示卫医罚〔2026〕12号", "2026年4月29日",
        "十日内",
        *FINE, "加处罚款人民币59400.00元", "以上合计人民币171400.00元", *CONFISCATION, "陈述和申辩",
        "申请人民法院强制执行", "第三十五条", *SEAL, "2026年6月1日",
    ),
    "enforcement_application": (
        "示卫医强申〔2026〕12号", "申请人：示例县卫生健康委员会", "负责人：刘洋", "被申请人：王某某",
        "示卫医罚〔2026〕12号", *FINE, "加处罚款人民币105600.00元", "以上合计人民币217600.00元",
        "2026年6月1日向被申请人送达《催告书》", "第五十五条", "示例县人民法院", "负责人（签名）：刘洋",
        *SEAL, "2026年6月15日",
    ),
    "case_transfer_letter": (
        "示卫医移〔2026〕12号", "示例县市场监督管理局：", "当事人发布虚假医疗广告，属市场监督管理部门管辖。",
        "附件：广告截图、询问笔录", *SEAL,
    ),
    "criminal_transfer_letter": (
        "示卫医刑移〔2026〕12号", "示例县公安局：", "涉嫌非法行医罪", "曾因非法行医受过二次以上行政处罚",
        "输液器10套、药品5盒", "第三条、第六条", "正职负责人（签名）：刘洋", *SEAL,
    ),
    "crime_investigation_report": (
        "非法行医罪", "当事人曾因非法行医受过二次行政处罚，又非法行医。", "曾因非法行医受过二次以上行政处罚",
        "符合移送标准，同意移送公安机关。", "张明（执法证号：51150020240001）", "输液器10套、药品5盒",
    ),
    "closure_report": (
        "执行完毕", "罚没款已缴纳，处罚决定执行完毕。", "示卫医罚〔2026〕12号",
        "已履行，于2026年5月10日缴纳人民币112000.00元", "非税缴字0001号", "同意结案归档。",
        "立案日期2026年3月4日",
    ),
}


def test_every_document_type_has_expectations():
    assert set(EXPECTED) == set(GENERATORS)


@pytest.mark.parametrize("doc_type", list(GENERATORS))
def test_document_shows_its_required_elements(doc_type):
    data = example(doc_type)
    generator = GENERATORS[doc_type]
    pdf = generator.render(data)
    text = full_text(pdf)
    wanted = (AGENCY.name, generator.title, *EXPECTED[doc_type])
    absent = [expected for expected in wanted if compact(expected) not in text]
    assert not absent
    assert not generator.numbered or data.number in text
    _save_first_page(doc_type, pdf)


def _save_first_page(doc_type, pdf):
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    source = ARTIFACTS / f"{doc_type}.pdf"
    source.write_bytes(pdf)
    subprocess.run(["pdftoppm", "-png", "-r", "80", "-f", "1", "-l", "1", "-singlefile", str(source),
                    str(ARTIFACTS / doc_type)], check=True)
