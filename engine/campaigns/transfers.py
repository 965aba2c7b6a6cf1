"""The transfers register (移送台账): what went out to the police and other agencies, and what came in.

Three sources make one list: transfers a case made in its own procedure (criminal transfer,
案件移送), read from its completed task rows and issued letters; complaints sent to another
department; and letters recorded by hand, which is how incoming transfers (移入) are kept.
"""

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from engine.campaigns import officers, periods, trail
from engine.campaigns.validation import checked
from engine.errors import InvalidSubmission
from engine.models import Case, Document, HumanTask, Party, TransferRecord
from engine.roles import Role
from engine.runtime import transaction
from forms.campaign_choices import COUNTERPARTS
from forms.choices import POLICE_DECISIONS
from forms.registers import TransferProgressSchema, TransferRecordSchema

CASE_TRANSFER_FORMS = (
    "transfer_to_police",
    "police_decision",
    "reconsideration",
    "transfer_out_draft",
    "transfer_out_approval",
    "transfer_out_receipt",
)
LETTERS = ("criminal_transfer_letter", "case_transfer_letter")
COUNTERPART_LABELS = dict(COUNTERPARTS)


@dataclass
class Transfer:
    """One line of the register."""

    source: str
    direction: str
    counterpart_type: str
    counterpart_name: str
    subject: str
    party_name: str
    transferred_on: date | None
    letter_no: str = ""
    receipt_on: date | None = None
    result: str = ""
    result_on: date | None = None
    case_id: int | None = None
    case_number: str = ""
    complaint_id: int | None = None
    record_id: int | None = None
    receipt_note: str = ""

    @property
    def counterpart_label(self) -> str:
        return COUNTERPART_LABELS.get(self.counterpart_type, self.counterpart_type)


def add(db: sessionmaker, user_id: int, data: dict) -> TransferRecord:
    """Record a transfer letter by hand; an incoming one may name the case it was registered as."""
    values = checked(TransferRecordSchema(), data)
    case_number = values.pop("case_number")
    with transaction(db) as session:
        user = officers.acting(session, user_id, Role.HANDLER, Role.DEPT_HEAD)
        record = TransferRecord(agency_id=user.agency_id, created_by_id=user.id, **values)
        record.case_id = _case_id(session, user.agency_id, case_number)
        session.add(record)
        session.flush()
        trail.record(
            session, user.id, "transfer.recorded", {"transfer_id": record.id, "direction": record.direction}
        )
        return record


def progress(db: sessionmaker, user_id: int, record_id: int, data: dict) -> TransferRecord:
    """Add the receipt and the other side's result to a recorded transfer."""
    values = checked(TransferProgressSchema(), data)
    with transaction(db) as session:
        user = officers.acting(session, user_id, Role.HANDLER, Role.DEPT_HEAD)
        record = officers.own(session.get(TransferRecord, record_id), user, "移送记录")
        for name, value in values.items():
            setattr(record, name, value)
        trail.record(session, user.id, "transfer.progressed", {"transfer_id": record.id})
        return record


def _case_id(session: Session, agency_id: int, number: str) -> int | None:
    if not number:
        return None
    found = session.scalar(select(Case.id).where(Case.agency_id == agency_id, Case.number == number))
    if found is None:
        raise InvalidSubmission("案件不存在", {"case_number": [f"本机关没有案件 {number}"]})
    return found


def register(
    session: Session, agency_id: int, start: date | None = None, end: date | None = None
) -> list[Transfer]:
    """Every transfer of the agency, newest first; with a period, those dated within it."""
    rows = _recorded(session, agency_id) + case_transfers(session, agency_id)
    if start and end:
        rows = [r for r in rows if r.transferred_on and start <= r.transferred_on <= end]
    return sorted(rows, key=lambda r: (r.transferred_on or date.min, r.case_id or 0), reverse=True)


def _recorded(session: Session, agency_id: int) -> list[Transfer]:
    return [
        Transfer(
            source="complaint" if r.complaint_id else "register",
            direction=r.direction,
            counterpart_type=r.counterpart_type,
            counterpart_name=r.counterpart_name,
            subject=r.subject,
            party_name=r.party_name,
            transferred_on=r.transferred_on,
            letter_no=r.letter_no,
            receipt_on=r.receipt_on,
            result=r.result,
            result_on=r.result_on,
            case_id=r.case_id,
            complaint_id=r.complaint_id,
            record_id=r.id,
        )
        for r in session.scalars(select(TransferRecord).where(TransferRecord.agency_id == agency_id))
    ]


def case_transfers(session: Session, agency_id: int) -> list[Transfer]:
    """Fold each case's completed transfer steps (latest data of each form) into one line per transfer."""
    query = (
        select(
            HumanTask.case_id,
            HumanTask.form_key,
            HumanTask.data,
            HumanTask.completed_at,
            Case.number,
            Party.name,
        )
        .join(Case, Case.id == HumanTask.case_id)
        .join(Party, Party.id == Case.party_id)
        .where(
            Case.agency_id == agency_id,
            HumanTask.status == "completed",
            HumanTask.form_key.in_(CASE_TRANSFER_FORMS),
        )
        .order_by(HumanTask.case_id, HumanTask.completed_at, HumanTask.id)
    )
    steps: dict[int, dict] = {}
    for case_id, form_key, data, completed_at, number, party in session.execute(query):
        entry = steps.setdefault(case_id, {"number": number, "party": party})
        entry[form_key] = {**(data or {}), "completed_on": periods.china_day(completed_at)}
    letters = _letters(session, list(steps))
    rows = []
    for case_id, entry in steps.items():
        rows += [
            line
            for line in (_criminal(case_id, entry, letters), _agency(case_id, entry, letters))
            if line is not None
        ]
    return rows


def _letters(session: Session, case_ids: list[int]) -> dict[tuple[int, str], str]:
    query = (
        select(Document.case_id, Document.doc_type, Document.number)
        .where(Document.case_id.in_(case_ids), Document.doc_type.in_(LETTERS))
        .order_by(Document.version)
    )
    return {(case_id, doc_type): number for case_id, doc_type, number in session.execute(query)}


def _criminal(case_id: int, entry: dict, letters: dict) -> Transfer | None:
    sent = entry.get("transfer_to_police")
    if sent is None:
        return None
    decision = entry.get("police_decision") or {}
    result, result_on = "", None
    if decision:
        result = dict(POLICE_DECISIONS)[decision["police_decision"]]
        result_on = date.fromisoformat(decision["police_decision_on"])
    reconsidered = entry.get("reconsideration")
    if reconsidered:
        result += "；复议：" + (
            "改为立案" if reconsidered["reconsideration_result"] == "accepted" else "维持不予立案"
        )
    return Transfer(
        source="case",
        direction="out",
        counterpart_type="police",
        counterpart_name=sent["police_agency"],
        subject="涉嫌犯罪案件移送",
        party_name=entry["party"],
        transferred_on=date.fromisoformat(sent["transferred_on"]),
        letter_no=letters.get((case_id, "criminal_transfer_letter"), ""),
        receipt_on=date.fromisoformat(sent["transferred_on"]),
        receipt_note=f"回执编号{sent['receipt_no']}",
        result=result,
        result_on=result_on,
        case_id=case_id,
        case_number=entry["number"],
    )


def _agency(case_id: int, entry: dict, letters: dict) -> Transfer | None:
    draft, approval = entry.get("transfer_out_draft"), entry.get("transfer_out_approval")
    if not (draft and approval and approval.get("transfer_out_decision") == "approve"):
        return None
    receipt = entry.get("transfer_out_receipt") or {}
    return Transfer(
        source="case",
        direction="out",
        counterpart_type=draft["receiving_agency_type"],
        counterpart_name=draft["receiving_agency_name"],
        subject=draft["transfer_reason"],
        party_name=entry["party"],
        transferred_on=approval["completed_on"],
        letter_no=letters.get((case_id, "case_transfer_letter"), ""),
        receipt_on=date.fromisoformat(receipt["receipt_on"]) if receipt else None,
        receipt_note=receipt.get("receiver", ""),
        result=receipt.get("receiving_note", ""),
        case_id=case_id,
        case_number=entry["number"],
    )
