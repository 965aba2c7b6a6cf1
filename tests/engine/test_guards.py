"""Legal guards: the statutory fine range, art. 51 limits, officers with certificates, art. 45."""

from decimal import Decimal

import pytest

from engine.errors import InvalidSubmission, LegalGuardViolation
from engine.legal_ranges import RANGES, check_fine, fine_bounds
from engine.models import User
from forms.choices import VIOLATIONS
from tests.engine.walking import CLINIC, Walker


@pytest.fixture
def walker(db, people):
    return Walker(db, people)


def test_unlicensed_practice_counts_small_income_as_ten_thousand():
    assert fine_bounds("unlicensed_practice", Decimal(2000))[1:] == (Decimal(50_000), Decimal(200_000))
    assert fine_bounds("unlicensed_practice", Decimal(30_000))[1:] == (Decimal(150_000), Decimal(600_000))


@pytest.mark.parametrize(
    "fine, tier, refused",
    [
        (200_001, "heavier", True),
        (200_000, "heavier", False),
        (49_999, "general", True),
        (30_000, "reduced", False),
        (5_000, "none", True),
    ],
)
def test_fine_outside_the_statutory_range_is_refused(fine, tier, refused):
    reason = check_fine("unlicensed_practice", Decimal(fine), Decimal(2000), tier)
    assert (reason is not None) == refused


def test_every_coded_range_belongs_to_a_known_violation():
    codes = {code for code, _label in VIOLATIONS}
    assert set(RANGES) <= codes


def test_conclusion_with_a_fine_above_the_range_changes_nothing(walker):
    case_id = walker.to_investigation()
    walker.step(case_id, "investigation", "handler1")
    with pytest.raises(LegalGuardViolation) as caught:
        walker.step(case_id, "investigation_conclusion", "handler2", fine_amount=250_000)
    assert "上限" in caught.value.details["fine_amount"][0]
    assert walker.open_tasks(case_id) == ["investigation_conclusion"]
    assert walker.case(case_id).status == "concluded"


def test_discretion_table_suggestion_does_not_widen_the_range(walker):
    """The DMN may suggest 20x; the guard still measures against the statute's base."""
    case_id = walker.to_investigation()
    walker.step(case_id, "investigation", "handler1")
    walker.step(
        case_id,
        "investigation_conclusion",
        "handler2",
        patient_harm=True,
        fine_amount=200_000,
        discretion_tier="heavier",
    )
    assert walker.data(case_id)["suggested_tier"] == "heavier"
    assert walker.data(case_id)["suggested_multiple_max"] == 20


def test_registration_needs_two_certified_officers(walker, people):
    case_id = walker.open()
    walker.step(case_id, "intake_record", "handler1")
    with pytest.raises(LegalGuardViolation) as caught:
        walker.step(
            case_id, "registration_approval", "head", handler_ids=[people["handler1"], people["trainee"]]
        )
    assert "执法证件" in caught.value.details["handler_ids"][0]
    with pytest.raises(InvalidSubmission):
        walker.step(case_id, "registration_approval", "head", handler_ids=[people["handler1"]])
    with pytest.raises(LegalGuardViolation):
        walker.step(
            case_id, "registration_approval", "head", handler_ids=[people["handler1"], people["outsider"]]
        )
    assert walker.open_tasks(case_id) == ["registration_approval"]


def test_on_the_spot_fine_above_art_51_limit_is_refused(walker):
    person_case = walker.open(procedure="summary")
    with pytest.raises(LegalGuardViolation) as caught:
        walker.step(person_case, "onsite_decision", "handler1", officer_ids=walker.handlers, fine_amount=201)
    assert "200" in caught.value.details["fine_amount"][0]
    clinic_case = walker.open(CLINIC, procedure="summary")
    with pytest.raises(LegalGuardViolation):
        walker.step(clinic_case, "onsite_decision", "handler1", officer_ids=walker.handlers, fine_amount=3001)
    walker.step(clinic_case, "onsite_decision", "handler1", officer_ids=walker.handlers, fine_amount=3000)


def test_defence_never_raises_the_penalty(walker):
    case_id = walker.to_notice()
    walker.walk(
        case_id,
        [("advance_notice", "handler1"), ("party_response", "handler1", {"party_response": "statement"})],
    )
    with pytest.raises(LegalGuardViolation) as caught:
        walker.step(
            case_id, "statement_review", "handler2", penalty_changed=True, revised_fine_amount=120_000
        )
    assert "更重" in caught.value.details["revised_fine_amount"][0]


def test_criminal_transfer_task_force_needs_two_officers(walker, people):
    case_id = walker.to_investigation()
    walker.step(case_id, "investigation", "handler1", next_step="transfer_police")
    with pytest.raises(LegalGuardViolation):
        walker.step(
            case_id, "transfer_report", "handler1", task_force_ids=[people["handler1"], people["head"]]
        )


def test_legal_review_needs_the_legal_professional_qualification(walker, db, people):
    with db.begin() as session:
        session.get(User, people["legal2"]).legal_qualification = False
    case_id = walker.to_investigation()
    walker.conclude(case_id, complex_case=True)
    walker.step(case_id, "deliberation", "depthead")
    with pytest.raises(LegalGuardViolation) as caught:
        walker.step(case_id, "legal_review", "legal2")
    assert "法律职业资格" in caught.value.details["legal_review_result"][0]
    walker.step(case_id, "legal_review", "legal")
