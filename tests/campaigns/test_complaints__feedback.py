"""Feedback to real-name reporters: a deadline counted in working days from receipt, as the diagram
declares it, and the on-time rate the plans require to be 100 %."""

from datetime import date, timedelta

from sqlalchemy import select

from engine import calendar_store
from engine.campaigns import complaint_workflow, complaints
from engine.clock import today
from engine.deadlines import china_date
from engine.models import Complaint, ComplaintTask
from tests.campaigns.conftest import complaint_form

TO_FEEDBACK = [("handler1", {"acceptance_decision": "reject", "acceptance_reason": "内容不具体。"})]


def _register(db, people, **form) -> Complaint:
    return complaint_workflow.register(db, people["handler1"], complaint_form(**form))


def test_the_feedback_deadline_is_fifteen_working_days_after_receipt(db, people, walker):
    complaint = _register(db, people)
    assert complaint.feedback_due_on == date(2026, 3, 23)
    walker.walk(complaint.id, TO_FEEDBACK)
    task = walker.open_task(complaint.id)
    assert (task.form_key, task.deadline) == ("complaint_feedback", "15wd")
    assert china_date(task.due_at - timedelta(microseconds=1)) == date(2026, 3, 23)


def test_the_deadline_skips_the_may_day_holidays(db, people):
    assert _register(db, people, received_on="2026-04-30").feedback_due_on == date(2026, 5, 25)


def test_anonymous_complaints_have_no_feedback_deadline(db, people):
    assert _register(db, people, real_name=False).feedback_due_on is None


def _answer(db, walker, complaint_id, on: date):
    walker.walk(complaint_id, [*TO_FEEDBACK, ("handler1", {"feedback_on": on.isoformat()})])


def test_the_feedback_rate_counts_late_and_overdue_answers_against_it(db, people, walker):
    on_time = _register(db, people, received_on="2026-03-02")
    _answer(db, walker, on_time.id, date(2026, 3, 23))
    late = _register(db, people, received_on="2026-03-02")
    _answer(db, walker, late.id, date(2026, 3, 24))
    _register(db, people, received_on="2026-03-03")
    _register(db, people, real_name=False, received_on="2026-03-03")
    waiting = _register(db, people, received_on=today().isoformat())
    with db() as session:
        march = complaints.feedback(
            session, on_time.agency_id, date(2026, 3, 1), date(2026, 3, 31), date(2026, 4, 1)
        )
        assert march.as_dict() == {
            "real_name": 3,
            "on_time": 1,
            "late": 1,
            "overdue": 1,
            "pending": 0,
            "rate": 33.3,
        }
        now = complaints.feedback(session, on_time.agency_id, today(), today(), today())
        assert (now.pending, now.rate) == (1, None)
    assert waiting.feedback_due_on > today()


def test_an_unanswered_complaint_past_its_deadline_is_red_and_listed_as_overdue(db, people):
    overdue = _register(db, people, received_on="2026-03-02")
    _register(db, people, received_on=today().isoformat())
    with db() as session:
        rows = complaints.listing(session, overdue.agency_id, complaints.Filters(overdue_only=True))
    assert [(row["complaint"].id, row["colour"]) for row in rows] == [(overdue.id, "red")]


def test_each_open_complaint_task_shows_its_due_day(db, people):
    complaint = _register(db, people, received_on=today().isoformat())
    with db() as session:
        task = session.scalar(select(ComplaintTask).where(ComplaintTask.complaint_id == complaint.id))
        due = complaints.due(task, calendar_store.current(session))
    assert due["due_on"] >= today().isoformat() and due["colour"] in ("green", "yellow")
