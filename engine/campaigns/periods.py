"""Date ranges as the database stores time: dates are China dates, instants naive UTC."""

from datetime import date, datetime, time, timedelta

CHINA_OFFSET = timedelta(hours=8)


def utc_bounds(start: date, end: date) -> tuple[datetime, datetime]:
    """The naive-UTC instants from the first moment of ``start`` to the end of ``end``, China time."""
    return (
        datetime.combine(start, time()) - CHINA_OFFSET,
        datetime.combine(end + timedelta(days=1), time()) - CHINA_OFFSET,
    )


def china_day(instant: datetime | None) -> date | None:
    """The China calendar date of a stored naive-UTC instant."""
    return (instant + CHINA_OFFSET).date() if instant else None
