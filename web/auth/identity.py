"""The signed-in user as request code sees it, and the one statement that reads it on every request."""

from dataclasses import dataclass

from sqlalchemy import bindparam, select
from sqlalchemy.orm import Session

from engine.models import ApiToken, User, UserRole

_users, _roles, _tokens = User.__table__, UserRole.__table__, ApiToken.__table__
_WITH_ROLES = (
    select(_users.c.id, _users.c.username, _users.c.full_name, _users.c.agency_id, _roles.c.role)
    .select_from(_users)
    .outerjoin(_roles, _roles.c.user_id == _users.c.id)
    .where(_users.c.active.is_(True))
)
# Built once: every request signs in again, and building a statement costs more than running it.
BY_ID = _WITH_ROLES.where(_users.c.id == bindparam("user_id"))
BY_TOKEN_HASH = _WITH_ROLES.join(_tokens, _tokens.c.user_id == _users.c.id).where(
    _tokens.c.token_hash == bindparam("token_hash")
)


@dataclass(frozen=True)
class SessionUser:
    """A detached snapshot of an active user for Flask-Login, never a live ORM row."""

    id: int
    username: str
    full_name: str
    agency_id: int
    roles: frozenset[str]

    is_authenticated = True
    is_active = True
    is_anonymous = False

    @classmethod
    def of(cls, user: User) -> "SessionUser":
        return cls(user.id, user.username, user.full_name, user.agency_id, frozenset(user.roles))

    def get_id(self) -> str:
        return str(self.id)

    def has_any(self, *roles: str) -> bool:
        return bool(self.roles.intersection(roles))


def load(session: Session, statement, **params) -> SessionUser | None:
    """The active user ``BY_ID`` or ``BY_TOKEN_HASH``, with their roles, from one row per role."""
    rows = session.execute(statement, params).all()
    if not rows:
        return None
    first = rows[0]
    roles = frozenset(row.role for row in rows if row.role)
    return SessionUser(first.id, first.username, first.full_name, first.agency_id, roles)
