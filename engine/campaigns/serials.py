"""Register numbers (complaints), one gap-free sequence per agency, register and year.

They share the ``document_sequence`` table with document numbers: one row per agency, kind and
year, locked while a number is taken, so two officers never get the same one.
"""

from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from engine.models import DocumentSequence


def next_serial(session: Session, agency_id: int, kind: str, year: int) -> int:
    """Take the next number of the sequence inside the caller's transaction."""
    key = (agency_id, kind, year)
    sequence = session.get(DocumentSequence, key, with_for_update=True)
    if sequence is None:
        try:
            with session.begin_nested():
                session.add(DocumentSequence(agency_id=agency_id, doc_type=kind, year=year, last=0))
        except IntegrityError:
            pass
        sequence = session.get(DocumentSequence, key, with_for_update=True, populate_existing=True)
    sequence.last += 1
    session.flush()
    return sequence.last
