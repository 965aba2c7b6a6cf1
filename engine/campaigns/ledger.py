"""The case ledger (案件台账): one line per case with the columns of DOMAIN §5, as a page or an XLSX file.

Columns come from the case row, its party, the latest completed task of one form (read with SQL
JSON accessors, never by restoring a workflow), issued documents and the registers. Each source is
one query over the filtered cases, so a page and an export of 100 000 cases cost the same handful
of queries; the export writes rows as they are built.
"""

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from sqlalchemy import Select, func, or_, select
from sqlalchemy.orm import Session

from engine import calendar_store
from engine.campaigns import credit, periods, transfers
from engine.clock import today
from engine.late_fees import DAILY_RATE, late_fee
from engine.models import (
    Case,
    CaseClockAdjustment,
    CaseHandler,
    Disclosure,
    Document,
    HumanTask,
    Institution,
    Party,
    User,
)
from engine.statuses import STATUS_LABELS
from forms.campaign_choices import INSTITUTION_KINDS
from forms.choices import CASE_SOURCES, DISCRETION_TIERS, PENALTY_TYPES, SUMMARY_PENALTY_TYPES, VIOLATIONS

COLUMNS = (
    ("seq", "序号"),
    ("number", "案件编号"),
    ("decision_number", "处罚决定书文号"),
    ("registered_on", "立案日期"),
    ("cause", "案由"),
    ("source", "案件来源"),
    ("party", "当事人"),
    ("party_code", "统一社会信用代码/身份证号"),
    ("legal_representative", "法定代表人（负责人）"),
    ("address", "地址"),
    ("institution_kind", "机构类别"),
    ("violation", "违法行为类别"),
    ("procedure", "程序"),
    ("basis", "法律依据"),
    ("discretion", "裁量等次"),
    ("penalties", "处罚种类"),
    ("fine", "罚款（元）"),
    ("confiscated_income", "没收违法所得（元）"),
    ("confiscated_items", "没收物品"),
    ("decided_on", "决定日期"),
    ("served_on", "送达日期"),
    ("paid_on", "缴款日期"),
    ("late_fee", "加处罚款（元）"),
    ("enforcement", "强制执行"),
    ("transfer", "移送（对象/日期/回执）"),
    ("closed_on", "结案日期"),
    ("handlers", "承办人"),
    ("published_on", "公示日期"),
    ("status", "案件状态"),
    ("note", "备注"),
)
# Per form: the task-data keys the ledger reads, with the accessor that types them.
FORM_KEYS = {
    "intake_record": {"source": "string"},
    "registration_approval": {"cause": "string"},
    "investigation_conclusion": {
        "penalty_basis": "string",
        "discretion_tier": "string",
        "confiscation_amount": "float",
        "penalty_types": "json",
    },
    "onsite_decision": {"articles": "string", "penalty_type": "string"},
    "preservation_approval": {"preservation_items": "string"},
    "preservation_disposal": {"disposal": "string"},
    "enforcement_application": {"applied_on": "string", "court": "string"},
    "hearing": {"hearing_held_on": "string"},
}
FULL_FEE_DAYS = int(1 / DAILY_RATE) + 1  # 34 days at 3 %: the late fee has reached the fine
DECISION_TYPES = ("penalty_decision", "onsite_penalty_decision", "no_penalty_decision")
NOTHING: dict = {}
LABELS = {
    "source": dict(CASE_SOURCES),
    "violation": dict(VIOLATIONS),
    "discretion": dict(DISCRETION_TIERS),
    "penalty": dict(PENALTY_TYPES) | dict(SUMMARY_PENALTY_TYPES),
    "kind": dict(INSTITUTION_KINDS),
}


@dataclass(frozen=True)
class Filters:
    start: date | None = None
    end: date | None = None
    status: str = ""
    procedure: str = ""
    violation: str = ""
    text: str = ""

    def conditions(self, agency_id: int) -> list:
        """Conditions on Case and Party; dates bound the registration (立案) date, or the decision date
        of a summary-procedure case, which is never registered."""
        found = [Case.agency_id == agency_id]
        filed_on = func.coalesce(Case.registered_on, Case.decided_on)
        if self.start:
            found.append(filed_on >= self.start)
        if self.end:
            found.append(filed_on <= self.end)
        for name in ("status", "procedure"):
            if getattr(self, name):
                found.append(getattr(Case, name) == getattr(self, name))
        if self.violation:
            found.append(Case.violation_code == self.violation)
        if self.text:
            found.append(
                or_(
                    Case.number.contains(self.text, autoescape=True),
                    Party.name.contains(self.text, autoescape=True),
                    Party.credit_code == self.text,
                    Party.id_number == self.text,
                )
            )
        return found


def count(session: Session, agency_id: int, filters: Filters) -> int:
    """How many cases the filtered ledger has."""
    query = (
        select(func.count(Case.id))
        .join(Party, Party.id == Case.party_id)
        .where(*filters.conditions(agency_id))
    )
    return session.scalar(query)


def rows(
    session: Session, agency_id: int, filters: Filters, offset: int = 0, limit: int | None = None
) -> Iterator[dict]:
    """Ledger lines in case order; with ``limit``, one page of them."""
    cases = _cases(agency_id, filters).offset(offset)
    if limit is not None:
        cases = cases.limit(limit)
        scope = list(session.scalars(cases.with_only_columns(Case.id)))
    else:
        scope = _scope(agency_id, filters)
    lookups = _Lookups.load(session, agency_id, scope)
    for seq, case_row in enumerate(session.execute(cases).yield_per(2000), start=offset + 1):
        yield lookups.line(seq, case_row)


def _cases(agency_id: int, filters: Filters) -> Select:
    kind_by_party = (
        select(Institution.kind).where(Institution.party_id == Case.party_id).limit(1).scalar_subquery()
    )
    kind_by_code = (
        select(Institution.kind)
        .where(Institution.agency_id == Case.agency_id, Institution.credit_code == Party.credit_code)
        .limit(1)
        .scalar_subquery()
    )
    return (
        select(
            Case.id,
            Case.number,
            Case.registered_on,
            Case.decided_on,
            Case.served_on,
            Case.paid_on,
            Case.payment_due_on,
            Case.fine_amount,
            Case.violation_code,
            Case.procedure,
            Case.status,
            Case.closed_at,
            Party.name,
            Party.kind.label("party_kind"),
            Party.credit_code,
            Party.id_number,
            Party.legal_representative,
            Party.address,
            func.coalesce(kind_by_party, kind_by_code).label("institution_kind"),
        )
        .join(Party, Party.id == Case.party_id)
        .where(*filters.conditions(agency_id))
        .order_by(Case.id)
    )


def _scope(agency_id: int, filters: Filters) -> Select:
    return select(Case.id).join(Party, Party.id == Case.party_id).where(*filters.conditions(agency_id))


class _Lookups:
    """Everything a line needs beyond the case row, keyed by case id."""

    def __init__(self):
        self.forms: dict[str, dict[int, dict]] = {}
        self.decisions: dict[int, str] = {}
        self.handlers: dict[int, str] = {}
        self.published: dict[int, date] = {}
        self.transfers: dict[int, str] = {}
        self.pauses: dict[int, list] = {}
        self.repeat: dict[int, int] = {}
        self.calendar = None

    @classmethod
    def load(cls, session: Session, agency_id: int, scope) -> "_Lookups":
        found = cls()
        found.forms = {form: _form_values(session, form, keys, scope) for form, keys in FORM_KEYS.items()}
        found.decisions = dict(
            session.execute(
                select(Document.case_id, Document.number)
                .where(Document.case_id.in_(scope), Document.doc_type.in_(DECISION_TYPES))
                .order_by(Document.id)
            ).all()
        )
        found.handlers = _handlers(session, agency_id, scope)
        found.published = dict(
            session.execute(
                select(Disclosure.case_id, Disclosure.published_on).where(
                    Disclosure.case_id.in_(scope), Disclosure.withdrawn_on.is_(None)
                )
            ).all()
        )
        found.transfers = _transfers(session, agency_id)
        for case_id, starts_on, ends_on in session.execute(
            select(
                CaseClockAdjustment.case_id, CaseClockAdjustment.starts_on, CaseClockAdjustment.ends_on
            ).where(CaseClockAdjustment.case_id.in_(scope), CaseClockAdjustment.kind == "remedy")
        ):
            found.pauses.setdefault(case_id, []).append((starts_on, ends_on))
        found.repeat = credit.repeat_offences(session, scope)
        found.calendar = calendar_store.current(session)
        return found

    def line(self, seq: int, c) -> dict:
        forms = self.forms
        conclusion = forms["investigation_conclusion"].get(c.id, NOTHING)
        onsite = forms["onsite_decision"].get(c.id, NOTHING)
        return {
            "seq": seq,
            "case_id": c.id,
            "number": c.number,
            "decision_number": self.decisions.get(c.id, ""),
            "registered_on": c.registered_on,
            "cause": forms["registration_approval"].get(c.id, NOTHING).get("cause") or "",
            "source": LABELS["source"].get(forms["intake_record"].get(c.id, NOTHING).get("source"), ""),
            "party": c.name,
            "party_code": (c.credit_code if c.party_kind == "organization" else c.id_number) or "",
            "legal_representative": c.legal_representative or "",
            "address": c.address or "",
            "institution_kind": LABELS["kind"].get(c.institution_kind, ""),
            "violation": LABELS["violation"].get(c.violation_code, c.violation_code),
            "procedure": _procedure(c.procedure, c.id in forms["hearing"]),
            "basis": conclusion.get("penalty_basis") or onsite.get("articles") or "",
            "discretion": LABELS["discretion"].get(conclusion.get("discretion_tier"), ""),
            "penalties": _penalties(c.decided_on, conclusion, onsite),
            "fine": c.fine_amount if c.decided_on else None,
            "confiscated_income": _confiscated(c.decided_on, conclusion),
            "confiscated_items": _confiscated_items(
                forms["preservation_approval"].get(c.id, NOTHING),
                forms["preservation_disposal"].get(c.id, NOTHING),
            ),
            "decided_on": c.decided_on,
            "served_on": c.served_on,
            "paid_on": c.paid_on,
            "late_fee": self._late_fee(c),
            "enforcement": _enforcement(forms["enforcement_application"].get(c.id)),
            "transfer": self.transfers.get(c.id, ""),
            "closed_on": periods.china_day(c.closed_at),
            "handlers": self.handlers.get(c.id, ""),
            "published_on": self.published.get(c.id),
            "status": STATUS_LABELS.get(c.status, c.status),
            "note": credit.REPEAT_NOTE if c.id in self.repeat else "",
        }

    def _late_fee(self, c) -> Decimal | None:
        """加处罚款 owed on the day paid (or today) for a fine not paid by its deadline (art. 72)."""
        if not (c.served_on and c.fine_amount):
            return None
        due = c.payment_due_on or self.calendar.add_calendar_days(c.served_on, 15).due
        paid_or_today = c.paid_on or today()
        if paid_or_today <= due:
            return None
        pauses = self.pauses.get(c.id, [])
        if not pauses and (paid_or_today - due).days >= FULL_FEE_DAYS:
            return Decimal(c.fine_amount)  # 3 % a day reaches the cap, the fine itself, by then
        return late_fee(Decimal(c.fine_amount), due, paid_or_today, pauses).amount


def _form_values(session: Session, form_key: str, keys: dict[str, str], scope) -> dict[int, dict]:
    """The named keys of each case's latest completed task of one form."""
    accessors = {
        "string": lambda e: e.as_string(),
        "float": lambda e: e.as_float(),
        "json": lambda e: e.as_json(),
    }
    columns = [accessors[kind](HumanTask.data[key]).label(key) for key, kind in keys.items()]
    query = (
        select(HumanTask.case_id, *columns)
        .where(HumanTask.form_key == form_key, HumanTask.status == "completed", HumanTask.case_id.in_(scope))
        .order_by(HumanTask.case_id, HumanTask.id)
    )
    return {row[0]: dict(zip(keys, row[1:], strict=True)) for row in session.execute(query)}


def _handlers(session: Session, agency_id: int, scope) -> dict[int, str]:
    """Handler names per case; names are looked up once per officer, not once per case."""
    names = dict(session.execute(select(User.id, User.full_name).where(User.agency_id == agency_id)).all())
    found: dict[int, list[str]] = {}
    query = (
        select(CaseHandler.case_id, CaseHandler.user_id)
        .where(CaseHandler.case_id.in_(scope))
        .order_by(CaseHandler.case_id, CaseHandler.user_id)
    )
    for case_id, user_id in session.execute(query):
        found.setdefault(case_id, []).append(names.get(user_id, ""))
    return {case_id: "、".join(people) for case_id, people in found.items()}


def _transfers(session: Session, agency_id: int) -> dict[int, str]:
    return {
        t.case_id: "／".join(
            part
            for part in (
                f"{t.counterpart_label}（{t.counterpart_name}）",
                t.transferred_on.isoformat() if t.transferred_on else "",
                t.receipt_note or (f"回执{t.receipt_on.isoformat()}" if t.receipt_on else ""),
            )
            if part
        )
        for t in transfers.case_transfers(session, agency_id)
    }


def _procedure(procedure: str, heard: bool) -> str:
    if procedure == "summary":
        return "简易程序"
    return "一般程序（听证）" if heard else "一般程序"


def _penalties(decided_on, conclusion: dict, onsite: dict) -> str:
    if not decided_on:
        return ""
    codes = conclusion.get("penalty_types") or (
        [onsite["penalty_type"]] if onsite.get("penalty_type") else []
    )
    return "、".join(LABELS["penalty"].get(code, code) for code in codes)


def _confiscated(decided_on, conclusion: dict) -> Decimal | None:
    amount = conclusion.get("confiscation_amount")
    return Decimal(str(amount)).quantize(Decimal("0.01")) if decided_on and amount else None


def _confiscated_items(preservation: dict, disposal: dict) -> str:
    return preservation.get("preservation_items") or "" if disposal.get("disposal") == "confiscate" else ""


def _enforcement(application: dict | None) -> str:
    if not application:
        return ""
    return f"{application['applied_on']}申请{application['court']}强制执行"
