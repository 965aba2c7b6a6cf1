"""Parties an officer may pick when opening a case: those already in a case of their agency.

Searching every party of the province would show one county the people another county deals
with; a party new to the agency is entered again and matched by its code in the engine.
"""

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from engine.errors import NotFound
from engine.models import Case, Party

PARTY_FIELDS = ("kind", "name", "credit_code", "id_number", "legal_representative", "address", "phone")


def search(session: Session, agency_id: int, text: str, limit: int = 20) -> list[Party]:
    if not text:
        return []
    known = select(Case.party_id).where(Case.agency_id == agency_id)
    return list(
        session.scalars(
            select(Party)
            .where(
                Party.id.in_(known),
                or_(
                    Party.name.contains(text, autoescape=True),
                    Party.credit_code == text,
                    Party.id_number == text,
                ),
            )
            .order_by(Party.name)
            .limit(limit)
        )
    )


def party_argument(session: Session, agency_id: int, given: dict) -> dict:
    """The ``party`` argument of ``runtime.open_case``: a known party by id, or the fields of a new one."""
    party_id = str(given.get("id") or "")
    if party_id:
        if not party_id.isdigit() or not _known(session, agency_id, int(party_id)):
            raise NotFound("当事人不存在")
        return {"id": int(party_id)}
    return {name: str(given.get(name) or "").strip() or None for name in PARTY_FIELDS}


def _known(session: Session, agency_id: int, party_id: int) -> bool:
    query = select(Case.id).where(Case.agency_id == agency_id, Case.party_id == party_id).limit(1)
    return session.scalar(query) is not None
