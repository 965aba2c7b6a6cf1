"""Coverage arithmetic: institutions inspected in the campaign's period over those registered, by kind."""

from datetime import date

import pytest

from engine.campaigns import coverage, inspections, institutions, plans
from engine.errors import Forbidden, InvalidSubmission
from engine.models import Campaign
from tests.campaigns.conftest import institution


def _inspect(db, people, institution_id, day, campaign_id=None):
    form = {
        "institution_id": institution_id,
        "inspected_on": day,
        "officer_ids": [people["handler1"], people["handler2"]],
        "templates": ["charging"],
        "campaign_id": campaign_id,
    }
    return inspections.record(db, people["handler1"], form, {})


def _rows(db, campaign_id) -> dict[str, dict]:
    with db() as session:
        rows = coverage.of_campaign(session, session.get(Campaign, campaign_id))
        return {row.kind: row.as_dict() for row in coverage.groups(rows) + rows}


def test_coverage_counts_each_institution_once_within_the_period(db, people, county, campaign):
    _inspect(db, people, county["hospital"], "2026-03-05")
    _inspect(db, people, county["hospital"], "2026-04-01")
    _inspect(db, people, county["tcm"], "2026-03-20", campaign.id)
    _inspect(db, people, county["private"], "2026-07-01")
    _inspect(db, people, county["clinic1"], "2026-03-10")
    _inspect(db, people, county["clinic2"], "2026-06-30")
    rows = _rows(db, campaign.id)
    assert rows["public_hospital"] | {} == {
        "kind": "public_hospital",
        "label": "二级以上公立医院",
        "registered": 1,
        "inspected": 1,
        "target": 100,
        "percent": 100.0,
        "met": True,
    }
    assert (rows["private_hospital"]["inspected"], rows["private_hospital"]["met"]) == (0, False)
    assert (rows["clinic"]["registered"], rows["clinic"]["inspected"], rows["clinic"]["percent"]) == (
        4,
        2,
        50.0,
    )
    assert rows["clinic"]["met"] is True
    assert (rows["hospitals"]["registered"], rows["hospitals"]["inspected"]) == (3, 2)
    assert (rows["hospitals"]["percent"], rows["hospitals"]["target"], rows["hospitals"]["met"]) == (
        66.7,
        100,
        False,
    )
    assert (rows["other_medical"]["percent"], rows["other_medical"]["met"]) == (50.0, True)


def test_one_of_three_clinics_misses_fifty_percent_and_closed_institutions_do_not_count(
    db, people, county, campaign
):
    form = institutions.as_form(institution(db, county["clinic4"]))
    institutions.edit(db, people["handler1"], county["clinic4"], {**form, "status": "closed"})
    _inspect(db, people, county["clinic1"], "2026-03-10")
    clinic = _rows(db, campaign.id)["clinic"]
    assert (clinic["registered"], clinic["inspected"], clinic["percent"], clinic["met"]) == (
        3,
        1,
        33.3,
        False,
    )


def test_a_kind_with_a_target_but_no_institution_has_no_percentage_and_nothing_missed(db, people, campaign):
    rows = _rows(db, campaign.id)
    assert (rows["public_hospital"]["registered"], rows["public_hospital"]["percent"]) == (0, None)
    assert rows["public_hospital"]["met"] is True
    assert "wellness_site" not in rows


def test_the_plans_default_targets_are_every_hospital_and_half_of_the_rest(db, people, campaign):
    targets = {t.kind: t.percent for t in campaign.targets}
    assert {targets[k] for k in plans.HOSPITAL_KINDS} == {100}
    assert {targets[k] for k in plans.OTHER_MEDICAL_KINDS} == {50}
    assert [p.name for p in campaign.phases] == ["摸底排查", "集中整治", "总结巩固"]
    assert campaign.phases[0].starts_on == date(2026, 3, 1) and campaign.phases[-1].ends_on == date(
        2026, 6, 30
    )


def test_a_campaign_refuses_phases_outside_its_period_and_twice_the_same_kind(db, people):
    form = plans.default_form(date(2026, 3, 1), date(2026, 6, 30)) | {"name": "专项行动", "focus": []}
    form["phases"][0]["starts_on"] = "2026-02-01"
    form["targets"].append({"kind": "clinic", "percent": 60})
    with pytest.raises(InvalidSubmission) as refused:
        plans.create(db, people["depthead"], form)
    assert refused.value.details == {
        "targets": ["同一机构类别只能设一个目标"],
        "phases": ["阶段“摸底排查”超出行动期间"],
    }


def test_only_heads_plan_campaigns(db, people):
    form = plans.default_form(date(2026, 3, 1), date(2026, 6, 30)) | {"name": "专项行动", "focus": []}
    with pytest.raises(Forbidden):
        plans.create(db, people["handler1"], form)


def test_the_running_campaign_and_phase(db, people, campaign):
    with db() as session:
        assert plans.current(session, campaign.agency_id, date(2026, 4, 1)).id == campaign.id
        assert plans.current(session, campaign.agency_id, date(2027, 1, 1)).id == campaign.id
    assert plans.current_phase(campaign, date(2026, 3, 2)).name == "摸底排查"
    assert plans.current_phase(campaign, date(2026, 6, 30)).name == "总结巩固"
