"""Sign-in: lock after failures, cookie flags, safe redirects; script tokens; CSRF on session writes."""

import hashlib

from sqlalchemy import select, update

from engine.clock import utcnow
from engine.models import ApiToken, LoginThrottle
from tests.web.conftest import csrf_from, sign_in


def test_repeated_failures_lock_the_name_even_for_the_right_password(client, db):
    for _ in range(5):
        assert sign_in(client, "handler1", "wrong").status_code == 401
    locked = sign_in(client, "handler1")
    assert locked.status_code == 429 and "临时锁定" in locked.get_data(as_text=True)
    with db.begin() as session:
        session.execute(update(LoginThrottle).values(locked_until=utcnow()))
    assert sign_in(client, "handler1").status_code == 302


def test_unknown_names_are_throttled_like_known_ones(client):
    for _ in range(5):
        sign_in(client, "nobody", "guess")
    assert sign_in(client, "nobody", "guess").status_code == 429


def test_session_cookie_is_http_only_and_same_site(client):
    response = sign_in(client, "handler1")
    cookie = response.headers["Set-Cookie"]
    assert "HttpOnly" in cookie and "SameSite=Lax" in cookie


def test_sign_in_returns_only_to_local_pages(client):
    token = csrf_from(client.get("/login").get_data(as_text=True))
    form = {"csrf_token": token, "username": "handler1", "password": "secret-pass"}
    response = client.post("/login?next=//evil.example/", data=form)
    assert response.headers["Location"] == "/inbox"


def test_sign_out_ends_the_session(signed_in):
    client = signed_in("handler1")
    token = csrf_from(client.get("/inbox").get_data(as_text=True))
    client.post("/logout", data={"csrf_token": token})
    assert client.get("/inbox").status_code == 302


def test_token_command_prints_a_token_stored_only_as_its_hash(app, db):
    result = app.test_cli_runner().invoke(args=["user", "token", "handler1"])
    token = result.output.strip()
    assert result.exit_code == 0 and token.startswith("cf_")
    with db() as session:
        stored = session.scalars(select(ApiToken.token_hash)).all()
    assert stored == [hashlib.sha256(token.encode()).hexdigest()]
    listed = app.test_client().get("/api/v1/tasks", headers={"Authorization": f"Bearer {token}"})
    assert listed.status_code == 200


def test_unknown_token_is_refused_as_json(app, tokens):
    response = app.test_client().get("/api/v1/tasks", headers={"Authorization": "Bearer cf_not-a-token"})
    assert response.status_code == 401 and response.json["code"] == "unauthorized"


def test_browser_api_writes_need_the_csrf_header(signed_in, first_task_id):
    client = signed_in("handler1")
    assert client.post(f"/api/v1/tasks/{first_task_id}/claim").json["code"] == "csrf"
    token = csrf_from(client.get("/inbox").get_data(as_text=True))
    claimed = client.post(f"/api/v1/tasks/{first_task_id}/claim", headers={"X-CSRFToken": token})
    assert claimed.status_code == 200 and claimed.json["assignee_id"] is not None


def test_openapi_document_describes_the_api(signed_in):
    spec = signed_in("legal").get("/api/v1/openapi.json").json
    assert spec["info"]["title"] == "caseflow API"
    assert {"/api/v1/tasks/{task_id}/complete", "/api/v1/cases", "/api/v1/cases/{case_id}/timeline"} <= set(
        spec["paths"]
    )
    assert "bearerToken" in spec["components"]["securitySchemes"]
