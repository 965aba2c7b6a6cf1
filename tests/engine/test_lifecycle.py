"""The general procedure end to end, down every branch, each step through the engine API."""

import pytest

from tests.engine.walking import CLINIC, Walker


@pytest.fixture
def walker(db, people):
    return Walker(db, people)


def test_major_case_with_legal_review_collective_discussion_and_hearing_closes(walker):
    case_id = walker.to_investigation()
    walker.conclude(case_id, major_case=True, major_public_interest=True)
    walker.step(case_id, "deliberation", "depthead")
    assert walker.open_tasks(case_id) == ["legal_review"]
    walker.walk(case_id, [("legal_review", "legal"), ("collective_discussion", "head")])
    assert walker.data(case_id)["hearing_right"] is True
    walker.walk(
        case_id,
        [
            ("advance_notice", "handler1"),
            ("party_response", "handler1", {"party_response": "hearing_request"}),
            ("hearing_notice", "head", {"presider_id": walker.people["legal"]}),
            ("worker", "2026-04-20T00:00:00"),
        ],
    )
    assert walker.case(case_id).status == "hearing"
    walker.walk(
        case_id,
        [
            ("hearing", "legal"),
            ("legal_review_after_hearing", "legal2"),
            ("decision_approval", "head"),
            ("service", "handler2"),
            ("execution", "handler1"),
        ],
    )
    outcome = walker.close(case_id)
    case = walker.case(case_id)
    assert (outcome.status, case.status) == ("closed", "closed")
    assert case.registered_on.isoformat() == "2026-03-04" and case.decided_on.isoformat() == "2026-04-28"
    assert case.closed_at is not None and walker.open_tasks(case_id) == []


def test_not_registered_ends_with_reasons(walker):
    case_id = walker.open()
    walker.step(case_id, "intake_record", "handler1", recommendation="not_register")
    outcome = walker.step(
        case_id,
        "registration_approval",
        "head",
        registration_decision="not_register",
        registration_opinion="不属于卫生健康行政处罚范围",
        handler_ids=[],
    )
    assert outcome.status == "not_registered"
    assert walker.data(case_id)["registration_opinion"] == "不属于卫生健康行政处罚范围"
    assert walker.open_tasks(case_id) == []


def test_evidence_preservation_approved_then_refused_returns_to_investigation(walker):
    case_id = walker.to_investigation()
    walker.walk(
        case_id,
        [
            ("investigation", "handler1", {"next_step": "preserve_evidence"}),
            ("preservation_approval", "head"),
            ("preservation_disposal", "handler2"),
        ],
    )
    assert walker.open_tasks(case_id) == ["investigation"]
    walker.walk(
        case_id,
        [
            ("investigation", "handler1", {"next_step": "preserve_evidence"}),
            ("preservation_approval", "head", {"preservation_decision": "refuse"}),
        ],
    )
    assert walker.open_tasks(case_id) == ["investigation"]


def test_send_backs_loop_until_approved(walker):
    case_id = walker.to_investigation()
    walker.walk(
        case_id,
        [
            ("investigation", "handler1"),
            ("investigation_conclusion", "handler2"),
            (
                "conclusion_review",
                "depthead",
                {"conclusion_review_result": "return", "conclusion_review_opinion": "补充收费记录"},
            ),
            ("investigation_conclusion", "handler2"),
            ("conclusion_review", "depthead"),
            ("deliberation", "depthead", {"deliberation_result": "return"}),
            ("investigation_conclusion", "handler2", {"major_case": True}),
            ("conclusion_review", "depthead"),
            ("deliberation", "depthead"),
            ("legal_review", "legal"),
            ("collective_discussion", "head", {"discussion_result": "return"}),
            ("investigation_conclusion", "handler2"),
            ("conclusion_review", "depthead"),
            ("deliberation", "depthead"),
        ],
    )
    assert walker.open_tasks(case_id) == ["advance_notice"]


def test_failed_legal_reviews_send_the_case_back_to_investigation(walker):
    case_id = walker.to_investigation()
    walker.conclude(case_id, complex_case=True)
    walker.walk(
        case_id, [("deliberation", "depthead"), ("legal_review", "legal", {"legal_review_result": "fail"})]
    )
    assert walker.open_tasks(case_id) == ["investigation"]
    walker.conclude(case_id)
    walker.walk(
        case_id,
        [
            ("deliberation", "depthead"),
            ("advance_notice", "handler1"),
            ("party_response", "handler1", {"party_response": "hearing_request"}),
            ("hearing_notice", "head", {"presider_id": walker.people["legal"]}),
            ("worker", "2026-04-20T00:00:00"),
            ("hearing", "legal"),
            ("legal_review_after_hearing", "legal2", {"legal_review_result": "fail"}),
        ],
    )
    assert walker.open_tasks(case_id) == ["investigation"]


def test_defence_that_changes_the_penalty_is_notified_again(walker):
    case_id = walker.to_notice()
    walker.walk(
        case_id,
        [
            ("advance_notice", "handler1"),
            ("party_response", "handler1", {"party_response": "statement"}),
            (
                "statement_review",
                "handler2",
                {"statement_adopted": True, "penalty_changed": True, "revised_fine_amount": 80000},
            ),
        ],
    )
    assert walker.open_tasks(case_id) == ["advance_notice"]
    walker.walk(
        case_id,
        [
            ("advance_notice", "handler1"),
            ("party_response", "handler1", {"party_response": "statement"}),
            ("statement_review", "handler2"),
        ],
    )
    assert walker.open_tasks(case_id) == ["decision_approval"]


def test_hearing_request_without_hearing_right_goes_to_decision(walker):
    case_id = walker.to_notice(
        CLINIC,
        violation_code="beyond_scope_institution",
        fine_amount=20000,
        penalty_types=["warning", "fine"],
        confiscation_amount=0,
    )
    assert walker.data(case_id)["hearing_right"] is False
    walker.walk(
        case_id,
        [
            ("advance_notice", "handler1"),
            ("party_response", "handler1", {"party_response": "hearing_request"}),
        ],
    )
    assert walker.open_tasks(case_id) == ["decision_approval"]


def test_waiver_returned_decision_deferral_unpaid_demand_and_court_application(walker):
    case_id = walker.to_notice()
    walker.walk(
        case_id,
        [
            ("advance_notice", "handler1"),
            ("party_response", "handler1", {"party_response": "waived"}),
            ("decision_approval", "head", {"decision_result": "return", "decided_on": None}),
            ("investigation_conclusion", "handler2"),
            ("conclusion_review", "depthead"),
            ("deliberation", "depthead"),
            ("advance_notice", "handler1"),
            ("party_response", "handler1"),
            ("decision_approval", "head"),
            ("service", "handler1"),
            ("execution", "handler1", {"execution_result": "deferral_request"}),
            ("deferral_approval", "head"),
            ("execution", "handler1", {"execution_result": "unpaid"}),
            ("demand_letter", "handler1"),
        ],
    )
    assert walker.case(case_id).status == "court_enforcement"
    walker.walk(
        case_id,
        [
            ("enforcement_application", "head"),
            ("closure_report", "handler1", {"closure_reason": "court_enforcement"}),
            ("closure_approval", "head", {"closure_result": "return", "closure_opinion": "补充法院受理材料"}),
        ],
    )
    assert walker.open_tasks(case_id) == ["closure_report"]
    assert walker.close(case_id).status == "closed"


def test_payment_after_demand_letter_goes_to_closure(walker):
    case_id = walker.to_notice()
    walker.walk(
        case_id,
        [
            ("advance_notice", "handler1"),
            ("party_response", "handler1"),
            ("decision_approval", "head"),
            ("service", "handler1"),
            ("execution", "handler1", {"execution_result": "unpaid"}),
            ("demand_letter", "handler1", {"demand_result": "paid"}),
        ],
    )
    assert walker.open_tasks(case_id) == ["closure_report"]


def test_no_penalty_decision_returned_then_approved_and_closed(walker):
    case_id = walker.to_investigation()
    no_penalty = {
        "proposal": "no_penalty",
        "penalty_types": [],
        "fine_amount": 0,
        "discretion_tier": "none",
        "no_penalty_ground": True,
    }
    walker.conclude(case_id, **no_penalty)
    walker.walk(
        case_id,
        [
            ("no_penalty_decision", "head", {"no_penalty_result": "return"}),
            ("investigation_conclusion", "handler2", no_penalty),
            ("conclusion_review", "depthead"),
            ("no_penalty_decision", "head"),
        ],
    )
    assert walker.data(case_id)["suggested_tier"] == "none"
    assert walker.close(case_id).status == "closed"


def test_transfer_to_other_agency_refused_then_transferred(walker):
    case_id = walker.to_investigation(CLINIC)
    walker.conclude(
        case_id,
        proposal="transfer_agency",
        violation_code="illegal_advertising",
        penalty_types=[],
        fine_amount=0,
    )
    walker.walk(
        case_id,
        [
            ("transfer_out_draft", "handler1"),
            ("transfer_out_approval", "head", {"transfer_out_decision": "refuse"}),
        ],
    )
    assert walker.open_tasks(case_id) == ["investigation_conclusion"]
    walker.walk(
        case_id,
        [
            ("investigation_conclusion", "handler2", {"proposal": "transfer_agency"}),
            ("conclusion_review", "depthead"),
            ("transfer_out_draft", "handler1"),
            ("transfer_out_approval", "head"),
        ],
    )
    assert walker.case(case_id).status == "transfer_out"
    walker.step(case_id, "transfer_out_receipt", "handler1")
    assert walker.data(case_id)["transfer_outcome"] == "transferred"
    assert walker.close(case_id).status == "closed"
