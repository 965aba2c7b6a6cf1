"""Publication of penalty decisions (行政处罚法 art. 48) and their withdrawal when a decision is revoked.

Only a decided case with an issued decision can be published. The public list names the party and
the penalty; a person's ID number is never part of it. Publication is due within 7 working days of
the decision (三项制度, a local rule: check the province's) and shown red when late.
"""

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from engine import calendar_store, clocks
from engine.campaigns import officers, trail
from engine.campaigns.validation import checked
from engine.clock import today
from engine.errors import Conflict, InvalidSubmission
from engine.models import Case, Disclosure, Document, Party
from engine.roles import Role
from engine.runtime import transaction
from forms.registers import WithdrawalSchema

PUBLISHERS = (Role.DEPT_HEAD, Role.AGENCY_HEAD)
DECISION_TYPES = ("penalty_decision", "onsite_penalty_decision")
PUBLISH_WITHIN_WORKING_DAYS = 7


def publish(db: sessionmaker, user_id: int, case_id: int) -> Disclosure:
    """Publish a decided case; a withdrawn publication is published again."""
    with transaction(db) as session:
        user = officers.acting(session, user_id, *PUBLISHERS)
        case = officers.own(session.get(Case, case_id), user, "案件")
        if case.decided_on is None or _decision_number(session, case.id) is None:
            raise InvalidSubmission("尚未作出处罚决定，不能公示", {"case_id": ["案件尚无处罚决定书"]})
        disclosure = session.scalar(select(Disclosure).where(Disclosure.case_id == case.id))
        if disclosure is not None and disclosure.withdrawn_on is None:
            raise Conflict("该处罚决定已公示")
        if disclosure is None:
            disclosure = Disclosure(agency_id=case.agency_id, case_id=case.id)
            session.add(disclosure)
        disclosure.published_on, disclosure.published_by_id = today(), user.id
        disclosure.withdrawn_on, disclosure.withdrawn_by_id, disclosure.withdrawal_reason = None, None, ""
        session.flush()
        trail.record(session, user.id, "disclosure.published", {"case_id": case.id, "number": case.number})
        return disclosure


def withdraw(db: sessionmaker, user_id: int, case_id: int, data: dict) -> Disclosure:
    """Take a publication down, with the reason (the decision was revoked, changed ...)."""
    values = checked(WithdrawalSchema(), data)
    with transaction(db) as session:
        user = officers.acting(session, user_id, *PUBLISHERS)
        disclosure = session.scalar(select(Disclosure).where(Disclosure.case_id == case_id))
        officers.own(disclosure, user, "公示记录")
        if disclosure.withdrawn_on is not None:
            raise Conflict("该公示已撤回")
        disclosure.withdrawn_on, disclosure.withdrawn_by_id = today(), user.id
        disclosure.withdrawal_reason = values["withdrawal_reason"]
        trail.record(session, user.id, "disclosure.withdrawn", {"case_id": case_id})
        return disclosure


def _decision_number(session: Session, case_id: int) -> str | None:
    return session.scalar(
        select(Document.number)
        .where(Document.case_id == case_id, Document.doc_type.in_(DECISION_TYPES))
        .order_by(Document.id.desc())
        .limit(1)
    )


def published(session: Session, agency_id: int, include_withdrawn: bool = False) -> list[dict]:
    """The public list, newest publication first."""
    query = (
        select(Disclosure, Case, Party)
        .join(Case, Case.id == Disclosure.case_id)
        .join(Party, Party.id == Case.party_id)
        .where(Disclosure.agency_id == agency_id)
        .order_by(Disclosure.published_on.desc(), Disclosure.id.desc())
    )
    if not include_withdrawn:
        query = query.where(Disclosure.withdrawn_on.is_(None))
    return [
        {"disclosure": d, "case": c, "party": p.name, "decision_number": _decision_number(session, c.id)}
        for d, c, p in session.execute(query)
    ]


def awaiting(session: Session, agency_id: int) -> list[dict]:
    """Decided cases not published yet, with the publication deadline's warning colour."""
    query = (
        select(Case, Party)
        .join(Party, Party.id == Case.party_id)
        .outerjoin(Disclosure, Disclosure.case_id == Case.id)
        .where(Case.agency_id == agency_id, Case.decided_on.is_not(None), Disclosure.id.is_(None))
        .order_by(Case.decided_on)
    )
    calendar = calendar_store.current(session)
    rows = []
    for case, party in session.execute(query):
        due = calendar.add_working_days(case.decided_on, PUBLISH_WITHIN_WORKING_DAYS).due
        rows.append(
            {
                "case": case,
                "party": party.name,
                "decision_number": _decision_number(session, case.id),
                "due_on": due,
                **clocks.warning(calendar, due, today()),
            }
        )
    return rows
