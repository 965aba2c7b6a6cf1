"""Database tables of caseflow. Models hold data; behaviour lives in the engine's service modules."""

from datetime import date, datetime
from decimal import Decimal

from sqlalchemy import (
    JSON,
    Boolean,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    Numeric,
    String,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

from engine.clock import utcnow

AUDIT_GENESIS = "0" * 64


class Base(DeclarativeBase):
    pass


class Agency(Base):
    __tablename__ = "agency"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(32), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    short_name: Mapped[str] = mapped_column(String(20))
    region: Mapped[str] = mapped_column(String(50), default="", server_default="")


class User(Base):
    __tablename__ = "user_account"

    id: Mapped[int] = mapped_column(primary_key=True)
    username: Mapped[str] = mapped_column(String(64), unique=True)
    full_name: Mapped[str] = mapped_column(String(100))
    password_hash: Mapped[str] = mapped_column(String(255))
    agency_id: Mapped[int] = mapped_column(ForeignKey("agency.id"))
    certificate_no: Mapped[str | None] = mapped_column(String(64))
    legal_qualification: Mapped[bool] = mapped_column(Boolean, default=False)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)

    agency: Mapped[Agency] = relationship()
    role_rows: Mapped[list["UserRole"]] = relationship(cascade="all, delete-orphan", lazy="selectin")

    @property
    def roles(self) -> set[str]:
        return {row.role for row in self.role_rows}


class UserRole(Base):
    __tablename__ = "user_role"

    user_id: Mapped[int] = mapped_column(ForeignKey("user_account.id"), primary_key=True)
    role: Mapped[str] = mapped_column(String(32), primary_key=True)


class Party(Base):
    """The person or organisation a case is against (当事人)."""

    __tablename__ = "party"

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(16))
    name: Mapped[str] = mapped_column(String(200))
    id_number: Mapped[str | None] = mapped_column(String(18))
    credit_code: Mapped[str | None] = mapped_column(String(18), unique=True)
    legal_representative: Mapped[str | None] = mapped_column(String(100))
    address: Mapped[str | None] = mapped_column(String(300))
    phone: Mapped[str | None] = mapped_column(String(40))


class Deployment(Base):
    """One version of the whole BPMN/DMN bundle; a case keeps the version it started on."""

    __tablename__ = "deployment"

    id: Mapped[int] = mapped_column(primary_key=True)
    version: Mapped[int] = mapped_column(Integer, unique=True)
    content_hash: Mapped[str] = mapped_column(String(64), unique=True)
    files: Mapped[dict] = mapped_column(JSON, deferred=True)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id"))


class CaseCounter(Base):
    """Next case number per agency and year; a row lock on it keeps numbers unique and gap-free."""

    __tablename__ = "case_counter"

    agency_id: Mapped[int] = mapped_column(ForeignKey("agency.id"), primary_key=True)
    year: Mapped[int] = mapped_column(Integer, primary_key=True)
    last: Mapped[int] = mapped_column(Integer, default=0)


class Case(Base):
    __tablename__ = "case_file"

    id: Mapped[int] = mapped_column(primary_key=True)
    number: Mapped[str] = mapped_column(String(64), unique=True)
    agency_id: Mapped[int] = mapped_column(ForeignKey("agency.id"), index=True)
    party_id: Mapped[int] = mapped_column(ForeignKey("party.id"), index=True)
    violation_code: Mapped[str] = mapped_column(String(64), default="")
    procedure: Mapped[str] = mapped_column(String(16))
    process_id: Mapped[str] = mapped_column(String(64))
    status: Mapped[str] = mapped_column(String(32), index=True)
    deployment_id: Mapped[int] = mapped_column(ForeignKey("deployment.id"))
    opened_by_id: Mapped[int] = mapped_column(ForeignKey("user_account.id"))
    opened_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    registered_on: Mapped[date | None] = mapped_column(Date)
    decided_on: Mapped[date | None] = mapped_column(Date)
    served_on: Mapped[date | None] = mapped_column(Date)
    paid_on: Mapped[date | None] = mapped_column(Date)
    payment_due_on: Mapped[date | None] = mapped_column(Date)
    fine_amount: Mapped[Decimal | None] = mapped_column(Numeric(14, 2))
    closed_at: Mapped[datetime | None] = mapped_column(DateTime)
    workflow_state: Mapped[bytes] = mapped_column(LargeBinary)
    state_format: Mapped[int] = mapped_column(Integer)
    version: Mapped[int] = mapped_column(Integer, nullable=False)
    steps: Mapped[int] = mapped_column(Integer, default=0)
    audit_seq: Mapped[int] = mapped_column(Integer, default=0)
    audit_hash: Mapped[str] = mapped_column(String(64), default=AUDIT_GENESIS)

    agency: Mapped[Agency] = relationship()
    party: Mapped[Party] = relationship()
    deployment: Mapped[Deployment] = relationship()
    handler_rows: Mapped[list["CaseHandler"]] = relationship(cascade="all, delete-orphan", lazy="selectin")

    # version guards the row against lost updates; steps counts moves of the workflow, which is what a
    # form rendered earlier must still match (a claim elsewhere in the case does not make it stale).
    __mapper_args__ = {"version_id_col": version}

    @property
    def handler_ids(self) -> set[int]:
        return {row.user_id for row in self.handler_rows}


class CaseHandler(Base):
    """Officers assigned to a case at registration (at least two with enforcement certificates)."""

    __tablename__ = "case_handler"

    case_id: Mapped[int] = mapped_column(ForeignKey("case_file.id"), primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("user_account.id"), primary_key=True)


class HumanTask(Base):
    """Mirror of a READY user task, so that inboxes never deserialise a workflow."""

    __tablename__ = "human_task"
    __table_args__ = (
        UniqueConstraint("case_id", "spiff_task_id"),
        Index("ix_human_task_open_role", "status", "role", "agency_id"),
        Index("ix_human_task_assignee", "assignee_id", "status"),
        Index("ix_human_task_completed_by", "completed_by_id", "completed_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("case_file.id"), index=True)
    agency_id: Mapped[int] = mapped_column(ForeignKey("agency.id"))
    spiff_task_id: Mapped[str] = mapped_column(String(36))
    element_id: Mapped[str] = mapped_column(String(100))
    name: Mapped[str] = mapped_column(String(200))
    form_key: Mapped[str] = mapped_column(String(100))
    lane: Mapped[str] = mapped_column(String(50))
    role: Mapped[str] = mapped_column(String(32))
    status: Mapped[str] = mapped_column(String(16), default="open")
    assignee_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id"))
    claimed_at: Mapped[datetime | None] = mapped_column(DateTime)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    due_at: Mapped[datetime | None] = mapped_column(DateTime, index=True)
    deadline: Mapped[str | None] = mapped_column(String(16))
    deadline_start: Mapped[datetime | None] = mapped_column(DateTime)
    due_confirmed: Mapped[bool] = mapped_column(Boolean, default=True)
    completed_at: Mapped[datetime | None] = mapped_column(DateTime)
    completed_by_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id"))
    data: Mapped[dict | None] = mapped_column(JSON)
    draft: Mapped[dict | None] = mapped_column(JSON)

    case: Mapped[Case] = relationship()


class AuditEvent(Base):
    """Append-only trail; each row's hash covers the previous row of the same case."""

    __tablename__ = "audit_event"
    __table_args__ = (UniqueConstraint("case_id", "seq"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int | None] = mapped_column(ForeignKey("case_file.id"), index=True)
    seq: Mapped[int] = mapped_column(Integer)
    actor_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id"))
    action: Mapped[str] = mapped_column(String(64))
    data: Mapped[dict] = mapped_column(JSON)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    prev_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64))


class CaseClockAdjustment(Base):
    """A suspension (中止), an approved extension, or a pending remedy that pauses late fees.

    Suspensions and extensions move the 90-day decision clock (行政处罚法 art. 60); a pending
    reconsideration or lawsuit stops late fees from accruing (art. 73).
    """

    __tablename__ = "case_clock_adjustment"

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("case_file.id"), index=True)
    kind: Mapped[str] = mapped_column(String(16))
    starts_on: Mapped[date] = mapped_column(Date)
    ends_on: Mapped[date | None] = mapped_column(Date)
    days: Mapped[int] = mapped_column(Integer, default=0)
    reason: Mapped[str] = mapped_column(String(500))
    approved_by_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id"))
    recorded_by_id: Mapped[int] = mapped_column(ForeignKey("user_account.id"))
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


class CaseTimer(Base):
    """A waiting BPMN timer of a case, so the worker finds due timers without deserialising workflows."""

    __tablename__ = "case_timer"
    __table_args__ = (
        UniqueConstraint("case_id", "spiff_task_id"),
        Index("ix_case_timer_due", "status", "due_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("case_file.id"), index=True)
    spiff_task_id: Mapped[str] = mapped_column(String(36))
    element_id: Mapped[str] = mapped_column(String(100))
    name: Mapped[str] = mapped_column(String(200))
    due_at: Mapped[datetime] = mapped_column(DateTime)
    status: Mapped[str] = mapped_column(String(16), default="pending")
    fired_at: Mapped[datetime | None] = mapped_column(DateTime)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


class CalendarDay(Base):
    """A day that breaks the Monday-to-Friday rule: a public holiday or an adjusted working day (调休)."""

    __tablename__ = "calendar_day"

    day: Mapped[date] = mapped_column(Date, primary_key=True)
    is_workday: Mapped[bool] = mapped_column(Boolean)
    note: Mapped[str] = mapped_column(String(100), default="")
    source: Mapped[str] = mapped_column(String(16), default="package")
    updated_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    updated_by_id: Mapped[int | None] = mapped_column(Integer)


class CalendarYear(Base):
    """A year whose official schedule is loaded; dates in other years count weekends only, unconfirmed."""

    __tablename__ = "calendar_year"

    year: Mapped[int] = mapped_column(Integer, primary_key=True)
    source: Mapped[str] = mapped_column(String(16), default="package")
    loaded_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


class AttachmentBlob(Base):
    """The bytes of an uploaded file, stored once under their SHA-256 and never overwritten."""

    __tablename__ = "attachment_blob"

    sha256: Mapped[str] = mapped_column(String(64), primary_key=True)
    size: Mapped[int] = mapped_column(Integer)
    content: Mapped[bytes] = mapped_column(LargeBinary, deferred=True)


class Attachment(Base):
    """A piece of evidence (photo, PDF, recording) filed to a case."""

    __tablename__ = "attachment"

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("case_file.id"), index=True)
    sha256: Mapped[str] = mapped_column(ForeignKey("attachment_blob.sha256"))
    filename: Mapped[str] = mapped_column(String(200))
    media_type: Mapped[str] = mapped_column(String(100))
    size: Mapped[int] = mapped_column(Integer)
    description: Mapped[str] = mapped_column(String(500), default="")
    uploaded_by_id: Mapped[int] = mapped_column(ForeignKey("user_account.id"))
    uploaded_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


class CaseComment(Base):
    """A note officers leave on a case; it is not part of the statutory file."""

    __tablename__ = "case_comment"

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("case_file.id"), index=True)
    author_id: Mapped[int] = mapped_column(ForeignKey("user_account.id"))
    body: Mapped[str] = mapped_column(String(2000))
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


class ApiToken(Base):
    """A token for scripts; only its SHA-256 is kept, so a leaked table grants nothing."""

    __tablename__ = "api_token"

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("user_account.id"), index=True)
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


class LoginThrottle(Base):
    """Failed sign-ins per user name, kept even for unknown names so guessing them earns nothing."""

    __tablename__ = "login_throttle"

    username: Mapped[str] = mapped_column(String(64), primary_key=True)
    failures: Mapped[int] = mapped_column(Integer, default=0)
    locked_until: Mapped[datetime | None] = mapped_column(DateTime)
    last_failure_at: Mapped[datetime | None] = mapped_column(DateTime)


class DocumentSequence(Base):
    """Last number used per agency, document type and year; locked while a step takes the next one."""

    __tablename__ = "document_sequence"

    agency_id: Mapped[int] = mapped_column(ForeignKey("agency.id"), primary_key=True)
    doc_type: Mapped[str] = mapped_column(String(64), primary_key=True)
    year: Mapped[int] = mapped_column(Integer, primary_key=True)
    last: Mapped[int] = mapped_column(Integer, default=0)


class Document(Base):
    """A statutory document as issued: immutable PDF bytes with their SHA-256; regenerating adds a version.

    The QR code on each page cannot carry the hash of the PDF it is printed in, so it carries
    ``verify_code``, a SHA-256 of the document's identity and a random salt, fixed before rendering.
    The step that issues a document fixes its number, verify code and ``payload`` (the data it says);
    the PDF bytes follow once the step has committed (``rendered_at``), so no case waits on layout.
    """

    __tablename__ = "document"
    __table_args__ = (UniqueConstraint("case_id", "doc_type", "version"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("case_file.id"), index=True)
    agency_id: Mapped[int] = mapped_column(ForeignKey("agency.id"))
    doc_type: Mapped[str] = mapped_column(String(64))
    title: Mapped[str] = mapped_column(String(100))
    number: Mapped[str | None] = mapped_column(String(100))
    version: Mapped[int] = mapped_column(Integer, default=1)
    task_id: Mapped[int | None] = mapped_column(ForeignKey("human_task.id"))
    sha256: Mapped[str | None] = mapped_column(String(64), unique=True)
    verify_code: Mapped[str] = mapped_column(String(64), unique=True)
    size: Mapped[int | None] = mapped_column(Integer)
    content: Mapped[bytes | None] = mapped_column(LargeBinary, deferred=True)
    payload: Mapped[dict | None] = mapped_column(JSON, deferred=True)
    issued_on: Mapped[date] = mapped_column(Date)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id"))
    rendered_at: Mapped[datetime | None] = mapped_column(DateTime)


# Renderers look for documents still waiting for their PDF; once rendered a row leaves the index.
Index(
    "ix_document_unrendered",
    Document.id,
    postgresql_where=Document.rendered_at.is_(None),
    sqlite_where=Document.rendered_at.is_(None),
)


# The campaign layer (engine/campaigns): institution register, campaigns, inspections, complaints,
# transfers, credit and disclosure.

# The ledger and the summary read completed task data per form (cause, source, transfers...).
Index("ix_human_task_form_case", HumanTask.form_key, HumanTask.case_id)


class Institution(Base):
    """A medical institution of the agency's area, or an unlicensed site found in the field (机构台账).

    ``party_id`` links the institution to the party of the cases opened against it.
    """

    __tablename__ = "institution"
    __table_args__ = (
        UniqueConstraint("agency_id", "credit_code"),
        UniqueConstraint("agency_id", "licence_no"),
        Index("ix_institution_agency_kind", "agency_id", "kind"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    agency_id: Mapped[int] = mapped_column(ForeignKey("agency.id"))
    name: Mapped[str] = mapped_column(String(200))
    credit_code: Mapped[str | None] = mapped_column(String(18))
    licence_no: Mapped[str | None] = mapped_column(String(64))
    kind: Mapped[str] = mapped_column(String(32))
    ownership: Mapped[str] = mapped_column(String(16))
    address: Mapped[str] = mapped_column(String(300), default="")
    township: Mapped[str] = mapped_column(String(50), default="")
    legal_representative: Mapped[str] = mapped_column(String(100), default="")
    phone: Mapped[str] = mapped_column(String(40), default="")
    status: Mapped[str] = mapped_column(String(16), default="operating")
    party_id: Mapped[int | None] = mapped_column(ForeignKey("party.id"), index=True)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


class Campaign(Base):
    """A special enforcement action (专项整治行动): its period, focus and the plan's coverage targets."""

    __tablename__ = "campaign"

    id: Mapped[int] = mapped_column(primary_key=True)
    agency_id: Mapped[int] = mapped_column(ForeignKey("agency.id"), index=True)
    name: Mapped[str] = mapped_column(String(200))
    starts_on: Mapped[date] = mapped_column(Date)
    ends_on: Mapped[date] = mapped_column(Date)
    focus: Mapped[list] = mapped_column(JSON)
    created_by_id: Mapped[int] = mapped_column(ForeignKey("user_account.id"))
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)

    phases: Mapped[list["CampaignPhase"]] = relationship(
        cascade="all, delete-orphan", order_by="CampaignPhase.seq", lazy="selectin"
    )
    targets: Mapped[list["CampaignTarget"]] = relationship(cascade="all, delete-orphan", lazy="selectin")
    departments: Mapped[list["CampaignDepartment"]] = relationship(
        cascade="all, delete-orphan", order_by="CampaignDepartment.id", lazy="selectin"
    )


class CampaignPhase(Base):
    """A stage of a campaign (摸底排查, 集中整治, 总结巩固 ...) with its dates."""

    __tablename__ = "campaign_phase"

    id: Mapped[int] = mapped_column(primary_key=True)
    campaign_id: Mapped[int] = mapped_column(ForeignKey("campaign.id"), index=True)
    seq: Mapped[int] = mapped_column(Integer)
    name: Mapped[str] = mapped_column(String(50))
    starts_on: Mapped[date] = mapped_column(Date)
    ends_on: Mapped[date] = mapped_column(Date)


class CampaignTarget(Base):
    """The share of institutions of one kind a campaign must inspect, in per cent."""

    __tablename__ = "campaign_target"

    campaign_id: Mapped[int] = mapped_column(ForeignKey("campaign.id"), primary_key=True)
    kind: Mapped[str] = mapped_column(String(32), primary_key=True)
    percent: Mapped[int] = mapped_column(Integer)


class CampaignDepartment(Base):
    """A department taking part in a campaign and its duty under the plan's division of labour."""

    __tablename__ = "campaign_department"

    id: Mapped[int] = mapped_column(primary_key=True)
    campaign_id: Mapped[int] = mapped_column(ForeignKey("campaign.id"), index=True)
    name: Mapped[str] = mapped_column(String(100))
    duty: Mapped[str] = mapped_column(String(1000), default="")


class Inspection(Base):
    """A supervision inspection (监督检查) of one institution by at least two officers, by checklist."""

    __tablename__ = "inspection"
    __table_args__ = (Index("ix_inspection_agency_date", "agency_id", "inspected_on"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    agency_id: Mapped[int] = mapped_column(ForeignKey("agency.id"))
    institution_id: Mapped[int] = mapped_column(ForeignKey("institution.id"), index=True)
    campaign_id: Mapped[int | None] = mapped_column(ForeignKey("campaign.id"), index=True)
    inspected_on: Mapped[date] = mapped_column(Date)
    templates: Mapped[list] = mapped_column(JSON)
    note: Mapped[str] = mapped_column(String(2000), default="")
    created_by_id: Mapped[int] = mapped_column(ForeignKey("user_account.id"))
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)

    institution: Mapped[Institution] = relationship()
    officer_rows: Mapped[list["InspectionOfficer"]] = relationship(
        cascade="all, delete-orphan", lazy="selectin"
    )
    items: Mapped[list["InspectionItem"]] = relationship(
        cascade="all, delete-orphan", order_by="InspectionItem.id", lazy="selectin"
    )


class InspectionOfficer(Base):
    __tablename__ = "inspection_officer"

    inspection_id: Mapped[int] = mapped_column(ForeignKey("inspection.id"), primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("user_account.id"), primary_key=True)


class InspectionItem(Base):
    """One checklist item as found: passed, or failed with what the officers saw."""

    __tablename__ = "inspection_item"

    id: Mapped[int] = mapped_column(primary_key=True)
    inspection_id: Mapped[int] = mapped_column(ForeignKey("inspection.id"), index=True)
    template: Mapped[str] = mapped_column(String(32))
    code: Mapped[str] = mapped_column(String(64))
    text: Mapped[str] = mapped_column(String(300))
    passed: Mapped[bool] = mapped_column(Boolean)
    note: Mapped[str] = mapped_column(String(1000), default="")


class Finding(Base):
    """A failed checklist item; it leads to a correction order, a case, or both."""

    __tablename__ = "inspection_finding"

    id: Mapped[int] = mapped_column(primary_key=True)
    inspection_id: Mapped[int] = mapped_column(ForeignKey("inspection.id"), index=True)
    item_id: Mapped[int] = mapped_column(ForeignKey("inspection_item.id"), unique=True)
    description: Mapped[str] = mapped_column(String(1000))
    violation_code: Mapped[str] = mapped_column(String(64), default="")
    case_id: Mapped[int | None] = mapped_column(ForeignKey("case_file.id"), index=True)

    inspection: Mapped[Inspection] = relationship()


class CorrectionOrder(Base):
    """A 卫生监督意见书 ordering correction of a finding, as issued: immutable PDF bytes and their hash."""

    __tablename__ = "correction_order"

    id: Mapped[int] = mapped_column(primary_key=True)
    agency_id: Mapped[int] = mapped_column(ForeignKey("agency.id"))
    finding_id: Mapped[int] = mapped_column(ForeignKey("inspection_finding.id"), unique=True)
    number: Mapped[str] = mapped_column(String(100))
    sha256: Mapped[str] = mapped_column(String(64), unique=True)
    verify_code: Mapped[str] = mapped_column(String(64), unique=True)
    size: Mapped[int] = mapped_column(Integer)
    content: Mapped[bytes] = mapped_column(LargeBinary, deferred=True)
    issued_on: Mapped[date] = mapped_column(Date)
    created_by_id: Mapped[int] = mapped_column(ForeignKey("user_account.id"))
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


class Complaint(Base):
    """A complaint or clue (投诉举报) run through bpmn/complaint.bpmn; like a case, it keeps its own workflow.

    The reporter's identity is not here but in ``ComplaintReporter``, which only complaint handlers read.
    """

    __tablename__ = "complaint"
    __table_args__ = (Index("ix_complaint_agency_received", "agency_id", "received_on"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    number: Mapped[str] = mapped_column(String(64), unique=True)
    agency_id: Mapped[int] = mapped_column(ForeignKey("agency.id"))
    channel: Mapped[str] = mapped_column(String(16))
    source_ref: Mapped[str] = mapped_column(String(100), default="")
    received_on: Mapped[date] = mapped_column(Date)
    real_name: Mapped[bool] = mapped_column(Boolean)
    content: Mapped[str] = mapped_column(String(4000))
    target_name: Mapped[str] = mapped_column(String(200))
    target_address: Mapped[str] = mapped_column(String(300), default="")
    institution_id: Mapped[int | None] = mapped_column(ForeignKey("institution.id"), index=True)
    status: Mapped[str] = mapped_column(String(32))
    outcome: Mapped[str] = mapped_column(String(32), default="")
    case_id: Mapped[int | None] = mapped_column(ForeignKey("case_file.id"), index=True)
    feedback_due_on: Mapped[date | None] = mapped_column(Date)
    feedback_on: Mapped[date | None] = mapped_column(Date)
    process_id: Mapped[str] = mapped_column(String(64))
    deployment_id: Mapped[int] = mapped_column(ForeignKey("deployment.id"))
    workflow_state: Mapped[bytes] = mapped_column(LargeBinary)
    state_format: Mapped[int] = mapped_column(Integer)
    version: Mapped[int] = mapped_column(Integer, nullable=False)
    received_by_id: Mapped[int] = mapped_column(ForeignKey("user_account.id"))
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    closed_at: Mapped[datetime | None] = mapped_column(DateTime)

    deployment: Mapped[Deployment] = relationship()

    __mapper_args__ = {"version_id_col": version}


class ComplaintTask(Base):
    """Mirror of a READY user task of a complaint's workflow, as ``HumanTask`` is for a case's.

    Kept apart from ``human_task``, whose ``case_id`` is required: relaxing it would rebuild that
    table on SQLite, which fails while issued documents refer to its rows.
    """

    __tablename__ = "complaint_task"
    __table_args__ = (
        UniqueConstraint("complaint_id", "spiff_task_id"),
        Index("ix_complaint_task_open_role", "status", "role", "agency_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    complaint_id: Mapped[int] = mapped_column(ForeignKey("complaint.id"), index=True)
    agency_id: Mapped[int] = mapped_column(ForeignKey("agency.id"))
    spiff_task_id: Mapped[str] = mapped_column(String(36))
    element_id: Mapped[str] = mapped_column(String(100))
    name: Mapped[str] = mapped_column(String(200))
    form_key: Mapped[str] = mapped_column(String(100))
    role: Mapped[str] = mapped_column(String(32))
    status: Mapped[str] = mapped_column(String(16), default="open")
    assignee_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id"))
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    due_at: Mapped[datetime | None] = mapped_column(DateTime)
    deadline: Mapped[str | None] = mapped_column(String(16))
    due_confirmed: Mapped[bool] = mapped_column(Boolean, default=True)
    completed_at: Mapped[datetime | None] = mapped_column(DateTime)
    completed_by_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id"))
    data: Mapped[dict | None] = mapped_column(JSON)


class ComplaintReporter(Base):
    """Who made a real-name complaint and how to reach them, for the feedback the plans require."""

    __tablename__ = "complaint_reporter"

    complaint_id: Mapped[int] = mapped_column(ForeignKey("complaint.id"), primary_key=True)
    name: Mapped[str] = mapped_column(String(100))
    phone: Mapped[str] = mapped_column(String(40))
    id_number: Mapped[str] = mapped_column(String(18), default="")
    address: Mapped[str] = mapped_column(String(300), default="")


class TransferRecord(Base):
    """A transfer kept in the register by hand: letters in from other agencies, and complaints sent out.

    Transfers a case makes in its own procedure (criminal transfer, 案件移送) are read from its tasks.
    """

    __tablename__ = "transfer_record"
    __table_args__ = (Index("ix_transfer_record_agency_date", "agency_id", "transferred_on"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    agency_id: Mapped[int] = mapped_column(ForeignKey("agency.id"))
    direction: Mapped[str] = mapped_column(String(8))
    counterpart_type: Mapped[str] = mapped_column(String(32))
    counterpart_name: Mapped[str] = mapped_column(String(200))
    subject: Mapped[str] = mapped_column(String(500))
    party_name: Mapped[str] = mapped_column(String(200), default="")
    letter_no: Mapped[str] = mapped_column(String(100), default="")
    transferred_on: Mapped[date] = mapped_column(Date)
    receipt_on: Mapped[date | None] = mapped_column(Date)
    result: Mapped[str] = mapped_column(String(1000), default="")
    result_on: Mapped[date | None] = mapped_column(Date)
    case_id: Mapped[int | None] = mapped_column(ForeignKey("case_file.id"), index=True)
    complaint_id: Mapped[int | None] = mapped_column(ForeignKey("complaint.id"), index=True)
    created_by_id: Mapped[int] = mapped_column(ForeignKey("user_account.id"))
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


class PracticeScore(Base):
    """Points scored against an institution for one instance of bad practice (不良执业行为记分)."""

    __tablename__ = "practice_score"
    __table_args__ = (Index("ix_practice_score_institution_year", "institution_id", "year"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    agency_id: Mapped[int] = mapped_column(ForeignKey("agency.id"))
    institution_id: Mapped[int] = mapped_column(ForeignKey("institution.id"))
    year: Mapped[int] = mapped_column(Integer)
    points: Mapped[int] = mapped_column(Integer)
    reason: Mapped[str] = mapped_column(String(500))
    scored_on: Mapped[date] = mapped_column(Date)
    case_id: Mapped[int | None] = mapped_column(ForeignKey("case_file.id"))
    created_by_id: Mapped[int] = mapped_column(ForeignKey("user_account.id"))
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


class Disclosure(Base):
    """A penalty decision published to the public (行政处罚法 art. 48), and its withdrawal."""

    __tablename__ = "disclosure"

    id: Mapped[int] = mapped_column(primary_key=True)
    agency_id: Mapped[int] = mapped_column(ForeignKey("agency.id"), index=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("case_file.id"), unique=True)
    published_on: Mapped[date] = mapped_column(Date)
    published_by_id: Mapped[int] = mapped_column(ForeignKey("user_account.id"))
    withdrawn_on: Mapped[date | None] = mapped_column(Date)
    withdrawn_by_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id"))
    withdrawal_reason: Mapped[str] = mapped_column(String(500), default="")


class DefinitionDraft(Base):
    """An admin's unfinished edit of the BPMN/DMN bundle: kept apart from deployments, never run.

    ``files`` is the whole bundle (file name → XML), so a draft deploys as it was saved;
    ``base_version`` is the deployment it was opened from, to diff against.
    """

    __tablename__ = "definition_draft"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(100))
    comment: Mapped[str] = mapped_column(String(500), default="")
    files: Mapped[dict] = mapped_column(JSON, deferred=True)
    base_version: Mapped[int | None] = mapped_column(Integer)
    updated_by_id: Mapped[int] = mapped_column(ForeignKey("user_account.id"))
    updated_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
