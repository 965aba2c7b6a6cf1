"""Read-only queries behind lists and detail views; none of them deserialises a workflow."""

from sqlalchemy import and_, exists, or_, select
from sqlalchemy.orm import Session

from engine.models import AuditEvent, Case, CaseHandler, HumanTask, Party, User
from engine.roles import Role
from engine.statuses import STATUS_LABELS

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
        "closed_at": case.closed_at.isoformat(timespec="seconds") if case.closed_at else None,
        "version": case.version,
    }


def list_cases(session: Session, agency_id: int | None = None, status: str | None = None) -> list[dict]:
    query = select(Case, Party).join(Party, Party.id == Case.party_id).order_by(Case.id)
    if agency_id is not None:
        query = query.where(Case.agency_id == agency_id)
    if status:
        query = query.where(Case.status == status)
    return [case_row(case, party) for case, party in session.execute(query).all()]


def task_row(task: HumanTask) -> dict:
    return {
        "id": task.id,
        "case_id": task.case_id,
        "element_id": task.element_id,
        "name": task.name,
        "form_key": task.form_key,
        "role": task.role,
        "status": task.status,
        "assignee_id": task.assignee_id,
        "created_at": task.created_at.isoformat(timespec="seconds"),
        "due_at": task.due_at.isoformat(timespec="seconds") if task.due_at else None,
        "completed_at": task.completed_at.isoformat(timespec="seconds") if task.completed_at else None,
        "completed_by_id": task.completed_by_id,
    }


def case_detail(session: Session, case_id: int) -> dict | None:
    case = session.get(Case, case_id)
    if case is None:
        return None
    detail = case_row(case, case.party)
    detail["handler_ids"] = sorted(case.handler_ids)
    detail["deployment_version"] = case.deployment.version
    detail["tasks"] = [
        task_row(t)
        for t in session.scalars(
            select(HumanTask).where(HumanTask.case_id == case_id).order_by(HumanTask.id)
        ).all()
    ]
    detail["audit"] = [
        {
            "seq": e.seq,
            "action": e.action,
            "actor_id": e.actor_id,
            "at": e.created_at.isoformat(timespec="seconds"),
            "task": e.data.get("task"),
            "status": e.data.get("status"),
        }
        for e in session.scalars(
            select(AuditEvent).where(AuditEvent.case_id == case_id).order_by(AuditEvent.seq)
        )
    ]
    return detail


def inbox(session: Session, user: User) -> list[HumanTask]:
    """Open tasks assigned to the user (我的待办)."""
    return list(
        session.scalars(
            select(HumanTask)
            .where(HumanTask.status == "open", HumanTask.assignee_id == user.id)
            .order_by(HumanTask.id)
        )
    )


def queue(session: Session, user: User) -> list[HumanTask]:
    """Unassigned open tasks of the user's agency and roles that the user may take (待认领).

    The separation-of-duties rules are expressed in SQL here so the list never offers a task
    that ``duties.refusal`` would then refuse.
    """
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
    return list(
        session.scalars(
            select(HumanTask)
            .where(
                HumanTask.status == "open",
                HumanTask.assignee_id.is_(None),
                HumanTask.agency_id == user.agency_id,
                HumanTask.role.in_(user.roles),
                or_(handler_ok, reviewer_ok),
            )
            .order_by(HumanTask.id)
        )
    )


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
