"""The dashboard in Chromium: ECharts, served by the app, draws every chart from the page's figures;
a screenshot goes to test-artifacts/campaigns."""

from pathlib import Path

import pytest
from playwright.sync_api import expect

from engine.campaigns import inspections
from tests.campaigns.rows import CaseRows, day

ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts" / "campaigns"
CHARTS = ("coverage", "violations", "procedures", "statuses", "money", "transfers", "feedback")


@pytest.fixture
def page(browser, live_url, passwords):
    context = browser.new_context(base_url=live_url, locale="zh-CN", viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.goto("/login")
    page.fill('input[name="username"]', "depthead")
    page.fill('input[name="password"]', "secret-pass")
    page.click('button[type="submit"]')
    yield page
    context.close()


def test_the_dashboard_draws_every_chart(page, db, people, deployment, campaign, county):
    with db.begin() as session:
        rows = CaseRows(session, campaign.agency_id, people["handler1"], deployment.id)
        rows.case(violation_code="unlicensed_practice", registered_on=day("2026-03-10"))
        rows.case(procedure="summary", violation_code="other", decided_on=day("2026-04-02"), fine_amount=200)
    for institution_id in (county["hospital"], county["clinic1"], county["clinic2"]):
        form = {
            "institution_id": institution_id,
            "inspected_on": "2026-03-20",
            "templates": ["charging"],
            "officer_ids": [people["handler1"], people["handler2"]],
        }
        inspections.record(db, people["handler1"], form, {})
    page.goto(f"/campaigns/?campaign={campaign.id}")
    expect(page.locator("#coverage")).to_contain_text("未达标")
    for name in CHARTS:
        chart = page.locator(f"#chart-{name}")
        expect(chart).to_have_attribute("data-rendered", "true")
        expect(chart.locator("canvas")).to_have_count(1)
    bars = page.evaluate(
        "echarts.getInstanceByDom(document.getElementById('chart-coverage')).getOption().series[0].data"
    )
    kinds = page.evaluate(
        "echarts.getInstanceByDom(document.getElementById('chart-coverage')).getOption().xAxis[0].data"
    )
    assert dict(zip(kinds, bars, strict=True))["诊所"] == 50.0
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "dashboard.png"), full_page=True)
