"""Case clocks and warning colours, with dates hand-counted across the 2026 National Day holiday.

2026 National Day: Oct 1 (Thu) - Oct 7 (Wed) off; Sep 20 (Sun) and Oct 10 (Sat) are working days.
"""

from datetime import date, datetime
from decimal import Decimal

from engine.calendar import WorkCalendar
from engine.clocks import case_clocks, case_late_fee, task_warning, warning
from engine.models import Case, CaseClockAdjustment

CALENDAR = WorkCalendar.from_package()
TODAY = date(2026, 11, 22)


def _case(**dates) -> Case:
    defaults = {
        "fine_amount": None,
        "closed_at": None,
        "paid_on": None,
        "payment_due_on": None,
        "decided_on": None,
        "served_on": None,
    }
    return Case(**(defaults | dates))


def _clocks(case, adjustments=()):
    return {c.code: c for c in case_clocks(case, list(adjustments), CALENDAR, TODAY)}


def test_decision_clock_is_ninety_days_from_registration():
    # Sep 1 + 90 days: Sep 30 is day 29, Oct 31 day 60, Nov 30 (a Monday) day 90.
    assert _clocks(_case(registered_on=date(2026, 9, 1)))["decision"].due_on == date(2026, 11, 30)


def test_suspension_and_extension_move_the_decision_clock():
    suspension = CaseClockAdjustment(
        kind="suspension", starts_on=date(2026, 10, 1), ends_on=date(2026, 10, 10), days=0
    )
    # 10 suspended days: day 100 is Dec 10 (Thursday).
    assert _clocks(_case(registered_on=date(2026, 9, 1)), [suspension])["decision"].due_on == date(
        2026, 12, 10
    )
    extension = CaseClockAdjustment(kind="extension", starts_on=date(2026, 11, 1), days=30)
    # 130 days: Jan 9, 2027 is a Saturday; 2027 is not in the data, so Monday Jan 11, unconfirmed.
    clock = _clocks(_case(registered_on=date(2026, 9, 1)), [suspension, extension])["decision"]
    assert (clock.due_on, clock.confirmed) == (date(2027, 1, 11), False)


def test_service_clock_counts_working_days_over_national_day():
    # Decided Tue Sep 29: Sep 30 (1), Oct 8 (2), Oct 9 (3), Sat Oct 10 worked (4), Oct 12, 13, 14 (7).
    clocks = _clocks(_case(registered_on=date(2026, 8, 1), decided_on=date(2026, 9, 29)))
    assert clocks["service"].due_on == date(2026, 10, 14)
    assert clocks["decision"].stopped_on == date(2026, 9, 29)


def test_payment_clock_ending_on_a_holiday_moves_to_the_next_working_day():
    # Served Sep 22 + 15 days = Oct 7, a holiday: the period ends Thursday Oct 8.
    case = _case(
        registered_on=date(2026, 8, 1),
        decided_on=date(2026, 9, 20),
        served_on=date(2026, 9, 22),
        fine_amount=Decimal(10_000),
    )
    clocks = _clocks(case)
    assert clocks["payment"].due_on == date(2026, 10, 8)
    assert clocks["reconsideration"].due_on == date(2026, 11, 23)
    assert clocks["litigation"].due_on == date(2027, 3, 22)


def test_late_fee_of_an_unpaid_case_counts_from_the_day_after_the_payment_deadline():
    case = _case(registered_on=date(2026, 8, 1), served_on=date(2026, 9, 22), fine_amount=Decimal(10_000))
    fee = case_late_fee(case, [], CALENDAR, date(2026, 10, 12))
    assert (fee.days, fee.amount) == (4, Decimal("1200.00"))


def test_warning_colours():
    due = date(2026, 10, 14)
    assert warning(CALENDAR, due, date(2026, 10, 9)) == {"colour": "green", "days_left": 4}
    assert warning(CALENDAR, due, date(2026, 10, 12)) == {"colour": "yellow", "days_left": 2}
    assert warning(CALENDAR, due, date(2026, 10, 15)) == {"colour": "red", "days_left": -1}
    assert warning(CALENDAR, due, date(2026, 10, 20), stopped_on=date(2026, 10, 13))["colour"] == "none"


def test_task_warning_turns_red_when_the_instant_passes():
    lapse = datetime(2026, 10, 14, 16, 0)  # midnight ending Oct 14 in China, as naive UTC
    assert task_warning(CALENDAR, lapse, datetime(2026, 10, 14, 15, 59))["colour"] == "yellow"
    assert task_warning(CALENDAR, lapse, datetime(2026, 10, 14, 16, 0))["colour"] == "red"
