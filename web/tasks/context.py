"""What an officer needs to know before working a step: the party, and every earlier step's record.

Earlier decisions and their reasons are read from the completed task rows of the case (their
stored submissions), so showing them never restores a workflow.
"""

from sqlalchemy import select
from sqlalchemy.orm import Session

from engine.models import Case, HumanTask, User
from web.tasks import sendbacks
from web.tasks.formdata import form_fields

BOOLEAN = {True: "是", False: "否"}
PARTY_KINDS = {"person": "个人", "organization": "单位"}


def officer_names(session: Session, agency_id: int) -> dict[int, str]:
    return dict(session.execute(select(User.id, User.full_name).where(User.agency_id == agency_id)).all())


def history(session: Session, case: Case, names: dict[int, str]) -> list[dict]:
    """Completed steps of the case, oldest first, each with its answers in words."""
    done = session.scalars(
        select(HumanTask)
        .where(HumanTask.case_id == case.id, HumanTask.status == "completed")
        .order_by(HumanTask.completed_at, HumanTask.id)
    ).all()
    return [
        {
            "task": task,
            "by": names.get(task.completed_by_id, ""),
            "answers": answers(task.form_key, task.data or {}, names),
            "send_back": sendbacks.reason(task.form_key, task.data),
        }
        for task in done
    ]


def returned_by(steps: list[dict], task: HumanTask) -> dict | None:
    """The send-back that created ``task``: the completion just before it, if that was a send-back."""
    before = [step for step in steps if step["task"].completed_at <= task.created_at]
    if before and before[-1]["send_back"] is not None:
        return before[-1]
    return None


def answers(form_key: str, data: dict, names: dict[int, str]) -> list[tuple[str, object]]:
    """(label, words) for each answered field; a records field gives a list of such lists."""
    result = []
    for field in form_fields(form_key):
        value = data.get(field["name"])
        if value in (None, "", []):
            continue
        if field["type"] == "records":
            words = [_entry(field["fields"], entry, names) for entry in value]
        else:
            words = _words(field, value, names)
        result.append((field["label"], words))
    return result


def _entry(fields, entry: dict, names: dict[int, str]) -> list[tuple[str, str]]:
    return [(f["label"], _words(f, entry.get(f["name"]), names)) for f in fields if entry.get(f["name"])]


def _words(field: dict, value, names: dict[int, str]) -> str:
    kind = field["type"]
    labels = dict(field["choices"] or [])
    if kind == "choice":
        return labels.get(value, str(value))
    if kind == "multichoice":
        return "、".join(labels.get(v, str(v)) for v in value)
    if kind == "bool":
        return BOOLEAN.get(value, str(value))
    if kind == "money":
        return f"{value} 元"
    if kind == "user":
        return names.get(value, str(value))
    if kind == "users":
        return "、".join(names.get(v, str(v)) for v in value)
    if kind == "texts":
        return "；".join(value)
    return str(value)
