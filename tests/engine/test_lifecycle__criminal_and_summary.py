"""Criminal transfer (国务院令第310号) from investigation and from conclusion, and the summary procedure."""

import pytest

from tests.engine.walking import CLINIC, Walker

TRANSFER = [
    ("transfer_report", "handler1"),
    ("transfer_decision", "principal"),
    ("transfer_to_police", "handler1"),
]


@pytest.fixture
def walker(db, people):
    walker = Walker(db, people)
    walker.task_force = {"task_force_ids": walker.handlers}
    return walker


def _start_transfer_from_investigation(walker) -> int:
    case_id = walker.to_investigation()
    walker.step(case_id, "investigation", "handler1", next_step="transfer_police")
    walker.step(case_id, "transfer_report", "handler1", **walker.task_force)
    return case_id


def test_police_accept_a_transfer_from_investigation_and_the_case_closes(walker):
    case_id = _start_transfer_from_investigation(walker)
    assert walker.case(case_id).status == "criminal_transfer"
    walker.walk(
        case_id,
        [
            ("transfer_decision", "principal"),
            ("transfer_to_police", "handler1"),
            ("police_decision", "handler1"),
        ],
    )
    assert walker.data(case_id)["criminal_outcome"] == "accepted"
    assert walker.close(case_id).status == "closed"


def test_principal_refusing_the_transfer_resumes_the_investigation(walker):
    case_id = _start_transfer_from_investigation(walker)
    walker.step(
        case_id,
        "transfer_decision",
        "principal",
        transfer_decision="refuse",
        transfer_decision_reason="尚未达到追诉标准",
    )
    assert walker.open_tasks(case_id) == ["investigation"]


def test_police_refusal_with_reconsideration_accepted(walker):
    case_id = _start_transfer_from_investigation(walker)
    walker.walk(
        case_id,
        [
            ("transfer_decision", "principal"),
            ("transfer_to_police", "handler1"),
            ("police_decision", "handler1", {"police_decision": "refused", "police_reason": "未达追诉标准"}),
            ("refusal_follow_up", "handler1"),
            ("reconsideration", "handler1"),
        ],
    )
    assert walker.open_tasks(case_id) == ["closure_report"]


def test_police_refusal_upheld_after_reconsideration_resumes_the_penalty(walker):
    case_id = _start_transfer_from_investigation(walker)
    walker.walk(
        case_id,
        [
            ("transfer_decision", "principal"),
            ("transfer_to_police", "handler1"),
            ("police_decision", "handler1", {"police_decision": "refused"}),
            ("refusal_follow_up", "handler1"),
            ("reconsideration", "handler1", {"reconsideration_result": "refused"}),
        ],
    )
    assert walker.data(case_id)["criminal_outcome"] == "resume_admin"
    assert walker.open_tasks(case_id) == ["investigation"]


def test_transfer_from_conclusion_resumed_goes_back_to_the_conclusion(walker):
    case_id = walker.to_investigation()
    walker.conclude(case_id, proposal="transfer_police", prior_penalties=2)
    assert walker.data(case_id)["suggested_tier"] == "transfer"
    walker.walk(
        case_id,
        [
            ("transfer_report", "handler1", walker.task_force),
            ("transfer_decision", "principal"),
            ("transfer_to_police", "handler1"),
            ("police_decision", "handler1", {"police_decision": "refused"}),
            ("refusal_follow_up", "handler1", {"follow_up": "resume"}),
        ],
    )
    assert walker.open_tasks(case_id) == ["investigation_conclusion"]


def test_transfer_from_conclusion_accepted_goes_to_closure(walker):
    case_id = walker.to_investigation()
    walker.conclude(case_id, proposal="transfer_police")
    walker.walk(
        case_id,
        [
            ("transfer_report", "handler1", walker.task_force),
            ("transfer_decision", "principal"),
            ("transfer_to_police", "handler1"),
            ("police_decision", "handler1"),
        ],
    )
    assert walker.open_tasks(case_id) == ["closure_report"]


def test_summary_fine_is_paid_filed_returned_and_accepted(walker):
    case_id = walker.open(CLINIC, procedure="summary")
    walker.walk(
        case_id,
        [
            ("onsite_decision", "handler1", {"officer_ids": walker.handlers, "fine_amount": 3000}),
            ("payment_record", "handler1", {"paid_amount": 3000}),
            ("summary_filing", "handler1"),
            ("filing_acknowledgement", "depthead", {"filing_result": "returned"}),
            ("summary_filing", "handler1"),
        ],
    )
    assert walker.step(case_id, "filing_acknowledgement", "depthead").status == "closed"


def test_summary_warning_skips_payment(walker):
    case_id = walker.open(procedure="summary")
    walker.step(
        case_id,
        "onsite_decision",
        "handler1",
        officer_ids=walker.handlers,
        penalty_type="warning",
        fine_amount=0,
    )
    assert walker.open_tasks(case_id) == ["summary_filing"]
