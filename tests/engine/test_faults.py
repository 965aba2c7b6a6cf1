"""A failure after any stage of a completion leaves the case, its tasks and the audit exactly as before."""

import pytest
from sqlalchemy import select

from engine import audit, runtime, scripted, state
from engine.errors import InvalidSubmission
from engine.models import AuditEvent, Case, CaseHandler, HumanTask
from tests.engine.walking import Walker

STAGES = [
    "load_for_completion",
    "authorise_completion",
    "restore_workflow",
    "validate_submission",
    "advance_workflow",
    "save_workflow",
    "write_audit",
    "project_tasks",
]


class InjectedFault(RuntimeError):
    pass


def _snapshot(db, case_id):
    with db() as session:
        case = session.get(Case, case_id)
        return {
            "case": (case.version, case.status, case.workflow_state, case.registered_on),
            "handlers": sorted(
                session.scalars(select(CaseHandler.user_id).where(CaseHandler.case_id == case_id))
            ),
            "tasks": [
                (t.id, t.status, t.assignee_id, t.completed_by_id)
                for t in session.scalars(
                    select(HumanTask).where(HumanTask.case_id == case_id).order_by(HumanTask.id)
                )
            ],
            "audit": [
                e.hash
                for e in session.scalars(
                    select(AuditEvent).where(AuditEvent.case_id == case_id).order_by(AuditEvent.seq)
                )
            ],
        }


@pytest.mark.parametrize("stage", STAGES)
def test_fault_after_each_stage_changes_nothing(db, people, monkeypatch, stage):
    walker = Walker(db, people)
    case_id = walker.open()
    walker.step(case_id, "intake_record", "handler1")
    before = _snapshot(db, case_id)
    original = getattr(runtime, stage)

    def fail_after(*args, **kwargs):
        original(*args, **kwargs)
        raise InjectedFault(stage)

    monkeypatch.setattr(runtime, stage, fail_after)
    with pytest.raises(InjectedFault):
        walker.step(case_id, "registration_approval", "head", handler_ids=walker.handlers)
    assert _snapshot(db, case_id) == before

    monkeypatch.setattr(runtime, stage, original)
    walker.step(case_id, "registration_approval", "head", handler_ids=walker.handlers)
    assert walker.case(case_id).status == "investigating"
    with db() as session:
        assert audit.verify(session)[1] == []


def test_invalid_form_data_gives_field_messages_and_changes_nothing(db, people):
    walker = Walker(db, people)
    case_id = walker.open()
    before = _snapshot(db, case_id)
    task_id = scripted.open_task_id(db, case_id, "intake_record")
    with pytest.raises(InvalidSubmission) as caught:
        runtime.complete_task(db, task_id, people["handler1"], {"source": "rumour", "summary": "短"})
    assert {"source", "summary", "received_on"} <= set(caught.value.details)
    assert _snapshot(db, case_id) == before


def test_stored_state_is_stamped_and_an_unknown_format_is_refused(db, people):
    walker = Walker(db, people)
    case_id = walker.open()
    case = walker.case(case_id)
    assert case.state_format == state.FORMAT
    with pytest.raises(ValueError, match="no upgrade"):
        state.upgrade({"format": 0, "workflow": {}})
