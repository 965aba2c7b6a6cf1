"""The three task lists with filters and paging, in SQL on human_task, case and party only.

Who may take a task is the engine's decision (``queries.inbox_query`` and ``queries.queue_query``
encode the separation of duties); this module only narrows and pages the engine's queries.
"""

import functools
from dataclasses import dataclass
from typing import NamedTuple

from sqlalchemy import Select, bindparam, func, or_, select
from sqlalchemy.orm import Session

from engine import calendar_store, queries
from engine.models import Case, HumanTask, Party

LIST_LABELS = {"mine": "我的待办", "queue": "待认领", "done": "已办"}


@dataclass(frozen=True)
class Filters:
    case_number: str = ""
    party: str = ""
    violation: str = ""
    step: str = ""

    @classmethod
    def from_args(cls, args) -> "Filters":
        return cls(**{name: (args.get(name) or "").strip()[:100] for name in cls.__dataclass_fields__})

    def as_args(self) -> dict:
        return {name: value for name, value in vars(self).items() if value}


@dataclass
class Page:
    rows: list[dict]
    number: int
    per_page: int
    total: int | None
    has_next: bool
    counts: dict


def task_page(session: Session, user, which: str, filters: Filters, number: int, per_page: int) -> Page:
    """One page of a list, read and counted by the database in one statement.

    ``total`` is None for 已办, whose length grows without bound. ``counts`` has 我的待办 always (it
    is short) and 待认领 only on its own tab: the queue of a busy agency is the costly list, so it
    is not counted for a badge on every page.
    """
    reader = Reader(user.id, user.agency_id, frozenset(user.roles))
    listed = _statement(reader, which, filters)
    offset = (number - 1) * per_page
    found = session.execute(listed, {"offset": offset, "limit": per_page + 1}).all()
    total = None if which == "done" else _total(session, listed, found, offset)
    if _is_whole_inbox(which, filters):
        mine = total
    else:
        mine = found[0].mine_total if found else _count(session, queries.inbox_query(reader))
    counts = {"mine": mine} | ({"queue": total} if which == "queue" and not filters.as_args() else {})
    calendar = calendar_store.current(session)
    rows = [
        queries.task_row(row, calendar)
        | {"case_number": row.case_number, "party": row.party, "violation_code": row.violation_code}
        for row in found
    ]
    return Page(rows[:per_page], number, per_page, total, len(rows) > per_page, counts)


class Reader(NamedTuple):
    """What the engine's list queries read of the user: hashable, so a built statement can be kept."""

    id: int
    agency_id: int
    roles: frozenset[str]


@functools.lru_cache(maxsize=4096)
def _statement(reader: Reader, which: str, filters: Filters) -> Select:
    """Built once per user, list and filters, with the page as parameters: building and keying a
    statement of this size costs more CPU than the database spends running it."""
    listed = _narrowed(_with_case_facts(_ordered(reader, which)), filters)
    if which != "done":
        listed = listed.add_columns(func.count().over().label("total"))
    if not _is_whole_inbox(which, filters):
        mine = select(func.count()).select_from(queries.inbox_query(reader).order_by(None).subquery())
        listed = listed.add_columns(mine.scalar_subquery().label("mine_total"))
    return listed.offset(bindparam("offset")).limit(bindparam("limit"))


def _is_whole_inbox(which: str, filters: Filters) -> bool:
    """The list is 我的待办 unfiltered: its own total is the badge, so no second count is needed."""
    return which == "mine" and not filters.as_args()


def _ordered(user, which: str) -> Select:
    """Who may take a task is the engine's decision; 已办 is simply what the user completed."""
    if which == "mine":
        return queries.inbox_query(user)
    if which == "queue":
        return queries.queue_query(user)
    return (
        select(HumanTask)
        .where(HumanTask.completed_by_id == user.id)
        .order_by(HumanTask.completed_at.desc(), HumanTask.id.desc())
    )


def _with_case_facts(query: Select) -> Select:
    """The list's columns only: neither the form data nor the draft of a task is read for a row."""
    return (
        query.with_only_columns(
            *queries.TASK_ROW_COLUMNS,
            Case.number.label("case_number"),
            Party.name.label("party"),
            Case.violation_code,
        )
        .select_from(HumanTask)
        .join(Case, Case.id == HumanTask.case_id)
        .join(Party, Party.id == Case.party_id)
    )


def _total(session: Session, listed: Select, found: list, offset: int) -> int:
    """The window count rides on the page's rows; only a page past the end has none to carry it."""
    if found:
        return found[0].total
    return _count(session, listed) if offset else 0


def _count(session: Session, query: Select) -> int:
    unpaged = query.order_by(None).offset(None).limit(None)
    return session.scalar(select(func.count()).select_from(unpaged.subquery()))


def _narrowed(query: Select, filters: Filters) -> Select:
    if filters.case_number:
        query = query.where(Case.number.contains(filters.case_number, autoescape=True))
    if filters.party:
        query = query.where(
            or_(
                Party.name.contains(filters.party, autoescape=True),
                Party.credit_code == filters.party,
                Party.id_number == filters.party,
            )
        )
    if filters.violation:
        query = query.where(Case.violation_code == filters.violation)
    if filters.step:
        query = query.where(HumanTask.name.contains(filters.step, autoescape=True))
    return query
