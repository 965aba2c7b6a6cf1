"""What a finding leads to when it is more than a correction: a case against the inspected institution."""

from sqlalchemy.orm import Session, sessionmaker

from engine.campaigns import case_opening, officers
from engine.campaigns.validation import checked
from engine.errors import Conflict
from engine.models import Case, Finding, Institution
from engine.roles import Role
from engine.runtime import transaction
from forms.registers import FindingCaseSchema


def case_form(finding: Finding) -> dict:
    """The case form prefilled from the institution and the finding."""
    institution = finding.inspection.institution
    organization = bool(institution.credit_code) or institution.kind != "unlicensed_site"
    return {
        "party_kind": "organization" if organization else "person",
        "party_name": institution.name,
        "party_credit_code": institution.credit_code or "",
        "party_legal_representative": institution.legal_representative,
        "party_address": institution.address,
        "violation_code": finding.violation_code,
        "facts": f"{finding.inspection.inspected_on:%Y年%m月%d日}监督检查发现：{finding.description}。",
    }


def open_case(db: sessionmaker, user_id: int, finding_id: int, data: dict) -> Case:
    """Open a case for a finding, its intake record prefilled; then link finding and institution to it."""
    values = checked(FindingCaseSchema(), data)
    with db() as session:
        finding = _finding(session, user_id, finding_id)
        inspection = finding.inspection
        clue = {
            "source": "inspection",
            "source_ref": f"监督检查记录第{inspection.id}号",
            "received_on": inspection.inspected_on.isoformat(),
            "place": inspection.institution.address,
            "summary": values["facts"],
        }
    case = case_opening.open_case(db, user_id, case_opening.party_of(values), values["violation_code"], clue)
    with transaction(db) as session:
        finding = _finding(session, user_id, finding_id, lock=True)
        finding.case_id = case.id
        institution = session.get(Institution, finding.inspection.institution_id)
        institution.party_id = institution.party_id or case.party_id
    return case


def _finding(session: Session, user_id: int, finding_id: int, lock: bool = False) -> Finding:
    user = officers.acting(session, user_id, Role.HANDLER)
    finding = session.get(Finding, finding_id, with_for_update=lock)
    officers.own(finding.inspection if finding else None, user, "检查发现的问题")
    if finding.case_id is not None:
        raise Conflict("该问题已立案")
    return finding
