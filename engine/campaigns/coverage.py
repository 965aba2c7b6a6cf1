"""Inspection coverage of a campaign: institutions inspected in its period over those registered, by kind.

Counted institutions are those not closed or banned; an institution counts once however often it
was inspected. A target is met when inspected × 100 ≥ target × registered (integers, so 1 of 2 meets 50 %).
"""

from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from engine.campaigns.plans import HOSPITAL_KINDS, OTHER_MEDICAL_KINDS
from engine.models import Campaign, Inspection, Institution
from forms.campaign_choices import INSTITUTION_KINDS

COUNTED_STATUSES = ("operating", "suspended")


@dataclass(frozen=True)
class Coverage:
    kind: str
    label: str
    registered: int
    inspected: int
    target: int | None

    @property
    def percent(self) -> float | None:
        return round(100 * self.inspected / self.registered, 1) if self.registered else None

    @property
    def met(self) -> bool | None:
        if self.target is None:
            return None
        return self.inspected * 100 >= self.target * self.registered

    def as_dict(self) -> dict:
        return {**vars(self), "percent": self.percent, "met": self.met}


def of_campaign(session: Session, campaign: Campaign) -> list[Coverage]:
    """One row per institution kind that is registered or has a target, in the order of the kind list."""
    registered = _counts(session, campaign, inspected=False)
    inspected = _counts(session, campaign, inspected=True)
    targets = {t.kind: t.percent for t in campaign.targets}
    return [
        Coverage(kind, label, registered.get(kind, 0), inspected.get(kind, 0), targets.get(kind))
        for kind, label in INSTITUTION_KINDS
        if kind in registered or kind in targets
    ]


def groups(rows: list[Coverage]) -> list[Coverage]:
    """The plan's two headline figures: all hospitals, and the other medical institutions."""
    by_kind = {row.kind: row for row in rows}
    return [
        _group("hospitals", "医院（含中医院、妇幼保健院）", by_kind, HOSPITAL_KINDS),
        _group("other_medical", "其他医疗机构", by_kind, OTHER_MEDICAL_KINDS),
    ]


def _group(code: str, label: str, by_kind: dict, kinds) -> Coverage:
    rows = [by_kind[k] for k in kinds if k in by_kind]
    targets = [r.target for r in rows if r.target is not None]
    return Coverage(
        code,
        label,
        sum(r.registered for r in rows),
        sum(r.inspected for r in rows),
        min(targets) if targets else None,
    )


def _counts(session: Session, campaign: Campaign, inspected: bool) -> dict[str, int]:
    query = select(Institution.kind, func.count(func.distinct(Institution.id))).where(
        Institution.agency_id == campaign.agency_id, Institution.status.in_(COUNTED_STATUSES)
    )
    if inspected:
        query = query.join(Inspection, Inspection.institution_id == Institution.id).where(
            Inspection.inspected_on.between(campaign.starts_on, campaign.ends_on)
        )
    return dict(session.execute(query.group_by(Institution.kind)).all())
