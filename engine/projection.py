"""Project a running workflow into the rows that lists read: human tasks and the case's summary columns.

Everything here reads the BPMN element's properties (formKey, status, assigneeVariable, outcome),
never element ids, so a new step in the diagram needs no code.
"""

from datetime import date
from decimal import Decimal

from SpiffWorkflow.bpmn.specs.defaults import EndEvent
from SpiffWorkflow.task import TaskState
from sqlalchemy import select, update
from sqlalchemy.orm import Session

from engine import deadlines
from engine.clock import utcnow
from engine.models import Case, CaseHandler, HumanTask
from engine.roles import LANE_ROLES

CASE_DATE_FIELDS = ("registered_on", "decided_on", "served_on", "paid_on", "payment_due_on")


def properties(task) -> dict:
    return task.task_spec.extensions.get("properties", {}) if hasattr(task.task_spec, "extensions") else {}


def ready_user_tasks(workflow) -> list:
    return workflow.get_tasks(state=TaskState.READY, manual=True)


REACHED = TaskState.READY | TaskState.WAITING | TaskState.STARTED | TaskState.COMPLETED


def reached_ids(workflow) -> set:
    """Tasks a token has reached: the flow into them has been taken."""
    return {t.id for t in _all_tasks(workflow) if t.has_state(REACHED)}


def _all_tasks(workflow):
    yield from workflow.tasks.values()
    for subprocess in workflow.subprocesses.values():
        yield from subprocess.tasks.values()


def flows_taken(workflow, reached_before: set) -> list[list[str]]:
    """Sequence flows walked in this step, as [source element id, target element id] pairs."""
    taken = []
    for task in _all_tasks(workflow):
        if task.id in reached_before or not task.has_state(REACHED) or not task.task_spec.bpmn_id:
            continue
        source = task.parent
        while source is not None and not source.task_spec.bpmn_id:
            source = source.parent
        if source is not None:
            taken.append([source.task_spec.bpmn_id, task.task_spec.bpmn_id])
    return sorted(taken)


def ready_ids(workflow) -> set[str]:
    return {str(t.id) for t in ready_user_tasks(workflow)}


def sync_tasks(
    session: Session, case: Case, workflow, ready_before: set[str] | None = None
) -> list[HumanTask]:
    """Insert rows for new READY user tasks and cancel rows whose task is no longer READY.

    ``ready_before`` (the READY tasks of the workflow as restored, which the open rows mirror)
    spares the query for the open rows on the completion path.
    """
    ready = {str(t.id): t for t in ready_user_tasks(workflow)}
    if ready_before is not None:
        gone = ready_before - set(ready)
        if gone:
            session.execute(
                update(HumanTask.__table__)
                .where(
                    HumanTask.case_id == case.id,
                    HumanTask.status == "open",
                    HumanTask.spiff_task_id.in_(gone),
                )
                .values(status="cancelled")
            )
        created = [_new_row(case, task) for task_id, task in ready.items() if task_id not in ready_before]
        session.add_all(created)
        return created
    open_rows = session.scalars(
        select(HumanTask).where(HumanTask.case_id == case.id, HumanTask.status == "open")
    ).all()
    known = {row.spiff_task_id for row in open_rows}
    for row in open_rows:
        if row.spiff_task_id not in ready:
            row.status = "cancelled"
    created = [_new_row(case, task) for task_id, task in ready.items() if task_id not in known]
    session.add_all(created)
    return created


def _new_row(case: Case, task) -> HumanTask:
    props = properties(task)
    lane = task.task_spec.lane or ""
    assignee = task.data.get(props["assigneeVariable"]) if props.get("assigneeVariable") else None
    now = utcnow()
    deadline = deadlines.task_deadline(props, task.data, now)
    return HumanTask(
        case_id=case.id,
        agency_id=case.agency_id,
        spiff_task_id=str(task.id),
        element_id=task.task_spec.bpmn_id,
        name=task.task_spec.bpmn_name or task.task_spec.bpmn_id,
        form_key=props.get("formKey", task.task_spec.bpmn_id),
        lane=lane,
        role=str(LANE_ROLES.get(lane, "")),
        status="open",
        assignee_id=assignee,
        claimed_at=now if assignee else None,
        created_at=now,
        deadline=deadline.period if deadline else None,
        deadline_start=deadline.start if deadline else None,
        due_at=deadline.due_at if deadline else None,
        due_confirmed=deadline.confirmed if deadline else True,
    )


def current_data(workflow) -> dict:
    """Task data as it stands now: the active user task's, else the last completed task's."""
    ready = ready_user_tasks(workflow)
    if ready:
        return ready[0].data
    return workflow.last_task.data if workflow.last_task is not None else {}


def sync_case(session: Session, case: Case, workflow, submitted: dict) -> None:
    """Update status, key dates, fine and handlers of the case from the workflow's data."""
    case.status = current_status(workflow)
    if workflow.is_completed():
        case.closed_at = case.closed_at or utcnow()
    data = current_data(workflow)
    for key in CASE_DATE_FIELDS:
        if data.get(key):
            setattr(case, key, date.fromisoformat(data[key]))
    if data.get("violation_code"):
        case.violation_code = data["violation_code"]
    if "fine_amount" in data:
        case.fine_amount = Decimal(str(data["fine_amount"] or 0))
    if submitted.get("handler_ids") and submitted.get("registered_on"):
        case.handler_rows = [
            CaseHandler(case_id=case.id, user_id=uid) for uid in dict.fromkeys(submitted["handler_ids"])
        ]
        session.flush()


def current_status(workflow) -> str:
    """The status property of the active user task, or the outcome of the end event reached."""
    for task in ready_user_tasks(workflow):
        if properties(task).get("status"):
            return properties(task)["status"]
    if workflow.is_completed():
        ends = [
            t
            for t in workflow.tasks.values()
            if isinstance(t.task_spec, EndEvent) and t.has_state(TaskState.COMPLETED)
        ]
        if ends:
            return properties(ends[-1]).get("outcome", "closed")
        return "closed"
    return "waiting"
