"""Lock a user name for a while after repeated failed sign-ins, so passwords cannot be guessed online.

Counting by name (known or not) rather than by address keeps a guesser from spreading attempts
over many addresses, and keeps unknown names indistinguishable from known ones.
"""

from datetime import datetime, timedelta

from flask import current_app
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import sessionmaker

from engine.clock import utcnow
from engine.models import LoginThrottle


def minutes_locked(db: sessionmaker, username: str) -> int:
    """Minutes left on the lock of ``username``, 0 if it may try now."""
    with db() as session:
        row = session.get(LoginThrottle, username)
        until = row.locked_until if row else None
    return _minutes_until(until) if until and until > utcnow() else 0


def record_failure(db: sessionmaker, username: str) -> None:
    """Count a failure; the configured number of failures in a row locks the name."""
    try:
        with db.begin() as session:
            row = session.get(LoginThrottle, username, with_for_update=True)
            if row is None:
                row = LoginThrottle(username=username, failures=0)
                session.add(row)
            row.failures += 1
            row.last_failure_at = utcnow()
            if row.failures >= current_app.config["LOGIN_MAX_FAILURES"]:
                row.locked_until = utcnow() + timedelta(minutes=current_app.config["LOGIN_LOCK_MINUTES"])
                row.failures = 0
    except IntegrityError:
        record_failure(db, username)


def clear(db: sessionmaker, username: str) -> None:
    with db.begin() as session:
        row = session.get(LoginThrottle, username)
        if row is not None:
            session.delete(row)


def _minutes_until(until: datetime) -> int:
    return max(1, int((until - utcnow()).total_seconds() // 60) + 1)
