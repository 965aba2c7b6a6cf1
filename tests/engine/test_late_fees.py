"""Late fees: 3 % a day after the payment deadline, capped at the fine, paused while a remedy is pending."""

from datetime import date
from decimal import Decimal

from engine.late_fees import late_fee

FINE = Decimal(10_000)
DUE = date(2026, 5, 15)


def test_three_percent_a_day_after_the_last_payment_day():
    fee = late_fee(FINE, DUE, date(2026, 5, 25), [])
    assert (fee.days, fee.amount, fee.capped) == (10, Decimal("3000.00"), False)


def test_nothing_owed_on_the_last_day_itself():
    assert late_fee(FINE, DUE, DUE, []).amount == 0


def test_fee_never_exceeds_the_fine():
    fee = late_fee(FINE, DUE, date(2026, 7, 1), [])
    assert (fee.days, fee.amount, fee.capped) == (47, FINE, True)


def test_days_of_a_pending_reconsideration_do_not_count():
    # 2026-05-16 .. 05-25 is 10 days; 05-18 .. 05-22 (5 days) under reconsideration.
    fee = late_fee(FINE, DUE, date(2026, 5, 25), [(date(2026, 5, 18), date(2026, 5, 22))])
    assert (fee.days, fee.amount) == (5, Decimal("1500.00"))


def test_an_open_lawsuit_stops_the_fee_until_today():
    fee = late_fee(FINE, DUE, date(2026, 6, 30), [(date(2026, 5, 20), None)])
    assert fee.days == 4
