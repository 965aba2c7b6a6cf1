"""The case ledger (案件台账): the columns of DOMAIN §5 filled from a case walked to closure, filters,
pages, late fees, and the XLSX export."""

import io
from datetime import date
from decimal import Decimal

import pytest
from openpyxl import load_workbook

from engine.campaigns import ledger, spreadsheets
from engine.clock import today
from engine.models import User
from tests.campaigns.rows import CaseRows, day
from tests.engine.walking import PERSON, Walker

CLOSED_ROUTE = [
    ("intake_record", "handler1"),
    ("registration_approval", "head"),
    ("investigation", "handler1"),
    ("investigation_conclusion", "handler2"),
    ("conclusion_review", "depthead"),
    ("deliberation", "depthead"),
    ("advance_notice", "handler1"),
    ("party_response", "handler1"),
    ("decision_approval", "head"),
    ("service", "handler1"),
    ("execution", "handler1"),
    ("closure_report", "handler1"),
    ("closure_approval", "head"),
]


def _agency(db, people) -> int:
    with db() as session:
        return session.get(User, people["handler1"]).agency_id


def _lines(db, people, **filters) -> list[dict]:
    with db() as session:
        return list(ledger.rows(session, _agency(db, people), ledger.Filters(**filters)))


@pytest.fixture
def closed_case(db, people):
    walker = Walker(db, people)
    case_id = walker.open(PERSON)
    steps = [
        (e, who, {"handler_ids": walker.handlers}) if e == "registration_approval" else (e, who)
        for e, who in CLOSED_ROUTE
    ]
    walker.walk(case_id, steps)
    return case_id


def test_a_closed_case_fills_every_column_it_has_data_for(db, people, closed_case):
    line = _lines(db, people)[0]
    year = today().year
    assert line == {
        "seq": 1,
        "case_id": closed_case,
        "number": f"示县卫医案〔{year}〕0001号",
        "decision_number": f"示县卫医罚〔{year}〕001号",
        "registered_on": date(2026, 3, 4),
        "cause": "涉嫌未取得医疗机构执业许可证擅自执业案",
        "source": "投诉举报",
        "party": PERSON["name"],
        "party_code": PERSON["id_number"],
        "legal_representative": "",
        "address": PERSON["address"],
        "institution_kind": "",
        "violation": "未取得医疗机构执业许可证擅自执业（非法行医）",
        "procedure": "一般程序",
        "basis": "《基本医疗卫生与健康促进法》第九十九条第一款",
        "discretion": "一般",
        "penalties": "责令停止执业、没收违法所得、罚款",
        "fine": Decimal("110000.00"),
        "confiscated_income": Decimal("2000.00"),
        "confiscated_items": "",
        "decided_on": date(2026, 4, 28),
        "served_on": date(2026, 4, 29),
        "paid_on": date(2026, 5, 10),
        "late_fee": None,
        "enforcement": "",
        "transfer": "",
        "closed_on": today(),
        "handlers": "张明、李华",
        "published_on": None,
        "status": "已结案",
        "note": "",
    }
    assert [key for key, _label in ledger.COLUMNS] == [key for key in line if key != "case_id"]


def test_late_fees_run_three_percent_a_day_up_to_the_fine(db, people, deployment):
    agency_id = _agency(db, people)
    with db.begin() as session:
        rows = CaseRows(session, agency_id, people["handler1"], deployment.id)
        rows.case(
            registered_on=day("2026-02-01"),
            decided_on=day("2026-02-20"),
            served_on=day("2026-03-01"),
            paid_on=day("2026-03-20"),
            fine_amount=10000,
        )
        rows.case(
            registered_on=day("2026-02-01"),
            decided_on=day("2026-02-20"),
            served_on=day("2026-03-01"),
            fine_amount=10000,
        )
    paid_late, unpaid = _lines(db, people)
    assert paid_late["late_fee"] == Decimal("1200.00")
    assert unpaid["late_fee"] == Decimal("10000.00")


def test_filters_narrow_by_date_status_violation_procedure_and_text(db, people, deployment):
    agency_id = _agency(db, people)
    with db.begin() as session:
        rows = CaseRows(session, agency_id, people["handler1"], deployment.id)
        rows.case(
            registered_on=day("2026-03-10"),
            violation_code="unlicensed_practice",
            party={"kind": "person", "name": "王某", "id_number": "411500199001011234"},
        )
        rows.case(registered_on=day("2026-05-10"), violation_code="overcharging", status="closed")
        rows.case(procedure="summary", decided_on=day("2026-03-12"), violation_code="other")
        rows.case(status="intake")

    def numbers(**filters):
        return [line["number"][-5:-1] for line in _lines(db, people, **filters)]

    assert numbers() == ["0001", "0002", "0003", "0004"]
    assert numbers(start=date(2026, 3, 1), end=date(2026, 3, 31)) == ["0001", "0003"]
    assert numbers(status="closed") == ["0002"]
    assert numbers(violation="other", procedure="summary") == ["0003"]
    assert numbers(text="411500199001011234") == numbers(text="王某") == ["0001"]
    with db() as session:
        page = list(ledger.rows(session, agency_id, ledger.Filters(), offset=2, limit=1))
        assert ledger.count(session, agency_id, ledger.Filters(start=date(2026, 3, 1))) == 3
    assert [(line["seq"], line["number"][-5:-1]) for line in page] == [(3, "0003")]


def test_another_agencys_cases_are_not_in_the_ledger(db, people, closed_case):
    with db() as session:
        outsider = session.get(User, people["outsider"]).agency_id
        assert list(ledger.rows(session, outsider, ledger.Filters())) == []


def test_the_xlsx_export_has_the_ledger_columns_and_one_row_per_case(db, people, closed_case):
    output, agency_id = io.BytesIO(), _agency(db, people)
    with db() as session:
        written = spreadsheets.write_ledger(session, agency_id, ledger.Filters(), output)
    sheet = load_workbook(io.BytesIO(output.getvalue()))["案件台账"]
    header, *body = list(sheet.iter_rows(values_only=True))
    assert written == len(body) == 1
    assert list(header) == [label for _key, label in ledger.COLUMNS]
    row = dict(zip(header, body[0], strict=True))
    assert row["罚款（元）"] == 110000 and row["承办人"] == "张明、李华"
    assert row["决定日期"].date() == date(2026, 4, 28)
