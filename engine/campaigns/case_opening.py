"""Open a case from a clue (an inspection finding, a complaint) with its party and facts filled in.

``runtime.open_case`` runs in its own transaction; the facts are then saved as a draft of the
case's intake record, so the officer starts from them and still signs the record off. Linking the
clue to the case is the caller's next transaction: were it to fail, the case stands on its own.
"""

from sqlalchemy import select
from sqlalchemy.orm import sessionmaker

from engine import runtime
from engine.models import Case, HumanTask

INTAKE_FORM = "intake_record"


def party_of(values: dict) -> dict:
    """The party as ``open_case`` takes it from a form's party_* fields; a blank code is no code."""
    return {
        "kind": values["party_kind"],
        "name": values["party_name"],
        "id_number": values.get("party_id_number") or None,
        "credit_code": (values.get("party_credit_code") or "").upper() or None,
        "legal_representative": values.get("party_legal_representative") or None,
        "address": values.get("party_address") or None,
    }


def open_case(db: sessionmaker, user_id: int, party: dict, violation_code: str, clue: dict) -> Case:
    """Open a general-procedure case and prefill its intake record with ``clue``."""
    case = runtime.open_case(db, user_id=user_id, party=party, violation_code=violation_code)
    with db() as session:
        intake_id = session.scalar(
            select(HumanTask.id).where(
                HumanTask.case_id == case.id, HumanTask.form_key == INTAKE_FORM, HumanTask.status == "open"
            )
        )
    runtime.save_draft(db, intake_id, user_id, clue)
    return case
