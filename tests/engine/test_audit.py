"""The hash-chained audit trail notices a changed or removed row."""

from sqlalchemy import delete, func, select, update

from engine import audit
from engine.models import AuditEvent
from tests.engine.walking import Walker


def _walk_a_little(db, people):
    walker = Walker(db, people)
    case_id = walker.to_investigation()
    return case_id


def test_untouched_trail_verifies(db, people):
    _walk_a_little(db, people)
    with db() as session:
        count, breaks = audit.verify(session)
    assert count >= 4 and breaks == []


def test_changed_row_is_detected(db, people):
    case_id = _walk_a_little(db, people)
    with db.begin() as session:
        session.execute(
            update(AuditEvent)
            .where(AuditEvent.case_id == case_id, AuditEvent.seq == 2)
            .values(data={"task": "intake_record", "data": {"summary": "改过的内容"}})
        )
    with db() as session:
        breaks = audit.verify(session)[1]
    assert [(b.case_id, b.seq) for b in breaks] == [(case_id, 2)]


def test_removed_row_is_detected(db, people):
    case_id = _walk_a_little(db, people)
    with db.begin() as session:
        session.execute(delete(AuditEvent).where(AuditEvent.case_id == case_id, AuditEvent.seq == 2))
    with db() as session:
        breaks = audit.verify(session)[1]
    assert {b.seq for b in breaks} == {3}


def test_each_completion_records_actor_task_data_and_flows(db, people):
    case_id = _walk_a_little(db, people)
    with db() as session:
        event = session.scalar(
            select(AuditEvent)
            .where(AuditEvent.case_id == case_id, AuditEvent.action == "task.completed")
            .order_by(AuditEvent.seq.desc())
            .limit(1)
        )
    assert event.actor_id == people["head"]
    assert event.data["task"] == "registration_approval"
    assert event.data["data"]["handler_ids"] == [people["handler1"], people["handler2"]]
    assert ["registration_approval", "gw_registration"] in event.data["flows"]


def test_chains_are_checked_one_after_another_across_the_streamed_batches(db, people):
    """verify streams the trail a thousand rows at a time and keeps only the running chain's head:
    a chain longer than a batch, and a tampered first row of the next chain, are still told apart."""
    first, second = _walk_a_little(db, people), _walk_a_little(db, people)
    with db.begin() as session:
        for number in range(1200):
            audit.record(session, None, None, "calendar.day_set", {"n": number})
        total = session.scalar(select(func.count()).select_from(AuditEvent))
    with db() as session:
        assert audit.verify(session) == (total, [])
    with db.begin() as session:
        for case_id, seq in ((None, 1100), (second, 1)):
            session.execute(
                update(AuditEvent)
                .where(AuditEvent.case_id.is_(case_id) if case_id is None else AuditEvent.case_id == case_id)
                .where(AuditEvent.seq == seq)
                .values(data={"forged": True})
            )
    with db() as session:
        count, breaks = audit.verify(session)
    assert count == total
    assert sorted(((b.case_id or 0), b.seq) for b in breaks) == sorted([(0, 1100), (second, 1)])
    assert first not in {b.case_id for b in breaks}
