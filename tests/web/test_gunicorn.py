"""gunicorn.conf.py: settings from the environment, and workers forked from a preloaded app that never
reuse the master's database connections."""

import os
import runpy
from pathlib import Path
from types import SimpleNamespace

from sqlalchemy import text

from web.db import engine_of

CONF = str(Path(__file__).resolve().parents[2] / "gunicorn.conf.py")


def test_settings_come_from_the_environment(monkeypatch):
    monkeypatch.setenv("CASEFLOW_BIND", "0.0.0.0:8100")
    monkeypatch.setenv("CASEFLOW_WEB_WORKERS", "3")
    monkeypatch.setenv("CASEFLOW_WEB_THREADS", "4")
    monkeypatch.setenv("CASEFLOW_LOG_LEVEL", "WARNING")
    conf = runpy.run_path(CONF)
    settings = (conf["bind"], conf["workers"], conf["threads"], conf["loglevel"])
    assert settings == ("0.0.0.0:8100", 3, 4, "warning")
    assert conf["preload_app"] and conf["control_socket_disable"] and conf["accesslog"] == "-"


def test_default_workers_follow_the_cores(monkeypatch):
    monkeypatch.delenv("CASEFLOW_WEB_WORKERS", raising=False)
    assert runpy.run_path(CONF)["workers"] == os.cpu_count() + 1


def _connection_facts(engine) -> str:
    """Who opened the pooled connection this checkout got, and the server process serving it."""
    with engine.connect() as connection:
        server = ""
        if engine.name == "postgresql":
            server = connection.execute(text("SELECT pg_backend_pid()")).scalar()
        return f"{connection.connection.info.get('opened_by')}:{server}"


def test_a_forked_worker_opens_connections_of_its_own(new_app, database_url, db):
    app = new_app(database_url)
    engine = engine_of(app)
    with engine.connect() as connection:
        connection.connection.info["opened_by"] = "master"
    master = _connection_facts(engine)
    post_fork = runpy.run_path(CONF)["post_fork"]
    server = SimpleNamespace(app=SimpleNamespace(wsgi=lambda: app))
    reading, writing = os.pipe()
    child = os.fork()
    if child == 0:
        try:
            post_fork(server, None)
            os.write(writing, _connection_facts(engine).encode())
        finally:
            os._exit(0)
    os.close(writing)
    worker = os.read(reading, 200).decode()
    os.close(reading)
    os.waitpid(child, 0)
    assert master.startswith("master:") and worker.startswith("None:")
    assert engine.name != "postgresql" or master.split(":")[1] != worker.split(":")[1]
    assert _connection_facts(engine) == master


def test_the_master_keeps_no_connection_once_ready(new_app, database_url, db):
    app = new_app(database_url)
    with engine_of(app).connect() as connection:
        connection.execute(text("SELECT 1"))
    assert engine_of(app).pool.checkedin() == 1
    runpy.run_path(CONF)["when_ready"](SimpleNamespace(app=SimpleNamespace(wsgi=lambda: app)))
    assert engine_of(app).pool.checkedin() == 0
