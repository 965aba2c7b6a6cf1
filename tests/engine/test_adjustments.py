"""Suspension, extension and pending remedies: recorded with reason and approver, moving the clocks."""

from datetime import date

import pytest
from sqlalchemy import select

from engine import adjustments, queries
from engine.errors import Conflict, Forbidden, InvalidSubmission
from engine.models import AuditEvent
from tests.engine.walking import Walker


@pytest.fixture
def walker(db, people):
    return Walker(db, people)


def _decision_clock(walker, case_id):
    with walker.db() as session:
        return next(c for c in queries.case_detail(session, case_id)["clocks"] if c["code"] == "decision")


def test_suspension_needs_an_agency_head_and_stops_the_decision_clock(walker, people):
    case_id = walker.to_investigation()
    assert _decision_clock(walker, case_id)["due_on"] == "2026-06-02"
    with pytest.raises(Forbidden):
        adjustments.record(
            walker.db,
            case_id,
            people["handler1"],
            "suspension",
            date(2026, 4, 1),
            "当事人下落不明",
            approver_id=people["depthead"],
        )
    adjustments.record(
        walker.db,
        case_id,
        people["handler1"],
        "suspension",
        date(2026, 4, 1),
        "当事人下落不明",
        approver_id=people["head"],
    )
    adjustments.close(walker.db, case_id, people["handler1"], date(2026, 4, 10))
    # Registered Mar 4 + 90 = Jun 2; ten suspended days (Apr 1-10) give Jun 12 (Friday).
    assert _decision_clock(walker, case_id)["due_on"] == "2026-06-12"
    with walker.db() as session:
        actions = session.scalars(select(AuditEvent.action).where(AuditEvent.case_id == case_id)).all()
    assert actions[-2:] == ["clock.suspension", "clock.suspension_ended"]


def test_extension_adds_approved_days(walker, people):
    case_id = walker.to_investigation()
    adjustments.record(
        walker.db,
        case_id,
        people["handler1"],
        "extension",
        date(2026, 5, 20),
        "案情复杂",
        days=30,
        approver_id=people["head"],
    )
    # Jun 2 + 30 days = Jul 2 (Thursday).
    assert _decision_clock(walker, case_id)["due_on"] == "2026-07-02"


def test_bad_adjustments_are_refused(walker, people):
    case_id = walker.to_investigation()
    with pytest.raises(InvalidSubmission):
        adjustments.record(
            walker.db,
            case_id,
            people["handler1"],
            "extension",
            date(2026, 5, 20),
            "x",
            days=0,
            approver_id=people["head"],
        )
    with pytest.raises(InvalidSubmission):
        adjustments.record(
            walker.db,
            case_id,
            people["handler1"],
            "suspension",
            date(2026, 5, 20),
            "  ",
            approver_id=people["head"],
        )
    with pytest.raises(Conflict):
        adjustments.close(walker.db, case_id, people["handler1"], date(2026, 5, 21))
    with pytest.raises(Forbidden):
        adjustments.record(walker.db, case_id, people["outsider"], "remedy", date(2026, 5, 20), "复议")
