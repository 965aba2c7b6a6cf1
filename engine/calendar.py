"""Statutory deadlines on the official Chinese working calendar.

行政处罚法 art. 85 makes the law's 二日/三日/五日/七日 working days that exclude public holidays;
every other period (15-day payment, 60-day 复议, 90-day decision, 6-month 诉讼, 3-month court
application) runs in calendar days or months. A period starts the day after its event (民法典 art. 201).
The State Council publishes each year's holidays and 调休 only late in the previous year, so a calendar
knows some years for sure and falls back to the Mon–Fri rule for the rest, flagging such answers as
unconfirmed instead of refusing them.
"""

import re
from bisect import bisect_right
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from enum import StrEnum
from itertools import accumulate

import chinese_calendar

ONE_DAY = timedelta(days=1)

# The same span chinese_calendar itself accepts before raising NotImplementedError.
_PACKAGE_HOLIDAYS = chinese_calendar.holidays
SUPPORTED_YEARS = frozenset(range(min(_PACKAGE_HOLIDAYS).year, max(_PACKAGE_HOLIDAYS).year + 1))


class DayKind(StrEnum):
    """How a day departs from the Mon–Fri rule; the values suit a database column."""

    HOLIDAY = "holiday"  # 法定节假日 or 调休 rest day falling on a weekday
    ADJUSTED_WORKDAY = "adjusted_workday"  # 调休上班: a Saturday or Sunday worked in exchange
    ORDINARY = "ordinary"  # follows the Mon–Fri rule


@dataclass(frozen=True)
class Deadline:
    """A due date, and whether every day it was computed from had an official schedule.

    `due` is a datetime for hour periods, a date otherwise.
    """

    due: date
    confirmed: bool


def _is_weekday(day: date) -> bool:
    return day.weekday() < 5


def _days_after(start: date, end: date) -> Iterator[date]:
    """Yield the days after start up to and including end, the way periods are counted."""
    day = start + ONE_DAY
    while day <= end:
        yield day
        day += ONE_DAY


def _weekdays_up_to(day: date) -> int:
    """Mon–Fri days from 0001-01-01 (a Monday) up to and including day."""
    weeks, rest = divmod(day.toordinal(), 7)
    return weeks * 5 + min(rest, 5)


def _days_of_year(year: int) -> Iterator[date]:
    return _days_after(date(year - 1, 12, 31), date(year, 12, 31))


def _days_in_month(year: int, month: int) -> int:
    first_of_next_month = date(year + month // 12, month % 12 + 1, 1)
    return (first_of_next_month - ONE_DAY).day


def _require_positive(count: int) -> None:
    if count < 1:
        raise ValueError(f"期限必须是正整数，收到 {count!r}")


class WorkCalendar:
    """Working days from an editable table of exceptions to the Mon–Fri rule.

    `overrides` maps a date to whether it is worked, only for days that differ from Mon–Fri (so the
    table stays small enough for an administrator to review); `known_years` are the years whose
    official schedule has been loaded. Overrides are honoured in any year, so a locally declared
    rest day counts even before the national schedule is in.
    """

    def __init__(self, overrides: dict[date, bool], known_years: Iterable[int]):
        self._overrides = dict(overrides)
        self._known_years = frozenset(known_years)
        # Inboxes ask "working days left" for every row: weekdays by arithmetic, exceptions by bisection.
        self._override_days = sorted(self._overrides)
        shifts = [int(self._overrides[day]) - int(_is_weekday(day)) for day in self._override_days]
        self._shift_sums = list(accumulate(shifts, initial=0))

    @classmethod
    def from_package(cls) -> "WorkCalendar":
        """Build the calendar straight from chinese_calendar, for use before an edited table exists."""
        return cls(seed_overrides(SUPPORTED_YEARS), SUPPORTED_YEARS)

    def is_workday(self, day: date) -> bool:
        return self._overrides.get(day, _is_weekday(day))

    def is_confirmed(self, day: date) -> bool:
        """Tell whether is_workday rests on an official schedule rather than on weekends alone."""
        return day.year in self._known_years

    def kind_of(self, day: date) -> DayKind:
        if self.is_workday(day) == _is_weekday(day):
            return DayKind.ORDINARY
        return DayKind.ADJUSTED_WORKDAY if self.is_workday(day) else DayKind.HOLIDAY

    def add_working_days(self, event_date: date, count: int) -> Deadline:
        """Return the count-th working day after the event; the event day never counts (art. 85)."""
        _require_positive(count)
        due, counted = event_date, 0
        while counted < count:
            due += ONE_DAY
            if self.is_workday(due):
                counted += 1
        return Deadline(due, self._all_confirmed(event_date + ONE_DAY, due))

    def add_calendar_days(self, event_date: date, count: int, extend_over_holidays: bool = True) -> Deadline:
        """Return the last day of a period of count calendar days starting the day after the event.

        With extend_over_holidays (the default), a last day that is a holiday or rest day moves to the
        next working day: 民法典 art. 203 and 民事诉讼法 art. 85, which administrative procedure
        borrows for periods the 行政处罚法 does not count in working days. Turn it off for a period
        whose own rule says otherwise.
        """
        _require_positive(count)
        return self._end_period(event_date + timedelta(days=count), extend_over_holidays)

    def add_months(self, event_date: date, count: int, extend_over_holidays: bool = True) -> Deadline:
        """Return the last day of a period of count months after the event.

        民法典 art. 202: the period ends on the day of the final month that bears the event's day
        number; when that month is too short, on its last day (2026-01-31 + 1 month = 2026-02-28).
        extend_over_holidays works as in add_calendar_days.
        """
        _require_positive(count)
        month_index = event_date.month - 1 + count
        year, month = event_date.year + month_index // 12, month_index % 12 + 1
        last_day = date(year, month, min(event_date.day, _days_in_month(year, month)))
        return self._end_period(last_day, extend_over_holidays)

    def working_days_between(self, start: date, end: date) -> int:
        """Count working days after start up to and including end, for "days left" warnings.

        When end is before start the count is negative: minus the working days after end up to and
        including start, so a deadline passed one working day ago gives -1. Zero means no working day
        separates the two dates (end == start, or only rest days lie between); compare the dates
        themselves to tell whether a deadline has passed.
        """
        if end < start:
            return -self.working_days_between(end, start)
        first = bisect_right(self._override_days, start)
        last = bisect_right(self._override_days, end)
        shift = self._shift_sums[last] - self._shift_sums[first]
        return _weekdays_up_to(end) - _weekdays_up_to(start) + shift

    def _end_period(self, last_day: date, extend_over_holidays: bool) -> Deadline:
        """Apply the holiday extension; without it no day's status matters, so the date is certain."""
        if not extend_over_holidays:
            return Deadline(last_day, confirmed=True)
        due = last_day
        while not self.is_workday(due):
            due += ONE_DAY
        return Deadline(due, self._all_confirmed(last_day, due))

    def _all_confirmed(self, first: date, last: date) -> bool:
        return all(year in self._known_years for year in range(first.year, last.year + 1))


def seed_overrides(years: Iterable[int]) -> dict[date, bool]:
    """Collect the official exceptions to the Mon–Fri rule, as the starting content of the editable table."""
    years = sorted(set(years))
    unsupported = [year for year in years if year not in SUPPORTED_YEARS]
    if unsupported:
        raise ValueError(f"chinese_calendar 没有这些年份的节假日安排：{unsupported}")
    return {
        day: chinese_calendar.is_workday(day)
        for year in years
        for day in _days_of_year(year)
        if chinese_calendar.is_workday(day) != _is_weekday(day)
    }


class PeriodUnit(StrEnum):
    WORKING_DAYS = "wd"
    CALENDAR_DAYS = "d"
    MONTHS = "m"
    HOURS = "h"


_DAY_RULES = {
    PeriodUnit.WORKING_DAYS: WorkCalendar.add_working_days,
    PeriodUnit.CALENDAR_DAYS: WorkCalendar.add_calendar_days,
    PeriodUnit.MONTHS: WorkCalendar.add_months,
}

_PERIOD_PATTERN = re.compile(r"([1-9][0-9]*)(wd|d|m|h)")


@dataclass(frozen=True)
class Period:
    """A task deadline as declared in the BPMN, e.g. 7wd, 15d, 3m, 24h."""

    count: int
    unit: PeriodUnit

    def apply(self, calendar: WorkCalendar, start: date | datetime) -> Deadline:
        """Compute the deadline; day units count from start's date, hours from the exact moment.

        Hour periods (国务院令第310号: transfer to the police within 24 hours) run through nights,
        weekends and holidays (民法典 art. 201 ¶2), so they need a datetime and ignore the calendar.
        """
        if self.unit is PeriodUnit.HOURS:
            return _add_hours(start, self.count)
        start_day = start.date() if isinstance(start, datetime) else start
        return _DAY_RULES[self.unit](calendar, start_day, self.count)


def _add_hours(start: date | datetime, hours: int) -> Deadline:
    if not isinstance(start, datetime):
        raise TypeError(f"按小时计算的期限需要精确到时刻的起算时间，收到的是日期 {start}")
    return Deadline(start + timedelta(hours=hours), confirmed=True)


def parse_period(text: str) -> Period:
    """Read a period declaration: a positive integer followed by wd, d, m or h."""
    match = _PERIOD_PATTERN.fullmatch(text.strip()) if isinstance(text, str) else None
    if match is None:
        raise ValueError(
            f"无法识别的期限写法 {text!r}：应为正整数加单位，"
            "如 7wd（工作日）、15d（自然日）、3m（月）、24h（小时）"
        )
    return Period(int(match.group(1)), PeriodUnit(match.group(2)))
