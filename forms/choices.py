"""Enumerations of the procedure contract as ordered (code, Chinese label) pairs.

Codes are what the BPMN conditions and DMN tables compare against, so they never change;
labels are what officers read and may be reworded freely. Order is the order a form offers them.
"""

CASE_SOURCES = (
    ("inspection", "监督检查"),
    ("complaint", "投诉举报"),
    ("assigned", "上级交办"),
    ("transfer_in", "部门移送"),
    ("lab_report", "检验检测报告"),
    ("other", "其他"),
)

REGISTRATION_RECOMMENDATIONS = (
    ("register", "建议立案"),
    ("not_register", "建议不予立案"),
)

REGISTRATION_DECISIONS = (
    ("register", "同意立案"),
    ("not_register", "不予立案"),
)

RECORD_KINDS = (
    ("onsite", "现场笔录"),
    ("inquiry", "询问笔录"),
)

INVESTIGATION_NEXT_STEPS = (
    ("conclude", "调查终结"),
    ("preserve_evidence", "申请证据先行登记保存"),
    ("transfer_police", "涉嫌犯罪移送"),
)

APPROVAL_DECISIONS = (
    ("approve", "批准"),
    ("refuse", "不批准"),
)

EVIDENCE_DISPOSALS = (
    ("return", "解除并退还"),
    ("confiscate", "依法没收"),
    ("transfer", "移送有关部门"),
    ("lab_test", "送检"),
)

VIOLATIONS = (
    ("unlicensed_practice", "未取得医疗机构执业许可证擅自执业（非法行医）"),
    ("non_physician_practice", "未取得医师资格从事医师执业活动"),
    ("licence_lending", "医师出租、出借、转让执业证书（挂证）"),
    ("institution_licence_trading", "伪造、变造、买卖、出租、出借医疗机构执业许可证"),
    ("department_leasing", "出租、承包科室"),
    ("beyond_scope_institution", "医疗机构超出登记范围执业"),
    ("beyond_scope_physician", "医师超出注册范围执业"),
    ("non_technical_staff", "使用非卫生技术人员从事医疗卫生技术工作"),
    ("false_certificate", "出具虚假医学证明文件"),
    ("illegal_pregnancy_termination", "非医学需要的胎儿性别鉴定或选择性别终止妊娠"),
    ("unlicensed_cosmetic", "无证开展医疗美容"),
    ("illegal_advertising", "违法发布医疗广告"),
    ("overcharging", "违规收费"),
    ("other", "其他违法行为"),
)

PROPOSALS = (
    ("penalty", "给予行政处罚"),
    ("no_penalty", "不予行政处罚"),
    ("transfer_police", "移送公安机关"),
    ("transfer_agency", "移送其他部门"),
)

PENALTY_TYPES = (
    ("warning", "警告"),
    ("fine", "罚款"),
    ("confiscate_income", "没收违法所得"),
    ("confiscate_items", "没收非法财物"),
    ("suspend", "暂停执业/责令停产停业"),
    ("revoke_licence", "吊销许可证件"),
    ("order_stop", "责令停止执业"),
)

DISCRETION_TIERS = (
    ("none", "不予处罚"),
    ("reduced", "减轻"),
    ("lighter", "从轻"),
    ("general", "一般"),
    ("heavier", "从重"),
)

REVIEW_RESULTS = (
    ("approve", "同意"),
    ("return", "退回"),
)

DELIBERATION_RESULTS = (
    ("agree", "同意"),
    ("return", "退回补充调查"),
)

LEGAL_REVIEW_RESULTS = (
    ("pass", "通过"),
    ("fail", "不通过"),
)

LEGAL_REVIEW_ITEMS = (
    ("subject", "主体"),
    ("jurisdiction", "管辖"),
    ("facts", "事实"),
    ("evidence", "证据"),
    ("procedure", "程序"),
    ("basis", "法律依据"),
    ("discretion", "裁量"),
)

DISCUSSION_RESULTS = (
    ("agree", "同意处罚意见"),
    ("return", "退回"),
)

SERVICE_METHODS = (
    ("direct", "直接送达"),
    ("left", "留置送达"),
    ("mail", "邮寄送达"),
    ("electronic", "电子送达"),
    ("entrusted", "委托送达"),
    ("public_notice", "公告送达"),
)

PARTY_RESPONSES = (
    ("none", "逾期未提出"),
    ("waived", "明确放弃"),
    ("statement", "提出陈述申辩"),
    ("hearing_request", "申请听证"),
)

DECISION_RESULTS = (
    ("approve", "同意作出处罚决定"),
    ("return", "退回"),
)

EXECUTION_RESULTS = (
    ("paid", "已履行"),
    ("deferral_request", "申请延期/分期"),
    ("unpaid", "逾期未履行"),
)

DEMAND_RESULTS = (
    ("paid", "催告后已履行"),
    ("unpaid", "仍未履行"),
)

CLOSURE_REASONS = (
    ("executed", "执行完毕"),
    ("no_penalty", "不予处罚"),
    ("transferred_police", "移送司法机关"),
    ("transferred_agency", "移送其他部门"),
    ("court_enforcement", "申请强制执行"),
    ("other", "其他"),
)

CLOSURE_RESULTS = (
    ("approve", "同意结案"),
    ("return", "退回"),
)

CRIME_TRANSFER_GROUNDS = (
    ("disability", "致人轻度残疾以上"),
    ("class_a_infection", "甲类传染病传播风险"),
    ("fake_drugs", "使用假药劣药或不符合标准的器械"),
    ("repeat_offence", "曾因非法行医受过二次以上行政处罚"),
    ("other", "其他"),
)

CRIME_TRANSFER_DECISIONS = (
    ("approve", "批准移送"),
    ("refuse", "不批准"),
)

POLICE_DECISIONS = (
    ("accepted", "立案"),
    ("refused", "不予立案"),
)

POLICE_FOLLOW_UP_ACTIONS = (
    ("urged", "已催办公安机关"),
    ("procuratorate", "已提请人民检察院立案监督"),
)

REFUSAL_FOLLOW_UPS = (
    ("reconsider", "提请复议"),
    ("resume", "依法作出行政处罚"),
)

RECONSIDERATION_RESULTS = (
    ("accepted", "公安机关改为立案"),
    ("refused", "维持不予立案"),
)

RECEIVING_AGENCY_TYPES = (
    ("market_regulation", "市场监督管理部门"),
    ("medical_insurance", "医疗保障部门"),
    ("drug_administration", "药品监督管理部门"),
    ("cyberspace", "网信部门"),
    ("other_health", "其他卫生健康部门"),
)

SUMMARY_PENALTY_TYPES = (
    ("warning", "警告"),
    ("fine", "罚款"),
)

PAYMENT_MANNERS = (
    ("on_site", "当场收缴"),
    ("bank", "到指定银行缴纳"),
)

FILING_RESULTS = (
    ("accepted", "予以备案"),
    ("returned", "退回补正"),
)
