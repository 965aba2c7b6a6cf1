"""Inspection checklists of the county plan (DOMAIN §5.1): a template per focus, its items in order.

An item is (code, text, violation): the violation code is what a failed item suggests when it
turns into a case; officers may change it. Codes are stored with each inspection, so they never change.
"""

from dataclasses import dataclass

CORE_SYSTEMS = (
    "首诊负责",
    "三级查房",
    "会诊",
    "分级护理",
    "值班和交接班",
    "疑难病例讨论",
    "急危重患者抢救",
    "术前讨论",
    "死亡病例讨论",
    "查对",
    "手术安全核查",
    "手术分级管理",
    "新技术和新项目准入",
    "危急值报告",
    "病历管理",
    "抗菌药物分级管理",
    "临床用血审核",
    "信息安全管理",
)


@dataclass(frozen=True)
class Checklist:
    code: str
    title: str
    items: tuple[tuple[str, str, str], ...]

    def item(self, code: str) -> tuple[str, str, str]:
        return next(entry for entry in self.items if entry[0] == code)


def _core_system_items():
    items = []
    for number, name in enumerate(CORE_SYSTEMS, start=1):
        items.append((f"core_{number:02d}_established", f"{name}制度：已建立", "other"))
        items.append((f"core_{number:02d}_executed", f"{name}制度：已执行", "other"))
    return tuple(items)


CHECKLISTS = {
    checklist.code: checklist
    for checklist in (
        Checklist(
            "lawful_practice",
            "民营医疗机构依法执业",
            (
                ("staff_qualified", "执业人员具备相应资质", "non_technical_staff"),
                (
                    "departments_as_licensed",
                    "按许可项目设置科室并正常开展诊疗活动",
                    "beyond_scope_institution",
                ),
                ("place_and_scope", "执业地点、执业范围与许可一致", "beyond_scope_institution"),
                ("restricted_techniques", "依法依规开展限制类医疗技术临床应用", "other"),
                ("signboards", "无乱挂牌、违规挂牌", "other"),
            ),
        ),
        Checklist("core_systems", "18项医疗质量安全核心制度", _core_system_items()),
        Checklist(
            "charging",
            "收费行为（扰乱医疗市场秩序）",
            (
                ("no_false_examinations", "无虚假检查、小病大治", "overcharging"),
                ("no_own_charge_items", "无自立收费项目、自定标准收费", "overcharging"),
                ("no_raised_grades", "无提高等级或标准收费", "overcharging"),
                ("no_split_charges", "无分解收费、重复收费", "overcharging"),
                ("service_for_charge", "无只收费不服务", "overcharging"),
                ("informed_consent", "新增收费项目事前告知并取得知情同意，无术中加价", "overcharging"),
                ("no_coercion", "无欺诈、胁迫、勒索患者", "other"),
                ("prices_displayed", "药品、医用材料及医疗服务价格按要求公示", "overcharging"),
                ("follow_up", "以往检查、举报、媒体通报问题已整改（回头看）", "other"),
            ),
        ),
        Checklist(
            "publicity",
            "医疗宣传、机构名称、义诊",
            (
                ("no_false_publicity", "无虚假宣传、擅自发布或篡改医疗广告", "illegal_advertising"),
                ("lawful_name", "机构名称符合规定", "other"),
                ("approved_free_clinics", "义诊经审批且无借义诊推销保健品", "other"),
            ),
        ),
        Checklist(
            "individual_clinic",
            "个体诊所医疗安全",
            (
                ("licensed", "取得医疗机构执业许可证，无黑诊所、黑医师", "unlicensed_practice"),
                ("within_scope", "未超范围开展诊疗", "beyond_scope_institution"),
                ("technical_staff", "未使用非卫生技术人员", "non_technical_staff"),
                ("honest_diagnosis", "无夸大病情、虚假治疗", "other"),
                ("infusion_filed", "开展静脉输液已备案", "beyond_scope_institution"),
                (
                    "no_illegal_abortion",
                    "无非法终止妊娠、输精（卵）管吻合手术",
                    "illegal_pregnancy_termination",
                ),
            ),
        ),
        Checklist(
            "tcm_wellness",
            "中医养生保健服务",
            (
                ("no_treatment_as_wellness", "未以养生保健、治未病等名义开展诊疗活动", "unlicensed_practice"),
                ("no_false_tcm_ads", "无虚假违法中医医疗广告和信息", "illegal_advertising"),
            ),
        ),
    )
}

CHECKLIST_CHOICES = tuple((code, checklist.title) for code, checklist in CHECKLISTS.items())
