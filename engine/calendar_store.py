"""The working-day calendar as the database keeps it: seeded from chinese-calendar, editable by admins.

The State Council publishes next year's holidays each November; an admin enters them (or a newer
chinese-calendar seeds them) and marks the year known. Loading is cached per database for a
minute, so an edit reaches every process within that time without a query on every step.
"""

import time
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from engine import audit
from engine.calendar import SUPPORTED_YEARS, WorkCalendar, seed_overrides
from engine.clock import utcnow
from engine.models import CalendarDay, CalendarYear

CACHE_SECONDS = 60.0
_cache: dict[str, tuple[float, WorkCalendar]] = {}


def seed(session: Session, years=SUPPORTED_YEARS) -> int:
    """Load the package's schedule for years not yet known; return the number of years added."""
    known = set(session.scalars(select(CalendarYear.year)))
    missing = sorted(set(years) - known)
    overrides = seed_overrides(missing) if missing else {}
    session.add_all(
        CalendarDay(day=day, is_workday=workday, note="法定调整" if workday else "法定节假日")
        for day, workday in overrides.items()
    )
    session.add_all(CalendarYear(year=year) for year in missing)
    invalidate()
    return len(missing)


def load(session: Session) -> WorkCalendar:
    overrides = dict(session.execute(select(CalendarDay.day, CalendarDay.is_workday)).all())
    return WorkCalendar(overrides, set(session.scalars(select(CalendarYear.year))))


def current(session: Session) -> WorkCalendar:
    """The calendar of the session's database, at most ``CACHE_SECONDS`` old."""
    key = str(session.get_bind().url)
    cached = _cache.get(key)
    if cached is None or time.monotonic() - cached[0] > CACHE_SECONDS:
        cached = (time.monotonic(), load(session))
        _cache[key] = cached
    return cached[1]


def invalidate() -> None:
    _cache.clear()


def set_day(session: Session, day: date, is_workday: bool, note: str, user_id: int | None) -> CalendarDay:
    """Record an admin's correction: a holiday or an adjusted working day."""
    row = session.get(CalendarDay, day) or CalendarDay(day=day)
    row.is_workday, row.note, row.source = is_workday, note, "admin"
    row.updated_at, row.updated_by_id = utcnow(), user_id
    session.add(row)
    audit.record(
        session,
        None,
        user_id,
        "calendar.day_set",
        {"day": day.isoformat(), "is_workday": is_workday, "note": note},
    )
    invalidate()
    return row


def publish_year(session: Session, year: int, user_id: int | None) -> None:
    """Mark a year's schedule as complete, so deadlines in it are no longer flagged unconfirmed."""
    if session.get(CalendarYear, year) is None:
        session.add(CalendarYear(year=year, source="admin"))
        audit.record(session, None, user_id, "calendar.year_published", {"year": year})
    invalidate()


def days_of_year(session: Session, year: int) -> list[CalendarDay]:
    return list(
        session.scalars(
            select(CalendarDay)
            .where(CalendarDay.day >= date(year, 1, 1), CalendarDay.day <= date(year, 12, 31))
            .order_by(CalendarDay.day)
        )
    )


def is_known(session: Session, year: int) -> bool:
    return session.get(CalendarYear, year) is not None


def edition(session: Session) -> tuple:
    """Cheap fingerprint of the calendar's content: it changes whenever a day or a year is edited."""
    days = session.execute(
        select(func.count(), func.max(CalendarDay.updated_at)).select_from(CalendarDay)
    ).one()
    years = session.execute(
        select(func.count(), func.max(CalendarYear.loaded_at)).select_from(CalendarYear)
    ).one()
    return (*days, *years)
