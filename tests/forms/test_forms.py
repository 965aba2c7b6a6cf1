import subprocess
import sys
from pathlib import Path

import pytest

from forms import FORMS, get_form

CONTRACT_FORM_KEYS = [
    "intake_record",
    "registration_approval",
    "investigation",
    "preservation_approval",
    "preservation_disposal",
    "investigation_conclusion",
    "conclusion_review",
    "deliberation",
    "legal_review",
    "collective_discussion",
    "advance_notice",
    "party_response",
    "statement_review",
    "hearing_notice",
    "hearing",
    "decision_approval",
    "service",
    "execution",
    "deferral_approval",
    "demand_letter",
    "enforcement_application",
    "no_penalty_decision",
    "closure_report",
    "closure_approval",
    "transfer_report",
    "transfer_decision",
    "transfer_to_police",
    "police_decision",
    "police_follow_up",
    "refusal_follow_up",
    "reconsideration",
    "transfer_out_draft",
    "transfer_out_approval",
    "transfer_out_receipt",
    "onsite_decision",
    "payment_record",
    "summary_filing",
    "filing_acknowledgement",
    "complaint_acceptance",
    "complaint_verification",
    "complaint_review",
    "complaint_case_opening",
    "complaint_transfer",
    "complaint_feedback",
]


def test_forms_holds_exactly_the_contract_form_keys():
    assert sorted(FORMS) == sorted(CONTRACT_FORM_KEYS)
    assert len(FORMS) == 44


def test_hearing_follow_up_review_reuses_the_legal_review_form():
    assert "legal_review_after_hearing" not in FORMS
    assert "legal_review_result" in FORMS["legal_review"]().fields


def test_get_form_returns_a_fresh_instance_each_time():
    first, second = get_form("hearing"), get_form("hearing")
    assert isinstance(first, FORMS["hearing"])
    assert first is not second


def test_get_form_names_the_unknown_key():
    with pytest.raises(KeyError, match="no_such_form"):
        get_form("no_such_form")


def test_forms_import_neither_web_nor_database_packages():
    outside = "{'flask', 'sqlalchemy', 'engine', 'web'}"
    probe = f"import sys, forms; print(sorted({{m.split('.')[0] for m in sys.modules}} & {outside}))"
    root = Path(__file__).resolve().parents[2]
    result = subprocess.run(
        [sys.executable, "-c", probe], cwd=root, capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "[]"
