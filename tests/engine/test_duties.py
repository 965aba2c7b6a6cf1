"""Separation of duties and jurisdiction, enforced by the engine whatever the caller."""

import pytest

from engine import queries, runtime, scripted
from engine.errors import Conflict, Forbidden, LegalGuardViolation
from engine.models import HumanTask, User
from tests.engine.walking import Walker


@pytest.fixture
def walker(db, people):
    return Walker(db, people)


def _task(walker, case_id, element_id):
    return scripted.open_task_id(walker.db, case_id, element_id)


def test_handler_of_the_case_may_not_approve_it(walker, people):
    case_id = walker.open()
    walker.step(case_id, "intake_record", "multi")
    with pytest.raises(Forbidden, match="职能分离"):
        walker.step(case_id, "registration_approval", "multi", handler_ids=walker.handlers)


def test_only_the_case_handlers_work_its_handler_tasks(walker, people):
    case_id = walker.to_investigation()
    with pytest.raises(Forbidden, match="承办人"):
        walker.step(case_id, "investigation", "handler3")


def test_a_wrong_role_or_another_agency_is_refused(walker, people):
    case_id = walker.open()
    with pytest.raises(Forbidden, match="角色"):
        walker.step(case_id, "intake_record", "legal")
    with pytest.raises(Forbidden, match="其他机关"):
        walker.step(case_id, "intake_record", "outsider")


def test_hearing_presider_is_not_an_investigator(walker, people):
    case_id = walker.to_notice()
    walker.walk(
        case_id,
        [
            ("advance_notice", "handler1"),
            ("party_response", "handler1", {"party_response": "hearing_request"}),
        ],
    )
    with pytest.raises(LegalGuardViolation) as caught:
        walker.step(case_id, "hearing_notice", "head", presider_id=people["handler1"])
    assert "调查人员" in caught.value.details["presider_id"][0]
    walker.step(case_id, "hearing_notice", "head", presider_id=people["legal"])
    walker.run_worker("2026-04-20T00:00:00")
    with walker.db() as session:
        assert queries.inbox(session, session.get(User, people["legal"]))[0].element_id == "hearing"
    with pytest.raises(Forbidden, match="他人认领"):
        walker.step(case_id, "hearing", "legal2")


def test_claim_release_and_assign(walker, people):
    case_id = walker.to_investigation()
    walker.step(case_id, "investigation", "handler1")
    task_id = _task(walker, case_id, "investigation_conclusion")
    runtime.claim_task(walker.db, task_id, people["handler1"])
    with pytest.raises(Conflict):
        runtime.claim_task(walker.db, task_id, people["handler2"])
    with pytest.raises(Forbidden):
        runtime.release_task(walker.db, task_id, people["handler2"])
    runtime.release_task(walker.db, task_id, people["handler1"])
    with pytest.raises(Forbidden, match="科室负责人"):
        runtime.assign_task(walker.db, task_id, people["handler2"], people["handler1"])
    with pytest.raises(Forbidden):
        runtime.assign_task(walker.db, task_id, people["handler3"], people["depthead"])
    runtime.assign_task(walker.db, task_id, people["handler2"], people["depthead"])
    with walker.db() as session:
        mine = queries.inbox(session, session.get(User, people["handler2"]))
    assert [t.id for t in mine] == [task_id]
    with pytest.raises(Forbidden):
        walker.step(case_id, "investigation_conclusion", "handler1")


def test_queue_offers_only_tasks_the_user_may_take(walker, people):
    case_id = walker.open()
    walker.step(case_id, "intake_record", "multi")
    with walker.db() as session:
        multi = session.get(User, people["multi"])
        head = session.get(User, people["head"])
        outsider = session.get(User, people["outsider"])
        assert [t.element_id for t in queries.queue(session, head)] == ["registration_approval"]
        assert queries.queue(session, multi) == []
        assert queries.queue(session, outsider) == []
    walker.step(case_id, "registration_approval", "head", handler_ids=walker.handlers)
    with walker.db() as session:
        handler3 = session.get(User, people["handler3"])
        handler1 = session.get(User, people["handler1"])
        assert queries.queue(session, handler3) == []
        assert [t.element_id for t in queries.queue(session, handler1)] == ["investigation"]


def test_draft_is_kept_without_advancing_and_only_for_who_may_do_the_task(walker, people):
    case_id = walker.open()
    task_id = _task(walker, case_id, "intake_record")
    runtime.save_draft(walker.db, task_id, people["handler1"], {"summary": "半截"})
    with pytest.raises(Forbidden):
        runtime.save_draft(walker.db, task_id, people["legal"], {"summary": "x"})
    with walker.db() as session:
        assert session.get(HumanTask, task_id).draft == {"summary": "半截"}
    assert walker.open_tasks(case_id) == ["intake_record"]
