"""A task's page: the form from its schema, server-side validation that keeps the input, drafts,
stale forms, reassigning, and the reason of a send-back on the step it returned to."""

import re

from sqlalchemy import select

from engine.models import HumanTask
from engine.scripted import open_task_id
from forms.examples import EXAMPLES
from tests.engine.walking import Walker
from tests.web.conftest import post_form


def test_form_shows_chinese_labels_choices_and_eligible_officers(signed_in, db, people, case_id):
    Walker(db, people).step(case_id, "intake_record", "handler1")
    page = (
        signed_in("head")
        .get(f"/tasks/{open_task_id(db, case_id, 'registration_approval')}")
        .get_data(as_text=True)
    )
    assert "立案审批结论" in page and "同意立案" in page and "受理记录" not in page.split("此前各环节")[0]
    pickers = re.findall(r'name="handler_ids" value="(\d+)"', page)
    assert str(people["handler2"]) in pickers
    assert str(people["trainee"]) not in pickers and str(people["outsider"]) not in pickers
    assert "群众举报某采耳店" in page.split("此前各环节")[1]


def test_invalid_submission_keeps_the_input_and_marks_the_fields(signed_in, first_task_id):
    client = signed_in("handler1")
    data = {
        "action": "complete",
        "source": "complaint",
        "summary": "太短",
        "recommendation_reason": "涉嫌无证行医",
    }
    response = post_form(client, f"/tasks/{first_task_id}", data)
    page = response.get_data(as_text=True)
    assert response.status_code == 422
    assert re.search(r'data-field="summary">.*?至少需要填写10个字', page, re.S)
    assert re.search(r'data-field="received_on">.*?必填项', page, re.S)
    assert ">太短</textarea>" in page and 'value="complaint" selected' in page


def test_draft_is_kept_without_validation(signed_in, db, first_task_id):
    client = signed_in("handler1")
    post_form(client, f"/tasks/{first_task_id}", {"action": "draft", "summary": "尚未写完"})
    with db() as session:
        task = session.get(HumanTask, first_task_id)
    assert task.status == "open" and task.draft["summary"] == "尚未写完"
    assert ">尚未写完</textarea>" in client.get(f"/tasks/{first_task_id}").get_data(as_text=True)


def test_stale_form_gets_a_conflict_and_keeps_the_input(signed_in, first_task_id):
    client = signed_in("handler1")
    page = client.get(f"/tasks/{first_task_id}").get_data(as_text=True)
    version = int(re.search(r'name="expected_version" value="(\d+)"', page).group(1))
    data = {**EXAMPLES["intake_record"], "action": "complete", "expected_version": version - 1}
    response = post_form(client, f"/tasks/{first_task_id}", data)
    assert response.status_code == 409
    assert "案件已被他人更新" in response.get_data(as_text=True) and "群众举报某采耳店" in response.get_data(
        as_text=True
    )


def test_records_entries_are_posted_as_numbered_fields(signed_in, db, people, case_id):
    Walker(db, people).walk(
        case_id,
        [
            ("intake_record", "handler1"),
            ("registration_approval", "head", {"handler_ids": [people["handler1"], people["handler2"]]}),
        ],
    )
    task_id = open_task_id(db, case_id, "investigation")
    data = {
        "action": "complete",
        "investigation_summary": "现场检查发现采耳工具",
        "next_step": "conclude",
        "evidence": "现场照片8张\n收费记录复印件",
    }
    for index, record in enumerate(EXAMPLES["investigation"]["records"]):
        data.update({f"records-{index}-{key}": value for key, value in record.items()})
    data.update({"records-2-kind": "", "records-2-content": ""})
    assert post_form(signed_in("handler1"), f"/tasks/{task_id}", data).status_code == 302
    with db() as session:
        stored = session.get(HumanTask, task_id).data
    assert [r["kind"] for r in stored["records"]] == ["onsite", "inquiry"]
    assert stored["evidence"] == ["现场照片8张", "收费记录复印件"]


def test_head_reassigns_a_claimed_task(signed_in, db, people, first_task_id):
    post_form(signed_in("handler1"), f"/tasks/{first_task_id}/claim")
    post_form(signed_in("depthead"), f"/tasks/{first_task_id}/assign", {"assignee_id": people["handler3"]})
    with db() as session:
        assert session.get(HumanTask, first_task_id).assignee_id == people["handler3"]


def test_send_back_reason_shows_on_the_returned_task_and_the_timeline(signed_in, db, people):
    walker = Walker(db, people)
    case_id = walker.to_investigation()
    walker.walk(case_id, [("investigation", "handler1"), ("investigation_conclusion", "handler2")])
    review = open_task_id(db, case_id, "conclusion_review")
    reason = "违法所得计算依据不足，请补充收费记录。"
    data = {"action": "complete", "conclusion_review_result": "return", "conclusion_review_opinion": reason}
    assert post_form(signed_in("depthead"), f"/tasks/{review}", data).status_code == 302
    with db() as session:
        returned = session.scalar(
            select(HumanTask.id).where(HumanTask.case_id == case_id, HumanTask.status == "open")
        )
    page = signed_in("handler2").get(f"/tasks/{returned}").get_data(as_text=True)
    assert "退回意见" in page and reason in page.split('id="send-back"')[1].split("</div>")[0]
    case_page = signed_in("handler2").get(f"/cases/{case_id}").get_data(as_text=True)
    assert f"退回理由：</strong>{reason}" in case_page


def test_returned_opinion_required_when_sending_back(signed_in, db, people):
    walker = Walker(db, people)
    case_id = walker.to_investigation()
    walker.walk(case_id, [("investigation", "handler1"), ("investigation_conclusion", "handler2")])
    review = open_task_id(db, case_id, "conclusion_review")
    response = post_form(
        signed_in("depthead"),
        f"/tasks/{review}",
        {"action": "complete", "conclusion_review_result": "return"},
    )
    assert response.status_code == 422 and "退回时必填" in response.get_data(as_text=True)


def test_a_draft_of_the_wrong_shape_does_not_break_the_page(signed_in, app, tokens, db, people, case_id):
    Walker(db, people).walk(
        case_id,
        [
            ("intake_record", "handler1"),
            ("registration_approval", "head", {"handler_ids": [people["handler1"], people["handler2"]]}),
        ],
    )
    task_id = open_task_id(db, case_id, "investigation")
    headers = {"Authorization": f"Bearer {tokens['handler1']}"}
    draft = {"data": {"records": "一条", "evidence": "照片", "investigation_summary": ["x"]}}
    assert (
        app.test_client().put(f"/api/v1/tasks/{task_id}/draft", json=draft, headers=headers).status_code
        == 200
    )
    assert signed_in("handler1").get(f"/tasks/{task_id}?records=x").status_code == 200
