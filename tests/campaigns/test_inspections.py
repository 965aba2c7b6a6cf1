"""Inspections by checklist, their findings, and the correction orders and cases findings lead to."""

import pytest
from sqlalchemy import select

from engine.campaigns import corrections, findings, inspections
from engine.clock import today
from engine.errors import Conflict, InvalidSubmission, NotFound
from engine.models import Case, CorrectionOrder, Finding, HumanTask
from forms.checklists import CHECKLISTS
from tests.campaigns.conftest import credit_code, institution
from tests.documents.reading import full_text
from web import create_app

STAFF = inspections.item_key("lawful_practice", "staff_qualified")
PRICES = inspections.item_key("charging", "prices_displayed")


def _form(people, institution_id, **changes):
    return {
        "institution_id": institution_id,
        "inspected_on": "2026-03-20",
        "officer_ids": [people["handler1"], people["handler2"]],
        "templates": ["lawful_practice", "charging"],
        **changes,
    }


def _findings(db, inspection_id) -> list[Finding]:
    with db() as session:
        return list(
            session.scalars(
                select(Finding).where(Finding.inspection_id == inspection_id).order_by(Finding.id)
            )
        )


def test_every_item_of_the_chosen_checklists_is_recorded_and_each_failure_is_a_finding(db, people, county):
    failures = {STAFF: "1名护士未取得执业证书", PRICES: "未公示医疗服务价格"}
    inspection = inspections.record(db, people["handler1"], _form(people, county["private"]), failures)
    expected = len(CHECKLISTS["lawful_practice"].items) + len(CHECKLISTS["charging"].items)
    assert len(inspection.items) == expected
    assert sum(not item.passed for item in inspection.items) == 2
    found = _findings(db, inspection.id)
    assert [(f.description, f.violation_code) for f in found] == [
        ("执业人员具备相应资质——不符合：1名护士未取得执业证书", "non_technical_staff"),
        ("药品、医用材料及医疗服务价格按要求公示——不符合：未公示医疗服务价格", "overcharging"),
    ]


@pytest.mark.parametrize(
    ("changes", "failures", "field"),
    [
        ({"officer_ids": []}, {}, "officer_ids"),
        ({"templates": []}, {}, "templates"),
        ({}, {"charging.no_such_item": "问题"}, "charging.no_such_item"),
        ({}, {PRICES: "  "}, PRICES),
        ({"templates": ["charging"]}, {STAFF: "不在所选检查表"}, STAFF),
    ],
)
def test_an_inspection_the_rules_refuse_is_not_recorded(db, people, county, changes, failures, field):
    with pytest.raises(InvalidSubmission) as refused:
        inspections.record(db, people["handler1"], _form(people, county["private"], **changes), failures)
    assert field in refused.value.details


def test_inspectors_are_two_certified_officers_of_the_agency(db, people, county):
    uncertified = _form(people, county["private"], officer_ids=[people["handler1"], people["trainee"]])
    with pytest.raises(InvalidSubmission) as refused:
        inspections.record(db, people["handler1"], uncertified, {})
    assert refused.value.details == {"officer_ids": ["周新没有执法证件"]}
    foreign = _form(people, county["private"], officer_ids=[people["handler1"], people["outsider"]])
    with pytest.raises(InvalidSubmission, match="检查人员"):
        inspections.record(db, people["handler1"], foreign, {})


def test_another_agencys_institution_cannot_be_inspected(db, people, county):
    form = _form(people, county["private"], officer_ids=[people["outsider"], people["handler1"]])
    with pytest.raises(NotFound):
        inspections.record(db, people["outsider"], form, {})


def test_a_finding_becomes_a_numbered_correction_order_once(db, people, county):
    inspection = inspections.record(
        db, people["handler1"], _form(people, county["hospital"]), {PRICES: "未公示价格"}
    )
    finding = _findings(db, inspection.id)[0]
    order = corrections.issue(db, people["handler2"], finding.id)
    assert order.number == f"示县卫医监意〔{today().year}〕001号"
    with db() as session:
        content = session.get(CorrectionOrder, order.id).content
    text = full_text(content)
    assert "卫生监督意见书" in text and "示例县人民医院" in text and credit_code(1) in text
    assert "未公示价格" in text and "责令" in text
    with pytest.raises(Conflict):
        corrections.issue(db, people["handler2"], finding.id)
    with pytest.raises(NotFound):
        corrections.issue(db, people["outsider"], finding.id)


def test_a_finding_opens_a_case_against_the_institution_with_its_facts(db, people, county):
    inspection = inspections.record(
        db, people["handler1"], _form(people, county["private"]), {STAFF: "护士无证"}
    )
    finding = _findings(db, inspection.id)[0]
    with db() as session:
        form = findings.case_form(session.get(Finding, finding.id))
    assert form["party_kind"] == "organization" and form["party_credit_code"] == credit_code(3)
    case = findings.open_case(db, people["handler1"], finding.id, form)
    with db() as session:
        opened = session.get(Case, case.id)
        draft = session.scalar(select(HumanTask.draft).where(HumanTask.case_id == case.id))
        assert (opened.party.name, opened.party.credit_code) == ("示例县仁爱医院", credit_code(3))
        assert opened.violation_code == "non_technical_staff"
    assert draft["source"] == "inspection" and draft["received_on"] == "2026-03-20"
    assert draft["summary"] == "2026年03月20日监督检查发现：执业人员具备相应资质——不符合：护士无证。"
    assert _findings(db, inspection.id)[0].case_id == case.id
    assert institution(db, county["private"]).party_id == opened.party_id
    with pytest.raises(Conflict, match="已立案"):
        findings.open_case(db, people["handler1"], finding.id, form)


def test_the_qr_code_of_a_correction_order_verifies(db, people, county, database_url):
    inspection = inspections.record(
        db, people["handler1"], _form(people, county["hospital"]), {PRICES: "未公示价格"}
    )
    order = corrections.issue(db, people["handler2"], _findings(db, inspection.id)[0].id)
    app = create_app({"DATABASE_URL": database_url, "TESTING": True})
    try:
        page = app.test_client().get(f"/verify/{order.verify_code}").get_data(as_text=True)
    finally:
        app.extensions["caseflow.db"].kw["bind"].dispose()
    assert "有效" in page and order.number in page and "示例县人民医院" in page
