"""One realistic, valid submission per form key: the 宜宾 ear-cleaning case of DOMAIN §4.1, told form by form.

Used to seed demo cases, to drive benchmarks, and as the baseline that tests vary. Officer ids
(handler_ids, presider_id, officer_ids, task_force_ids) are placeholders the caller replaces.
"""

EXAMPLES: dict[str, dict] = {
    "intake_record": {
        "source": "complaint", "source_ref": "12345-2026-0815", "received_on": "2026-03-02",
        "place": "城关镇解放路18号", "summary": "群众举报某采耳店为顾客采耳并收取费用，疑似未取得医疗机构执业许可证开展诊疗活动。",
        "recommendation": "register", "recommendation_reason": "涉嫌未取得医疗机构执业许可证擅自执业",
    },
    "registration_approval": {
        "registration_decision": "register", "registration_opinion": "同意立案，由张明、李华承办。",
        "handler_ids": [0, 0], "cause": "涉嫌未取得医疗机构执业许可证擅自执业案", "registered_on": "2026-03-04",
    },
    "investigation": {
        "investigation_summary": "现场检查发现采耳工具及收费记录，询问当事人确认经营2个月，违法所得2000元。",
        "records": [
            {"kind": "onsite", "date": "2026-03-05", "place": "城关镇解放路18号", "content": "现场有采耳工具一套、收费记录一本。"},
            {"kind": "inquiry", "date": "2026-03-06", "place": "县卫生监督所", "content": "当事人承认自2026年1月起提供采耳服务。"},
        ],
        "evidence": ["现场照片8张", "收费记录复印件", "询问笔录"], "next_step": "conclude",
    },
    "preservation_approval": {
        "preservation_decision": "approve", "preservation_items": "采耳工具一套、收费记录一本",
        "preservation_opinion": "证据可能灭失，同意先行登记保存。",
    },
    "preservation_disposal": {"disposal": "confiscate", "disposal_on": "2026-03-12", "disposal_note": "作为违法工具依法没收"},
    "investigation_conclusion": {
        "facts": "当事人自2026年1月起未取得医疗机构执业许可证，在城关镇解放路18号为顾客提供采耳服务并收费。",
        "evidence_summary": "现场笔录、询问笔录、收费记录、现场照片", "violation_code": "unlicensed_practice",
        "articles_violated": "《基本医疗卫生与健康促进法》第三十八条第一款",
        "penalty_basis": "《基本医疗卫生与健康促进法》第九十九条第一款", "illegal_income": 2000,
        "months_practising": 2, "patient_harm": False, "prior_penalties": 0, "is_health_professional": False,
        "invasive_acts": False, "mitigating": False, "no_penalty_ground": False, "proposal": "penalty",
        "penalty_types": ["order_stop", "confiscate_income", "fine"], "fine_amount": 110000,
        "confiscation_amount": 2000, "discretion_tier": "general",
        "discretion_reason": "违法所得不足1万元按1万元计，无从轻、从重情节，按一般等次处11倍罚款。",
        "major_case": False, "complex_case": False, "major_public_interest": False,
    },
    "conclusion_review": {"conclusion_review_result": "approve", "conclusion_review_opinion": "同意调查终结意见。"},
    "deliberation": {
        "deliberation_participants": "张明、李华、王强", "deliberation_opinion": "事实清楚，证据充分，同意处罚意见。",
        "deliberation_result": "agree",
    },
    "legal_review": {
        "legal_review_result": "pass", "legal_review_opinion": "主体适格，事实清楚，程序合法，裁量适当。",
        "legal_review_items": ["subject", "jurisdiction", "facts", "evidence", "procedure", "basis", "discretion"],
    },
    "collective_discussion": {
        "discussion_participants": "刘洋、陈刚、王强、赵敏", "discussion_conclusion": "同意按一般等次给予行政处罚。",
        "discussion_result": "agree",
    },
    "advance_notice": {"notice_served_on": "2026-04-01", "notice_service_method": "direct"},
    "party_response": {"party_response": "none", "response_received_on": None},
    "statement_review": {
        "statement_content": "当事人称不知道采耳属于医疗活动，请求从轻处罚。", "review_opinion": "当事人所称不构成从轻情节，不予采纳。",
        "statement_adopted": False, "penalty_changed": False, "revised_fine_amount": 0,
    },
    "hearing_notice": {"presider_id": 0, "hearing_date": "2026-04-20", "hearing_place": "县卫生健康委三楼听证室",
                       "hearing_public": True},
    "hearing": {
        "hearing_held_on": "2026-04-20", "party_attended": True,
        "hearing_record_summary": "当事人对违法事实无异议，请求减轻处罚。", "hearing_opinion": "维持原拟处罚意见。",
    },
    "decision_approval": {"decision_result": "approve", "decision_opinion": "同意作出行政处罚决定。", "decided_on": "2026-04-28"},
    "service": {"served_on": "2026-04-29", "service_method": "direct", "recipient": "当事人本人"},
    "execution": {"execution_result": "paid", "paid_on": "2026-05-10", "paid_amount": 112000, "voucher_no": "非税缴字0001号"},
    "deferral_approval": {"deferral_decision": "approve", "deferral_until": "2026-08-31", "instalments": 3,
                          "deferral_opinion": "当事人确有经济困难，同意分三期缴纳。"},
    "demand_letter": {"demand_served_on": "2026-06-01", "demand_result": "unpaid"},
    "enforcement_application": {"applied_on": "2026-06-15", "court": "示例县人民法院", "application_note": "催告后仍未履行"},
    "no_penalty_decision": {"no_penalty_result": "approve", "no_penalty_reason": "违法行为轻微并及时改正，没有造成危害后果。"},
    "closure_report": {"closure_reason": "executed", "closure_summary": "罚没款已缴纳，处罚决定执行完毕。"},
    "closure_approval": {"closure_result": "approve", "closure_opinion": "同意结案归档。"},
    "transfer_report": {
        "task_force_ids": [0, 0], "suspected_crime": "非法行医罪", "transfer_grounds": ["repeat_offence"],
        "seized_items": "输液器10套、药品5盒", "report_summary": "当事人曾因非法行医受过二次行政处罚，又非法行医。",
    },
    "transfer_decision": {"transfer_decision": "approve", "transfer_decision_reason": "符合移送标准，同意移送公安机关。"},
    "transfer_to_police": {"police_agency": "示例县公安局", "transferred_on": "2026-03-20", "receipt_no": "示公受〔2026〕12号"},
    "police_decision": {"police_decision": "accepted", "police_decision_on": "2026-03-23", "police_reason": ""},
    "refusal_follow_up": {"follow_up": "reconsider"},
    "reconsideration": {"reconsideration_requested_on": "2026-03-25", "reconsideration_result": "accepted"},
    "transfer_out_draft": {
        "receiving_agency_type": "market_regulation", "receiving_agency_name": "示例县市场监督管理局",
        "transfer_reason": "当事人发布虚假医疗广告，属市场监督管理部门管辖。", "materials": "广告截图、询问笔录",
    },
    "transfer_out_approval": {"transfer_out_decision": "approve", "transfer_out_opinion": "同意移送。"},
    "transfer_out_receipt": {"receipt_on": "2026-04-02", "receiver": "市场监管局法规股 钱某", "receiving_note": "材料齐全"},
    "onsite_decision": {
        "officer_ids": [0, 0], "decided_on": "2026-03-01", "place": "城关镇某诊所", "facts": "诊所未在显著位置公示诊疗科目。",
        "violation_code": "other", "articles": "《医疗机构管理条例》第二十四条", "penalty_type": "fine",
        "fine_amount": 200, "party_signed": True, "refusal_note": "", "payment_manner": "bank",
    },
    "payment_record": {"paid_on": "2026-03-02", "paid_amount": 200, "receipt_no": "非税0012345", "cash_handed_in_on": None},
    "summary_filing": {"filed_on": "2026-03-03", "filing_note": "已附当场处罚决定书副本"},
    "filing_acknowledgement": {"filing_result": "accepted", "filing_opinion": "予以备案。"},
}
