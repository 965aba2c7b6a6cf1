"""The JSON API as a script uses it: open a case, take its first task, draft, complete; errors as JSON."""

import io

import pytest

from engine import runtime
from forms.examples import EXAMPLES
from web.api.schemas import CaseDetailSchema, TaskPageSchema


@pytest.fixture
def api(app, tokens):
    client = app.test_client()

    def call(user, method, url, **kwargs):
        return client.open(url, method=method, headers={"Authorization": f"Bearer {tokens[user]}"}, **kwargs)

    return call


def test_case_opened_and_first_task_completed_through_the_api(api):
    opened = api(
        "handler1", "POST", "/api/v1/cases", json={"party": {"kind": "organization", "name": "某诊所"}}
    )
    assert opened.status_code == 201 and opened.json["status_label"] == "线索受理"
    queue = api("handler2", "GET", "/api/v1/tasks?list=queue").json
    assert queue["total"] == 1 and queue["items"][0]["case_number"] == opened.json["number"]
    task_id = queue["items"][0]["id"]
    task = api("handler2", "GET", f"/api/v1/tasks/{task_id}").json
    assert task["form"][0]["label"] == "案件来源" and task["case_version"] == opened.json["version"]
    assert api("handler2", "POST", f"/api/v1/tasks/{task_id}/claim").json["status"] == "open"
    assert (
        api(
            "handler2", "PUT", f"/api/v1/tasks/{task_id}/draft", json={"data": {"summary": "草稿"}}
        ).status_code
        == 200
    )
    task = api("handler2", "GET", f"/api/v1/tasks/{task_id}").json
    assert task["draft"] == {"summary": "草稿"} and task["assignee_id"] is not None
    done = api(
        "handler2",
        "POST",
        f"/api/v1/tasks/{task_id}/complete",
        json={"data": EXAMPLES["intake_record"], "expected_version": task["case_version"]},
    )
    assert done.status_code == 200 and done.json["status"] == "registration"
    assert api("handler2", "GET", "/api/v1/tasks?list=done").json["items"][0]["id"] == task_id
    timeline = api("handler2", "GET", f"/api/v1/cases/{opened.json['id']}/timeline").json
    assert [e["action"] for e in timeline] == ["登记案件", "认领", "办理"]


def test_validation_errors_name_the_fields(api, first_task_id):
    response = api(
        "handler1", "POST", f"/api/v1/tasks/{first_task_id}/complete", json={"data": {"source": "x"}}
    )
    assert response.status_code == 422
    assert response.json["code"] == "invalid" and {"source", "summary", "received_on"} <= set(
        response.json["details"]
    )


def test_malformed_body_is_refused_with_the_field(api, first_task_id):
    response = api("handler1", "POST", f"/api/v1/tasks/{first_task_id}/complete", json={"payload": {}})
    assert response.status_code == 422 and "data" in response.json["details"]


def test_stale_version_is_a_conflict(api, first_task_id):
    response = api(
        "handler1",
        "POST",
        f"/api/v1/tasks/{first_task_id}/complete",
        json={"data": EXAMPLES["intake_record"], "expected_version": 0},
    )
    assert response.status_code == 409 and response.json["code"] == "conflict"


def test_attachment_uploaded_and_listed(api, case_id):
    png = b"\x89PNG\r\n\x1a\n" + b"\x00" * 32
    sent = api(
        "handler1",
        "POST",
        f"/api/v1/cases/{case_id}/attachments",
        data={"file": (io.BytesIO(png), "照片.png")},
    )
    assert sent.status_code == 201 and sent.json["media_type"] == "image/png"
    listed = api("legal", "GET", f"/api/v1/cases/{case_id}/attachments").json
    assert [a["filename"] for a in listed] == ["照片.png"]
    assert api("legal", "GET", f"/api/v1/attachments/{listed[0]['id']}").data == png


def test_every_error_has_code_message_and_details(app):
    response = app.test_client().get("/api/v1/tasks")
    assert response.status_code == 401
    assert response.json == {"code": "unauthorized", "message": "请先登录或提供有效的访问令牌", "details": {}}


def test_an_id_beyond_any_row_is_not_found_rather_than_a_server_error(api, case_id):
    """Ids longer than an integer column overflowed in SQL and answered 500."""
    response = api("handler1", "GET", f"/api/v1/cases/{2**63}")
    assert (response.status_code, response.json["code"]) == (404, "not_found")


def test_an_oversized_number_in_a_body_or_query_names_its_field(api, first_task_id):
    assigned = api("depthead", "POST", f"/api/v1/tasks/{first_task_id}/assign", json={"assignee_id": 2**63})
    assert assigned.status_code == 422 and "assignee_id" in assigned.json["details"]
    paged = api("handler1", "GET", f"/api/v1/cases?page={2**62}")
    assert paged.status_code == 422 and "page" in paged.json["details"]


def test_a_nul_character_is_refused_as_invalid_on_every_database(api, first_task_id):
    """PostgreSQL cannot hold U+0000 in text: searching or saving one answered 500 there."""
    searched = api("handler1", "GET", "/api/v1/cases?q=%E7%8E%8B%00")
    assert searched.status_code == 422 and searched.json["details"] == {"q": ["不能包含空字符（U+0000）"]}
    drafted = api(
        "handler1", "PUT", f"/api/v1/tasks/{first_task_id}/draft", json={"data": {"summary": "a\x00"}}
    )
    assert drafted.status_code == 422 and set(drafted.json["details"]) == {"data"}


def test_times_carry_their_utc_offset(api, case_id):
    """Without it a browser reads the UTC time of the timeline as its own, eight hours off in China."""
    entry = api("handler1", "GET", f"/api/v1/cases/{case_id}/timeline").json[0]
    assert entry["at"].endswith("+00:00")


def test_openapi_document_describes_the_answers_actually_sent(api):
    spec = api("handler1", "GET", "/api/v1/openapi.json").json
    error = spec["components"]["schemas"]["Error"]
    assert set(error["required"]) == {"code", "message", "details"}
    assert error["properties"]["code"]["type"] == "string"
    upload = spec["paths"]["/api/v1/cases/{case_id}/attachments"]["post"]["requestBody"]["content"]
    assert list(upload) == ["multipart/form-data"]
    assert set(spec["components"]["schemas"]["Upload"]["properties"]) == {"file", "description"}
    download = spec["paths"]["/api/v1/attachments/{attachment_id}"]["get"]["responses"]["200"]["content"]
    assert {"image/png", "application/pdf", "audio/mpeg"} <= set(download)
    assert {"200", "201"} <= set(spec["paths"]["/api/v1/definitions"]["post"]["responses"])
    case_id = spec["paths"]["/api/v1/cases/{case_id}"]["parameters"][0]["schema"]
    assert case_id == {"type": "integer", "minimum": 0, "maximum": 2**31 - 1}


def test_a_method_the_path_does_not_allow_says_which_it_does(api):
    response = api("handler1", "DELETE", "/api/v1/tasks")
    assert (response.status_code, response.json["code"]) == (405, "method_not_allowed")
    assert set(response.headers["Allow"].split(", ")) == {"GET", "HEAD", "OPTIONS"}


def test_a_multipart_part_without_a_readable_name_is_refused_as_invalid(api, case_id):
    """werkzeug reads ``name="\\"`` as no name at all; the error naming it could not be sent as JSON."""
    body = b'--XX\r\nContent-Disposition: form-data; name="\\"\r\n\r\nv\r\n--XX--\r\n'
    response = api(
        "handler1",
        "POST",
        f"/api/v1/cases/{case_id}/attachments",
        data=body,
        content_type="multipart/form-data; boundary=XX",
    )
    assert response.status_code == 422 and set(response.json["details"]) == {"file", "None"}


def test_task_lists_are_sent_exactly_as_their_schema_documents(api, first_task_id):
    """The lists skip marshmallow's dump (web.api.shaped): a key the schema lacks, or a value in
    another form than it dumps, would reach scripts undocumented."""
    queue = api("handler2", "GET", "/api/v1/tasks?list=queue").json
    api("handler2", "POST", f"/api/v1/tasks/{first_task_id}/claim")
    mine = api("handler2", "GET", "/api/v1/tasks?list=mine").json
    version = api("handler2", "GET", f"/api/v1/tasks/{first_task_id}").json["case_version"]
    body = {"data": EXAMPLES["intake_record"], "expected_version": version}
    assert api("handler2", "POST", f"/api/v1/tasks/{first_task_id}/complete", json=body).status_code == 200
    done = api("handler2", "GET", "/api/v1/tasks?list=done").json
    for page in (queue, mine, done):
        assert [row["id"] for row in page["items"]] == [first_task_id]
        assert TaskPageSchema().dump(page) == page


def test_a_case_is_sent_exactly_as_its_schema_documents(api, case_id):
    body = api("handler1", "GET", f"/api/v1/cases/{case_id}").json
    assert body["tasks"] and body["clocks"] is not None
    assert CaseDetailSchema().dump(body) == body


def test_list_totals_and_badges_hold_on_every_tab_and_past_the_last_page(api, db, people, first_task_id):
    runtime.open_case(db, user_id=people["handler1"], party={"kind": "person", "name": "第二当事人"})
    api("handler2", "POST", f"/api/v1/tasks/{first_task_id}/claim")
    mine = api("handler2", "GET", "/api/v1/tasks?list=mine").json
    queue = api("handler2", "GET", "/api/v1/tasks?list=queue").json
    beyond = api("handler2", "GET", "/api/v1/tasks?list=queue&page=5").json
    done = api("handler2", "GET", "/api/v1/tasks?list=done").json
    assert (mine["total"], mine["counts"]) == (1, {"mine": 1})
    assert (queue["total"], queue["counts"], len(queue["items"])) == (1, {"mine": 1, "queue": 1}, 1)
    assert (beyond["items"], beyond["total"], beyond["counts"]) == ([], 1, {"mine": 1, "queue": 1})
    assert (done["items"], done["total"], done["counts"]) == ([], None, {"mine": 1})
