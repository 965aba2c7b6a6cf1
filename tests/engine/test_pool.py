"""Pooled connections: a connection dropped while idle is replaced before use, not failed on."""

import pytest
from sqlalchemy import text

from engine import db as engine_db
from engine.db import make_engine


def _session_id(connection) -> object:
    if connection.dialect.name == "postgresql":
        return connection.execute(text("SELECT pg_backend_pid()")).scalar()
    return id(connection.connection.dbapi_connection)


def _drop_while_idle(engine, session_id) -> None:
    """PostgreSQL: the server ends the backend, as a restart would. SQLite: the handle is closed."""
    if engine.dialect.name == "postgresql":
        admin = make_engine(engine.url.render_as_string(hide_password=False))
        with admin.connect() as other:
            other.execute(text("SELECT pg_terminate_backend(:pid)"), {"pid": session_id})
        admin.dispose()
    else:
        engine.pool._pool.queue[0].dbapi_connection.close()


@pytest.fixture
def engine(database_url):
    engine = make_engine(database_url)
    engine.pool.dispose()
    yield engine
    engine.dispose()


def test_a_connection_dropped_while_idle_is_replaced_before_use(engine, monkeypatch):
    with engine.connect() as connection:
        first = _session_id(connection)
    _drop_while_idle(engine, first)
    monkeypatch.setattr(engine_db, "IDLE_BEFORE_PING", 0.0)
    with engine.connect() as connection:
        assert connection.execute(text("SELECT 1")).scalar() == 1
        assert _session_id(connection) != first


def test_a_connection_in_steady_use_is_not_pinged(engine, monkeypatch):
    pings = []
    monkeypatch.setattr(engine.dialect, "do_ping", lambda dbapi_connection: pings.append(1) or True)
    for _ in range(3):
        with engine.connect() as connection:
            connection.execute(text("SELECT 1"))
    assert pings == []
    monkeypatch.setattr(engine_db, "IDLE_BEFORE_PING", 0.0)
    with engine.connect() as connection:
        connection.execute(text("SELECT 1"))
    assert pings == [1]
