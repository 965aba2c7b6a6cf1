"""Issue statutory documents inside the transaction of the step that produces them.

A user task lists its documents in the BPMN (``documents`` property); when the task completes,
each applicable document is numbered, checked and stored with the data it says in the same
transaction, so a failed step leaves no number taken and no document behind. The PDF is laid out
after the commit (engine/rendering.py). Stored bytes are never changed: rendering a type again
makes the next version.
"""

import hashlib
import os
import secrets
from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session, load_only

import documents
from engine import clocks, deadlines, numbering
from engine.clock import today
from engine.errors import InvalidSubmission
from engine.models import Case, CaseClockAdjustment, Document, HumanTask, User
from engine.roles import Role

DECISION_TYPES = ("penalty_decision", "no_penalty_decision", "onsite_penalty_decision")
DEFAULT_BASE_URL = "http://127.0.0.1:5000"


class DocumentRefused(InvalidSubmission):
    """A document of the step cannot be issued (missing data, a character the font lacks...)."""

    code = "document_refused"


def listed_types(properties: dict) -> list[str]:
    return [t.strip() for t in (properties.get("documents") or "").split(",") if t.strip()]


def issue_for_step(
    session: Session, case: Case, task: HumanTask, properties: dict, data: dict, user: User
) -> list[Document]:
    """Issue every document the completed task lists and its data calls for."""
    doc_types = [t for t in listed_types(properties) if documents.GENERATORS[t].applies(data)]
    if not doc_types:
        return []
    facts = _case_facts(session, case, data, doc_types)
    return [issue(session, case, doc_type, data, user, task, facts) for doc_type in doc_types]


@dataclass
class _CaseFacts:
    """What the documents of one step say of the case besides the form: read once for the step,
    not once per document, as a step may issue several."""

    latest: dict[str, Document]
    signed: list[tuple[str, str]]
    decision: str | None
    adjustments: list[CaseClockAdjustment]
    officers: tuple[documents.Officer, ...]
    presider: str | None


def issue(
    session: Session,
    case: Case,
    doc_type: str,
    data: dict,
    user: User | None,
    task: HumanTask | None = None,
    facts: _CaseFacts | None = None,
) -> Document:
    """Number, check and store one document of the case; its PDF is rendered after the commit."""
    facts = facts or _case_facts(session, case, data, [doc_type])
    previous = facts.latest.get(doc_type)
    version = previous.version + 1 if previous else 1
    number = previous.number if previous else None
    if number is None and numbering.is_numbered(doc_type):
        number = numbering.next_number(session, case.agency, doc_type, today().year)
    verify_code = hashlib.sha256(
        f"{case.id}|{doc_type}|{version}|{number}|{secrets.token_hex(16)}".encode()
    ).hexdigest()
    doc = _document_data(case, data, number, verify_code, facts, _signatories(facts, user, task))
    _check(doc_type, doc)
    document = Document(
        case_id=case.id,
        agency_id=case.agency_id,
        doc_type=doc_type,
        title=documents.GENERATORS[doc_type].title,
        number=number,
        version=version,
        task_id=task.id if task else None,
        verify_code=verify_code,
        payload=documents.to_payload(doc),
        issued_on=today(),
        created_by_id=user.id if user else None,
    )
    session.add(document)
    session.flush()
    facts.latest[doc_type] = document
    if doc_type in DECISION_TYPES:
        facts.decision = number
    return document


def _check(doc_type: str, doc: documents.DocumentData) -> None:
    try:
        documents.GENERATORS[doc_type].check(doc)
    except documents.DocumentError as exc:
        raise DocumentRefused(
            f"无法生成{documents.GENERATORS[doc_type].title}：{exc}", {"documents": [str(exc)]}
        ) from exc


APPROVER_ROLES = (Role.AGENCY_HEAD, Role.PRINCIPAL_HEAD)
REVIEWER_ROLES = (Role.DEPT_HEAD, Role.LEGAL_REVIEWER)


def _case_facts(session: Session, case: Case, data: dict, doc_types: list[str]) -> _CaseFacts:
    latest, decision = _previous_documents(session, case, doc_types)
    signed = session.execute(
        select(HumanTask.role, User.full_name)
        .join(User, HumanTask.completed_by_id == User.id)
        .where(HumanTask.case_id == case.id, HumanTask.role.in_(APPROVER_ROLES + REVIEWER_ROLES))
        .order_by(HumanTask.completed_at.desc())
    ).all()
    adjustments = session.scalars(
        select(CaseClockAdjustment).where(CaseClockAdjustment.case_id == case.id)
    ).all()
    officers, presider = _people(session, case, data)
    return _CaseFacts(latest, list(signed), decision, list(adjustments), officers, presider)


def _previous_documents(session: Session, case: Case, doc_types: list[str]):
    """The latest version of each type about to be issued, and the 文号 of the case's latest decision."""
    latest: dict[str, Document] = {}
    decision = None
    for document in session.scalars(
        select(Document)
        .options(load_only(Document.doc_type, Document.version, Document.number))
        .where(Document.case_id == case.id, Document.doc_type.in_([*doc_types, *DECISION_TYPES]))
        .order_by(Document.id)
    ):
        known = latest.get(document.doc_type)
        if document.doc_type in doc_types and (known is None or document.version > known.version):
            latest[document.doc_type] = document
        if document.doc_type in DECISION_TYPES:
            decision = document.number
    return latest, decision


def _signatories(facts: _CaseFacts, user: User | None, task: HumanTask | None) -> dict:
    """Who signs: the head or reviewer completing this step, else the last one who did; the presider."""

    def signer(roles) -> str | None:
        if user and task and task.role in roles:
            return user.full_name
        return next((name for role, name in facts.signed if role in roles), None)

    return {
        "approver": signer(APPROVER_ROLES),
        "reviewer": signer(REVIEWER_ROLES),
        "presider": facts.presider,
    }


def _people(session: Session, case: Case, data: dict) -> tuple[tuple[documents.Officer, ...], str | None]:
    """The case's handlers, or the officers the current step names (registration, on-the-spot, task
    force); and the hearing's presider, if the step names one."""
    ids = case.handler_ids or set(
        data.get("handler_ids") or data.get("officer_ids") or data.get("task_force_ids") or []
    )
    presider_id = data.get("presider_id")
    wanted = set(ids) | ({presider_id} if presider_id else set())
    if not wanted:
        return (), None
    rows = session.execute(
        select(User.id, User.full_name, User.certificate_no).where(User.id.in_(wanted)).order_by(User.id)
    ).all()
    officers = tuple(
        documents.Officer(name=name, certificate_no=number or "") for id_, name, number in rows if id_ in ids
    )
    return officers, next((name for id_, name, _ in rows if id_ == presider_id), None)


def _document_data(
    case: Case, data: dict, number: str | None, verify_code: str, facts: _CaseFacts, signatories: dict
) -> documents.DocumentData:
    party, agency = case.party, case.agency
    fields = {
        **data,
        "decision_number": facts.decision,
        "case_status": case.status,
        **_late_fee(case, facts.adjustments, data.get("demand_served_on")),
    }
    base_url = os.environ.get("CASEFLOW_BASE_URL", DEFAULT_BASE_URL).rstrip("/")
    return documents.DocumentData(
        agency=documents.Agency(name=agency.name, short_name=agency.short_name, region=agency.region),
        party=documents.Party(
            kind=party.kind,
            name=party.name,
            id_number=party.id_number,
            credit_code=party.credit_code,
            legal_representative=party.legal_representative,
            address=party.address,
        ),
        case=documents.CaseInfo(
            number=case.number, cause=data.get("cause"), registered_on=case.registered_on
        ),
        issued_on=today(),
        verify_url=f"{base_url}/verify/{verify_code}",
        fields=fields,
        number=number,
        officers=facts.officers,
        **signatories,
    )


def _late_fee(case: Case, adjustments: list[CaseClockAdjustment], as_of: str | None) -> dict:
    """The late fee owed on the day the document speaks of (the demand letter's service date, else today)."""
    day = date.fromisoformat(as_of) if as_of else today()
    fee = clocks.case_late_fee(case, adjustments, deadlines.active_calendar(), day)
    return {"late_fee": float(fee.amount), "late_fee_days": fee.days} if fee else {}


def sha256(content: bytes) -> str:
    return hashlib.sha256(content).hexdigest()


def find(session: Session, code: str) -> Document | None:
    """A document by its verify code or by the SHA-256 of its bytes."""
    return session.scalar(select(Document).where((Document.verify_code == code) | (Document.sha256 == code)))
