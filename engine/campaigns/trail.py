"""Audit entries of campaign actions, on the chain of events that belong to no case.

That chain is global, and ``audit.record`` reads its head without a lock; two writers could then
give two rows the same place. Locking the chain's first row first makes them queue (on SQLite the
database write lock already does).
"""

from sqlalchemy import select
from sqlalchemy.orm import Session

from engine import audit
from engine.models import AuditEvent


def record(session: Session, user_id: int | None, action: str, data: dict) -> AuditEvent:
    """Append one campaign event; ``data`` must never hold a reporter's identity."""
    session.execute(
        select(AuditEvent.id)
        .where(AuditEvent.case_id.is_(None))
        .order_by(AuditEvent.seq)
        .limit(1)
        .with_for_update()
    )
    return audit.record(session, None, user_id, action, data)
