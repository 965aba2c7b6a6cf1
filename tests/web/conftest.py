"""Web fixtures: an app on the test database, officers with real (fast) password hashes, a signed-in
client per officer, API tokens, and a case at its first step."""

import re

import pytest
from werkzeug.security import generate_password_hash

from engine import accounts, runtime
from engine.models import User
from tests.browsing import browser, live_url  # noqa: F401 - browser tests' fixtures
from tests.engine.walking import PERSON
from web import create_app
from web.auth import tokens as api_tokens
from web.db import engine_of

PASSWORD = "secret-pass"
PASSWORD_HASH = generate_password_hash(PASSWORD, method="pbkdf2:sha256:1000")


@pytest.fixture
def app(database_url, db, people):
    app = create_app({"DATABASE_URL": database_url, "TESTING": True})
    yield app
    app.extensions["caseflow.db"].kw["bind"].dispose()


@pytest.fixture
def new_app():
    """Build apps as ``wsgi.py`` does, from the environment, on a given database; pools closed afterwards."""
    apps = []

    def build(database_url: str):
        apps.append(create_app({"DATABASE_URL": database_url}))
        return apps[-1]

    yield build
    for built in apps:
        engine_of(built).dispose()


@pytest.fixture
def passwords(db, people):
    with db.begin() as session:
        for user_id in people.values():
            session.get(User, user_id).password_hash = PASSWORD_HASH


@pytest.fixture
def client(app, passwords):
    return app.test_client()


def csrf_from(page: str) -> str:
    return re.search(r'name="csrf_token" value="([^"]+)"', page).group(1)


def sign_in(client, username: str, password: str = PASSWORD):
    token = csrf_from(client.get("/login").get_data(as_text=True))
    return client.post("/login", data={"csrf_token": token, "username": username, "password": password})


@pytest.fixture
def signed_in(app, passwords):
    """A test client signed in as the named officer; one client per name."""
    clients = {}

    def client_for(username: str):
        if username not in clients:
            clients[username] = app.test_client()
            assert sign_in(clients[username], username).status_code == 302
        return clients[username]

    return client_for


def post_form(client, url: str, data: dict | None = None, page_url: str | None = None, **kwargs):
    """POST like a browser does: with the CSRF token of the page the form is on."""
    token = csrf_from(client.get(page_url or "/inbox").get_data(as_text=True))
    return client.post(url, data={"csrf_token": token, **(data or {})}, **kwargs)


@pytest.fixture
def tokens(db, people):
    with db.begin() as session:
        return {
            name: api_tokens.issue(session, session.get(User, user_id)) for name, user_id in people.items()
        }


@pytest.fixture
def case_id(db, people):
    return runtime.open_case(db, user_id=people["handler1"], party=dict(PERSON)).id


@pytest.fixture
def first_task_id(db, case_id):
    from engine.scripted import open_task_id

    return open_task_id(db, case_id, "intake_record")


@pytest.fixture
def admin(db, people, passwords):
    """The agency's system administrator (username ``admin``), who alone edits and deploys the procedure."""
    with db.begin() as session:
        agency = session.get(User, people["handler1"]).agency
        return accounts.create_user(
            session,
            username="admin",
            full_name="系统管理员",
            password_hash=PASSWORD_HASH,
            agency=agency,
            roles=["admin"],
        ).id


@pytest.fixture
def admin_token(db, admin):
    with db.begin() as session:
        return api_tokens.issue(session, session.get(User, admin))
