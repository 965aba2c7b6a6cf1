"""Late fees (加处罚款): 3 % of the fine per day after the payment deadline, never more than the fine.

行政处罚法 art. 72 sets the rate and the cap; art. 73 stops the fee from accruing while a
reconsideration or a lawsuit is pending (execution itself is not suspended).
"""

from dataclasses import dataclass
from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal

DAILY_RATE = Decimal("0.03")


@dataclass(frozen=True)
class LateFee:
    days: int
    amount: Decimal
    capped: bool


def late_fee(
    fine: Decimal, payment_due: date, as_of: date, pauses: list[tuple[date, date | None]]
) -> LateFee:
    """Fee owed on ``as_of`` for a fine whose last payment day is ``payment_due``.

    A pause covers its first through its last day; an open pause runs to ``as_of``.
    """
    days = sum(
        1
        for offset in range(1, (as_of - payment_due).days + 1)
        if not _paused(payment_due + timedelta(days=offset), pauses)
    )
    uncapped = (fine * DAILY_RATE * days).quantize(Decimal("0.01"), ROUND_HALF_UP)
    return LateFee(days, min(uncapped, fine), uncapped > fine)


def _paused(day: date, pauses: list[tuple[date, date | None]]) -> bool:
    return any(start <= day and (end is None or day <= end) for start, end in pauses)
