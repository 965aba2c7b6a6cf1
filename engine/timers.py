"""BPMN timers under the engine's clock: projected into rows, fired only by the worker.

SpiffWorkflow fires a timer when the machine's clock passes it, during whatever operation happens
to refresh the workflow. A statutory wait must instead fire exactly once, by the worker, in a
transaction of its own (and tests must be able to say what "now" is). So every timeDate timer of
a parsed spec is switched to ``WorkerTimeDate``, which evaluates its date but reports "fired" only
once the worker has marked it so.
"""

from datetime import UTC, datetime

from SpiffWorkflow.bpmn.specs.event_definitions.timer import (
    CycleTimerEventDefinition,
    DurationTimerEventDefinition,
    TimeDateEventDefinition,
    TimerEventDefinition,
)
from SpiffWorkflow.task import TaskState
from sqlalchemy import select
from sqlalchemy.orm import Session

from engine.clock import utcnow
from engine.models import Case, CaseTimer

FIRED_KEY = "event_fired"


class WorkerTimeDate(TimeDateEventDefinition):
    def has_fired(self, my_task):
        if my_task._get_internal_data("event_value") is None:
            value = my_task.workflow.script_engine.evaluate(my_task, self.expression)
            my_task._set_internal_data(event_value=value)
        return my_task._get_internal_data(FIRED_KEY, False)


def adopt_timers(specs) -> list[str]:
    """Switch every timeDate timer to the worker's; return ids of timers of other kinds (unsupported)."""
    unsupported = []
    for spec in specs:
        for task_spec in spec.task_specs.values():
            definition = getattr(task_spec, "event_definition", None)
            if isinstance(definition, TimeDateEventDefinition):
                definition.__class__ = WorkerTimeDate
            elif isinstance(definition, (DurationTimerEventDefinition, CycleTimerEventDefinition)):
                unsupported.append(task_spec.bpmn_id or task_spec.name)
    return unsupported


def waiting_timers(workflow) -> list:
    tasks = list(workflow.tasks.values())
    for subprocess in workflow.subprocesses.values():
        tasks += subprocess.tasks.values()
    return [
        t
        for t in tasks
        if t.has_state(TaskState.WAITING)
        and isinstance(getattr(t.task_spec, "event_definition", None), TimerEventDefinition)
    ]


def due_at(task) -> datetime:
    """Naive UTC instant of a waiting timer (its date is evaluated on first look)."""
    task.task_spec.event_definition.has_fired(task)
    return (
        TimerEventDefinition.get_datetime(task._get_internal_data("event_value"))
        .astimezone(UTC)
        .replace(tzinfo=None)
    )


def waiting_ids(workflow) -> set[str]:
    return {str(t.id) for t in waiting_timers(workflow)}


def sync_timers(session: Session, case: Case, workflow, waiting_before: set[str] | None = None) -> None:
    """Insert rows for new waiting timers; close rows of timers that fired or were cancelled."""
    waiting = {str(t.id): t for t in waiting_timers(workflow)}
    if waiting_before is not None and not waiting_before and not waiting:
        return
    pending = session.scalars(
        select(CaseTimer).where(CaseTimer.case_id == case.id, CaseTimer.status == "pending")
    ).all()
    for row in pending:
        if row.spiff_task_id not in waiting:
            row.status = "cancelled"
    known = {row.spiff_task_id for row in pending}
    session.add_all(
        CaseTimer(
            case_id=case.id,
            spiff_task_id=task_id,
            element_id=task.task_spec.bpmn_id,
            name=task.task_spec.bpmn_name or task.task_spec.bpmn_id,
            due_at=due_at(task),
            created_at=utcnow(),
        )
        for task_id, task in waiting.items()
        if task_id not in known
    )


def fire(workflow, spiff_task_id: str) -> bool:
    """Mark one waiting timer fired and let the workflow move on; False if it is no longer waiting."""
    task = next((t for t in waiting_timers(workflow) if str(t.id) == spiff_task_id), None)
    if task is None:
        return False
    task._set_internal_data(**{FIRED_KEY: True})
    workflow.refresh_timers()
    workflow.do_engine_steps()
    return True
