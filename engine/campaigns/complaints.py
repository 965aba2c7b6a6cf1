"""Complaints as lists and pages show them, who may see the reporter, and the feedback figures.

The reporter of a real-name complaint is shown only to its handlers: the officer who registered
it, officers who hold or did one of its tasks, and department heads, who assign and review them.
Everyone else sees that the complaint is real-name, never by whom.
"""

from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import and_, case, func, or_, select
from sqlalchemy.orm import Session

from engine import calendar_store, clocks
from engine.clock import today, utcnow
from engine.deadlines import china_date
from engine.models import Complaint, ComplaintReporter, ComplaintTask, User
from engine.roles import Role

STATUS_LABELS = {
    "new": "新登记",
    "acceptance": "受理审查",
    "verification": "调查核实",
    "review": "核查审核",
    "case_opening": "登记立案",
    "transfer": "移送",
    "feedback": "答复举报人",
    "closed": "办结",
}
OUTCOME_LABELS = {
    "case_opened": "已立案",
    "transferred": "已移送",
    "not_registered": "不予立案",
    "not_accepted": "不予受理",
}


def may_see_reporter(session: Session, user: User, complaint: Complaint) -> bool:
    """Whether ``user`` handles ``complaint`` and so may see who reported it."""
    if user.agency_id != complaint.agency_id:
        return False
    if Role.DEPT_HEAD in user.roles or user.id == complaint.received_by_id:
        return True
    return (
        session.scalar(
            select(ComplaintTask.id)
            .where(
                ComplaintTask.complaint_id == complaint.id,
                or_(ComplaintTask.assignee_id == user.id, ComplaintTask.completed_by_id == user.id),
            )
            .limit(1)
        )
        is not None
    )


def reporter(session: Session, user: User, complaint: Complaint) -> ComplaintReporter | None:
    """The reporter for a handler of the complaint; None for anyone else and for anonymous complaints."""
    if not complaint.real_name or not may_see_reporter(session, user, complaint):
        return None
    return session.get(ComplaintReporter, complaint.id)


@dataclass(frozen=True)
class Filters:
    text: str = ""
    status: str = ""
    channel: str = ""
    overdue_only: bool = False


def listing(session: Session, agency_id: int, filters: Filters, limit: int = 200) -> list[dict]:
    """Complaints of the agency, newest first, with the warning colour of their feedback deadline."""
    query = select(Complaint).where(Complaint.agency_id == agency_id)
    if filters.text:
        query = query.where(
            or_(
                Complaint.number.contains(filters.text, autoescape=True),
                Complaint.target_name.contains(filters.text, autoescape=True),
            )
        )
    if filters.status:
        query = query.where(Complaint.status == filters.status)
    if filters.channel:
        query = query.where(Complaint.channel == filters.channel)
    if filters.overdue_only:
        query = query.where(Complaint.feedback_on.is_(None), Complaint.feedback_due_on < today())
    complaints = session.scalars(
        query.order_by(Complaint.received_on.desc(), Complaint.id.desc()).limit(limit)
    )
    calendar = calendar_store.current(session)
    return [{"complaint": c, **feedback_warning(calendar, c)} for c in complaints]


def feedback_warning(calendar, complaint: Complaint) -> dict:
    """Colour and working days left to answer a real-name reporter; none once answered."""
    if not complaint.real_name or complaint.feedback_on is not None:
        return {"colour": "none", "days_left": None}
    return clocks.warning(calendar, complaint.feedback_due_on, today())


def due(task: ComplaintTask, calendar) -> dict:
    """The last day of an open task's period (China date) with its warning colour and working days left."""
    if task.due_at is None:
        return {"due_on": None, "colour": "none", "days_left": None}
    return {
        "due_on": china_date(task.due_at - timedelta(microseconds=1)).isoformat(),
        **clocks.task_warning(calendar, task.due_at, utcnow()),
    }


def tasks_of(session: Session, complaint_id: int) -> list[ComplaintTask]:
    """Every task the complaint has had, in order: its history and its open step."""
    return list(
        session.scalars(
            select(ComplaintTask).where(ComplaintTask.complaint_id == complaint_id).order_by(ComplaintTask.id)
        )
    )


def workable(session: Session, user: User) -> list[tuple[ComplaintTask, Complaint]]:
    """Open complaint tasks the user may do: of their agency and roles, unclaimed or claimed by them."""
    query = (
        select(ComplaintTask, Complaint)
        .join(Complaint, Complaint.id == ComplaintTask.complaint_id)
        .where(
            ComplaintTask.status == "open",
            ComplaintTask.agency_id == user.agency_id,
            ComplaintTask.role.in_(user.roles),
            or_(ComplaintTask.assignee_id.is_(None), ComplaintTask.assignee_id == user.id),
        )
        .order_by(ComplaintTask.due_at.is_(None), ComplaintTask.due_at, ComplaintTask.id)
    )
    return [(task, complaint) for task, complaint in session.execute(query)]


@dataclass(frozen=True)
class Feedback:
    """Feedback to real-name reporters of complaints received in a period (the plans require 100 %)."""

    real_name: int
    on_time: int
    late: int
    overdue: int
    pending: int

    @property
    def rate(self) -> float | None:
        """On-time answers over every answer that is due: late and overdue ones count against it."""
        due = self.on_time + self.late + self.overdue
        return round(100 * self.on_time / due, 1) if due else None

    def as_dict(self) -> dict:
        return {**vars(self), "rate": self.rate}


def feedback(session: Session, agency_id: int, start: date, end: date, as_of: date) -> Feedback:
    """Feedback figures of the real-name complaints received from ``start`` to ``end``, as of a day."""
    answered = Complaint.feedback_on.is_not(None)
    on_time = and_(answered, Complaint.feedback_on <= Complaint.feedback_due_on)
    waiting = Complaint.feedback_on.is_(None)
    row = session.execute(
        select(
            func.count(Complaint.id),
            func.sum(case((on_time, 1), else_=0)),
            func.sum(case((and_(answered, Complaint.feedback_on > Complaint.feedback_due_on), 1), else_=0)),
            func.sum(case((and_(waiting, Complaint.feedback_due_on < as_of), 1), else_=0)),
            func.sum(case((and_(waiting, Complaint.feedback_due_on >= as_of), 1), else_=0)),
        ).where(
            Complaint.agency_id == agency_id,
            Complaint.real_name.is_(True),
            Complaint.received_on.between(start, end),
        )
    ).one()
    return Feedback(*(int(value or 0) for value in row))
