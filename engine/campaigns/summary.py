"""The figures of the campaign work summary for any period, each an SQL aggregate.

The summary template (campaign-work-summary-template.txt) asks for institutions inspected by type;
cases filed, by summary and general procedure; warnings; fines in 万元; confiscated income; unlicensed
practice found through complaints; cases closed; transfers. A case is filed on its registration
date, or on its decision date under the summary procedure, which has no registration. Money is
counted on the decision date; a case is closed on the day its procedure ended in 结案.
"""

from collections import Counter
from datetime import date
from decimal import Decimal

from sqlalchemy import and_, func, select
from sqlalchemy.orm import Session

from engine.campaigns import complaints, periods, transfers
from engine.clock import today
from engine.models import Case, Complaint, CorrectionOrder, Finding, HumanTask, Inspection, Institution
from engine.statuses import STATUS_LABELS
from forms.campaign_choices import INSTITUTION_KINDS
from forms.choices import VIOLATIONS

TEN_THOUSAND = Decimal(10000)
TEMPLATE_KINDS = (
    ("public_hospital", "二级以上公立医疗机构"),
    ("private_hospital", "民营医院"),
    ("clinic", "个体诊所"),
)
PROCEDURE_LABELS = {"general": "一般程序", "summary": "简易程序"}


def figures(session: Session, agency_id: int, start: date, end: date) -> dict:
    """Every figure of the summary for the agency and the period (both dates included)."""
    cases = _cases(session, agency_id, start, end)
    money = _money(session, agency_id, start, end)
    return {
        "agency_id": agency_id,
        "start": start,
        "end": end,
        "inspections": _inspections(session, agency_id, start, end),
        "cases": cases | money | _closed(session, agency_id, start, end),
        "by_violation": _grouped(session, agency_id, start, end, Case.violation_code, dict(VIOLATIONS)),
        "by_procedure": _grouped(session, agency_id, start, end, Case.procedure, PROCEDURE_LABELS),
        "by_status": _grouped(session, agency_id, start, end, Case.status, STATUS_LABELS),
        "transfers": _transfers(session, agency_id, start, end),
        "complaints": _complaints(session, agency_id, start, end),
    }


def _filed(agency_id: int, start: date, end: date) -> list:
    return [
        Case.agency_id == agency_id,
        func.coalesce(Case.registered_on, Case.decided_on).between(start, end),
    ]


def _decided(agency_id: int, start: date, end: date) -> list:
    return [Case.agency_id == agency_id, Case.decided_on.between(start, end)]


def _cases(session: Session, agency_id: int, start: date, end: date) -> dict:
    general, summary, unlicensed = session.execute(
        select(
            func.count(Case.id).filter(Case.procedure == "general"),
            func.count(Case.id).filter(Case.procedure == "summary"),
            func.count(Case.id).filter(Case.violation_code == "unlicensed_practice"),
        ).where(*_filed(agency_id, start, end))
    ).one()
    from_complaints = session.scalar(
        select(func.count(func.distinct(Case.id)))
        .join(HumanTask, HumanTask.case_id == Case.id)
        .where(
            *_filed(agency_id, start, end),
            Case.violation_code == "unlicensed_practice",
            HumanTask.form_key == "intake_record",
            HumanTask.status == "completed",
            HumanTask.data["source"].as_string() == "complaint",
        )
    )
    return {
        "filed": general + summary,
        "general": general,
        "summary": summary,
        "unlicensed": unlicensed,
        "unlicensed_from_complaints": from_complaints,
    }


def _latest(form_key: str):
    """Each case's latest completed task of one form, as a subquery (case_id, id)."""
    return (
        select(HumanTask.case_id, func.max(HumanTask.id).label("id"))
        .where(HumanTask.form_key == form_key, HumanTask.status == "completed")
        .group_by(HumanTask.case_id)
        .subquery()
    )


def _with_latest(query, form_key: str):
    """Join each case to its latest completed task of ``form_key`` (as HumanTask)."""
    latest = _latest(form_key)
    return query.join(latest, latest.c.case_id == Case.id).join(HumanTask, HumanTask.id == latest.c.id)


def _money(session: Session, agency_id: int, start: date, end: date) -> dict:
    fined, fines = session.execute(
        select(func.count(Case.id), func.sum(Case.fine_amount)).where(
            *_decided(agency_id, start, end), Case.fine_amount > 0
        )
    ).one()
    general = select(
        func.count(Case.id).filter(HumanTask.data["penalty_types"].as_string().contains('"warning"')),
        func.sum(HumanTask.data["confiscation_amount"].as_float()),
    ).select_from(Case)
    general_warnings, confiscated = session.execute(
        _with_latest(general, "investigation_conclusion").where(*_decided(agency_id, start, end))
    ).one()
    onsite = select(func.count(Case.id)).select_from(Case)
    summary_warnings = session.scalar(
        _with_latest(onsite, "onsite_decision").where(
            *_decided(agency_id, start, end), HumanTask.data["penalty_type"].as_string() == "warning"
        )
    )
    fines = Decimal(fines or 0).quantize(Decimal("0.01"))
    confiscated = Decimal(str(confiscated or 0)).quantize(Decimal("0.01"))
    return {
        "warnings": general_warnings + summary_warnings,
        "fined": fined,
        "fines_yuan": fines,
        "fines_wan": _wan(fines),
        "confiscated_yuan": confiscated,
        "confiscated_wan": _wan(confiscated),
    }


def _wan(yuan: Decimal) -> Decimal:
    return (yuan / TEN_THOUSAND).quantize(Decimal("0.01"))


def _closed(session: Session, agency_id: int, start: date, end: date) -> dict:
    since, until = periods.utc_bounds(start, end)
    closed = session.scalar(
        select(func.count(Case.id)).where(
            Case.agency_id == agency_id,
            Case.status == "closed",
            Case.closed_at >= since,
            Case.closed_at < until,
        )
    )
    return {"closed": closed}


def _grouped(session: Session, agency_id: int, start: date, end: date, column, labels: dict) -> list[dict]:
    query = select(column, func.count(Case.id)).where(*_filed(agency_id, start, end)).group_by(column)
    counts = sorted(session.execute(query).all(), key=lambda row: -row[1])
    return [{"code": code, "label": labels.get(code, code or "未定"), "count": n} for code, n in counts]


def _inspections(session: Session, agency_id: int, start: date, end: date) -> dict:
    in_period = and_(Inspection.agency_id == agency_id, Inspection.inspected_on.between(start, end))
    by_kind = dict(
        (kind, (institutions, visits))
        for kind, institutions, visits in session.execute(
            select(
                Institution.kind,
                func.count(func.distinct(Inspection.institution_id)),
                func.count(Inspection.id),
            )
            .join(Institution, Institution.id == Inspection.institution_id)
            .where(in_period)
            .group_by(Institution.kind)
        )
    )
    findings, orders = session.execute(
        select(func.count(func.distinct(Finding.id)), func.count(func.distinct(CorrectionOrder.id)))
        .select_from(Finding)
        .join(Inspection, Inspection.id == Finding.inspection_id)
        .outerjoin(CorrectionOrder, CorrectionOrder.finding_id == Finding.id)
        .where(in_period)
    ).one()
    return {
        "institutions": sum(n for n, _ in by_kind.values()),
        "visits": sum(v for _, v in by_kind.values()),
        "by_kind": [
            {"kind": kind, "label": label, "institutions": by_kind[kind][0], "visits": by_kind[kind][1]}
            for kind, label in INSTITUTION_KINDS
            if kind in by_kind
        ],
        "template": {kind: by_kind.get(kind, (0, 0))[0] for kind, _ in TEMPLATE_KINDS},
        "findings": findings,
        "correction_orders": orders,
    }


def _transfers(session: Session, agency_id: int, start: date, end: date) -> dict:
    counted = Counter(
        ("in" if t.direction == "in" else "police" if t.counterpart_type == "police" else "other")
        for t in transfers.register(session, agency_id, start, end)
    )
    return {"police": counted["police"], "other": counted["other"], "in": counted["in"]}


def _complaints(session: Session, agency_id: int, start: date, end: date) -> dict:
    received, real_name, case_opened = session.execute(
        select(
            func.count(Complaint.id),
            func.count(Complaint.id).filter(Complaint.real_name.is_(True)),
            func.count(Complaint.id).filter(Complaint.case_id.is_not(None)),
        ).where(Complaint.agency_id == agency_id, Complaint.received_on.between(start, end))
    ).one()
    return {
        "received": received,
        "real_name": real_name,
        "case_opened": case_opened,
        "feedback": complaints.feedback(session, agency_id, start, end, today()).as_dict(),
    }
