"""GET /healthz: a real query against the database and the schema's migration, without sign-in."""

import socket

from sqlalchemy import text

from engine.db import make_engine


def _unused_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def test_healthy_server_answers_ok_without_sign_in_or_cookie(new_app, database_url, db):
    response = new_app(database_url).test_client().get("/healthz")
    assert response.status_code == 200
    assert response.json == {"status": "ok", "database": "ok", "schema": "current"}
    assert response.headers["Cache-Control"] == "no-store" and "Set-Cookie" not in response.headers


def test_unreachable_database_is_503_without_details(new_app):
    url = f"postgresql+psycopg://caseflow:not-shown@127.0.0.1:{_unused_port()}/caseflow"
    response = new_app(url).test_client().get("/healthz")
    assert response.status_code == 503
    assert response.json == {"status": "unavailable", "database": "unreachable"}
    assert b"not-shown" not in response.data and b"127.0.0.1" not in response.data


def test_unmigrated_database_is_503(new_app, tmp_path):
    url = "sqlite:///" + str(tmp_path / "empty.sqlite")
    response = new_app(url).test_client().get("/healthz")
    assert response.status_code == 503
    assert response.json == {"status": "unavailable", "database": "ok", "schema": "mismatch"}


def test_schema_of_another_code_version_is_503(new_app, database_url, db):
    engine = make_engine(database_url)
    with engine.begin() as connection:
        (revision,) = connection.execute(text("SELECT version_num FROM alembic_version")).one()
        connection.execute(text("UPDATE alembic_version SET version_num = 'from_a_newer_release'"))
    try:
        response = new_app(database_url).test_client().get("/healthz")
    finally:
        with engine.begin() as connection:
            connection.execute(text("UPDATE alembic_version SET version_num = :r"), {"r": revision})
        engine.dispose()
    assert response.status_code == 503 and response.json["schema"] == "mismatch"


def test_everything_else_still_needs_sign_in(new_app, database_url, db):
    client = new_app(database_url).test_client()
    assert client.get("/inbox").status_code == 302
    assert client.get("/api/v1/tasks").status_code == 401
