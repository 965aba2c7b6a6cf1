"""The transfers register: criminal transfers and 案件移送 read from the cases, complaints sent out,
letters recorded by hand in both directions, with receipts and the other side's results."""

from datetime import date

import pytest

from engine.campaigns import transfers
from engine.clock import today
from engine.errors import InvalidSubmission, NotFound
from engine.models import User
from tests.engine.walking import CLINIC, Walker


def _agency(db, people) -> int:
    with db() as session:
        return session.get(User, people["handler1"]).agency_id


def _register(db, people, start=None, end=None):
    agency_id = _agency(db, people)
    with db() as session:
        return transfers.register(session, agency_id, start, end)


@pytest.fixture
def walker(db, people):
    return Walker(db, people)


def test_a_criminal_transfer_is_listed_with_the_police_and_their_decision(db, people, walker):
    case_id = walker.to_investigation()
    walker.walk(
        case_id,
        [
            ("investigation", "handler1", {"next_step": "transfer_police"}),
            ("transfer_report", "handler1", {"task_force_ids": walker.handlers}),
            ("transfer_decision", "principal"),
            ("transfer_to_police", "handler1"),
            ("police_decision", "handler1", {"police_decision": "refused", "police_reason": "未达追诉标准"}),
            ("refusal_follow_up", "handler1"),
            ("reconsideration", "handler1"),
        ],
    )
    (line,) = _register(db, people)
    assert (line.source, line.direction, line.counterpart_label) == ("case", "out", "公安机关")
    assert (line.counterpart_name, line.transferred_on) == ("示例县公安局", date(2026, 3, 20))
    assert line.letter_no == f"示县卫医刑移〔{today().year}〕001号"
    assert line.receipt_note == "回执编号示公受〔2026〕12号"
    assert (line.result, line.result_on) == ("不予立案；复议：改为立案", date(2026, 3, 23))
    assert line.case_id == case_id


def test_a_transfer_to_market_regulation_is_listed_once_approved_with_its_receipt(db, people, walker):
    case_id = walker.to_investigation(CLINIC)
    walker.conclude(
        case_id,
        proposal="transfer_agency",
        violation_code="illegal_advertising",
        penalty_types=[],
        fine_amount=0,
    )
    walker.step(case_id, "transfer_out_draft", "handler1")
    assert _register(db, people) == []
    walker.walk(case_id, [("transfer_out_approval", "head"), ("transfer_out_receipt", "handler1")])
    (line,) = _register(db, people)
    assert (line.counterpart_type, line.counterpart_name) == ("market_regulation", "示例县市场监督管理局")
    assert (line.transferred_on, line.receipt_on, line.receipt_note) == (
        today(),
        date(2026, 4, 2),
        "市场监管局法规股 钱某",
    )
    assert line.letter_no == f"示县卫医移〔{today().year}〕001号" and line.party_name == CLINIC["name"]


def test_letters_recorded_by_hand_get_their_receipt_and_result_later(db, people, walker):
    case_id = walker.open()
    record = transfers.add(
        db,
        people["handler1"],
        {
            "direction": "in",
            "counterpart_type": "market_regulation",
            "counterpart_name": "示例县市场监督管理局",
            "subject": "某美容店涉嫌非法医疗美容",
            "letter_no": "示市监移〔2026〕5号",
            "transferred_on": "2026-04-01",
            "case_number": walker.case(case_id).number,
        },
    )
    transfers.progress(
        db,
        people["handler2"],
        record.id,
        {"receipt_on": "2026-04-02", "result": "已立案查处", "result_on": "2026-04-10"},
    )
    (line,) = _register(db, people)
    assert (line.source, line.direction, line.case_id) == ("register", "in", case_id)
    assert (line.receipt_on, line.result, line.result_on) == (
        date(2026, 4, 2),
        "已立案查处",
        date(2026, 4, 10),
    )


def test_a_case_number_of_no_case_is_refused_and_others_records_are_not_found(db, people):
    form = {
        "direction": "in",
        "counterpart_type": "police",
        "counterpart_name": "示例县公安局",
        "subject": "线索",
        "transferred_on": "2026-04-01",
        "case_number": "不存在的案号",
    }
    with pytest.raises(InvalidSubmission) as refused:
        transfers.add(db, people["handler1"], form)
    assert refused.value.details == {"case_number": ["本机关没有案件 不存在的案号"]}
    record = transfers.add(db, people["handler1"], {**form, "case_number": ""})
    with pytest.raises(NotFound):
        transfers.progress(db, people["outsider"], record.id, {"result": "x"})


def test_the_register_filters_by_date_newest_first(db, people):
    for on in ("2026-03-01", "2026-05-01", "2026-04-01"):
        transfers.add(
            db,
            people["handler1"],
            {
                "direction": "out",
                "counterpart_type": "cyberspace",
                "counterpart_name": "网信办",
                "subject": "违法医疗信息",
                "transferred_on": on,
            },
        )
    dates = [
        t.transferred_on.isoformat() for t in _register(db, people, date(2026, 3, 15), date(2026, 5, 31))
    ]
    assert dates == ["2026-05-01", "2026-04-01"]
