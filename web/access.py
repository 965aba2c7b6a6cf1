"""What the signed-in user may see: cases and tasks of their own agency only.

A record of another agency answers 404, not 403, so its existence is not revealed.
"""

from flask import abort
from flask_login import current_user
from sqlalchemy import select
from sqlalchemy.orm import Session, joinedload

from engine.models import Case, HumanTask, User


def visible_case(session: Session, case_id: int) -> Case:
    """The case with what every view of it shows (party, handlers, procedure version), in one statement."""
    case = session.get(
        Case,
        case_id,
        options=[joinedload(Case.party), joinedload(Case.handler_rows), joinedload(Case.deployment)],
    )
    if case is None or case.agency_id != current_user.agency_id:
        abort(404)
    return case


def visible_task(session: Session, task_id: int) -> HumanTask:
    task = session.get(HumanTask, task_id)
    if task is None or task.agency_id != current_user.agency_id:
        abort(404)
    return task


def require_visible_task(session: Session, task_id: int) -> None:
    """Before a write the engine loads and locks the task itself: here only whether it is the agency's."""
    agency_id = session.scalar(select(HumanTask.agency_id).where(HumanTask.id == task_id))
    if agency_id is None or agency_id != current_user.agency_id:
        abort(404)


def require_any_role(*roles: str) -> None:
    if not current_user.has_any(*roles):
        abort(403)


def officer(session: Session) -> User:
    """The signed-in user as an ORM row, for the engine's duty checks."""
    return session.scalars(select(User).where(User.id == current_user.id)).one()


def agency_officers(session: Session) -> list[User]:
    return list(
        session.scalars(
            select(User)
            .where(User.agency_id == current_user.agency_id, User.active.is_(True))
            .order_by(User.id)
        )
    )
