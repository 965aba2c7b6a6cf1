"""Demo data for ``make run``: one county agency, one officer per role, and cases at different steps.

Idempotent: a second run finds the demo agency and adds nothing, so ``make run`` can be repeated.
"""

import re
from datetime import date, timedelta

from sqlalchemy import select
from sqlalchemy.orm import sessionmaker
from werkzeug.security import generate_password_hash

from engine import accounts, runtime, scripted
from engine.clock import today
from engine.models import Agency
from engine.scripted import Step
from forms.examples import EXAMPLES
from web import demo_campaign

PASSWORD = "caseflow-demo"
AGENCY = ("demo-county", "示例县卫生健康委员会", "示县", "示例县")

OFFICERS = [
    ("zhangming", "张明", ["handler"], "豫卫执 4101001", False),
    ("lihua", "李华", ["handler"], "豫卫执 4101002", False),
    ("sunli", "孙丽", ["handler"], "豫卫执 4101003", False),
    ("wangqiang", "王强", ["dept_head"], "豫卫执 4101010", False),
    ("zhaomin", "赵敏", ["legal_reviewer"], "豫卫执 4101020", True),
    ("liuyang", "刘洋", ["agency_head"], None, False),
    ("chengang", "陈刚", ["principal_head"], None, False),
    ("admin", "系统管理员", ["admin"], None, False),
]

PARTIES = [
    {
        "kind": "person",
        "name": "王某（解放路采耳店）",
        "id_number": "411500199001011234",
        "address": "城关镇解放路18号",
    },
    {
        "kind": "organization",
        "name": "示例县康宁诊所",
        "credit_code": "92411500MA40000001",
        "legal_representative": "赵某",
        "address": "城关镇人民路66号",
    },
    {
        "kind": "person",
        "name": "李某（无证诊所）",
        "id_number": "411500198505052345",
        "address": "河口乡李庄村",
    },
    {
        "kind": "organization",
        "name": "示例县美颜生活美容店",
        "credit_code": "92411500MA40000002",
        "legal_representative": "钱某",
        "address": "城关镇建设路9号",
    },
]


def seed(db: sessionmaker, with_cases: bool = True) -> dict:
    """Create the demo agency, officers and cases unless they exist; return what was created."""
    with db() as session:
        if session.scalar(select(Agency.id).where(Agency.code == AGENCY[0])) is not None:
            return {"users": 0, "cases": 0}
    runtime.deploy(db)
    ids = _create_officers(db)
    cases = _walk_demo_cases(db, ids) + demo_campaign.seed(db, ids) if with_cases else 0
    return {"users": len(ids), "cases": cases}


def _create_officers(db: sessionmaker) -> dict[str, int]:
    password_hash = generate_password_hash(PASSWORD)
    with db.begin() as session:
        agency = accounts.create_agency(session, *AGENCY)
        return {
            username: accounts.create_user(
                session,
                username=username,
                full_name=name,
                password_hash=password_hash,
                agency=agency,
                roles=roles,
                certificate_no=cert,
                legal_qualification=qualified,
            ).id
            for username, name, roles, cert, qualified in OFFICERS
        }


def _routes(ids: dict[str, int]) -> list[tuple[dict, str, list[Step]]]:
    handlers = {"handler_ids": [ids["zhangming"], ids["lihua"]]}
    registered = [
        Step("intake_record", ids["zhangming"]),
        Step("registration_approval", ids["liuyang"], handlers),
    ]
    investigated = registered + [
        Step("investigation", ids["zhangming"]),
        Step("investigation_conclusion", ids["lihua"]),
    ]
    noticed = investigated + [
        Step("conclusion_review", ids["wangqiang"]),
        Step("deliberation", ids["wangqiang"]),
    ]
    decided = noticed + [
        Step("advance_notice", ids["zhangming"]),
        Step("party_response", ids["zhangming"]),
        Step("decision_approval", ids["liuyang"]),
    ]
    closed = decided + [
        Step("service", ids["lihua"]),
        Step("execution", ids["zhangming"]),
        Step("closure_report", ids["zhangming"]),
        Step("closure_approval", ids["liuyang"]),
    ]
    onsite = [Step("onsite_decision", ids["zhangming"], {"officer_ids": [ids["zhangming"], ids["lihua"]]})]
    return [
        (PARTIES[0], "general", closed, 90),
        (PARTIES[2], "general", decided, 50),
        (PARTIES[0], "general", noticed, 32),
        (PARTIES[2], "general", investigated, 24),
        (PARTIES[3], "general", registered, 6),
        (PARTIES[1], "general", [], 0),
        (PARTIES[1], "summary", onsite, 0),
    ]


def _walk_demo_cases(db: sessionmaker, ids: dict[str, int]) -> int:
    routes = _routes(ids)
    for party, procedure, steps, age_days in routes:
        case = runtime.open_case(db, user_id=ids["zhangming"], party=dict(party), procedure=procedure)
        shift = (today() - EXAMPLE_START).days - age_days
        scripted.walk(db, case.id, [_recent(step, shift) for step in steps])
    return len(routes)


EXAMPLE_START = date(2026, 3, 2)
ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def _recent(step: Step, shift: int) -> Step:
    """The step's example submission moved ``shift`` days, so the demo's deadlines fall around today."""
    payload = {**EXAMPLES[step.element_id], **step.changes}
    moved = {key: _moved(value, shift) for key, value in payload.items()}
    return Step(step.element_id, step.user_id, moved)


def _moved(value, shift: int):
    if isinstance(value, str) and ISO_DATE.fullmatch(value):
        return (date.fromisoformat(value) + timedelta(days=shift)).isoformat()
    if isinstance(value, list):
        return [_moved(item, shift) for item in value]
    if isinstance(value, dict):
        return {key: _moved(item, shift) for key, item in value.items()}
    return value
