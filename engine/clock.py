"""Time as the engine sees it: naive UTC timestamps in the database, China's calendar date for the law."""

from datetime import UTC, date, datetime, timedelta, timezone

CHINA = timezone(timedelta(hours=8), "Asia/Shanghai")


def utcnow() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


def today() -> date:
    """Return the date in China, which is the date a statutory period counts from."""
    return datetime.now(CHINA).date()
