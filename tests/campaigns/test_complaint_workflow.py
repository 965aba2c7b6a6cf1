"""The complaint procedure of bpmn/complaint.bpmn down every branch: accept, verify, review (with a
send-back), open a case, transfer, refuse; feedback to real-name reporters, none to anonymous ones."""

from datetime import date

import pytest
from sqlalchemy import select

from engine import accounts, projection, state
from engine.campaigns import complaint_workflow
from engine.clock import today
from engine.errors import Forbidden, InvalidSubmission
from engine.models import AuditEvent, Case, Complaint, ComplaintTask, HumanTask, TransferRecord, User
from forms.examples import EXAMPLES
from tests.campaigns.conftest import complaint_form


def _complaint(db, complaint_id: int) -> Complaint:
    with db() as session:
        return session.get(Complaint, complaint_id)


def _register(db, people, **form) -> int:
    return complaint_workflow.register(db, people["handler1"], complaint_form(**form)).id


def _check_round_trip(db, complaint_id: int) -> None:
    """The saved workflow restores to itself, and the open task rows are its READY user tasks."""
    with db() as session:
        complaint = session.get(Complaint, complaint_id)
        workflow = complaint_workflow.restore_workflow(complaint)
        assert state.dump(
            state.load(state.dump(workflow), workflow.spec, workflow.subprocess_specs)
        ) == state.dump(workflow)
        rows = session.scalars(
            select(ComplaintTask.spiff_task_id).where(
                ComplaintTask.complaint_id == complaint_id, ComplaintTask.status == "open"
            )
        ).all()
        assert sorted(rows) == sorted(str(t.id) for t in projection.ready_user_tasks(workflow))


def test_a_registered_complaint_waits_for_acceptance_with_a_numbered_register_entry(db, people):
    complaint_id = _register(db, people)
    complaint = _complaint(db, complaint_id)
    assert complaint.number == f"示县卫投〔{today().year}〕0001号"
    assert complaint.status == "acceptance"
    with db() as session:
        task = session.scalar(select(ComplaintTask).where(ComplaintTask.complaint_id == complaint_id))
    assert (task.name, task.role, task.deadline) == ("受理审查", "handler", "1wd")
    _check_round_trip(db, complaint_id)


def test_verified_complaint_opens_a_case_and_the_reporter_is_answered(db, people, walker):
    complaint_id = _register(db, people)
    walker.walk(
        complaint_id,
        [
            ("handler1",),
            ("handler2",),
            ("depthead", {"review_result": "return", "review_opinion": "请补充询问周边群众。"}),
            ("handler2",),
            ("depthead",),
        ],
    )
    assert _complaint(db, complaint_id).status == "case_opening"
    outcome = walker.step(complaint_id, "handler1")
    assert outcome.status == "feedback"
    with db() as session:
        case = session.get(Case, outcome.case_id)
        draft = session.scalar(select(HumanTask.draft).where(HumanTask.case_id == case.id))
        assert (case.party.name, case.violation_code, case.status) == (
            "王某某",
            "unlicensed_practice",
            "intake",
        )
    assert draft["source"] == "complaint"
    assert draft["source_ref"] == _complaint(db, complaint_id).number
    assert draft["summary"].startswith("经核查，当事人未取得医疗机构执业许可证")
    walker.step(complaint_id, "handler1", feedback_on="2026-03-10")
    complaint = _complaint(db, complaint_id)
    assert (complaint.status, complaint.outcome, complaint.case_id) == ("closed", "case_opened", case.id)
    assert complaint.feedback_on == date(2026, 3, 10) and complaint.closed_at is not None
    _check_round_trip(db, complaint_id)


def test_anonymous_complaint_transferred_after_verification_closes_without_feedback(db, people, walker):
    complaint_id = _register(db, people, real_name=False)
    walker.walk(
        complaint_id,
        [("handler1",), ("handler2", {"verification_result": "transfer"}), ("depthead",)],
    )
    assert _complaint(db, complaint_id).status == "transfer"
    outcome = walker.step(
        complaint_id, "handler1", receiving_agency_type="police", receiving_agency_name="示例县公安局"
    )
    complaint = _complaint(db, complaint_id)
    assert (outcome.status, complaint.outcome, complaint.feedback_due_on) == ("closed", "transferred", None)
    with db() as session:
        record = session.scalar(select(TransferRecord).where(TransferRecord.complaint_id == complaint_id))
    assert (record.direction, record.counterpart_type, record.counterpart_name) == (
        "out",
        "police",
        "示例县公安局",
    )
    assert record.transferred_on == date(2026, 3, 4) and record.party_name == "解放路采耳店"


def test_complaint_outside_the_agencys_duties_goes_out_at_acceptance_and_is_answered(db, people, walker):
    complaint_id = _register(db, people)
    walker.walk(
        complaint_id,
        [
            (
                "handler1",
                {"acceptance_decision": "transfer", "acceptance_reason": "虚假广告属市场监管部门职责。"},
            ),
            ("handler1",),
        ],
    )
    assert _complaint(db, complaint_id).status == "feedback"
    walker.step(complaint_id, "handler1")
    assert _complaint(db, complaint_id).outcome == "transferred"


def test_unfounded_complaint_is_not_registered_and_the_reporter_is_told(db, people, walker):
    complaint_id = _register(db, people)
    walker.walk(
        complaint_id,
        [("handler1",), ("handler2", {"verification_result": "not_register"}), ("depthead",), ("handler2",)],
    )
    complaint = _complaint(db, complaint_id)
    assert (complaint.status, complaint.outcome, complaint.case_id) == ("closed", "not_registered", None)


def test_complaint_refused_at_acceptance_is_answered(db, people, walker):
    complaint_id = _register(db, people)
    walker.step(complaint_id, "handler1", acceptance_decision="reject", acceptance_reason="内容不具体。")
    assert _complaint(db, complaint_id).status == "feedback"
    walker.step(complaint_id, "handler1")
    assert _complaint(db, complaint_id).outcome == "not_accepted"


def test_every_step_is_audited_with_its_flows_and_never_with_the_reporter(db, people, walker):
    complaint_id = _register(db, people)
    walker.step(complaint_id, "handler1")
    with db() as session:
        events = session.scalars(
            select(AuditEvent).where(AuditEvent.case_id.is_(None)).order_by(AuditEvent.seq)
        ).all()
    registered, accepted = [e for e in events if e.data.get("complaint_id") == complaint_id]
    assert registered.data["flows"] == [["cp_start", "complaint_acceptance"]]
    assert accepted.data["flows"] == [
        ["complaint_acceptance", "gw_cp_acceptance"],
        ["gw_cp_acceptance", "complaint_verification"],
    ]
    assert [e.seq for e in events] == list(range(1, len(events) + 1))
    text = str([e.data for e in events])
    assert "赵举报" not in text and "13912345678" not in text


def test_review_is_for_a_department_head_who_did_not_verify(db, people, walker):
    with db.begin() as session:
        agency = session.get(User, people["depthead"]).agency
        both = accounts.create_user(
            session,
            username="both",
            full_name="钱双",
            password_hash="x",
            agency=agency,
            roles=["handler", "dept_head"],
            certificate_no="执法证 4101040",
        ).id
    complaint_id = _register(db, people)
    walker.step(complaint_id, "handler1")
    task = walker.open_task(complaint_id)
    verification = {**EXAMPLES["complaint_verification"], "officer_ids": [both, people["handler2"]]}
    complaint_workflow.complete(db, task.id, both, verification)
    review = walker.open_task(complaint_id)
    approval = EXAMPLES["complaint_review"]
    with pytest.raises(Forbidden, match="科室负责人"):
        complaint_workflow.complete(db, review.id, people["handler1"], approval)
    with pytest.raises(Forbidden, match="不能审核自己的核查结论"):
        complaint_workflow.complete(db, review.id, both, approval)
    assert complaint_workflow.complete(db, review.id, people["depthead"], approval).status == "case_opening"


def test_a_claimed_task_is_left_to_its_holder(db, people, walker):
    complaint_id = _register(db, people)
    task = walker.open_task(complaint_id)
    complaint_workflow.claim(db, task.id, people["handler2"])
    with pytest.raises(Forbidden, match="已由他人认领"):
        complaint_workflow.complete(db, task.id, people["handler1"], EXAMPLES["complaint_acceptance"])
    complaint_workflow.release(db, task.id, people["handler2"])
    complaint_workflow.complete(db, task.id, people["handler1"], EXAMPLES["complaint_acceptance"])


def test_a_submission_the_form_refuses_changes_nothing(db, people, walker):
    complaint_id = _register(db, people)
    task = walker.open_task(complaint_id)
    with pytest.raises(InvalidSubmission) as refused:
        complaint_workflow.complete(db, task.id, people["handler1"], {"acceptance_decision": "maybe"})
    assert set(refused.value.details) == {"acceptance_decision", "acceptance_reason"}
    assert walker.open_task(complaint_id).id == task.id


def test_anonymous_registration_refuses_a_reporter_and_real_name_needs_one(db, people):
    with pytest.raises(InvalidSubmission) as anonymous:
        complaint_workflow.register(
            db, people["handler1"], complaint_form(real_name=False, reporter_name="张三")
        )
    assert anonymous.value.details == {"reporter_name": ["匿名举报不登记举报人身份"]}
    with pytest.raises(InvalidSubmission) as unnamed:
        complaint_workflow.register(
            db, people["handler1"], complaint_form(reporter_name="", reporter_phone="")
        )
    assert set(unnamed.value.details) == {"reporter_name", "reporter_phone"}
