"""Who may open which page and call which endpoint: the allowed role and forbidden ones, by agency.

A record of another agency answers 404 (its existence is not revealed), a step one's roles or
duties do not allow answers 403, and nothing at all answers without sign-in.
"""

import io
import json

import pytest

from tests.web.conftest import post_form
from web.cases import evidence
from web.security import PUBLIC_ENDPOINTS

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64


@pytest.fixture
def world(app, db, people, case_id, first_task_id):
    with app.app_context():
        attachment = evidence.store(db, case_id, people["handler1"], "现场.png", PNG, "现场照片")
    return {"case": case_id, "task": first_task_id, "attachment": attachment.id}


PAGES = [
    ("GET", "/", "handler2", 200),
    ("GET", "/inbox", "legal", 200),
    ("GET", "/inbox?list=done", "head", 200),
    ("GET", "/cases/{case}", "legal", 200),
    ("GET", "/cases/{case}", "outsider", 404),
    ("GET", "/cases/{case}/diagram.bpmn", "head", 200),
    ("GET", "/cases/{case}/diagram.bpmn", "outsider", 404),
    ("GET", "/cases/new", "handler1", 200),
    ("GET", "/cases/new", "legal", 403),
    ("POST", "/cases/new", "head", 403),
    ("GET", "/tasks/{task}", "handler2", 200),
    ("GET", "/tasks/{task}", "outsider", 404),
    ("POST", "/tasks/{task}", "legal", 403),
    ("POST", "/tasks/{task}", "handler1", 422),
    ("POST", "/tasks/{task}", "outsider", 404),
    ("POST", "/tasks/{task}/claim", "handler2", 302),
    ("POST", "/tasks/{task}/claim", "legal", 403),
    ("POST", "/tasks/{task}/claim", "outsider", 404),
    ("POST", "/tasks/{task}/assign", "depthead", 302),
    ("POST", "/tasks/{task}/assign", "handler2", 403),
    ("GET", "/attachments/{attachment}", "legal", 200),
    ("GET", "/attachments/{attachment}", "outsider", 404),
    ("POST", "/cases/{case}/attachments", "legal", 403),
    ("POST", "/cases/{case}/attachments", "outsider", 404),
    ("POST", "/cases/{case}/comments", "legal", 302),
    ("POST", "/cases/{case}/comments", "outsider", 404),
]

ENDPOINTS = [
    ("GET", "/api/v1/tasks?list=queue", "handler2", 200),
    ("GET", "/api/v1/tasks/{task}", "legal", 200),
    ("GET", "/api/v1/tasks/{task}", "outsider", 404),
    ("POST", "/api/v1/tasks/{task}/claim", "handler2", 200),
    ("POST", "/api/v1/tasks/{task}/claim", "legal", 403),
    ("POST", "/api/v1/tasks/{task}/claim", "outsider", 404),
    ("POST", "/api/v1/tasks/{task}/release", "handler2", 403),
    ("POST", "/api/v1/tasks/{task}/assign", "head", 200),
    ("POST", "/api/v1/tasks/{task}/assign", "handler1", 403),
    ("PUT", "/api/v1/tasks/{task}/draft", "handler1", 200),
    ("PUT", "/api/v1/tasks/{task}/draft", "legal", 403),
    ("POST", "/api/v1/tasks/{task}/complete", "handler1", 422),
    ("POST", "/api/v1/tasks/{task}/complete", "legal", 403),
    ("POST", "/api/v1/tasks/{task}/complete", "outsider", 404),
    ("GET", "/api/v1/cases", "principal", 200),
    ("POST", "/api/v1/cases", "handler2", 201),
    ("POST", "/api/v1/cases", "legal", 403),
    ("GET", "/api/v1/cases/{case}", "legal", 200),
    ("GET", "/api/v1/cases/{case}", "outsider", 404),
    ("GET", "/api/v1/cases/{case}/timeline", "head", 200),
    ("GET", "/api/v1/cases/{case}/timeline", "outsider", 404),
    ("GET", "/api/v1/cases/{case}/documents", "head", 200),
    ("GET", "/api/v1/cases/{case}/documents", "outsider", 404),
    ("GET", "/api/v1/cases/{case}/attachments", "legal", 200),
    ("GET", "/api/v1/cases/{case}/attachments", "outsider", 404),
    ("POST", "/api/v1/cases/{case}/attachments", "legal", 403),
    ("GET", "/api/v1/attachments/{attachment}", "legal", 200),
    ("GET", "/api/v1/attachments/{attachment}", "outsider", 404),
]

BODIES = {
    "/tasks/{task}/assign": lambda people: {"assignee_id": people["handler2"]},
    "/api/v1/tasks/{task}/assign": lambda people: {"assignee_id": people["handler2"]},
    "/api/v1/tasks/{task}/draft": lambda people: {"data": {"summary": "草稿"}},
    "/api/v1/tasks/{task}/complete": lambda people: {"data": {}},
    "/api/v1/cases": lambda people: {"party": {"kind": "person", "name": "新当事人"}},
    "/cases/{case}/comments": lambda people: {"body": "请尽快调查"},
    "/api/v1/cases/{case}/attachments": lambda people: {"file": (io.BytesIO(PNG), "现场.png")},
}


@pytest.mark.parametrize(
    ("method", "url", "user", "status"), PAGES, ids=[f"{m} {u} {who}" for m, u, who, _ in PAGES]
)
def test_page_access(signed_in, world, people, method, url, user, status):
    client = signed_in(user)
    target = url.format(**world)
    if method == "GET":
        response = client.get(target)
    else:
        response = post_form(client, target, BODIES.get(url, lambda p: {})(people))
    assert response.status_code == status
    response.close()


@pytest.mark.parametrize(
    ("method", "url", "user", "status"), ENDPOINTS, ids=[f"{m} {u} {who}" for m, u, who, _ in ENDPOINTS]
)
def test_endpoint_access(app, tokens, world, people, method, url, user, status):
    body = BODIES.get(url.split("?")[0], lambda p: None)(people)
    sent = {"data": body} if body and "file" in body else {"json": body}
    response = app.test_client().open(
        url.format(**world), method=method, headers={"Authorization": f"Bearer {tokens[user]}"}, **sent
    )
    assert response.status_code == status, response.get_data(as_text=True)
    if status >= 400:
        assert set(json.loads(response.data)) >= {"code", "message"}
    response.close()


def test_nothing_answers_without_sign_in(app, world):
    client = app.test_client()
    for rule in app.url_map.iter_rules():
        if rule.endpoint in PUBLIC_ENDPOINTS:
            continue
        url = rule.rule.replace("<int:", "<").replace("<path:filename>", "assets/bpmn-js.css")
        for name, value in {
            "task_id": world["task"],
            "case_id": world["case"],
            "attachment_id": world["attachment"],
            "document_id": 1,
        }.items():
            url = url.replace(f"<{name}>", str(value))
        for method in sorted(rule.methods - {"HEAD", "OPTIONS"}):
            response = client.open(url, method=method)
            if url.startswith("/api/"):
                assert response.status_code == 401, url
                assert response.json["code"] == "unauthorized"
            elif method == "GET":
                assert response.status_code == 302 and "/login" in response.headers["Location"], url
            else:
                assert response.status_code in (302, 400), url
            response.close()
