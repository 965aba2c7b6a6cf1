"""Who acts: the officer behind a register action, checked against roles and the record's agency.

A record of another agency is "not found" rather than "forbidden", so its existence is not revealed.
"""

from sqlalchemy import select
from sqlalchemy.orm import Session, joinedload

from engine.errors import Forbidden, NotFound
from engine.models import User
from engine.roles import ROLE_LABELS


def acting(session: Session, user_id: int, *roles: str) -> User:
    """The user, refused unless they hold one of ``roles`` (any role when none is named)."""
    user = (
        session.scalars(
            select(User).options(joinedload(User.role_rows)).where(User.id == user_id, User.active.is_(True))
        )
        .unique()
        .one_or_none()
    )
    if user is None:
        raise NotFound(f"用户 {user_id} 不存在")
    if roles and not user.roles.intersection(roles):
        raise Forbidden(f"只有{'或'.join(ROLE_LABELS[r] for r in roles)}可以办理此事项")
    return user


def own(record, user: User, what: str):
    """The record if it belongs to the user's agency."""
    if record is None or record.agency_id != user.agency_id:
        raise NotFound(f"{what}不存在")
    return record


def agency_users(session: Session, agency_id: int, ids) -> list[User]:
    """Active officers of the agency among ``ids``; an id of another agency is simply not returned."""
    if not ids:
        return []
    return list(
        session.scalars(
            select(User).where(User.id.in_(ids), User.agency_id == agency_id, User.active.is_(True))
        )
    )
