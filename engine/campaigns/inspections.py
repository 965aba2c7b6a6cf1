"""Supervision inspections: an institution checked against chosen checklists by at least two officers.

Only the failed items are named by the officers (with what they saw); every other item of the chosen
checklists is recorded as passed, so the file shows what was checked, not only what was wrong. Each
failed item becomes a finding, which may then lead to a correction order or a case.
"""

from dataclasses import dataclass
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from engine.campaigns import officers, trail
from engine.campaigns.validation import checked
from engine.errors import InvalidSubmission
from engine.models import Campaign, Finding, Inspection, InspectionItem, InspectionOfficer, Institution, User
from engine.roles import Role
from engine.runtime import transaction
from forms.checklists import CHECKLISTS
from forms.registers import InspectionSchema


def item_key(template: str, code: str) -> str:
    """How a checklist item is named in a list of failures: ``template.code``."""
    return f"{template}.{code}"


def record(db: sessionmaker, user_id: int, data: dict, failures: dict[str, str]) -> Inspection:
    """Record an inspection; ``failures`` maps failed items (``template.code``) to what was found."""
    values = checked(InspectionSchema(), data)
    with transaction(db) as session:
        user = officers.acting(session, user_id, Role.HANDLER)
        institution = officers.own(session.get(Institution, values["institution_id"]), user, "机构")
        if values["campaign_id"]:
            officers.own(session.get(Campaign, values["campaign_id"]), user, "专项行动")
        _check_officers(session, user, values["officer_ids"])
        inspection = Inspection(
            agency_id=user.agency_id,
            institution=institution,
            campaign_id=values["campaign_id"],
            inspected_on=values["inspected_on"],
            templates=list(values["templates"]),
            note=values["note"],
            created_by_id=user.id,
            officer_rows=[InspectionOfficer(user_id=uid) for uid in values["officer_ids"]],
            items=_items(values["templates"], _checked_failures(values["templates"], failures)),
        )
        session.add(inspection)
        session.flush()
        session.add_all(
            Finding(
                inspection_id=inspection.id,
                item_id=item.id,
                description=_finding_text(item),
                violation_code=code,
            )
            for item, code in _failed(inspection.items)
        )
        trail.record(
            session,
            user.id,
            "inspection.recorded",
            {"inspection_id": inspection.id, "institution_id": institution.id, "failed": len(failures)},
        )
        return inspection


def _check_officers(session: Session, user: User, officer_ids: list[int]) -> None:
    """At least two officers of the agency, each holding an enforcement certificate (行政处罚法 art. 42)."""
    found = officers.agency_users(session, user.agency_id, officer_ids)
    if len(found) != len(officer_ids):
        raise InvalidSubmission("检查人员有误", {"officer_ids": ["检查人员须为本机关在职人员"]})
    uncertified = [u.full_name for u in found if not u.certificate_no]
    if uncertified:
        raise InvalidSubmission("检查人员有误", {"officer_ids": [f"{'、'.join(uncertified)}没有执法证件"]})


def _checked_failures(templates: list[str], failures: dict[str, str]) -> dict[str, str]:
    known = {item_key(t, code) for t in templates for code, _text, _v in CHECKLISTS[t].items}
    problems = {key: ["不是所选检查表中的项目"] for key in failures if key not in known}
    problems |= {
        key: ["请写明发现的问题"] for key, note in failures.items() if key in known and not note.strip()
    }
    if problems:
        raise InvalidSubmission("检查结果有误", problems)
    return {key: note.strip() for key, note in failures.items()}


def _items(templates: list[str], failures: dict[str, str]) -> list[InspectionItem]:
    return [
        InspectionItem(
            template=template,
            code=code,
            text=text,
            passed=item_key(template, code) not in failures,
            note=failures.get(item_key(template, code), ""),
        )
        for template in templates
        for code, text, _violation in CHECKLISTS[template].items
    ]


def _failed(items: list[InspectionItem]):
    for item in items:
        if not item.passed:
            yield item, CHECKLISTS[item.template].item(item.code)[2]


def _finding_text(item: InspectionItem) -> str:
    return f"{item.text}——不符合：{item.note}"


@dataclass(frozen=True)
class Filters:
    start: date | None = None
    end: date | None = None
    kind: str = ""
    campaign_id: int | None = None


def listing(session: Session, agency_id: int, filters: Filters, limit: int = 200) -> list[dict]:
    """Inspections of the agency, newest first, with the number of findings of each."""
    findings = (
        select(Finding.inspection_id, func.count(Finding.id).label("findings"))
        .group_by(Finding.inspection_id)
        .subquery()
    )
    query = (
        select(Inspection, Institution, func.coalesce(findings.c.findings, 0))
        .join(Institution, Institution.id == Inspection.institution_id)
        .outerjoin(findings, findings.c.inspection_id == Inspection.id)
        .where(Inspection.agency_id == agency_id)
    )
    if filters.start:
        query = query.where(Inspection.inspected_on >= filters.start)
    if filters.end:
        query = query.where(Inspection.inspected_on <= filters.end)
    if filters.kind:
        query = query.where(Institution.kind == filters.kind)
    if filters.campaign_id:
        query = query.where(Inspection.campaign_id == filters.campaign_id)
    query = query.order_by(Inspection.inspected_on.desc(), Inspection.id.desc()).limit(limit)
    return [
        {"inspection": inspection, "institution": institution, "findings": count}
        for inspection, institution, count in session.execute(query)
    ]


def findings_of(session: Session, inspection_id: int) -> list[Finding]:
    """The findings of one inspection in checklist order."""
    return list(
        session.scalars(select(Finding).where(Finding.inspection_id == inspection_id).order_by(Finding.id))
    )
