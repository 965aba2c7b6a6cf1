"""The reporter of a real-name complaint: seen by its handlers only, never carried into the case the
complaint leads to, its task data, its audit trail, or any document served on the party."""

from sqlalchemy import select

from engine import runtime
from engine.campaigns import complaint_workflow, complaints
from engine.models import AuditEvent, Case, Complaint, Document, HumanTask, User
from tests.campaigns.conftest import REPORTER, complaint_form
from tests.documents.reading import full_text
from tests.engine.walking import Walker

SECRETS = tuple(REPORTER.values())


def _register(db, people) -> Complaint:
    return complaint_workflow.register(db, people["handler1"], complaint_form())


def _seers(db, people, complaint) -> set[str]:
    with db() as session:
        found = complaint if isinstance(complaint, Complaint) else session.get(Complaint, complaint)
        return {
            name
            for name, user_id in people.items()
            if complaints.reporter(session, session.get(User, user_id), found) is not None
        }


def test_the_reporter_is_seen_by_who_registered_holds_or_did_a_step_and_department_heads(db, people, walker):
    complaint = _register(db, people)
    assert _seers(db, people, complaint) == {"handler1", "depthead"}
    walker.step(complaint.id, "handler1")
    complaint_workflow.claim(db, walker.open_task(complaint.id).id, people["handler2"])
    assert _seers(db, people, complaint) == {"handler1", "handler2", "depthead"}
    with db() as session:
        shown = complaints.reporter(session, session.get(User, people["handler1"]), complaint)
    assert (shown.name, shown.phone, shown.id_number) == SECRETS


def test_an_anonymous_complaint_has_no_reporter_for_anyone(db, people):
    complaint = complaint_workflow.register(db, people["handler1"], complaint_form(real_name=False))
    assert _seers(db, people, complaint) == set()


def test_the_reporter_stays_out_of_the_case_its_data_trail_and_documents(db, people, walker):
    complaint = _register(db, people)
    outcome = walker.walk(complaint.id, [("handler1",), ("handler2",), ("depthead",), ("handler1",)])
    case_id = outcome.case_id
    with db() as session:
        draft = session.scalar(select(HumanTask.draft).where(HumanTask.case_id == case_id))
    handlers = [people["handler1"], people["handler2"]]
    Walker(db, people).walk(
        case_id,
        [
            ("intake_record", "handler1", draft),
            ("registration_approval", "head", {"handler_ids": handlers}),
            ("investigation", "handler1"),
            ("investigation_conclusion", "handler2"),
            ("conclusion_review", "depthead"),
            ("deliberation", "depthead"),
            ("advance_notice", "handler1"),
        ],
    )
    with db() as session:
        case = session.get(Case, case_id)
        documents = session.scalars(select(Document).where(Document.case_id == case_id)).all()
        stored = [
            str(runtime.restore_workflow(case).last_task.data),
            str(session.scalars(select(HumanTask.data).where(HumanTask.case_id == case_id)).all()),
            str(session.scalars(select(HumanTask.draft).where(HumanTask.case_id == case_id)).all()),
            str(session.scalars(select(AuditEvent.data)).all()),
            *(full_text(d.content) for d in documents),
        ]
    assert {"case_intake_record", "registration_report", "advance_notice"} <= {d.doc_type for d in documents}
    assert any(complaint.number in text for text in stored[4:]), "the case cites the complaint by its number"
    leaks = [(index, secret) for index, text in enumerate(stored) for secret in SECRETS if secret in text]
    assert leaks == []


def test_the_complaint_workflow_data_holds_no_reporter(db, people):
    complaint = _register(db, people)
    with db() as session:
        workflow = complaint_workflow.restore_workflow(session.get(Complaint, complaint.id))
    data = str([task.data for task in workflow.get_tasks()])
    assert "real_name" in data and not any(secret in data for secret in SECRETS)
