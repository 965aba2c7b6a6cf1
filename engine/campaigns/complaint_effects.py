"""What completing a complaint step records outside the workflow, by form key.

The workflow keeps the step's data; these registers answer the questions asked of complaints
without reading any workflow: which case it became, where it was sent, when the reporter was answered.
"""

from datetime import date

from sqlalchemy.orm import Session

from engine.models import Case, Complaint, Institution, TransferRecord, User


def _case_opened(session: Session, complaint: Complaint, submitted: dict, user: User) -> None:
    complaint.case_id = submitted["case_id"]
    if complaint.institution_id:
        institution = session.get(Institution, complaint.institution_id)
        institution.party_id = institution.party_id or session.get(Case, complaint.case_id).party_id


def _transferred(session: Session, complaint: Complaint, submitted: dict, user: User) -> None:
    session.add(
        TransferRecord(
            agency_id=complaint.agency_id,
            direction="out",
            counterpart_type=submitted["receiving_agency_type"],
            counterpart_name=submitted["receiving_agency_name"],
            subject=f"投诉举报{complaint.number}：{submitted['transfer_reason']}",
            party_name=complaint.target_name,
            letter_no=submitted["letter_no"],
            transferred_on=date.fromisoformat(submitted["transferred_on"]),
            complaint_id=complaint.id,
            created_by_id=user.id,
        )
    )


def _answered(session: Session, complaint: Complaint, submitted: dict, user: User) -> None:
    complaint.feedback_on = date.fromisoformat(submitted["feedback_on"])


EFFECTS = {
    "complaint_case_opening": _case_opened,
    "complaint_transfer": _transferred,
    "complaint_feedback": _answered,
}


def apply(session: Session, complaint: Complaint, form_key: str, submitted: dict, user: User) -> None:
    """Record the step's effect, if its form has one."""
    effect = EFFECTS.get(form_key)
    if effect:
        effect(session, complaint, submitted, user)
