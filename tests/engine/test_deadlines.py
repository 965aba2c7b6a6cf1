"""Task due dates from the BPMN and the statutory timers, with dates hand-counted over 2026 holidays.

2026 Spring Festival: Feb 15 (Sun) - Feb 23 (Mon) off; Sat Feb 14 and Sat Feb 28 are working days.
2026 National Day: Oct 1 (Thu) - Oct 7 (Wed) off; Sun Sep 20 and Sat Oct 10 are working days.
A day-counted period lapses at the midnight ending its last day in China: 16:00 UTC that day.
"""

from concurrent.futures import ThreadPoolExecutor
from datetime import date, datetime

import pytest
from sqlalchemy import func, select

from engine import calendar_store, worker
from engine.models import AuditEvent, CaseTimer, HumanTask
from tests.engine.walking import Walker


@pytest.fixture
def walker(db, people):
    return Walker(db, people)


def _open_task(walker, case_id, element_id) -> HumanTask:
    with walker.db() as session:
        return session.scalar(
            select(HumanTask).where(
                HumanTask.case_id == case_id, HumanTask.element_id == element_id, HumanTask.status == "open"
            )
        )


def _timers(walker, case_id) -> list[tuple[str, str, datetime]]:
    with walker.db() as session:
        return [
            (t.element_id, t.status, t.due_at)
            for t in session.scalars(
                select(CaseTimer).where(CaseTimer.case_id == case_id).order_by(CaseTimer.id)
            )
        ]


def _noticed(walker, served_on: str) -> int:
    case_id = walker.to_notice()
    walker.step(case_id, "advance_notice", "handler1", notice_served_on=served_on)
    return case_id


def test_registration_due_seven_days_after_intake_extends_past_national_day(walker):
    case_id = walker.open()
    walker.step(case_id, "intake_record", "handler1", received_on="2026-09-24")
    # Sep 24 + 7 days = Oct 1, a holiday; the period runs to the first working day, Thu Oct 8.
    task = _open_task(walker, case_id, "registration_approval")
    assert (task.deadline, task.due_at) == ("7d", datetime(2026, 10, 8, 16, 0))


def test_hearing_window_counts_working_days_over_spring_festival(walker):
    case_id = _noticed(walker, "2026-02-13")
    # Fri Feb 13 + 5 working days: Sat Feb 14 (1, worked), Feb 24, 25, 26 (4), Feb 27 (5).
    assert _open_task(walker, case_id, "party_response").due_at == datetime(2026, 2, 27, 16, 0)
    assert _timers(walker, case_id) == [("timer_hearing_window", "pending", datetime(2026, 2, 27, 16, 0))]


def test_no_hearing_request_in_the_window_goes_on_to_the_decision_exactly_once(walker):
    case_id = _noticed(walker, "2026-02-13")
    assert walker.run_worker("2026-02-27T15:59:59") == 0
    assert walker.open_tasks(case_id) == ["party_response"]
    assert walker.run_worker("2026-02-27T16:00:00") == 1
    assert walker.open_tasks(case_id) == ["decision_approval"]
    assert walker.run_worker("2026-03-31T00:00:00") == 0
    assert _timers(walker, case_id)[0][1] == "fired"
    with walker.db() as session:
        fired = session.scalar(
            select(func.count())
            .select_from(AuditEvent)
            .where(AuditEvent.case_id == case_id, AuditEvent.action == "timer.fired")
        )
    assert fired == 1


def test_a_timer_due_while_the_worker_was_down_fires_once_when_it_returns(walker):
    case_id = _noticed(walker, "2026-02-13")
    assert walker.run_worker("2026-06-01T08:00:00") == 1
    assert walker.run_worker("2026-06-01T08:00:30") == 0
    assert walker.open_tasks(case_id) == ["decision_approval"]


def test_answering_in_time_cancels_the_window_timer(walker):
    case_id = _noticed(walker, "2026-02-13")
    walker.step(case_id, "party_response", "handler1")
    assert _timers(walker, case_id)[0][1] == "cancelled"
    assert walker.run_worker("2026-12-31T00:00:00") == 0


def _served(walker, served_on: str) -> int:
    case_id = _noticed(walker, "2026-09-01")
    walker.walk(
        case_id,
        [
            ("party_response", "handler1"),
            ("decision_approval", "head", {"decided_on": "2026-09-18"}),
            ("service", "handler1", {"served_on": served_on}),
        ],
    )
    return case_id


def test_unpaid_fine_after_fifteen_days_goes_to_the_demand_letter(walker):
    case_id = _served(walker, "2026-09-22")
    # Served Sep 22 + 15 days = Oct 7, a holiday: payment is due by Thu Oct 8.
    assert walker.data(case_id)["payment_due_on"] == "2026-10-08"
    assert walker.case(case_id).payment_due_on == date(2026, 10, 8)
    assert walker.run_worker("2026-10-08T15:59:59") == 0
    assert walker.run_worker("2026-10-08T16:00:00") == 1
    assert walker.open_tasks(case_id) == ["demand_letter"]
    assert walker.case(case_id).status == "court_enforcement"


def test_approved_deferral_moves_the_payment_deadline(walker):
    case_id = _served(walker, "2026-09-22")
    walker.walk(
        case_id,
        [
            ("execution", "handler1", {"execution_result": "deferral_request"}),
            ("deferral_approval", "head", {"deferral_until": "2026-12-31"}),
        ],
    )
    assert walker.open_tasks(case_id) == ["execution"]
    assert walker.run_worker("2026-10-09T00:00:00") == 0
    assert _timers(walker, case_id)[-1] == ("timer_payment_period", "pending", datetime(2026, 12, 31, 16, 0))


def test_police_late_with_their_decision_triggers_a_follow_up(walker):
    case_id = walker.to_investigation()
    walker.walk(
        case_id,
        [
            ("investigation", "handler1", {"next_step": "transfer_police"}),
            ("transfer_report", "handler1", {"task_force_ids": walker.handlers}),
            ("transfer_decision", "principal"),
            ("transfer_to_police", "handler1", {"transferred_on": "2026-03-20"}),
        ],
    )
    # Fri Mar 20 + 3 days = Mon Mar 23.
    assert walker.run_worker("2026-03-23T15:59:59") == 0
    assert walker.run_worker("2026-03-23T16:00:00") == 1
    assert walker.open_tasks(case_id) == ["police_follow_up"]
    walker.step(case_id, "police_follow_up", "handler1", follow_up_on="2026-03-24")
    assert walker.open_tasks(case_id) == ["police_decision"]
    assert walker.run_worker("2026-03-27T15:00:00") == 0
    walker.step(case_id, "police_decision", "handler1")
    assert walker.open_tasks(case_id) == ["closure_report"]


def test_hearing_waits_for_its_date(walker, people):
    case_id = _noticed(walker, "2026-04-01")
    walker.walk(
        case_id,
        [
            ("party_response", "handler1", {"party_response": "hearing_request"}),
            ("hearing_notice", "head", {"presider_id": people["legal"]}),
        ],
    )
    assert walker.open_tasks(case_id) == []
    assert walker.case(case_id).status == "waiting"
    assert walker.run_worker("2026-04-19T15:59:59") == 0
    assert walker.run_worker("2026-04-19T16:00:00") == 1
    assert walker.open_tasks(case_id) == ["hearing"]


def test_hearing_notice_less_than_seven_working_days_ahead_is_refused(walker, people):
    from engine.errors import LegalGuardViolation

    case_id = _noticed(walker, "2026-04-01")
    walker.step(case_id, "party_response", "handler1", party_response="hearing_request")
    # Notified Wed Apr 8: Apr 9, 10, 13, 14, 15, 16, 17 -> the hearing may be held from Fri Apr 17.
    with pytest.raises(LegalGuardViolation) as caught:
        walker.step(case_id, "hearing_notice", "head", presider_id=people["legal"], hearing_date="2026-04-16")
    assert "2026-04-17" in caught.value.details["hearing_date"][0]
    walker.step(case_id, "hearing_notice", "head", presider_id=people["legal"], hearing_date="2026-04-17")


def test_worker_refreshes_due_dates_after_an_admin_edits_the_calendar(walker, people):
    case_id = _noticed(walker, "2026-02-13")
    with walker.db.begin() as session:
        calendar_store.set_day(session, date(2026, 2, 26), False, "地方停工", people["head"])
    assert worker.refresh_due_dates(walker.db) == 1
    # Feb 26 no longer counts: Feb 14, 24, 25, 27 and the worked Saturday Feb 28.
    assert _open_task(walker, case_id, "party_response").due_at == datetime(2026, 2, 28, 16, 0)


def test_two_workers_fire_every_timer_exactly_once(walker):
    case_ids = [_noticed(walker, "2026-02-13") for _ in range(6)]
    now = datetime(2026, 3, 2)
    with ThreadPoolExecutor(2) as pool:
        fired = sum(pool.map(lambda _: worker.fire_due_timers(walker.db, now), range(2)))
    assert fired == len(case_ids)
    with walker.db() as session:
        per_timer = (
            session.execute(select(AuditEvent.data).where(AuditEvent.action == "timer.fired")).scalars().all()
        )
    assert sorted(d["timer_id"] for d in per_timer) == sorted({d["timer_id"] for d in per_timer})
    assert all(walker.open_tasks(case_id) == ["decision_approval"] for case_id in case_ids)
