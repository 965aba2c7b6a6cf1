"""The timer worker: fire due BPMN timers exactly once and keep task due dates in step with the calendar.

Each timer fires in a transaction of its own: the timer row and the case row are locked, the
workflow advances, the row is marked fired, and all of it commits together. A worker killed
half-way leaves the row pending for the next run. On PostgreSQL several workers share the queue
with ``FOR UPDATE SKIP LOCKED``; on SQLite transactions are serialised anyway.
"""

from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from engine import audit, calendar_store, deadlines, projection, state, timers
from engine.clock import utcnow
from engine.db import is_postgres
from engine.models import Case, CaseTimer, HumanTask
from engine.runtime import restore_workflow, transaction


def fire_due_timers(db: sessionmaker, now: datetime | None = None, limit: int | None = None) -> int:
    """Fire every timer due at ``now`` (naive UTC); return how many fired."""
    fired = 0
    while limit is None or fired < limit:
        outcome = fire_next(db, now or utcnow())
        if outcome is None:
            break
        fired += outcome
    return fired


def fire_next(db: sessionmaker, now: datetime) -> int | None:
    """Fire the earliest due timer; None when nothing is due, 0 when the timer turned out stale."""
    with transaction(db) as session:
        timer = _claim_due_timer(session, now)
        if timer is None:
            return None
        case = session.get(Case, timer.case_id, with_for_update=True)
        session.refresh(timer)
        if timer.status != "pending":
            return 0
        workflow = restore_workflow(case)
        before = projection.reached_ids(workflow)
        if not timers.fire(workflow, timer.spiff_task_id):
            timer.status = "cancelled"
            return 0
        timer.status, timer.fired_at = "fired", now
        flows = projection.flows_taken(workflow, before)
        case.workflow_state = state.dump(workflow)
        case.steps += 1
        projection.sync_case(session, case, workflow, {})
        audit.record(
            session,
            case,
            None,
            "timer.fired",
            {
                "timer": timer.element_id,
                "timer_id": timer.id,
                "name": timer.name,
                "due_at": timer.due_at.isoformat(),
                "flows": flows,
                "status": case.status,
            },
        )
        projection.sync_tasks(session, case, workflow)
        timers.sync_timers(session, case, workflow)
        return 1


def _claim_due_timer(session: Session, now: datetime) -> CaseTimer | None:
    query = (
        select(CaseTimer)
        .where(CaseTimer.status == "pending", CaseTimer.due_at <= now)
        .order_by(CaseTimer.due_at, CaseTimer.id)
        .limit(1)
    )
    if is_postgres(session):
        query = query.with_for_update(skip_locked=True)
    return session.scalars(query).first()


_seen_calendars: dict[str, tuple] = {}


def refresh_due_dates(db: sessionmaker) -> int:
    """Recompute due dates of open tasks when the calendar changed since this process last looked."""
    with db() as session:
        key, edition = str(session.get_bind().url), calendar_store.edition(session)
    if _seen_calendars.get(key) == edition:
        return 0
    calendar_store.invalidate()
    changed = 0
    with transaction(db) as session:
        for task in session.scalars(
            select(HumanTask).where(HumanTask.status == "open", HumanTask.deadline.is_not(None))
        ):
            due = deadlines.recompute(task.deadline, task.deadline_start)
            if (due.due_at, due.confirmed) != (task.due_at, task.due_confirmed):
                task.due_at, task.due_confirmed = due.due_at, due.confirmed
                changed += 1
    _seen_calendars[key] = edition
    return changed
