"""Filters the templates share: times in China's zone, money, and the labels of codes."""

from datetime import UTC, datetime

from flask import Flask

from engine.clock import CHINA
from engine.roles import ROLE_LABELS
from engine.statuses import STATUS_LABELS
from forms.choices import VIOLATIONS

COLOUR_LABELS = {"red": "已超期", "yellow": "即将到期", "green": "期限内", "none": ""}
PROCEDURE_LABELS = {"general": "一般程序", "summary": "简易程序"}


def local_time(instant: datetime | str | None) -> str:
    """Stored instants are naive UTC (rows give them as ISO text); officers read China time."""
    if not instant:
        return ""
    if isinstance(instant, str):
        instant = datetime.fromisoformat(instant)
    return instant.replace(tzinfo=UTC).astimezone(CHINA).strftime("%Y-%m-%d %H:%M")


def days_text(days_left) -> str:
    if days_left is None:
        return ""
    return f"剩余 {days_left} 个工作日" if days_left >= 0 else f"超期 {-days_left} 个工作日"


def init_app(app: Flask) -> None:
    app.jinja_env.filters["local_time"] = local_time
    app.jinja_env.filters["days_text"] = days_text
    app.jinja_env.globals.update(
        COLOUR_LABELS=COLOUR_LABELS,
        PROCEDURE_LABELS=PROCEDURE_LABELS,
        ROLE_LABELS=ROLE_LABELS,
        STATUS_LABELS=STATUS_LABELS,
        VIOLATION_LABELS=dict(VIOLATIONS),
    )
