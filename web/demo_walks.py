"""Walk demo cases to a chosen step with dates of their own, answering each open task as its role would.

The demo needs cases at many steps and over months, so each case gets a clue date and every date of
its procedure is counted from it; whichever branch the diagrams take (legal review or not), the next
open task is completed by an officer of its role, until the named step is reached.
"""

from datetime import date, timedelta

from sqlalchemy import select
from sqlalchemy.orm import sessionmaker

from engine import runtime
from engine.clock import today
from engine.models import HumanTask
from forms.choices import VIOLATIONS
from forms.examples import EXAMPLES

PROFILES = {
    "unlicensed": {
        "violation_code": "unlicensed_practice",
        "articles_violated": "《基本医疗卫生与健康促进法》第三十八条第一款",
        "penalty_basis": "《基本医疗卫生与健康促进法》第九十九条第一款",
        "illegal_income": 3000,
        "penalty_types": ["order_stop", "confiscate_income", "fine"],
        "fine_amount": 100000,
        "confiscation_amount": 3000,
        "discretion_tier": "general",
    },
    "beyond_scope": {
        "violation_code": "beyond_scope_institution",
        "articles_violated": "《医疗机构管理条例》第二十六条",
        "penalty_basis": "《医疗机构管理条例》第四十六条",
        "illegal_income": 0,
        "penalty_types": ["warning", "fine"],
        "fine_amount": 20000,
        "confiscation_amount": 0,
        "discretion_tier": "general",
    },
    "non_technical_staff": {
        "violation_code": "non_technical_staff",
        "articles_violated": "《医疗机构管理条例》第二十七条",
        "penalty_basis": "《医疗机构管理条例》第四十七条",
        "illegal_income": 0,
        "penalty_types": ["fine"],
        "fine_amount": 15000,
        "confiscation_amount": 0,
        "discretion_tier": "lighter",
    },
    "overcharging": {
        "violation_code": "overcharging",
        "articles_violated": "《价格违法行为行政处罚规定》第九条",
        "penalty_basis": "《价格违法行为行政处罚规定》第九条第（六）项",
        "illegal_income": 4000,
        "penalty_types": ["warning", "confiscate_income", "fine"],
        "fine_amount": 8000,
        "confiscation_amount": 4000,
        "discretion_tier": "general",
    },
    "cosmetic": {
        "violation_code": "unlicensed_cosmetic",
        "articles_violated": "《基本医疗卫生与健康促进法》第三十八条第一款",
        "penalty_basis": "《基本医疗卫生与健康促进法》第九十九条第一款",
        "illegal_income": 6000,
        "penalty_types": ["order_stop", "confiscate_income", "fine"],
        "fine_amount": 60000,
        "confiscation_amount": 6000,
        "discretion_tier": "lighter",
    },
    "advertising": {
        "violation_code": "illegal_advertising",
        "articles_violated": "《广告法》第十六条",
        "penalty_basis": "《广告法》第五十八条",
        "proposal": "transfer_agency",
        "penalty_types": [],
        "fine_amount": 0,
        "confiscation_amount": 0,
        "illegal_income": 0,
    },
}


class Officers:
    """Who answers a task of each role; the two handlers are the ones registration assigns."""

    def __init__(self, ids: dict[str, int]):
        self.handlers = [ids["zhangming"], ids["lihua"]]
        self.by_role = {
            "handler": ids["zhangming"],
            "dept_head": ids["wangqiang"],
            "legal_reviewer": ids["zhaomin"],
            "agency_head": ids["liuyang"],
            "principal_head": ids["chengang"],
        }

    def for_task(self, task: HumanTask) -> int:
        if task.form_key == "investigation_conclusion":
            return self.handlers[1]
        return self.by_role[task.role]


def dated(clue_on: date, profile: str, facts: str, **extra) -> dict[str, dict]:
    """Form data of every step of a general-procedure case, dated from its clue and telling its facts."""

    def day(offset: int) -> str:
        return (clue_on + timedelta(days=offset)).isoformat()

    conclusion = {**PROFILES[profile], "facts": facts, **extra.pop("conclusion", {})}
    violation = dict(VIOLATIONS)[conclusion["violation_code"]]
    fine = conclusion.get("fine_amount", 0) + conclusion.get("confiscation_amount", 0)
    forms = {
        "intake_record": {"received_on": day(0), "summary": facts},
        "registration_approval": {"registered_on": day(2), "cause": f"涉嫌{violation}案"},
        "investigation": {
            "records": [{**r, "date": day(3 + i)} for i, r in enumerate(EXAMPLES["investigation"]["records"])]
        },
        "investigation_conclusion": conclusion,
        "advance_notice": {"notice_served_on": day(18)},
        "party_response": {"party_response": "none"},
        "decision_approval": {"decided_on": day(28)},
        "service": {"served_on": day(29)},
        "execution": {"paid_on": day(38), "paid_amount": fine},
        "transfer_to_police": {"transferred_on": day(12)},
        "police_decision": {"police_decision_on": day(14)},
        # The transfer itself is dated by its approval, which happens now: its receipt cannot be earlier.
        "transfer_out_receipt": {"receipt_on": today().isoformat()},
    }
    for form_key, changes in extra.items():
        forms[form_key] = {**forms.get(form_key, {}), **changes}
    return forms


def drive(
    db: sessionmaker, officers: Officers, case_id: int, forms: dict[str, dict], stop_at: str | None
) -> None:
    """Complete the case's open tasks in turn until ``stop_at`` is the open task (None: to the end)."""
    for _step in range(40):
        task = _open_task(db, case_id)
        if task is None or task.element_id == stop_at:
            return
        data = {**EXAMPLES[task.form_key], **(task.draft or {}), **forms.get(task.form_key, {})}
        for team in ("handler_ids", "task_force_ids", "officer_ids"):
            if team in data:
                data[team] = officers.handlers
        runtime.complete_task(db, task.id, officers.for_task(task), data)
    raise RuntimeError(f"demo case {case_id} did not reach {stop_at}")


def _open_task(db: sessionmaker, case_id: int) -> HumanTask | None:
    with db() as session:
        return session.scalar(
            select(HumanTask)
            .where(HumanTask.case_id == case_id, HumanTask.status == "open")
            .order_by(HumanTask.id)
        )
