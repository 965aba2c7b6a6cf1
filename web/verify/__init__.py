"""Public verification page behind the QR code on every statutory document.

No sign-in: whoever holds the paper can check it. The page confirms the document, its number,
case and date, and names the party, but shows no other personal data.
"""

from flask import Blueprint, abort, render_template
from sqlalchemy import select

from engine import issuing
from engine.models import Agency, Case, CorrectionOrder, Finding, Institution
from web.db import sessions

bp = Blueprint("verify", __name__)

HEX64 = "0123456789abcdef"


@bp.route("/verify/<code>")
def verify(code: str):
    if len(code) != 64 or any(c not in HEX64 for c in code):
        abort(404)
    with sessions()() as session:
        facts = _case_document(session, code) or _correction_order(session, code)
    if facts is None:
        return render_template("verify/unknown.html", code=code), 404
    return render_template("verify/document.html", document=facts)


def _case_document(session, code: str) -> dict | None:
    document = issuing.find(session, code)
    if document is None:
        return None
    case = session.get(Case, document.case_id)
    return {
        "title": document.title,
        "number": document.number,
        "version": document.version,
        "issued_on": document.issued_on,
        "case_number": case.number,
        "party": case.party.name,
        "agency": case.agency.name,
        "sha256": document.sha256,
    }


def _correction_order(session, code: str) -> dict | None:
    """卫生监督意见书 issued from an inspection finding belong to no case."""
    order = session.scalar(
        select(CorrectionOrder).where(
            (CorrectionOrder.verify_code == code) | (CorrectionOrder.sha256 == code)
        )
    )
    if order is None:
        return None
    finding = session.get(Finding, order.finding_id)
    institution = session.get(Institution, finding.inspection.institution_id)
    return {
        "title": "卫生监督意见书",
        "number": order.number,
        "version": 1,
        "issued_on": order.issued_on,
        "case_number": "（监督检查发现，未立案）",
        "party": institution.name,
        "agency": session.get(Agency, order.agency_id).name,
        "sha256": order.sha256,
    }
