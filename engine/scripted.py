"""Drive a case with scripted submissions: demo data, benchmarks and lifecycle tests walk cases this way.

A step names the BPMN element to complete, who completes it and what differs from the form's
example submission; the step goes through the same ``runtime.complete_task`` a person's does.
"""

from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.orm import sessionmaker

from engine import runtime
from engine.errors import NotFound
from engine.models import HumanTask
from forms.examples import EXAMPLES


@dataclass(frozen=True)
class Step:
    element_id: str
    user_id: int
    changes: dict = field(default_factory=dict)


def open_task_id(db: sessionmaker, case_id: int, element_id: str) -> int:
    with db() as session:
        task_id = session.scalar(
            select(HumanTask.id).where(
                HumanTask.case_id == case_id, HumanTask.element_id == element_id, HumanTask.status == "open"
            )
        )
    if task_id is None:
        raise NotFound(f"案件 {case_id} 没有待办的 {element_id} 任务")
    return task_id


def submission(db: sessionmaker, case_id: int, element_id: str, changes: dict) -> tuple[int, dict]:
    task_id = open_task_id(db, case_id, element_id)
    with db() as session:
        form_key = session.get(HumanTask, task_id).form_key
    return task_id, {**EXAMPLES[form_key], **changes}


def complete(db: sessionmaker, case_id: int, step: Step) -> runtime.Outcome:
    task_id, data = submission(db, case_id, step.element_id, step.changes)
    return runtime.complete_task(db, task_id, step.user_id, data)


def walk(db: sessionmaker, case_id: int, steps: list[Step]) -> list[runtime.Outcome]:
    return [complete(db, case_id, step) for step in steps]
