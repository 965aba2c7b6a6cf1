"""Read-only queries behind lists and detail views; none of them deserialises a workflow."""

from datetime import datetime, timedelta

from sqlalchemy import Select, and_, exists, or_, select
from sqlalchemy.orm import Session

from engine import calendar_store, clocks
from engine.calendar import WorkCalendar
from engine.clock import today, utcnow
from engine.deadlines import china_date
from engine.models import AuditEvent, Case, CaseClockAdjustment, CaseHandler, HumanTask, Party, User
from engine.roles import Role
from engine.statuses import STATUS_LABELS

COLOUR_RANK = {"none": 0, "green": 1, "yellow": 2, "red": 3}
_done = HumanTask.__table__.alias("done")


def case_row(case: Case, party: Party) -> dict:
    return {
        "id": case.id,
        "number": case.number,
        "party": party.name,
        "party_kind": party.kind,
        "procedure": case.procedure,
        "status": case.status,
        "status_label": STATUS_LABELS.get(case.status, case.status),
        "violation_code": case.violation_code,
        "registered_on": case.registered_on.isoformat() if case.registered_on else None,
        "decided_on": case.decided_on.isoformat() if case.decided_on else None,
        "served_on": case.served_on.isoformat() if case.served_on else None,
        "fine_amount": str(case.fine_amount) if case.fine_amount is not None else None,
        "closed_at": case.closed_at.isoformat(timespec="seconds") if case.closed_at else None,
        "version": case.steps,
    }


def list_cases(
    session: Session, agency_id: int | None = None, status: str | None = None, overdue_only: bool = False
) -> list[dict]:
    """Cases with their worst warning (clocks and open tasks); ``overdue_only`` keeps yellow and red."""
    query = select(Case, Party).join(Party, Party.id == Case.party_id).order_by(Case.id)
    if agency_id is not None:
        query = query.where(Case.agency_id == agency_id)
    if status:
        query = query.where(Case.status == status)
    calendar, now = calendar_store.current(session), utcnow()
    pairs = session.execute(query).all()
    adjustments = _adjustments(session, [case.id for case, _ in pairs])
    tasks = _open_tasks(session, [case.id for case, _ in pairs])
    rows = []
    for case, party in pairs:
        rows.append(
            case_row(case, party)
            | _worst(_warnings(case, adjustments.get(case.id, []), tasks.get(case.id, []), calendar, now))
        )
    if overdue_only:
        rows = [r for r in rows if r["colour"] in ("yellow", "red")]
    return rows


def _warnings(case: Case, adjustments, open_tasks, calendar: WorkCalendar, now: datetime) -> list[dict]:
    """Warnings of a case still being handled: its running clocks and its open tasks."""
    if case.closed_at is not None:
        return []
    running = [c for c in clocks.case_clocks(case, adjustments, calendar, today()) if c.warns]
    return [c.as_dict(calendar, today()) for c in running] + [
        clocks.task_warning(calendar, t.due_at, now) for t in open_tasks
    ]


def _worst(warnings: list[dict]) -> dict:
    if not warnings:
        return {"colour": "none", "days_left": None}
    worst = max(warnings, key=lambda w: (COLOUR_RANK[w["colour"]], -(w["days_left"] or 0)))
    return {"colour": worst["colour"], "days_left": worst["days_left"]}


def _adjustments(session: Session, case_ids: list[int]) -> dict[int, list[CaseClockAdjustment]]:
    grouped: dict[int, list[CaseClockAdjustment]] = {}
    for row in session.scalars(select(CaseClockAdjustment).where(CaseClockAdjustment.case_id.in_(case_ids))):
        grouped.setdefault(row.case_id, []).append(row)
    return grouped


def _open_tasks(session: Session, case_ids: list[int]) -> dict[int, list[HumanTask]]:
    grouped: dict[int, list[HumanTask]] = {}
    for row in session.scalars(
        select(HumanTask).where(HumanTask.case_id.in_(case_ids), HumanTask.status == "open")
    ):
        grouped.setdefault(row.case_id, []).append(row)
    return grouped


TASK_ROW_COLUMNS = (
    HumanTask.id,
    HumanTask.case_id,
    HumanTask.element_id,
    HumanTask.name,
    HumanTask.form_key,
    HumanTask.role,
    HumanTask.status,
    HumanTask.assignee_id,
    HumanTask.created_at,
    HumanTask.deadline,
    HumanTask.due_at,
    HumanTask.due_confirmed,
    HumanTask.completed_at,
    HumanTask.completed_by_id,
)


def task_row(task: HumanTask, calendar: WorkCalendar | None = None, now: datetime | None = None) -> dict:
    """A task as lists show it; with a calendar, an open task carries its warning colour and days left.

    ``task`` may be a row of ``TASK_ROW_COLUMNS``: a list need not load whole tasks.
    """
    row = {
        "id": task.id,
        "case_id": task.case_id,
        "element_id": task.element_id,
        "name": task.name,
        "form_key": task.form_key,
        "role": task.role,
        "status": task.status,
        "assignee_id": task.assignee_id,
        "created_at": task.created_at.isoformat(timespec="seconds"),
        "deadline": task.deadline,
        "due_on": _due_on(task),
        "due_confirmed": task.due_confirmed,
        "completed_at": task.completed_at.isoformat(timespec="seconds") if task.completed_at else None,
        "completed_by_id": task.completed_by_id,
    }
    if calendar is not None and task.status == "open":
        row |= clocks.task_warning(calendar, task.due_at, now or utcnow())
    return row


def _due_on(task: HumanTask) -> str | None:
    """Last day of the task's period (China date); the stored instant is the moment that day ends."""
    if task.due_at is None:
        return None
    return china_date(task.due_at - timedelta(microseconds=1)).isoformat()


def case_detail(session: Session, case_id: int) -> dict | None:
    case = session.get(Case, case_id)
    if case is None:
        return None
    calendar, now = calendar_store.current(session), utcnow()
    adjustments = _adjustments(session, [case_id]).get(case_id, [])
    detail = case_row(case, case.party)
    detail["handler_ids"] = sorted(case.handler_ids)
    detail["deployment_version"] = case.deployment.version
    detail["clocks"] = [
        c.as_dict(calendar, today()) for c in clocks.case_clocks(case, adjustments, calendar, today())
    ]
    fee = clocks.case_late_fee(case, adjustments, calendar, today())
    detail["late_fee"] = {"days": fee.days, "amount": str(fee.amount), "capped": fee.capped} if fee else None
    detail["adjustments"] = [
        {
            "kind": a.kind,
            "starts_on": a.starts_on.isoformat(),
            "ends_on": a.ends_on.isoformat() if a.ends_on else None,
            "days": a.days,
            "reason": a.reason,
            "approved_by_id": a.approved_by_id,
        }
        for a in adjustments
    ]
    tasks = session.execute(
        select(*TASK_ROW_COLUMNS, _version_now(case_id))
        .where(HumanTask.case_id == case_id)
        .order_by(HumanTask.id)
    ).all()
    detail["tasks"] = [task_row(t, calendar, now) for t in tasks]
    if tasks:
        detail["version"] = tasks[0].case_version
    return detail


def _version_now(case_id: int):
    """The case's version read by the same statement as its tasks, so with the same snapshot.

    The case row was read earlier: a timer firing in between would pair the old version with the
    new tasks, and completing one of them with it would be refused as a conflict it is not.
    """
    return select(Case.steps).where(Case.id == case_id).scalar_subquery().label("case_version")


def audit_trail(session: Session, case_id: int) -> list[dict]:
    """The case's audit events in short, for the command line; the web shows the timeline instead."""
    return [
        {
            "seq": e.seq,
            "action": e.action,
            "actor_id": e.actor_id,
            "at": e.created_at.isoformat(timespec="seconds"),
            "task": e.data.get("task") or e.data.get("timer"),
            "status": e.data.get("status"),
        }
        for e in session.scalars(
            select(AuditEvent).where(AuditEvent.case_id == case_id).order_by(AuditEvent.seq)
        )
    ]


def inbox(session: Session, user: User) -> list[HumanTask]:
    """Open tasks assigned to the user (我的待办), most urgent first."""
    return list(session.scalars(inbox_query(user)))


def inbox_query(user: User) -> Select:
    return _most_urgent_first(
        select(HumanTask).where(HumanTask.status == "open", HumanTask.assignee_id == user.id)
    )


def queue(session: Session, user: User) -> list[HumanTask]:
    """Unassigned open tasks of the user's agency and roles that the user may take (待认领)."""
    return list(session.scalars(queue_query(user)))


def queue_query(user: User) -> Select:
    """The separation-of-duties rules in SQL, so the list never offers a task that
    ``duties.refusal`` would then refuse, and a long queue is paged by the database."""
    on_case = exists().where(CaseHandler.case_id == HumanTask.case_id, CaseHandler.user_id == user.id)
    case_has_handlers = exists().where(CaseHandler.case_id == HumanTask.case_id)
    did_handler_task = exists().where(
        and_(
            _done.c.case_id == HumanTask.case_id,
            _done.c.role == Role.HANDLER,
            _done.c.completed_by_id == user.id,
        )
    )
    handler_ok = and_(HumanTask.role == Role.HANDLER, or_(on_case, ~case_has_handlers))
    reviewer_ok = and_(HumanTask.role != Role.HANDLER, ~on_case, ~did_handler_task)
    return _most_urgent_first(
        select(HumanTask).where(
            HumanTask.status == "open",
            HumanTask.assignee_id.is_(None),
            HumanTask.agency_id == user.agency_id,
            HumanTask.role.in_(user.roles),
            or_(handler_ok, reviewer_ok),
        )
    )


def _most_urgent_first(query: Select) -> Select:
    return query.order_by(HumanTask.due_at.is_(None), HumanTask.due_at, HumanTask.id)


def archive(session: Session, user: User, limit: int = 100) -> list[HumanTask]:
    """Tasks the user completed (已办), newest first."""
    return list(
        session.scalars(
            select(HumanTask)
            .where(HumanTask.completed_by_id == user.id)
            .order_by(HumanTask.completed_at.desc())
            .limit(limit)
        )
    )
