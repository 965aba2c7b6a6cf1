"""Statutory deadlines of tasks, and the date functions BPMN timer expressions may call.

A user task declares its period in the diagram (``deadline`` = "7wd", "15d", "3m", "24h") and
optionally the task-data date it counts from (``deadlineFrom``); without one it counts from the
task's creation. The calendar in use is set per operation by the runtime (a context variable), so
these functions stay pure for the evaluator.
"""

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from engine.calendar import WorkCalendar, parse_period
from engine.clock import CHINA

_active: ContextVar[WorkCalendar | None] = ContextVar("caseflow_calendar", default=None)
_fallback: list[WorkCalendar] = []


def active_calendar() -> WorkCalendar:
    calendar = _active.get()
    if calendar is not None:
        return calendar
    if not _fallback:
        _fallback.append(WorkCalendar.from_package())
    return _fallback[0]


@contextmanager
def calendar_in_use(calendar: WorkCalendar) -> Iterator[None]:
    token = _active.set(calendar)
    try:
        yield
    finally:
        _active.reset(token)


def _day(value) -> date:
    return value if isinstance(value, date) else date.fromisoformat(str(value)[:10])


def working_days_after(day, count: int) -> str:
    return active_calendar().add_working_days(_day(day), int(count)).due.isoformat()


def days_after(day, count: int) -> str:
    return active_calendar().add_calendar_days(_day(day), int(count)).due.isoformat()


def months_after(day, count: int) -> str:
    return active_calendar().add_months(_day(day), int(count)).due.isoformat()


def end_of_day(day) -> str:
    """The instant a day-counted period lapses: midnight at the end of its last day, China time."""
    return datetime.combine(_day(day) + timedelta(days=1), time(), CHINA).isoformat()


def start_of_day(day) -> str:
    return datetime.combine(_day(day), time(), CHINA).isoformat()


EXPRESSION_FUNCTIONS = {
    "working_days_after": working_days_after,
    "days_after": days_after,
    "months_after": months_after,
    "end_of_day": end_of_day,
    "start_of_day": start_of_day,
}


CHINA_OFFSET = timedelta(hours=8)


@dataclass(frozen=True)
class TaskDeadline:
    period: str
    start: datetime
    due_at: datetime
    confirmed: bool


def china_date(utc_naive: datetime) -> date:
    """The China calendar date of a stored (naive UTC) instant."""
    return (utc_naive + CHINA_OFFSET).date()


def lapse_instant(due: date) -> datetime:
    """Naive UTC instant at which a period whose last day is ``due`` has run out."""
    return datetime.combine(due + timedelta(days=1), time()) - CHINA_OFFSET


def recompute(period_text: str, start: datetime) -> TaskDeadline:
    """Due instant of a stored deadline (period and naive-UTC start) under the active calendar."""
    return _deadline(period_text, start + CHINA_OFFSET)


def _deadline(period_text: str, local_start: datetime) -> TaskDeadline:
    deadline = parse_period(period_text).apply(active_calendar(), local_start)
    if isinstance(deadline.due, datetime):
        due_at = deadline.due - CHINA_OFFSET
    else:
        due_at = lapse_instant(deadline.due)
    return TaskDeadline(period_text, local_start - CHINA_OFFSET, due_at, deadline.confirmed)


def task_deadline(properties: dict, data: dict, created_at: datetime) -> TaskDeadline | None:
    """The due instant of a task from its BPMN properties, or None where the diagram declares none.

    ``created_at`` and the result are naive UTC; day periods count China calendar days.
    """
    text = properties.get("deadline")
    if not text:
        return None
    source = properties.get("deadlineFrom")
    if source and data.get(source):
        local_start = datetime.combine(_day(data[source]), time())
    else:
        local_start = created_at + CHINA_OFFSET
    return _deadline(text, local_start)
