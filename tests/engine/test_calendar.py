"""Statutory deadlines against the official 2026 schedule, as shipped in chinese_calendar 1.11.0.

2026 schedule (国务院办公厅 notice, matching the package data):
  元旦   Jan 1 (Thu) – Jan 3 (Sat) off;  Jan 4 (Sun) worked
  春节   Feb 15 (Sun) – Feb 23 (Mon) off; Feb 14 (Sat) and Feb 28 (Sat) worked
  劳动节 May 1 (Fri) – May 5 (Tue) off;   May 9 (Sat) worked
  中秋节 Sep 25 (Fri) – Sep 27 (Sun) off
  国庆节 Oct 1 (Thu) – Oct 7 (Wed) off;   Sep 20 (Sun) and Oct 10 (Sat) worked
"""

from datetime import date, datetime, timedelta

import pytest

from engine.calendar import (
    SUPPORTED_YEARS,
    DayKind,
    Deadline,
    Period,
    PeriodUnit,
    WorkCalendar,
    parse_period,
    seed_overrides,
)


@pytest.fixture(scope="module")
def official():
    return WorkCalendar.from_package()


def test_package_knows_2004_through_2026():
    assert min(SUPPORTED_YEARS) == 2004
    assert max(SUPPORTED_YEARS) == 2026


def test_seed_keeps_only_exceptions_to_the_weekday_rule():
    overrides = seed_overrides([2026])
    assert overrides[date(2026, 2, 16)] is False  # Monday inside the Spring Festival
    assert overrides[date(2026, 2, 14)] is True  # Saturday worked before it
    assert date(2026, 2, 15) not in overrides  # a Sunday off is no exception
    assert date(2026, 2, 24) not in overrides  # an ordinary Tuesday neither
    assert sorted(day for day, worked in overrides.items() if worked) == [
        date(2026, 1, 4),
        date(2026, 2, 14),
        date(2026, 2, 28),
        date(2026, 5, 9),
        date(2026, 9, 20),
        date(2026, 10, 10),
    ]


def test_seed_refuses_a_year_without_data():
    with pytest.raises(ValueError, match="2031"):
        seed_overrides([2026, 2031])


def test_day_kinds(official):
    assert official.kind_of(date(2026, 10, 1)) is DayKind.HOLIDAY
    assert official.kind_of(date(2026, 9, 20)) is DayKind.ADJUSTED_WORKDAY
    assert official.kind_of(date(2026, 10, 3)) is DayKind.ORDINARY  # a Saturday off anyway
    assert official.kind_of(date(2026, 3, 2)) is DayKind.ORDINARY


def test_five_working_days_from_the_last_working_day_before_spring_festival(official):
    # Served Sat Feb 14 (worked). Feb 15–23 off; 24 Tue=1, 25=2, 26=3, 27 Fri=4, Sat 28 (worked)=5.
    assert official.add_working_days(date(2026, 2, 14), 5) == Deadline(date(2026, 2, 28), True)


def test_five_working_days_from_the_friday_before_spring_festival(official):
    # Served Fri Feb 13. Sat 14 (worked)=1; Feb 15–23 off; 24=2, 25=3, 26=4, 27 Fri=5.
    assert official.add_working_days(date(2026, 2, 13), 5) == Deadline(date(2026, 2, 27), True)


def test_seven_working_days_across_national_day(official):
    # Served Tue Sep 29. Wed 30=1; Oct 1–7 off; Thu 8=2, Fri 9=3, Sat 10 (worked)=4, Sun 11 off,
    # Mon 12=5, Tue 13=6, Wed 14=7.
    assert official.add_working_days(date(2026, 9, 29), 7) == Deadline(date(2026, 10, 14), True)


def test_adjusted_sunday_counts_as_a_working_day(official):
    # Served Fri Sep 18. Sat 19 off, Sun 20 (worked)=1, Mon 21=2.
    assert official.add_working_days(date(2026, 9, 18), 1).due == date(2026, 9, 20)
    assert official.add_working_days(date(2026, 9, 18), 2).due == date(2026, 9, 21)


def test_event_day_never_counts(official):
    # Served Mon Mar 2, itself a working day: the first working day is Tue Mar 3.
    assert official.add_working_days(date(2026, 3, 2), 1).due == date(2026, 3, 3)


def test_working_days_from_an_event_on_a_holiday(official):
    # Served electronically on Thu Oct 1 (holiday). Oct 2–7 off; Thu 8=1, Fri 9=2.
    assert official.add_working_days(date(2026, 10, 1), 2).due == date(2026, 10, 9)


def test_fifteen_days_ending_in_national_day_extend_to_next_working_day(official):
    # Received Tue Sep 22; Sep 23 is day 1, so day 15 is Wed Oct 7 (holiday) -> Thu Oct 8.
    assert official.add_calendar_days(date(2026, 9, 22), 15) == Deadline(date(2026, 10, 8), True)


def test_fifteen_days_without_extension_may_end_on_a_holiday(official):
    assert official.add_calendar_days(date(2026, 9, 22), 15, extend_over_holidays=False) == Deadline(
        date(2026, 10, 7), True
    )


def test_calendar_period_ending_on_an_adjusted_saturday_is_not_extended(official):
    # Received Fri Sep 25; day 15 is Sat Oct 10, a worked Saturday: the period ends there.
    assert official.add_calendar_days(date(2026, 9, 25), 15).due == date(2026, 10, 10)


def test_calendar_period_ending_on_an_ordinary_weekend(official):
    # Served Mon Mar 2; day 5 is Sat Mar 7 -> Mon Mar 9.
    assert official.add_calendar_days(date(2026, 3, 2), 5).due == date(2026, 3, 9)


def test_sixty_days_ending_in_labour_day(official):
    # Served Mon Mar 2; Mar has 29 days left (3..31), Apr 30 more = 59, so day 60 is Fri May 1
    # (Labour Day). May 1–5 off -> Wed May 6.
    assert official.add_calendar_days(date(2026, 3, 2), 60).due == date(2026, 5, 6)


def test_month_end_rule_january_31(official):
    # February 2026 has no 31st: the last day is Feb 28, a worked Saturday, so no extension.
    assert official.add_months(date(2026, 1, 31), 1) == Deadline(date(2026, 2, 28), True)


def test_six_months_from_august_31_into_an_unknown_year(official):
    # Aug 31 2026 + 6 months -> Feb 2027 has no 31st -> Sun Feb 28 2027; 2027 has no data,
    # so weekends alone push it to Mon Mar 1, unconfirmed.
    assert official.add_months(date(2026, 8, 31), 6) == Deadline(date(2027, 3, 1), False)
    # Without the extension no day's status is consulted, so the date is certain.
    assert official.add_months(date(2026, 8, 31), 6, extend_over_holidays=False) == Deadline(
        date(2027, 2, 28), True
    )


def test_leap_year_months(official):
    assert official.add_months(date(2024, 1, 31), 1).due == date(2024, 2, 29)  # Thu, worked
    assert official.add_months(date(2023, 8, 31), 6).due == date(2024, 2, 29)
    assert official.add_months(date(2024, 2, 29), 1).due == date(2024, 3, 29)  # day 29 exists: Fri
    assert official.add_months(date(2024, 2, 29), 12).due == date(2025, 2, 28)  # no Feb 29 in 2025: Fri


def test_six_month_litigation_period_ending_in_national_day(official):
    # Served Fri Apr 3; day 3 of October is Sat Oct 3, inside Oct 1–7 -> Thu Oct 8.
    assert official.add_months(date(2026, 4, 3), 6).due == date(2026, 10, 8)


def test_year_without_data_counts_weekends_only(official):
    # 2031 is beyond the package: Fri Jan 3 2031 + 1 working day skips the weekend only.
    assert not official.is_confirmed(date(2031, 1, 3))
    assert official.add_working_days(date(2031, 1, 3), 1) == Deadline(date(2031, 1, 6), False)
    assert official.add_calendar_days(date(2031, 1, 3), 1) == Deadline(date(2031, 1, 6), False)


def test_period_running_into_an_unknown_year_is_unconfirmed(official):
    # Served Wed Dec 30 2026. Thu 31=1, Fri Jan 1 2027 (no data: counted as a weekday)=2,
    # Mon 4=3, Tue 5=4, Wed 6=5.
    assert official.add_working_days(date(2026, 12, 30), 5) == Deadline(date(2027, 1, 6), False)


def test_local_override_counts_in_a_year_without_data():
    # An administrator declares Mon Jan 6 2031 a rest day before the national schedule is out.
    local = WorkCalendar({date(2031, 1, 6): False}, known_years=set())
    assert local.add_working_days(date(2031, 1, 3), 1) == Deadline(date(2031, 1, 7), False)


def test_non_positive_counts_are_refused(official):
    with pytest.raises(ValueError):
        official.add_working_days(date(2026, 3, 2), 0)
    with pytest.raises(ValueError):
        official.add_months(date(2026, 3, 2), -1)


def test_working_days_between(official):
    # After Fri Feb 13 up to Fri Feb 27: Sat 14 (worked), then Feb 24, 25, 26, 27 = 5.
    assert official.working_days_between(date(2026, 2, 13), date(2026, 2, 27)) == 5
    assert official.working_days_between(date(2026, 2, 27), date(2026, 2, 13)) == -5
    assert official.working_days_between(date(2026, 3, 2), date(2026, 3, 2)) == 0
    # Only rest days after Fri Oct 2 up to Wed Oct 7: nothing separates them.
    assert official.working_days_between(date(2026, 10, 2), date(2026, 10, 7)) == 0


@pytest.mark.parametrize(
    ("text", "period"),
    [
        ("7wd", Period(7, PeriodUnit.WORKING_DAYS)),
        ("15d", Period(15, PeriodUnit.CALENDAR_DAYS)),
        ("3m", Period(3, PeriodUnit.MONTHS)),
        ("24h", Period(24, PeriodUnit.HOURS)),
        (" 90d\n", Period(90, PeriodUnit.CALENDAR_DAYS)),
    ],
)
def test_parse_period_accepts(text, period):
    assert parse_period(text) == period


@pytest.mark.parametrize(
    "text", ["", "7", "wd", "0d", "07d", "-3d", "7 wd", "7WD", "1.5m", "7天", "3y", "７wd", None]
)
def test_parse_period_refuses_with_the_bad_text(text):
    with pytest.raises(ValueError, match="无法识别的期限写法") as error:
        parse_period(text)
    assert repr(text) in str(error.value)


def test_period_applies_each_unit(official):
    served = datetime(2026, 9, 29, 16, 30)
    assert parse_period("7wd").apply(official, served).due == date(2026, 10, 14)
    assert parse_period("15d").apply(official, date(2026, 9, 22)).due == date(2026, 10, 8)
    assert parse_period("6m").apply(official, date(2026, 4, 3)).due == date(2026, 10, 8)
    # 24 hours run through the holiday: approved Wed Sep 30 16:30 -> Thu Oct 1 16:30.
    assert parse_period("24h").apply(official, datetime(2026, 9, 30, 16, 30)) == Deadline(
        datetime(2026, 10, 1, 16, 30), True
    )


def test_hour_period_needs_a_moment(official):
    with pytest.raises(TypeError):
        parse_period("24h").apply(official, date(2026, 9, 30))


def test_working_days_between_agrees_with_counting_day_by_day(official):
    """The arithmetic count must match walking the calendar, across holidays, 调休 and local rest days."""
    local = WorkCalendar({date(2031, 1, 2): False, date(2031, 1, 4): True}, [])
    for calendar, first in ((official, date(2024, 12, 20)), (local, date(2030, 12, 20))):
        days = [first + timedelta(days=n) for n in range(0, 420, 3)]
        for start in days[::7]:
            for end in days:
                low, high = sorted((start, end))
                span = range(1, (high - low).days + 1)
                walked = sum(calendar.is_workday(low + timedelta(days=n)) for n in span)
                assert calendar.working_days_between(start, end) == (walked if start <= end else -walked)
