"""Two people acting at once: exactly one completion wins, numbers never repeat."""

import time
from concurrent.futures import ThreadPoolExecutor
from threading import Barrier, Event

import pytest
from sqlalchemy import func, select

from engine import runtime, scripted
from engine.errors import Conflict, Forbidden
from engine.models import AuditEvent, Case, CaseHandler, HumanTask
from forms.examples import EXAMPLES
from tests.engine.walking import PERSON, Walker

THREADS = 20


def _race(function, count=THREADS):
    barrier = Barrier(count)

    def run(index):
        barrier.wait()
        try:
            return "ok", function(index)
        except (Conflict, Forbidden) as exc:
            return "refused", exc

    with ThreadPoolExecutor(count) as pool:
        return list(pool.map(run, range(count)))


def test_twenty_threads_completing_the_same_task_advance_the_case_once(db, people):
    walker = Walker(db, people)
    case_id = walker.to_investigation()
    task_id = scripted.open_task_id(db, case_id, "investigation")
    version_before = walker.case(case_id).version
    users = [people["handler1"], people["handler2"]]

    results = _race(lambda i: runtime.complete_task(db, task_id, users[i % 2], EXAMPLES["investigation"]))

    assert [r[0] for r in results].count("ok") == 1
    assert all(isinstance(r[1], Conflict) for r in results if r[0] == "refused")
    with db() as session:
        assert session.get(Case, case_id).version == version_before + 1
        completions = session.scalar(
            select(func.count())
            .select_from(AuditEvent)
            .where(AuditEvent.case_id == case_id, AuditEvent.action == "task.completed")
        )
        assert completions == 3
        assert (
            session.scalar(
                select(func.count())
                .select_from(HumanTask)
                .where(HumanTask.case_id == case_id, HumanTask.element_id == "investigation_conclusion")
            )
            == 1
        )
    assert walker.open_tasks(case_id) == ["investigation_conclusion"]


def test_stale_version_is_a_conflict(db, people):
    walker = Walker(db, people)
    case_id = walker.open()
    stale = walker.case(case_id).steps
    walker.step(case_id, "intake_record", "handler1")
    task_id = scripted.open_task_id(db, case_id, "registration_approval")
    data = {**EXAMPLES["registration_approval"], "handler_ids": walker.handlers}
    with pytest.raises(Conflict):
        runtime.complete_task(db, task_id, people["head"], data, expected_version=stale)
    assert walker.open_tasks(case_id) == ["registration_approval"]


def test_cases_opened_at_once_get_distinct_consecutive_numbers(db, people):
    results = _race(lambda i: runtime.open_case(db, user_id=people["handler1"], party=dict(PERSON)).number)
    numbers = sorted(r[1] for r in results)
    assert all(r[0] == "ok" for r in results)
    assert [int(n[-5:-1]) for n in numbers] == list(range(1, THREADS + 1))


def test_a_claim_elsewhere_in_the_case_does_not_make_an_open_form_stale(db, people):
    walker = Walker(db, people)
    case_id = walker.open()
    rendered_at = walker.case(case_id).steps
    task_id = scripted.open_task_id(db, case_id, "intake_record")
    runtime.claim_task(db, task_id, people["handler2"])
    runtime.release_task(db, task_id, people["handler2"])
    runtime.complete_task(
        db, task_id, people["handler1"], EXAMPLES["intake_record"], expected_version=rendered_at
    )
    assert walker.open_tasks(case_id) == ["registration_approval"]


def test_a_completion_that_waited_for_the_case_sees_the_handlers_set_meanwhile(db, people):
    """The duty check must read the case's handlers after the lock: joined to the locked row, PostgreSQL
    would give those of the snapshot taken before the wait, refusing the handler just put on the case."""
    case_id = Walker(db, people).to_investigation()
    task_id = scripted.open_task_id(db, case_id, "investigation")
    newcomer = people["handler3"]
    holding = Event()

    def complete_as_newcomer():
        holding.wait()
        return runtime.complete_task(db, task_id, newcomer, EXAMPLES["investigation"])

    with ThreadPoolExecutor(1) as pool:
        waiting = pool.submit(complete_as_newcomer)
        with db.begin() as session:
            case = session.scalars(select(Case).where(Case.id == case_id).with_for_update()).one()
            case.handler_rows = [
                CaseHandler(case_id=case_id, user_id=people["handler1"]),
                CaseHandler(case_id=case_id, user_id=newcomer),
            ]
            session.flush()
            holding.set()
            _until_someone_waits_for_a_lock(session)
        outcome = waiting.result(timeout=60)
    assert outcome.case_id == case_id
    with db() as session:
        assert session.get(HumanTask, task_id).completed_by_id == newcomer


def _until_someone_waits_for_a_lock(session) -> None:
    """PostgreSQL shows the waiting backend; SQLite's writer only retries, so give it time to start."""
    if session.get_bind().dialect.name != "postgresql":
        time.sleep(0.5)
        return
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        session.connection().exec_driver_sql("SELECT pg_stat_clear_snapshot()")  # else held per transaction
        waiting = session.connection().exec_driver_sql(
            "SELECT count(*) FROM pg_stat_activity"
            " WHERE wait_event_type = 'Lock' AND datname = current_database()"
        )
        if waiting.scalar():
            return
        time.sleep(0.05)
    raise AssertionError("the completion never waited for the case lock")
