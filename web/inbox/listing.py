"""The three task lists with filters and paging, in SQL on human_task, case and party only.

Who may take a task is the engine's decision (``queries.inbox`` and ``queries.queue`` encode the
separation of duties); this module only narrows, orders and pages what the engine returned.
"""

from dataclasses import dataclass

from sqlalchemy import Select, func, or_, select
from sqlalchemy.orm import Session

from engine import calendar_store, queries
from engine.models import Case, HumanTask, Party

OPEN_LISTS = {"mine": queries.inbox, "queue": queries.queue}
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
    """One page of a list; ``total`` is None for 已办, whose length grows without bound.

    ``counts`` has 我的待办 always (it is short) and 待认领 only on its own tab: the queue of a
    busy agency is the costly list, so it is not read for a badge on every page.
    """
    wanted = {"mine", which} - {"done"}
    open_ids = {name: [t.id for t in OPEN_LISTS[name](session, user)] for name in sorted(wanted)}
    if which == "done":
        query = _listed(filters).where(HumanTask.completed_by_id == user.id)
        query = query.order_by(HumanTask.completed_at.desc(), HumanTask.id.desc())
        total = None
    else:
        query = _listed(filters).where(HumanTask.id.in_(open_ids[which]))
        query = query.order_by(HumanTask.due_at.is_(None), HumanTask.due_at, HumanTask.id)
        total = _count(session, query) if filters.as_args() else len(open_ids[which])
    found = session.execute(query.offset((number - 1) * per_page).limit(per_page + 1)).all()
    calendar = calendar_store.current(session)
    rows = [
        queries.task_row(task, calendar)
        | {"case_number": number_, "party": party, "violation_code": violation}
        for task, number_, party, violation in found
    ]
    counts = {name: len(ids) for name, ids in open_ids.items()}
    return Page(rows[:per_page], number, per_page, total, len(rows) > per_page, counts)


def _listed(filters: Filters) -> Select:
    query = (
        select(HumanTask, Case.number, Party.name, Case.violation_code)
        .join(Case, Case.id == HumanTask.case_id)
        .join(Party, Party.id == Case.party_id)
    )
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


def _count(session: Session, query: Select) -> int:
    return session.scalar(select(func.count()).select_from(query.order_by(None).subquery()))
