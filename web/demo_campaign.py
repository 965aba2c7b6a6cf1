"""Demo data of the campaign layer: a county's register, one campaign, inspections, complaints, and a few
dozen cases at different steps, so the dashboard, ledger and summary show real figures on first start.

Everything goes through the engine's own functions (importer, inspections, complaint workflow,
runtime), dated from a campaign that started about seven months before today. Seeded random: two
runs on empty databases give the same county.
"""

import random
from datetime import date, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import sessionmaker

from engine import runtime
from engine.campaigns import (
    complaint_workflow,
    corrections,
    credit,
    disclosure,
    findings,
    importing,
    inspections,
    plans,
    transfers,
)
from engine.clock import today
from engine.models import Case, ComplaintTask, Finding, InspectionItem, Institution
from forms.checklists import CHECKLISTS
from forms.examples import EXAMPLES
from web import demo_county
from web.demo_walks import Officers, dated, drive

# Share of each kind the demo inspects: hospitals all, most others above the plan's 50 %, and
# infirmaries below it, so the dashboard shows a target missed.
INSPECTED_SHARE = {
    "township_health_centre": 1.0,
    "community_health_centre": 0.67,
    "outpatient_department": 0.6,
    "clinic": 0.56,
    "village_clinic": 0.52,
    "infirmary": 0.38,
    "unlicensed_site": 0.5,
    "wellness_site": 0.6,
}
HOSPITALS = set(plans.HOSPITAL_KINDS)
TEMPLATES = {
    "private_hospital": ["lawful_practice", "core_systems", "charging", "publicity"],
    "tcm_hospital": ["core_systems", "charging", "tcm_wellness"],
    "outpatient_department": ["lawful_practice", "charging"],
    "clinic": ["individual_clinic", "charging"],
    "village_clinic": ["individual_clinic"],
    "unlicensed_site": ["individual_clinic"],
    "wellness_site": ["tcm_wellness"],
    "infirmary": ["individual_clinic"],
}
NOTES = {
    "staff_qualified": "1名护理人员未取得护士执业证书从事护理工作",
    "place_and_scope": "超出核准登记的诊疗科目开展医疗美容项目",
    "licensed": "未取得《医疗机构执业许可证》擅自开展诊疗活动",
    "infusion_filed": "未经备案开展静脉输液",
    "prices_displayed": "未按要求公示医疗服务价格",
    "no_split_charges": "部分检查项目分解收费",
    "no_false_publicity": "微信公众号发布未经审查的医疗广告",
    "no_treatment_as_wellness": "以养生保健名义开展针灸、拔罐等诊疗活动",
    "technical_staff": "使用未取得执业资格的人员从事诊疗活动",
}
# What a finding leads to when it is serious enough for a case, and the case's profile.
CASE_PROFILES = {
    "licensed": "unlicensed",
    "no_treatment_as_wellness": "unlicensed",
    "place_and_scope": "beyond_scope",
    "staff_qualified": "non_technical_staff",
    "technical_staff": "non_technical_staff",
    "no_split_charges": "overcharging",
}
CASE_STAGES = (
    "registration_approval",
    "investigation",
    "investigation_conclusion",
    "advance_notice",
    "service",
    None,
)


def seed(db: sessionmaker, ids: dict[str, int]) -> int:
    """Create the campaign data unless the agency already has institutions; return the cases opened."""
    handler = ids["zhangming"]
    with db() as session:
        if session.scalar(select(func.count(Institution.id))):
            return 0
    rng = random.Random(20240301)
    officers = Officers(ids)
    start = today() - timedelta(days=210)
    importing.import_institutions(db, handler, demo_county.institution_table(), source="示例县机构台账.xlsx")
    campaign = _campaign(db, ids, start)
    opened = _inspections(db, ids, officers, rng, campaign.id, start)
    opened += _complaints(db, ids, officers, rng, start)
    opened += _other_cases(db, ids, officers, start)
    _register(db, ids, start)
    _credit(db, ids)
    return opened


def _campaign(db, ids, start: date):
    form = plans.default_form(start, today() + timedelta(days=45))
    form |= {
        "name": f"{start.year}年规范医疗市场秩序专项整治行动",
        "focus": [
            "unlicensed_practice",
            "beyond_scope_institution",
            "non_technical_staff",
            "illegal_advertising",
            "overcharging",
            "unlicensed_cosmetic",
        ],
    }
    form["phases"][0]["ends_on"] = (start + timedelta(days=14)).isoformat()
    form["phases"][1]["starts_on"] = (start + timedelta(days=15)).isoformat()
    return plans.create(db, ids["wangqiang"], form)


def _institutions(db) -> list[Institution]:
    with db() as session:
        return list(session.scalars(select(Institution).order_by(Institution.id)))


def _inspections(db, ids, officers, rng, campaign_id: int, start: date) -> int:
    opened = 0
    for institution in _institutions(db):
        if institution.kind not in HOSPITALS and rng.random() > INSPECTED_SHARE.get(institution.kind, 0):
            continue
        templates = TEMPLATES.get(institution.kind, ["core_systems", "charging"])
        failures = _failures(rng, templates) if rng.random() < 0.22 else {}
        inspection = inspections.record(
            db,
            ids["zhangming"],
            {
                "institution_id": institution.id,
                "inspected_on": (start + timedelta(days=rng.randrange(5, 190))).isoformat(),
                "officer_ids": officers.handlers,
                "templates": templates,
                "campaign_id": campaign_id,
                "note": "现场检查了执业许可、人员资质、诊疗活动和收费公示等情况。",
            },
            failures,
        )
        opened += _follow_up(db, ids, officers, rng, inspection)
    return opened


def _failures(rng, templates: list[str]) -> dict[str, str]:
    items = [(t, code) for t in templates for code, _text, _v in CHECKLISTS[t].items]
    chosen = rng.sample(items, k=min(len(items), rng.choice((1, 1, 2))))
    return {inspections.item_key(t, code): NOTES.get(code, "现场检查不符合要求") for t, code in chosen}


def _follow_up(db, ids, officers, rng, inspection) -> int:
    """A correction order for each finding; a case as well where the finding is serious."""
    with db() as session:
        found = session.scalars(select(Finding).where(Finding.inspection_id == inspection.id)).all()
        found = [(f, session.get(InspectionItem, f.item_id).code) for f in found]
    opened = 0
    for finding, code in found:
        corrections.issue(db, ids["zhangming"], finding.id)
        if code in CASE_PROFILES:
            with db() as session:
                form = findings.case_form(session.get(Finding, finding.id))
            case = findings.open_case(db, ids["zhangming"], finding.id, form)
            forms = dated(inspection.inspected_on, CASE_PROFILES[code], form["facts"])
            drive(db, officers, case.id, forms, _stage(rng, inspection.inspected_on))
            opened += 1
    return opened


def _stage(rng, clue_on: date) -> str | None:
    """A step for a case of that age: old cases are mostly closed, recent ones still early."""
    age = (today() - clue_on).days
    possible = [s for s, days in zip(CASE_STAGES, (0, 3, 8, 20, 30, 45), strict=True) if days <= age]
    return rng.choice(possible + [possible[-1]])


def _complaints(db, ids, officers, rng, start: date) -> int:
    """Complaints through the complaint procedure: answered, transferred, refused, open and overdue."""
    opened = 0
    for number, (script, real_name, offset) in enumerate(COMPLAINT_SCRIPTS):
        received = start + timedelta(days=offset)
        complaint = complaint_workflow.register(
            db, ids["zhangming"], _complaint_form(number, real_name, received)
        )
        party = f"{'赵钱孙李周吴郑王'[number % 8]}某（{complaint.target_name}）"
        case_id = _run_complaint(db, ids, officers, complaint.id, script, received, party)
        if case_id:
            facts = f"群众举报{COMPLAINT_TARGETS[number % len(COMPLAINT_TARGETS)][0]}无证行医，经核查属实。"
            drive(db, officers, case_id, dated(received, "unlicensed", facts), _stage(rng, received))
            opened += 1
    return opened


# (steps through the complaint procedure, real-name, days after the campaign start)
COMPLAINT_SCRIPTS = (
    (["accept", "register", "approve", "open_case", "answer"], True, 20),
    (["accept", "register", "approve", "open_case", "answer"], True, 45),
    (["accept", "register", "approve", "open_case", "answer"], True, 70),
    (["accept", "register", "approve", "open_case", "answer"], True, 100),
    (["accept", "register", "approve", "open_case"], False, 130),
    (["accept", "register", "approve", "open_case", "answer"], True, 150),
    (["accept", "no_violation", "approve", "answer"], True, 30),
    (["accept", "no_violation", "return", "no_violation", "approve", "answer_late"], True, 60),
    (["accept", "no_violation", "approve"], False, 90),
    (["transfer", "transfer_out", "answer"], True, 50),
    (["accept", "to_other", "approve", "transfer_out", "answer"], True, 110),
    (["reject", "answer"], True, 80),
    (["reject"], False, 95),
    (["accept", "register"], True, 178),
    (["accept"], True, 185),
    ([], True, 200),
    (["accept", "no_violation"], False, 195),
)
COMPLAINT_TARGETS = (
    ("柳林镇某村民家中", "柳林镇北王庄"),
    ("解放路某采耳店", "城关镇解放路"),
    ("东湖街道某美容工作室", "东湖街道文化路"),
    ("河口乡集市游医", "河口乡集市"),
    ("某民营医院", "城关镇新华路"),
    ("三里店乡某推拿店", "三里店乡中山街"),
)


def _complaint_form(number: int, real_name: bool, received: date) -> dict:
    target, address = COMPLAINT_TARGETS[number % len(COMPLAINT_TARGETS)]
    form = {
        "channel": ("hotline", "web", "letter", "hotline", "media", "transfer_in")[number % 6],
        "source_ref": f"12345-{received:%Y%m%d}-{number:03d}",
        "received_on": received.isoformat(),
        "real_name": real_name,
        "target_name": target,
        "target_address": address,
        "content": f"反映{target}未取得执业许可，为群众打针输液、推销药品。",
    }
    if real_name:
        form |= {
            "reporter_name": f"{'赵钱孙李周吴郑王'[number % 8]}某某",
            "reporter_phone": f"1380000{number:04d}",
        }
    return form


def _run_complaint(
    db, ids, officers, complaint_id: int, script: list[str], received: date, party: str
) -> int | None:
    changes = {
        "accept": {},
        "transfer": {"acceptance_decision": "transfer", "acceptance_reason": "举报事项属医疗保障部门职责。"},
        "reject": {"acceptance_decision": "reject", "acceptance_reason": "举报内容不具体，无法核查。"},
        "register": {"verified_on": (received + timedelta(days=3)).isoformat()},
        "no_violation": {
            "verification_result": "not_register",
            "violation_code": None,
            "verification_findings": "现场核查未发现诊疗活动。",
        },
        "to_other": {
            "verification_result": "transfer",
            "violation_code": None,
            "verification_findings": "核查发现该院涉嫌虚记医保费用，属医疗保障部门职责。",
        },
        "approve": {},
        "return": {"review_result": "return", "review_opinion": "核查不够细致，请补充询问周边群众。"},
        "open_case": {
            "party_name": party,
            "party_id_number": f"41150019800101{complaint_id:04d}",
        },
        "transfer_out": {
            "transferred_on": (received + timedelta(days=4)).isoformat(),
            "receiving_agency_type": "medical_insurance",
            "receiving_agency_name": "示例县医疗保障局",
            "letter_no": f"示卫移函〔{received.year}〕{complaint_id}号",
            "transfer_reason": "举报事项涉及欺诈骗取医保基金，属医疗保障部门职责。",
        },
        "answer": {"feedback_on": (received + timedelta(days=12)).isoformat()},
        "answer_late": {"feedback_on": (received + timedelta(days=30)).isoformat()},
    }
    case_id = None
    for step in script:
        task = _complaint_task(db, complaint_id)
        user = (
            ids["wangqiang"]
            if task.role == "dept_head"
            else ids["zhangming" if step != "register" else "lihua"]
        )
        data = {k: v for k, v in {**EXAMPLES[task.form_key], **changes[step]}.items() if v is not None}
        if "officer_ids" in data:
            data["officer_ids"] = officers.handlers
        outcome = complaint_workflow.complete(db, task.id, user, data)
        case_id = outcome.case_id or case_id
    return case_id


def _complaint_task(db, complaint_id: int) -> ComplaintTask:
    with db() as session:
        return session.scalar(
            select(ComplaintTask).where(
                ComplaintTask.complaint_id == complaint_id, ComplaintTask.status == "open"
            )
        )


REPEAT_OFFENDER = {
    "kind": "person",
    "name": "刘某（流动游医）",
    "id_number": "411500197803153312",
    "address": "示例县河口乡集市",
}
SUMMARY_PARTIES = (
    {
        "kind": "organization",
        "name": "示例县城关镇便民诊所",
        "credit_code": "92411500MA4K5M6N7Q",
        "legal_representative": "何某",
        "address": "示例县城关镇工业路12号",
    },
    {
        "kind": "person",
        "name": "马某（个体诊所负责人）",
        "id_number": "411500198207074411",
        "address": "示例县王集乡文化路8号",
    },
)


def _other_cases(db, ids, officers, start: date) -> int:
    """Cases outside inspections and complaints: a repeat offender, a criminal transfer, a transfer to
    market regulation, and on-the-spot penalties."""
    handler = ids["zhangming"]
    facts = "当事人在河口乡集市摆摊为群众针灸、输液并收取费用，未取得医疗机构执业许可证。"
    for offset in (12, 60):
        case = runtime.open_case(
            db, user_id=handler, party=dict(REPEAT_OFFENDER), violation_code="unlicensed_practice"
        )
        drive(db, officers, case.id, dated(start + timedelta(days=offset), "unlicensed", facts), None)
    third = runtime.open_case(
        db, user_id=handler, party=dict(REPEAT_OFFENDER), violation_code="unlicensed_practice"
    )
    drive(
        db,
        officers,
        third.id,
        dated(start + timedelta(days=150), "unlicensed", facts),
        "investigation_conclusion",
    )
    police = runtime.open_case(
        db,
        user_id=handler,
        party={"kind": "person", "name": "孙某（黑诊所）", "id_number": "411500196912120817"},
        violation_code="unlicensed_practice",
    )
    forms = dated(
        start + timedelta(days=90),
        "unlicensed",
        "当事人无证开设诊所为孕妇实施引产手术，致一人轻度残疾。",
        investigation={"next_step": "transfer_police"},
    )
    drive(db, officers, police.id, forms, None)
    advert = runtime.open_case(
        db,
        user_id=handler,
        party=_party_of(db, "示例县华美医疗美容医院"),
        violation_code="illegal_advertising",
    )
    facts = "当事人在微信公众号发布未经审查的医疗美容广告。"
    drive(db, officers, advert.id, dated(start + timedelta(days=75), "advertising", facts), None)
    for number, party in enumerate(SUMMARY_PARTIES):
        case = runtime.open_case(db, user_id=handler, party=dict(party), procedure="summary")
        decided = (start + timedelta(days=40 + 50 * number)).isoformat()
        warning = {"penalty_type": "warning", "fine_amount": 0} if number else {}
        forms = {
            "onsite_decision": {"decided_on": decided, **warning},
            "payment_record": {"paid_on": decided},
        }
        drive(db, officers, case.id, forms, None)
    return 5 + len(SUMMARY_PARTIES)


def _party_of(db, name: str) -> dict:
    with db() as session:
        institution = session.scalar(select(Institution).where(Institution.name == name))
        return {
            "kind": "organization",
            "name": institution.name,
            "credit_code": institution.credit_code,
            "legal_representative": institution.legal_representative,
            "address": institution.address,
        }


def _register(db, ids, start: date) -> None:
    """Letters recorded by hand: clues transferred in by market regulation and the police."""
    for offset, counterpart, name, subject, party in (
        (
            35,
            "market_regulation",
            "示例县市场监督管理局",
            "移送某生活美容店涉嫌非法开展医疗美容线索",
            "示例县美颜生活美容店",
        ),
        (120, "police", "示例县公安局", "移送群众报警反映的无证行医线索", "王某"),
    ):
        transfers.add(
            db,
            ids["zhangming"],
            {
                "direction": "in",
                "counterpart_type": counterpart,
                "counterpart_name": name,
                "subject": subject,
                "party_name": party,
                "letter_no": f"{name[3:5]}移〔{start.year}〕{offset}号",
                "transferred_on": (start + timedelta(days=offset)).isoformat(),
                "receipt_on": (start + timedelta(days=offset + 1)).isoformat(),
                "result": "已受理核查",
            },
        )


def _credit(db, ids) -> None:
    """Points that put four institutions in the four tiers, and the decided cases published."""
    with db() as session:
        chosen = session.scalars(
            select(Institution.id)
            .where(Institution.kind.in_(("private_hospital", "clinic")))
            .order_by(Institution.id)
        ).all()[:4]
        decided = session.scalars(select(Case.id).where(Case.decided_on.is_not(None)).order_by(Case.id)).all()
    for institution_id, points in zip(chosen, ((6, 4, 2), (10, 6, 2), (10, 10, 2), (4,)), strict=True):
        for value in points:
            credit.score(
                db,
                ids["zhangming"],
                {
                    "institution_id": institution_id,
                    "points": str(value),
                    "reason": "监督检查发现不良执业行为",
                    "scored_on": (today() - timedelta(days=10)).isoformat(),
                },
            )
    for case_id in decided[::2]:
        disclosure.publish(db, ids["wangqiang"], case_id)
