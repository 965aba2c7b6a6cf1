"""Campaigns (专项整治行动): period, phases, focus, coverage targets and the departments taking part."""

from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from engine.campaigns import officers, trail
from engine.campaigns.validation import checked
from engine.errors import InvalidSubmission
from engine.models import Campaign, CampaignDepartment, CampaignPhase, CampaignTarget
from engine.roles import Role
from engine.runtime import transaction
from forms.registers import CampaignSchema

PLANNERS = (Role.DEPT_HEAD, Role.AGENCY_HEAD, Role.PRINCIPAL_HEAD)

# The national plan: every hospital, TCM and maternal-child hospitals included, 100 %; other
# medical institutions at least 50 % (医疗乱象专项整治行动方案 §五(一)).
HOSPITAL_KINDS = (
    "public_hospital",
    "other_public_hospital",
    "private_hospital",
    "tcm_hospital",
    "maternal_child_hospital",
)
OTHER_MEDICAL_KINDS = (
    "township_health_centre",
    "community_health_centre",
    "outpatient_department",
    "clinic",
    "village_clinic",
    "infirmary",
)
DEFAULT_PHASES = ("摸底排查", "集中整治", "总结巩固")
DEFAULT_DEPARTMENTS = (
    ("卫生健康部门", "牵头制订方案，组织协调；检查医疗机构及医务人员诊疗行为，收集、转交举报线索"),
    ("公安机关", "对移送的涉嫌犯罪案件依法立案侦查"),
    ("市场监管部门", "查处虚假宣传、违法医疗广告、乱收费和不正当价格行为"),
    ("医保部门", "查处欺诈骗取医保基金行为"),
    ("药品监管部门", "查处制售假药行为"),
    ("网信部门", "清理处置违法违规信息，关闭违法违规网站和账号"),
)


def default_targets() -> list[dict]:
    """The national plan's targets for every medical institution kind."""
    return [{"kind": kind, "percent": 100} for kind in HOSPITAL_KINDS] + [
        {"kind": kind, "percent": 50} for kind in OTHER_MEDICAL_KINDS
    ]


def default_form(starts_on: date, ends_on: date) -> dict:
    """A new campaign as the plans lay it out: three phases, the plan's targets and departments."""
    span = (ends_on - starts_on) / 3
    phases = [
        {
            "name": name,
            "starts_on": (starts_on + span * i).isoformat(),
            "ends_on": (ends_on if i == 2 else starts_on + span * (i + 1)).isoformat(),
        }
        for i, name in enumerate(DEFAULT_PHASES)
    ]
    return {
        "starts_on": starts_on.isoformat(),
        "ends_on": ends_on.isoformat(),
        "phases": phases,
        "targets": default_targets(),
        "departments": [{"name": name, "duty": duty} for name, duty in DEFAULT_DEPARTMENTS],
    }


def create(db: sessionmaker, user_id: int, data: dict) -> Campaign:
    """Start a campaign of the planner's agency."""
    values = _valid(data)
    with transaction(db) as session:
        user = officers.acting(session, user_id, *PLANNERS)
        campaign = Campaign(agency_id=user.agency_id, created_by_id=user.id, name="", focus=[])
        _fill(campaign, values)
        session.add(campaign)
        session.flush()
        trail.record(
            session, user.id, "campaign.created", {"campaign_id": campaign.id, "name": campaign.name}
        )
        return campaign


def update(db: sessionmaker, user_id: int, campaign_id: int, data: dict) -> Campaign:
    """Change a campaign's period, phases, focus, targets or departments."""
    values = _valid(data)
    with transaction(db) as session:
        user = officers.acting(session, user_id, *PLANNERS)
        campaign = officers.own(session.get(Campaign, campaign_id), user, "专项行动")
        _fill(campaign, values)
        session.flush()
        trail.record(
            session, user.id, "campaign.updated", {"campaign_id": campaign.id, "name": campaign.name}
        )
        return campaign


def _valid(data: dict) -> dict:
    values = checked(CampaignSchema(), data)
    kinds = [target["kind"] for target in values["targets"]]
    problems = {}
    if len(set(kinds)) != len(kinds):
        problems["targets"] = ["同一机构类别只能设一个目标"]
    if any(not 0 <= target["percent"] <= 100 for target in values["targets"]):
        problems["targets"] = ["覆盖率目标应在0至100之间"]
    outside = [
        p["name"]
        for p in values["phases"]
        if p["starts_on"] < values["starts_on"] or p["ends_on"] > values["ends_on"]
    ]
    if outside:
        problems["phases"] = [f"阶段“{'、'.join(outside)}”超出行动期间"]
    if problems:
        raise InvalidSubmission("提交的内容有误，请按提示修改", problems)
    return values


def _fill(campaign: Campaign, values: dict) -> None:
    campaign.name = values["name"]
    campaign.starts_on, campaign.ends_on = values["starts_on"], values["ends_on"]
    campaign.focus = list(values["focus"])
    campaign.phases = [
        CampaignPhase(seq=i, name=p["name"], starts_on=p["starts_on"], ends_on=p["ends_on"])
        for i, p in enumerate(sorted(values["phases"], key=lambda p: p["starts_on"]), start=1)
    ]
    campaign.targets = [CampaignTarget(kind=t["kind"], percent=t["percent"]) for t in values["targets"]]
    campaign.departments = [CampaignDepartment(name=d["name"], duty=d["duty"]) for d in values["departments"]]


def of_agency(session: Session, agency_id: int) -> list[Campaign]:
    """The agency's campaigns, the latest first."""
    return list(
        session.scalars(
            select(Campaign)
            .where(Campaign.agency_id == agency_id)
            .order_by(Campaign.starts_on.desc(), Campaign.id.desc())
        )
    )


def current(session: Session, agency_id: int, day: date) -> Campaign | None:
    """The campaign running on ``day``, else the most recent one."""
    campaigns = of_agency(session, agency_id)
    running = [c for c in campaigns if c.starts_on <= day <= c.ends_on]
    return (running or campaigns or [None])[0]


def current_phase(campaign: Campaign, day: date) -> CampaignPhase | None:
    """The phase ``day`` falls in, if any."""
    return next((p for p in campaign.phases if p.starts_on <= day <= p.ends_on), None)


def as_form(campaign: Campaign) -> dict:
    """The campaign's values as its form shows them."""
    return {
        "name": campaign.name,
        "starts_on": campaign.starts_on.isoformat(),
        "ends_on": campaign.ends_on.isoformat(),
        "focus": list(campaign.focus),
        "phases": [
            {"name": p.name, "starts_on": p.starts_on.isoformat(), "ends_on": p.ends_on.isoformat()}
            for p in campaign.phases
        ],
        "targets": [{"kind": t.kind, "percent": t.percent} for t in campaign.targets],
        "departments": [{"name": d.name, "duty": d.duty} for d in campaign.departments],
    }
