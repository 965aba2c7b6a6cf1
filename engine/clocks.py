"""Case-level statutory clocks and the green / yellow / red warning colours (超期预警).

The decision clock runs 90 days from registration (行政处罚法 art. 60) plus recorded
suspensions (中止) and approved extensions; service must follow the decision within 7 working
days (art. 61); payment is due 15 days after service (art. 67); the party may seek
reconsideration within 60 days and sue within 6 months; an unpaid fine must go to court within
3 months after those periods end (行政强制法 art. 53).
"""

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from decimal import Decimal

from engine.calendar import WorkCalendar
from engine.deadlines import china_date
from engine.late_fees import LateFee, late_fee
from engine.models import Case, CaseClockAdjustment

WARNING_WORKING_DAYS = 2


@dataclass(frozen=True)
class Clock:
    code: str
    label: str
    due_on: date
    stopped_on: date | None
    confirmed: bool
    party_period: bool = False

    @property
    def warns(self) -> bool:
        """Only the agency's own running deadlines warn; the party's remedy periods are information."""
        return self.stopped_on is None and not self.party_period

    def as_dict(self, calendar: WorkCalendar, today: date) -> dict:
        shown = warning(calendar, self.due_on, today) if self.warns else {"colour": "none", "days_left": None}
        return {
            "code": self.code,
            "label": self.label,
            "due_on": self.due_on.isoformat(),
            "stopped_on": self.stopped_on.isoformat() if self.stopped_on else None,
            "confirmed": self.confirmed,
            "party_period": self.party_period,
            **shown,
        }


def warning(calendar: WorkCalendar, due_on: date | None, today: date, stopped_on: date | None = None) -> dict:
    """Colour and working days left of a deadline: red when past, yellow within two working days."""
    if due_on is None or stopped_on is not None:
        return {"colour": "none", "days_left": None}
    days_left = calendar.working_days_between(today, due_on)
    if today > due_on:
        colour = "red"
    elif days_left <= WARNING_WORKING_DAYS:
        colour = "yellow"
    else:
        colour = "green"
    return {"colour": colour, "days_left": days_left}


def suspended_days(adjustments: list[CaseClockAdjustment], today: date) -> int:
    return sum(((a.ends_on or today) - a.starts_on).days + 1 for a in adjustments if a.kind == "suspension")


def extension_days(adjustments: list[CaseClockAdjustment]) -> int:
    return sum(a.days for a in adjustments if a.kind == "extension")


def case_clocks(
    case: Case, adjustments: list[CaseClockAdjustment], calendar: WorkCalendar, today: date
) -> list[Clock]:
    clocks = []
    if case.registered_on:
        days = 90 + suspended_days(adjustments, today) + extension_days(adjustments)
        due = calendar.add_calendar_days(case.registered_on, days)
        clocks.append(Clock("decision", "作出处罚决定（90日）", due.due, case.decided_on, due.confirmed))
    if case.decided_on:
        due = calendar.add_working_days(case.decided_on, 7)
        clocks.append(Clock("service", "送达决定书（7个工作日）", due.due, case.served_on, due.confirmed))
    if case.served_on and case.fine_amount:
        payment_due = case.payment_due_on or calendar.add_calendar_days(case.served_on, 15).due
        clocks.append(Clock("payment", "缴纳罚款（15日）", payment_due, case.paid_on, True))
    if case.served_on:
        clocks += _remedy_clocks(case, calendar)
    return clocks


def _remedy_clocks(case: Case, calendar: WorkCalendar) -> list[Clock]:
    reconsideration = calendar.add_calendar_days(case.served_on, 60)
    litigation = calendar.add_months(case.served_on, 6)
    enforcement = calendar.add_months(litigation.due, 3)
    stopped = case.paid_on or (case.closed_at.date() if case.closed_at else None)
    return [
        Clock(
            "reconsideration",
            "申请行政复议期限（60日）",
            reconsideration.due,
            None,
            reconsideration.confirmed,
            party_period=True,
        ),
        Clock(
            "litigation",
            "提起行政诉讼期限（6个月）",
            litigation.due,
            None,
            litigation.confirmed,
            party_period=True,
        ),
        Clock(
            "enforcement",
            "申请法院强制执行期限（复议诉讼期满后3个月）",
            enforcement.due,
            stopped,
            enforcement.confirmed,
        ),
    ]


def case_late_fee(
    case: Case, adjustments: list[CaseClockAdjustment], calendar: WorkCalendar, today: date
) -> LateFee | None:
    """Late fee owed now (or when paid) for an unpaid-on-time fine; None before the deadline applies."""
    if not (case.served_on and case.fine_amount):
        return None
    payment_due = case.payment_due_on or calendar.add_calendar_days(case.served_on, 15).due
    pauses = [(a.starts_on, a.ends_on) for a in adjustments if a.kind == "remedy"]
    return late_fee(Decimal(case.fine_amount), payment_due, case.paid_on or today, pauses)


def task_warning(calendar: WorkCalendar, due_at: datetime | None, now: datetime) -> dict:
    """Warning of a task whose deadline lapses at the naive-UTC instant ``due_at``."""
    if due_at is None:
        return {"colour": "none", "days_left": None}
    last_day = china_date(due_at - timedelta(microseconds=1))
    result = warning(calendar, last_day, china_date(now))
    if now >= due_at:
        result["colour"] = "red"
    return result
