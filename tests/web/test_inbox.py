"""The inbox: 我的待办, 待认领 and 已办, separation of duties, filters, paging and the overdue colour."""

from datetime import timedelta

from sqlalchemy import update

from engine import runtime
from engine.clock import utcnow
from engine.models import HumanTask
from engine.scripted import Step, open_task_id, walk
from tests.engine.walking import CLINIC, PERSON
from tests.web.conftest import post_form


def _rows(client, which="mine", **filters):
    page = client.get("/inbox", query_string={"list": which, **filters}).get_data(as_text=True)
    return page.split("<tbody>")[1].split("</tbody>")[0]


def test_claimed_task_moves_from_queue_to_mine_and_done_after_completion(signed_in, db, people, case_id):
    client = signed_in("handler1")
    task_id = open_task_id(db, case_id, "intake_record")
    assert "案件受理记录" in _rows(client, "queue") and "暂无任务" in _rows(client, "mine")
    post_form(client, f"/tasks/{task_id}/claim")
    assert "案件受理记录" in _rows(client, "mine") and "暂无任务" in _rows(client, "queue")
    walk(db, case_id, [Step("intake_record", people["handler1"])])
    assert "案件受理记录" in _rows(client, "done")


def test_queue_never_offers_a_step_duties_forbid(signed_in, db, people):
    case = runtime.open_case(db, user_id=people["multi"], party=dict(PERSON))
    walk(db, case.id, [Step("intake_record", people["multi"])])
    assert "立案审批" in _rows(signed_in("head"), "queue")
    assert "立案审批" not in _rows(signed_in("multi"), "queue")


def test_filters_narrow_by_party_and_case_number(signed_in, db, people):
    first = runtime.open_case(db, user_id=people["handler1"], party=dict(PERSON))
    runtime.open_case(db, user_id=people["handler1"], party=dict(CLINIC))
    client = signed_in("handler2")
    assert "某诊所" in _rows(client, "queue", party="诊所") and "采耳" not in _rows(
        client, "queue", party="诊所"
    )
    assert "采耳" in _rows(client, "queue", party=PERSON["id_number"])
    assert _rows(client, "queue", case_number=first.number).count("<tr>") == 1


def test_pages_of_the_queue(app, signed_in, db, people):
    app.config["PAGE_SIZE"] = 2
    for _ in range(3):
        runtime.open_case(db, user_id=people["handler1"], party=dict(PERSON))
    client = signed_in("handler2")
    first = client.get("/inbox?list=queue").get_data(as_text=True)
    assert "下一页" in first and "共 3 项" in first
    assert _rows(client, "queue", page=2).count("<tr>") == 1


def test_overdue_task_is_red_and_urgent_first(signed_in, db, people, case_id):
    later = runtime.open_case(db, user_id=people["handler1"], party=dict(CLINIC))
    with db.begin() as session:
        session.execute(
            update(HumanTask).where(HumanTask.case_id == later.id).values(due_at=utcnow() - timedelta(days=3))
        )
    rows = _rows(signed_in("handler2"), "queue")
    assert "colour-red" in rows and "超期" in rows
    assert rows.index("某诊所") < rows.index("采耳")
