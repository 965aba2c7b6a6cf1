"""``caseflow demo`` seeds a county with figures on every page, and a second run adds nothing."""

from sqlalchemy import func, select

from engine.campaigns import coverage, plans, summary
from engine.models import Campaign, Case, Complaint, CorrectionOrder, Inspection, Institution, TransferRecord
from web import demo


def _count(session, model) -> int:
    return session.scalar(select(func.count(model.id)))


def test_the_demo_county_has_a_register_a_campaign_and_dozens_of_cases_once(db, deployment):
    assert demo.seed(db)["cases"] >= 30
    with db() as session:
        kinds = dict(session.execute(select(Institution.kind, func.count()).group_by(Institution.kind)).all())
        assert sum(kinds.values()) >= 200 and len(kinds) == 13
        assert _count(session, Campaign) == 1
        assert _count(session, Inspection) > 100 and _count(session, CorrectionOrder) > 10
        assert _count(session, Complaint) > 10 and _count(session, TransferRecord) >= 2
        statuses = set(session.scalars(select(Case.status)))
        assert {"closed", "investigating", "notice", "service"} <= statuses
        campaign = session.scalar(select(Campaign))
        rows = coverage.groups(coverage.of_campaign(session, campaign))
        assert [(row.percent, row.met) for row in rows][0] == (100.0, True)
        figures = summary.figures(session, campaign.agency_id, campaign.starts_on, campaign.ends_on)
        assert figures["cases"]["filed"] > 20 and figures["cases"]["fines_wan"] > 0
        assert figures["transfers"]["police"] >= 1 and figures["complaints"]["feedback"]["rate"] is not None
        assert plans.current(session, campaign.agency_id, campaign.starts_on).id == campaign.id
        cases = _count(session, Case)
    assert demo.seed(db) == {"users": 0, "cases": 0}
    with db() as session:
        assert _count(session, Case) == cases and _count(session, Institution) == sum(kinds.values())
