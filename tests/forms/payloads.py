"""Raw task-form input as the web layer or the API would send it, one valid example per form key.

MINIMAL_PAYLOADS hold only the required fields, with choices that trigger no conditional rule;
FULL_PAYLOADS add every other field, choosing the branches whose conditions they satisfy.
"""

MINIMAL_PAYLOADS = {
    "intake_record": {
        "source": "complaint",
        "received_on": "2024-03-01",
        "summary": "群众举报某村民家中开设诊所为他人输液，现场发现药品及器械。",
        "recommendation": "register",
        "recommendation_reason": "涉嫌未取得医疗机构执业许可证擅自执业",
    },
    "registration_approval": {
        "registration_decision": "not_register",
        "registration_opinion": "证据不足，不予立案",
    },
    "investigation": {"investigation_summary": "已完成现场检查和询问", "next_step": "conclude"},
    "preservation_approval": {
        "preservation_decision": "approve",
        "preservation_items": "输液器10套、药品5盒",
        "preservation_opinion": "同意先行登记保存",
    },
    "preservation_disposal": {"disposal": "confiscate", "disposal_on": "2024-03-08"},
    "investigation_conclusion": {
        "facts": "当事人未取得医疗机构执业许可证开展诊疗活动",
        "evidence_summary": "现场笔录、询问笔录、照片",
        "violation_code": "unlicensed_practice",
        "articles_violated": "基本医疗卫生与健康促进法第三十八条",
        "penalty_basis": "基本医疗卫生与健康促进法第九十九条第一款",
        "proposal": "no_penalty",
    },
    "conclusion_review": {"conclusion_review_result": "approve"},
    "deliberation": {
        "deliberation_participants": "张三、李四、王五",
        "deliberation_opinion": "同意承办人意见",
        "deliberation_result": "agree",
    },
    "legal_review": {"legal_review_result": "pass", "legal_review_opinion": "事实清楚，证据确凿"},
    "collective_discussion": {
        "discussion_participants": "局长、副局长、法规科科长",
        "discussion_conclusion": "同意按一般等次处罚",
        "discussion_result": "agree",
    },
    "advance_notice": {"notice_served_on": "2024-04-01", "notice_service_method": "direct"},
    "party_response": {"party_response": "none"},
    "statement_review": {"statement_content": "当事人称系初次违法", "review_opinion": "理由不成立"},
    "hearing_notice": {
        "presider_id": 7,
        "hearing_date": "2024-04-20",
        "hearing_place": "三楼听证室",
    },
    "hearing": {
        "hearing_held_on": "2024-04-20",
        "party_attended": True,
        "hearing_record_summary": "当事人对违法事实无异议，请求减轻处罚",
        "hearing_opinion": "维持原处罚意见",
    },
    "decision_approval": {"decision_result": "return", "decision_opinion": "裁量理由不充分"},
    "service": {"served_on": "2024-05-06", "service_method": "direct", "recipient": "赵某"},
    "execution": {"execution_result": "unpaid"},
    "deferral_approval": {"deferral_decision": "refuse", "deferral_opinion": "不符合延期条件"},
    "demand_letter": {"demand_served_on": "2024-06-10", "demand_result": "unpaid"},
    "enforcement_application": {"applied_on": "2024-06-25", "court": "某县人民法院"},
    "no_penalty_decision": {
        "no_penalty_result": "approve",
        "no_penalty_reason": "违法行为轻微并及时改正",
    },
    "closure_report": {"closure_reason": "executed", "closure_summary": "罚款已缴纳，案件执行完毕"},
    "closure_approval": {"closure_result": "approve", "closure_opinion": "同意结案"},
    "transfer_report": {
        "task_force_ids": [3, 4],
        "suspected_crime": "非法行医罪",
        "transfer_grounds": ["repeat_offence"],
        "report_summary": "当事人曾因非法行医受过二次行政处罚",
    },
    "transfer_decision": {
        "transfer_decision": "approve",
        "transfer_decision_reason": "符合移送标准",
    },
    "transfer_to_police": {
        "police_agency": "某县公安局",
        "transferred_on": "2024-03-20",
        "receipt_no": "公受〔2024〕12号",
    },
    "police_decision": {"police_decision": "accepted", "police_decision_on": "2024-03-22"},
    "refusal_follow_up": {"follow_up": "reconsider"},
    "reconsideration": {
        "reconsideration_requested_on": "2024-03-25",
        "reconsideration_result": "refused",
    },
    "transfer_out_draft": {
        "receiving_agency_type": "market_regulation",
        "receiving_agency_name": "某县市场监督管理局",
        "transfer_reason": "违法发布医疗广告，属市场监管部门管辖",
    },
    "transfer_out_approval": {
        "transfer_out_decision": "approve",
        "transfer_out_opinion": "同意移送",
    },
    "transfer_out_receipt": {"receipt_on": "2024-04-02", "receiver": "钱某"},
    "onsite_decision": {
        "officer_ids": [3, 4],
        "decided_on": "2024-03-01",
        "place": "某诊所",
        "facts": "未按规定公示收费标准",
        "violation_code": "other",
        "articles": "医疗机构管理条例第四十六条",
        "penalty_type": "warning",
        "party_signed": True,
    },
    "payment_record": {"paid_on": "2024-03-02", "paid_amount": 200, "receipt_no": "0012345"},
    "summary_filing": {"filed_on": "2024-03-04"},
    "filing_acknowledgement": {"filing_result": "accepted", "filing_opinion": "予以备案"},
}

_EXTRAS = {
    "intake_record": {"source_ref": "12345-2024-0001", "place": "某村三组"},
    "registration_approval": {
        "registration_decision": "register",
        "handler_ids": [3, 4],
        "cause": "涉嫌非法行医案",
        "registered_on": "2024-03-05",
    },
    "investigation": {
        "records": [
            {
                "kind": "onsite",
                "date": "2024-03-06",
                "place": "某村三组",
                "content": "现场有输液架",
            },
            {
                "kind": "inquiry",
                "date": "2024-03-07",
                "place": "卫生监督所",
                "content": "当事人承认",
            },
        ],
        "evidence": ["现场照片12张", "药品清单"],
    },
    "preservation_disposal": {"disposal_note": "依法没收"},
    "investigation_conclusion": {
        "proposal": "penalty",
        "illegal_income": "2000",
        "months_practising": 2,
        "patient_harm": False,
        "prior_penalties": 0,
        "is_health_professional": True,
        "invasive_acts": False,
        "mitigating": False,
        "no_penalty_ground": False,
        "penalty_types": ["fine", "confiscate_income", "order_stop"],
        "fine_amount": "110000.50",
        "confiscation_amount": 2000,
        "discretion_tier": "general",
        "discretion_reason": "无从重从轻情节",
        "major_case": True,
        "complex_case": False,
        "major_public_interest": False,
    },
    "conclusion_review": {
        "conclusion_review_result": "return",
        "conclusion_review_opinion": "补充证据",
    },
    "legal_review": {"legal_review_items": ["subject", "facts", "discretion"]},
    "party_response": {"party_response": "hearing_request", "response_received_on": "2024-04-03"},
    "statement_review": {
        "statement_adopted": True,
        "penalty_changed": True,
        "revised_fine_amount": 80000,
    },
    "hearing_notice": {"hearing_public": False},
    "decision_approval": {"decision_result": "approve", "decided_on": "2024-05-01"},
    "execution": {
        "execution_result": "paid",
        "paid_on": "2024-05-15",
        "paid_amount": 110000.5,
        "voucher_no": "缴字0001",
    },
    "deferral_approval": {
        "deferral_decision": "approve",
        "deferral_until": "2024-08-31",
        "instalments": 3,
    },
    "enforcement_application": {"application_note": "催告后仍未履行"},
    "transfer_report": {"seized_items": "输液器10套"},
    "police_decision": {"police_decision": "refused", "police_reason": "未达追诉标准"},
    "transfer_out_draft": {"materials": "广告截图、询问笔录"},
    "transfer_out_receipt": {"receiving_note": "材料齐全"},
    "onsite_decision": {
        "penalty_type": "fine",
        "fine_amount": "150.50",
        "party_signed": False,
        "refusal_note": "当事人拒绝签名，已录像",
        "payment_manner": "on_site",
    },
    "payment_record": {"cash_handed_in_on": "2024-03-03"},
    "summary_filing": {"filing_note": "已附决定书副本"},
}

FULL_PAYLOADS = {key: {**payload, **_EXTRAS.get(key, {})} for key, payload in MINIMAL_PAYLOADS.items()}
