"""The demo county's institution register, generated the same way on every run (a seeded random).

About 210 institutions of every kind, spread over eight townships, with valid credit codes; it is
handed to the register's importer as a spreadsheet would be, so the demo exercises the import too.
"""

import random

from engine.campaigns.importing import COLUMNS
from forms.campaign_choices import INSTITUTION_KINDS, OWNERSHIPS
from forms.identifiers import CREDIT_CODE_ALPHABET, credit_code_check_char

TOWNS = ("城关镇", "河口乡", "李庄镇", "王集乡", "新华街道", "东湖街道", "柳林镇", "三里店乡")
SURNAMES = "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕"
STREETS = ("人民路", "解放路", "建设路", "文化路", "中山街", "新华路", "胜利街", "工业路", "健康路", "东风路")
REGION = "411500"

NAMED = {
    "public_hospital": ["示例县人民医院", "示例县第二人民医院"],
    "other_public_hospital": ["示例县精神卫生中心"],
    "tcm_hospital": ["示例县中医院"],
    "maternal_child_hospital": ["示例县妇幼保健院"],
    "private_hospital": [
        "示例县仁爱医院",
        "示例县博爱医院",
        "示例县康复医院",
        "示例县东方骨科医院",
        "示例县华美医疗美容医院",
        "示例县协和妇产医院",
    ],
    "community_health_centre": ["新华街道社区卫生服务中心", "东湖街道社区卫生服务中心"],
    "infirmary": [
        "示例县第一高级中学医务室",
        "示例县实验中学医务室",
        "示例县纺织厂医务室",
        "示例县职业技术学校医务室",
        "示例县看守所医务室",
        "示例县水泥厂医务室",
        "示例县粮食储备库医务室",
        "示例县第二高级中学医务室",
    ],
}
COUNTS = {
    "township_health_centre": 6,
    "community_health_centre": 6,
    "outpatient_department": 10,
    "clinic": 112,
    "village_clinic": 40,
    "unlicensed_site": 6,
    "wellness_site": 10,
}
CLINIC_SPECIALTIES = (
    "中医诊所",
    "口腔诊所",
    "内科诊所",
    "中西医结合诊所",
    "医疗美容诊所",
    "妇科诊所",
    "儿科诊所",
)
OWNERSHIP = {
    "public_hospital": "public",
    "other_public_hospital": "public",
    "tcm_hospital": "public",
    "maternal_child_hospital": "public",
    "township_health_centre": "public",
    "community_health_centre": "public",
    "private_hospital": "private",
    "outpatient_department": "private",
    "clinic": "individual",
    "village_clinic": "public",
    "infirmary": "public",
    "unlicensed_site": "none",
    "wellness_site": "individual",
}
CODE_PREFIX = {"public": "12", "private": "52", "individual": "92"}


def institution_table(seed: int = 2024) -> list[list[str]]:
    """The register as rows of a spreadsheet: the importer's header, then one row per institution."""
    rng = random.Random(seed)
    rows, used = [list(COLUMNS)], set()
    for kind, _label in INSTITUTION_KINDS:
        for name, town in _named(kind, rng, used):
            rows.append(_row(rng, kind, name, town, len(rows)))
    return rows


def _named(kind: str, rng: random.Random, used: set[str]):
    named = NAMED.get(kind, [])
    found = [(name, TOWNS[0]) for name in named]
    used.update(named)
    while len(found) < max(COUNTS.get(kind, 0), len(named)):
        town = (
            TOWNS[len(found) + 1]
            if kind == "township_health_centre"
            else TOWNS[(len(found) + 1) % len(TOWNS)]
        )
        name = _generated_name(kind, town, rng)
        if name not in used:
            used.add(name)
            found.append((name, town))
    return found


OUTPATIENT_BRANDS = ("济民", "康泰", "同仁", "惠民", "益康")
WELLNESS_BRANDS = ("颐和", "悦康", "美颜", "千禧", "御养")
WELLNESS_TRADES = ("养生馆", "美容院", "推拿店")


def _generated_name(kind: str, town: str, rng: random.Random) -> str:
    surname, street = rng.choice(SURNAMES), rng.choice(STREETS)
    village = "".join(
        (rng.choice("东西南北前后大小"), rng.choice("王李张刘陈杨赵"), rng.choice("庄村营集寨"))
    )
    names = {
        "township_health_centre": f"{town}卫生院",
        "community_health_centre": f"{town}{street}社区卫生服务站",
        "outpatient_department": f"示例县{surname}{rng.choice(OUTPATIENT_BRANDS)}门诊部",
        "clinic": f"{town}{surname}{rng.choice(CLINIC_SPECIALTIES)}",
        "village_clinic": f"{town}{village}卫生室",
        "unlicensed_site": f"{town}{village}{surname}某无证诊所",
        "wellness_site": f"{town}{rng.choice(WELLNESS_BRANDS)}{rng.choice(WELLNESS_TRADES)}",
    }
    return names[kind]


def _row(rng: random.Random, kind: str, name: str, town: str, serial: int) -> list[str]:
    ownership = OWNERSHIP[kind]
    licensed = kind not in ("unlicensed_site", "wellness_site")
    code = ""
    if ownership in CODE_PREFIX:
        body = (
            CODE_PREFIX[ownership] + REGION + "".join(rng.choice(CREDIT_CODE_ALPHABET[:10]) for _ in range(6))
        )
        body += f"{serial:03d}"[-3:]
        code = body + credit_code_check_char(body)
    values = {
        "name": name,
        "credit_code": code,
        "licence_no": f"PDY{serial:05d}{REGION}" if licensed else "",
        "kind": dict(INSTITUTION_KINDS)[kind],
        "ownership": dict(OWNERSHIPS)[ownership],
        "address": f"{town}{rng.choice(STREETS)}{rng.randrange(1, 300)}号",
        "township": town,
        "legal_representative": f"{rng.choice(SURNAMES)}某",
        "phone": f"0376-{rng.randrange(2000000, 9999999)}",
        "status": "已取缔" if kind == "unlicensed_site" else "正常执业",
    }
    return [values[field] for field in COLUMNS.values()]
