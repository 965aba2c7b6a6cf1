"""The summary's figures for a small county computed by hand, and the same figures in XLSX and PDF.

Period: 2026-03-01 to 2026-04-30. Cases (立案 = registration, or the decision of a summary case):
A general, unlicensed, from a complaint, registered 3-10, decided 4-01, fine 20 000 + warning,
  confiscation 3 000, closed 4-20          -> filed, warning, fined, confiscated, closed, from complaint
B general, beyond scope, registered 3-15, decided 5-01, fine 50 000 + warning  -> filed only
C summary, warning, decided 3-20           -> filed, warning
D summary, fine 200, decided 3-21          -> filed, fined
E general, registered 2-01, decided 3-05, fine 10 000, confiscation 1 000, closed 5-02 -> fined, confiscated
F general, unlicensed, from an inspection, registered 4-10, undecided   -> filed
G at intake, never registered              -> nothing
"""

import io
from datetime import date, datetime
from decimal import Decimal

import pytest
from openpyxl import load_workbook

from documents import work_summary
from engine.campaigns import complaint_workflow, inspections, report, spreadsheets, summary, transfers
from engine.models import User
from tests.campaigns.conftest import complaint_form
from tests.campaigns.rows import CaseRows, day
from tests.documents.reading import full_text

START, END = date(2026, 3, 1), date(2026, 4, 30)


@pytest.fixture
def county_figures(db, people, county, deployment):
    with db.begin() as session:
        agency_id = session.get(User, people["handler1"]).agency_id
        rows = CaseRows(session, agency_id, people["handler1"], deployment.id)
        a = rows.case(
            violation_code="unlicensed_practice",
            registered_on=day("2026-03-10"),
            decided_on=day("2026-04-01"),
            fine_amount=20000,
            status="closed",
            closed_at=datetime(2026, 4, 20, 3),
        )
        rows.task(a, "intake_record", {"source": "complaint"})
        rows.task(a, "investigation_conclusion", {"penalty_types": ["fine"], "confiscation_amount": 9})
        rows.task(
            a,
            "investigation_conclusion",
            {"penalty_types": ["warning", "fine", "confiscate_income"], "confiscation_amount": 3000},
        )
        b = rows.case(
            violation_code="beyond_scope_institution",
            registered_on=day("2026-03-15"),
            decided_on=day("2026-05-01"),
            fine_amount=50000,
        )
        rows.task(
            b, "investigation_conclusion", {"penalty_types": ["warning", "fine"], "confiscation_amount": 0}
        )
        c = rows.case(
            procedure="summary",
            violation_code="other",
            decided_on=day("2026-03-20"),
            status="closed",
            fine_amount=0,
        )
        rows.task(c, "onsite_decision", {"penalty_type": "warning"})
        d = rows.case(
            procedure="summary", violation_code="other", decided_on=day("2026-03-21"), fine_amount=200
        )
        rows.task(d, "onsite_decision", {"penalty_type": "fine"})
        e = rows.case(
            violation_code="unlicensed_practice",
            registered_on=day("2026-02-01"),
            decided_on=day("2026-03-05"),
            fine_amount=10000,
            status="closed",
            closed_at=datetime(2026, 5, 2, 3),
        )
        rows.task(e, "investigation_conclusion", {"penalty_types": ["fine"], "confiscation_amount": 1000.5})
        f = rows.case(violation_code="unlicensed_practice", registered_on=day("2026-04-10"))
        rows.task(f, "intake_record", {"source": "inspection"})
        rows.case(status="intake")
    for institution_id, on in (
        (county["hospital"], "2026-03-03"),
        (county["clinic1"], "2026-03-04"),
        (county["clinic1"], "2026-04-04"),
        (county["tcm"], "2026-05-04"),
    ):
        form = {
            "institution_id": institution_id,
            "inspected_on": on,
            "templates": ["charging"],
            "officer_ids": [people["handler1"], people["handler2"]],
        }
        inspections.record(db, people["handler1"], form, {})
    for direction, counterpart, on in (
        ("out", "police", "2026-03-08"),
        ("in", "market_regulation", "2026-04-08"),
        ("out", "market_regulation", "2026-05-08"),
    ):
        transfers.add(
            db,
            people["handler1"],
            {
                "direction": direction,
                "counterpart_type": counterpart,
                "counterpart_name": "某部门",
                "subject": "移送事项",
                "transferred_on": on,
            },
        )
    complaint_workflow.register(db, people["handler1"], complaint_form(received_on="2026-03-02"))
    complaint_workflow.register(db, people["handler1"], complaint_form(received_on="2026-04-28"))
    complaint_workflow.register(
        db, people["handler1"], complaint_form(real_name=False, received_on="2026-03-02")
    )
    complaint_workflow.register(db, people["handler1"], complaint_form(received_on="2026-05-02"))
    with db() as session:
        return summary.figures(session, agency_id, START, END)


def test_case_figures_by_hand(county_figures):
    assert county_figures["cases"] == {
        "filed": 5,
        "general": 3,
        "summary": 2,
        "unlicensed": 2,
        "unlicensed_from_complaints": 1,
        "warnings": 2,
        "fined": 3,
        "fines_yuan": Decimal("30200.00"),
        "fines_wan": Decimal("3.02"),
        "confiscated_yuan": Decimal("4000.50"),
        "confiscated_wan": Decimal("0.40"),
        "closed": 1,
    }


def test_inspection_transfer_and_complaint_figures_by_hand(county_figures):
    inspected = county_figures["inspections"]
    assert (inspected["institutions"], inspected["visits"]) == (2, 3)
    assert inspected["template"] == {"public_hospital": 1, "private_hospital": 0, "clinic": 1}
    assert [(k["kind"], k["institutions"], k["visits"]) for k in inspected["by_kind"]] == [
        ("public_hospital", 1, 1),
        ("clinic", 1, 2),
    ]
    assert county_figures["transfers"] == {"police": 1, "other": 0, "in": 1}
    complaints = county_figures["complaints"]
    assert (complaints["received"], complaints["real_name"], complaints["case_opened"]) == (3, 2, 0)
    assert (complaints["feedback"]["overdue"], complaints["feedback"]["rate"]) == (2, 0.0)


def test_breakdowns_by_violation_procedure_and_status(county_figures):
    assert {r["code"]: r["count"] for r in county_figures["by_violation"]} == {
        "unlicensed_practice": 2,
        "beyond_scope_institution": 1,
        "other": 2,
    }
    assert {r["label"]: r["count"] for r in county_figures["by_procedure"]} == {"一般程序": 3, "简易程序": 2}
    assert {r["code"]: r["count"] for r in county_figures["by_status"]} == {"closed": 2, "investigating": 3}


def test_the_summary_reads_like_the_template(county_figures):
    paragraphs = [text for section in report.sections(county_figures) for text in section.paragraphs]
    assert (
        "共检查各类医疗机构2家（3户次）。其中二级以上公立医疗机构1家、民营医院0家、个体诊所1家。"
        in paragraphs
    )
    assert "共立案5起，其中简易程序2起，一般程序3起。给予警告2起。" in paragraphs
    assert "罚款3起，计3.02万元；没收违法所得0.40万元。" in paragraphs
    assert "查处无证行医案件2起，其中通过群众投诉举报查处1起。已结案1起。" in paragraphs


def test_the_xlsx_holds_every_indicator(county_figures):
    output = io.BytesIO()
    spreadsheets.write_summary(county_figures, "示例县卫生健康委员会", output)
    sheet = load_workbook(io.BytesIO(output.getvalue()))["工作情况统计"]
    values = {row[0]: row[1] for row in sheet.iter_rows(min_row=4, values_only=True)}
    assert values["立案（起）"] == 5 and values["罚款（万元）"] == pytest.approx(3.02)
    assert values["没收违法所得（万元）"] == pytest.approx(0.4) and values["移送公安机关（起）"] == 1
    assert values["实名举报按期反馈率（%）"] == 0


def test_the_pdf_holds_the_sentences_and_tables(county_figures):
    pdf = work_summary.render(report.work_summary(county_figures, "示例县卫生健康委员会"))
    text = full_text(pdf)
    assert "医疗乱象专项整治工作情况统计" in text and "2026年3月1日至2026年4月30日" in text
    assert "罚款3起，计3.02万元" in text and "附表2分类别检查情况" in text
