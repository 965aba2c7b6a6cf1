"""Document numbers (文号): a pattern per document type, a gap-free sequence per agency, type and year.

卫生行政执法文书规范 (卫生部令第87号) art. 4: 地区简称 + 卫 + 执法类别 + 执法性质 + 〔年份〕 + 序号;
the category of medical supervision is 医. The number is taken inside the transaction of the step
that issues the document, under a row lock on the sequence, so a step that fails takes no number
and two steps never share one.
"""

from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from engine.models import Agency, DocumentSequence

PATTERN = "{agency}卫医{kind}〔{year}〕{seq:03d}号"

KINDS = {
    "penalty_decision": "罚",
    "no_penalty_decision": "不罚",
    "onsite_penalty_decision": "当罚",
    "advance_notice": "罚告",
    "hearing_right_notice": "听告",
    "hearing_notice": "听通",
    "evidence_preservation_decision": "先保",
    "evidence_disposal_decision": "先处",
    "supervision_opinion": "监意",
    "demand_letter": "催",
    "enforcement_application": "强申",
    "case_transfer_letter": "移",
    "criminal_transfer_letter": "刑移",
}


def is_numbered(doc_type: str) -> bool:
    return doc_type in KINDS


def next_number(session: Session, agency: Agency, doc_type: str, year: int) -> str:
    """Take the next number of the sequence; call inside the issuing step's transaction."""
    sequence = _locked_sequence(session, agency.id, doc_type, year)
    sequence.last += 1
    session.flush()
    return PATTERN.format(agency=agency.short_name, kind=KINDS[doc_type], year=year, seq=sequence.last)


def _locked_sequence(session: Session, agency_id: int, doc_type: str, year: int) -> DocumentSequence:
    key = (agency_id, doc_type, year)
    sequence = session.get(DocumentSequence, key, with_for_update=True)
    if sequence is not None:
        return sequence
    try:
        with session.begin_nested():
            session.add(DocumentSequence(agency_id=agency_id, doc_type=doc_type, year=year, last=0))
    except IntegrityError:
        pass
    return session.get(DocumentSequence, key, with_for_update=True, populate_existing=True)
