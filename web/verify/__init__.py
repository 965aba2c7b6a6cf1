"""Public verification page behind the QR code on every statutory document.

No sign-in: whoever holds the paper can check it. The page confirms the document, its number,
case and date, and names the party, but shows no other personal data.
"""

from flask import Blueprint, abort, render_template

from engine import issuing
from engine.models import Case
from web.db import sessions

bp = Blueprint("verify", __name__)

HEX64 = "0123456789abcdef"


@bp.route("/verify/<code>")
def verify(code: str):
    if len(code) != 64 or any(c not in HEX64 for c in code):
        abort(404)
    with sessions()() as session:
        document = issuing.find(session, code)
        if document is None:
            return render_template("verify/unknown.html", code=code), 404
        case = session.get(Case, document.case_id)
        facts = {"title": document.title, "number": document.number, "version": document.version,
                 "issued_on": document.issued_on, "case_number": case.number, "party": case.party.name,
                 "agency": case.agency.name, "sha256": document.sha256}
    return render_template("verify/document.html", document=facts)
