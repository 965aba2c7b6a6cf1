"""Enumerations of the campaign layer (institution register, complaints, transfers) as (code, label) pairs.

As in ``forms.choices``, codes are stored and compared by the BPMN, so they never change; labels may.
"""

INSTITUTION_KINDS = (
    ("public_hospital", "二级以上公立医院"),
    ("other_public_hospital", "二级以下公立医院"),
    ("private_hospital", "民营医院"),
    ("tcm_hospital", "中医医院"),
    ("maternal_child_hospital", "妇幼保健院"),
    ("township_health_centre", "乡镇卫生院"),
    ("community_health_centre", "社区卫生服务中心(站)"),
    ("outpatient_department", "门诊部"),
    ("clinic", "诊所"),
    ("village_clinic", "村卫生室"),
    ("infirmary", "医务室"),
    ("unlicensed_site", "无证行医场所"),
    ("wellness_site", "养生保健、生活美容场所"),
)

OWNERSHIPS = (
    ("public", "公立"),
    ("private", "社会办（民营）"),
    ("individual", "个体"),
    ("none", "无（无证场所）"),
)

INSTITUTION_STATUSES = (
    ("operating", "正常执业"),
    ("suspended", "停业整顿"),
    ("closed", "注销、关闭"),
    ("banned", "已取缔"),
)

COMPLAINT_CHANNELS = (
    ("hotline", "举报电话（12345/12320）"),
    ("web", "网络平台"),
    ("letter", "来信"),
    ("visit", "来访"),
    ("transfer_in", "其他部门移送"),
    ("media", "媒体报道"),
)

ACCEPTANCE_DECISIONS = (
    ("accept", "受理并核查"),
    ("transfer", "不属本部门职责，移送"),
    ("reject", "不予受理"),
)

VERIFICATION_RESULTS = (
    ("register", "违法事实基本成立，建议立案"),
    ("not_register", "未发现违法行为，不予立案"),
    ("transfer", "属其他部门职责，建议移送"),
)

PARTY_KINDS = (
    ("person", "自然人"),
    ("organization", "法人或其他组织"),
)

COUNTERPARTS = (
    ("police", "公安机关"),
    ("market_regulation", "市场监督管理部门"),
    ("medical_insurance", "医疗保障部门"),
    ("drug_administration", "药品监督管理部门"),
    ("cyberspace", "网信部门"),
    ("other_health", "其他卫生健康部门"),
    ("other", "其他部门"),
)

FEEDBACK_METHODS = (
    ("phone", "电话"),
    ("sms", "短信"),
    ("letter", "书面"),
    ("visit", "当面"),
    ("online", "网络平台回复"),
)

TRANSFER_DIRECTIONS = (
    ("out", "移出"),
    ("in", "移入"),
)
