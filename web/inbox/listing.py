"""The three task lists with filters and paging, in SQL on human_task, case and party only.

Who may take a task is the engine's decision (``queries.inbox`` and ``queries.queue`` encode the
separation of duties); this module only narrows, orders and pages what the engine returned.
"""

from dataclasses import dataclass

from sqlalchemy import Select, or_, select
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
    """One page of a list; ``total`` is None for 已办, whose length grows without bound.

    ``counts`` has 我的待办 always (it is short) and 待认领 only on its own tab: the queue of a
    busy agency is the costly list, so it is not read for a badge on every page.
    """
    offset = (number - 1) * per_page
    mine = queries.inbox(session, user)
    if which == "done":
        query = _narrowed(_listed(), filters).where(HumanTask.completed_by_id == user.id)
        query = query.order_by(HumanTask.completed_at.desc(), HumanTask.id.desc())
        found = [(task, facts) for task, *facts in session.execute(query.offset(offset).limit(per_page + 1))]
        total = None
    else:
        tasks = mine if which == "mine" else queries.queue(session, user)
        tasks = _kept(session, tasks, filters)
        total = len(tasks)
        found = _with_case_facts(session, tasks[offset : offset + per_page + 1])
    counts = {"mine": len(mine)} | ({"queue": total} if which == "queue" and not filters.as_args() else {})
    calendar = calendar_store.current(session)
    rows = [
        queries.task_row(task, calendar)
        | {"case_number": number_, "party": party, "violation_code": violation}
        for task, (number_, party, violation) in found
    ]
    return Page(rows[:per_page], number, per_page, total, len(rows) > per_page, counts)


def _kept(session: Session, tasks: list[HumanTask], filters: Filters) -> list[HumanTask]:
    """The engine's list, in its order (most urgent first), less what the filters leave out."""
    if not filters.as_args() or not tasks:
        return tasks
    query = _narrowed(_listed().with_only_columns(HumanTask.id), filters)
    kept = set(session.scalars(query.where(HumanTask.id.in_([t.id for t in tasks]))))
    return [t for t in tasks if t.id in kept]


def _with_case_facts(session: Session, tasks: list[HumanTask]) -> list[tuple[HumanTask, tuple]]:
    query = select(Case.id, Case.number, Party.name, Case.violation_code).join(
        Party, Party.id == Case.party_id
    )
    facts = {
        row[0]: tuple(row[1:])
        for row in session.execute(query.where(Case.id.in_({t.case_id for t in tasks})))
    }
    return [(task, facts[task.case_id]) for task in tasks]


def _listed() -> Select:
    return (
        select(HumanTask, Case.number, Party.name, Case.violation_code)
        .join(Case, Case.id == HumanTask.case_id)
        .join(Party, Party.id == Case.party_id)
    )


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
