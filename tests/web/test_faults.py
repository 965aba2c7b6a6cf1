"""What a user sees, and what stays in the database, when the database or an app server dies mid-request.

The database is cut off inside the completion's transaction (PostgreSQL: the server process is
terminated; SQLite: the connection is closed under the session). An app server is killed with
SIGKILL while it holds a completion's transaction, and again after the commit before the PDFs are
rendered. Nothing half-done may remain, and the same request must go through afterwards.
"""

import os
import signal
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

import requests
from sqlalchemy import func, select, text

from engine import audit, rendering, runtime
from engine.models import AuditEvent, Case, Document, DocumentSequence, HumanTask
from forms.examples import EXAMPLES

ROOT = Path(__file__).resolve().parents[2]


def _sever(session) -> None:
    """Lose the connection the way a restarting or unreachable server loses it."""
    if session.get_bind().dialect.name == "postgresql":
        session.execute(text("SELECT pg_terminate_backend(pg_backend_pid())"))
    else:
        session.connection().connection.dbapi_connection.close()


def _state(db, case_id) -> dict:
    with db() as session:
        case = session.get(Case, case_id)
        return {
            "case": (case.version, case.steps, case.status, case.audit_seq),
            "tasks": session.execute(
                select(HumanTask.id, HumanTask.status)
                .where(HumanTask.case_id == case_id)
                .order_by(HumanTask.id)
            ).all(),
            "documents": session.scalar(select(func.count()).select_from(Document)),
            "numbers": session.execute(select(DocumentSequence.doc_type, DocumentSequence.last)).all(),
            "audit": session.scalar(select(func.count()).select_from(AuditEvent)),
        }


def _intake(db, case_id) -> int:
    with db() as session:
        return session.scalar(
            select(HumanTask.id).where(HumanTask.case_id == case_id, HumanTask.status == "open")
        )


def _body(db, case_id):
    with db() as session:
        return {"data": EXAMPLES["intake_record"], "expected_version": session.get(Case, case_id).steps}


def test_database_lost_mid_completion_answers_503_and_keeps_nothing(app, db, tokens, case_id, monkeypatch):
    task_id = _intake(db, case_id)
    before = _state(db, case_id)
    original = runtime.issue_documents

    def cut_off_then_issue(session, *args):
        monkeypatch.setattr(runtime, "issue_documents", original)
        _sever(session)
        return original(session, *args)

    monkeypatch.setattr(runtime, "issue_documents", cut_off_then_issue)
    client = app.test_client()
    headers = {"Authorization": f"Bearer {tokens['handler1']}"}

    response = client.post(f"/api/v1/tasks/{task_id}/complete", json=_body(db, case_id), headers=headers)
    assert response.status_code == 503 and response.headers["Retry-After"]
    assert response.json["code"] == "database_unavailable" and "没有保存" in response.json["message"]
    assert _state(db, case_id) == before

    again = client.post(f"/api/v1/tasks/{task_id}/complete", json=_body(db, case_id), headers=headers)
    assert again.status_code == 200 and again.json["case_version"] == before["case"][1] + 1


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _serve(database_url: str, stage: str, marker: Path) -> tuple[subprocess.Popen, str]:
    port = _free_port()
    env = {
        **os.environ,
        "DATABASE_URL": database_url,
        "CASEFLOW_FAULT_STAGE": stage,
        "CASEFLOW_FAULT_MARKER": str(marker),
        "PYTHONPATH": str(ROOT),
    }
    server = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "tests.web.fault_app:app", "--bind", f"127.0.0.1:{port}",
         "--workers", "1", "--timeout", "600", "--config", "/dev/null"],
        cwd=ROOT, env=env, start_new_session=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            requests.get(f"{url}/healthz", timeout=10)
            return server, url
        except requests.RequestException:
            time.sleep(0.1)
    os.killpg(server.pid, signal.SIGKILL)
    raise AssertionError("the fault server did not start")


def _kill_mid_completion(database_url, db, tokens, case_id, stage, tmp_path) -> None:
    """POST the completion, wait until the server stands inside ``stage``, then SIGKILL it."""
    marker = tmp_path / "reached"
    server, url = _serve(database_url, stage, marker)
    answers = []
    request = threading.Thread(
        target=lambda: answers.append(_post(url, _intake(db, case_id), _body(db, case_id), tokens)),
        daemon=True,
    )
    try:
        request.start()
        deadline = time.monotonic() + 30
        while not marker.exists() and time.monotonic() < deadline:
            time.sleep(0.05)
        assert marker.exists(), "the request never reached the stage"
    finally:
        os.killpg(server.pid, signal.SIGKILL)
        server.wait()
    request.join(10)
    assert answers == ["connection lost"]


def _post(url, task_id, body, tokens):
    try:
        return requests.post(
            f"{url}/api/v1/tasks/{task_id}/complete",
            json=body,
            headers={"Authorization": f"Bearer {tokens['handler1']}"},
            timeout=60,
        ).status_code
    except requests.ConnectionError:
        return "connection lost"


def test_server_killed_inside_the_completion_leaves_the_case_as_it_was(
    database_url, db, tokens, case_id, people, tmp_path
):
    before = _state(db, case_id)
    _kill_mid_completion(database_url, db, tokens, case_id, "engine.runtime:project_tasks", tmp_path)

    assert _state(db, case_id) == before
    with db() as session:
        assert audit.verify(session)[1] == []
    outcome = runtime.complete_task(db, _intake(db, case_id), people["handler1"], EXAMPLES["intake_record"])
    assert outcome.case_version == before["case"][1] + 1


def test_server_killed_before_rendering_leaves_a_pdf_the_worker_makes(
    database_url, db, tokens, case_id, tmp_path
):
    before = _state(db, case_id)
    _kill_mid_completion(database_url, db, tokens, case_id, "engine.rendering:after_commit", tmp_path)

    after = _state(db, case_id)
    assert after["case"][1] == before["case"][1] + 1 and after["documents"] == before["documents"] + 1
    with db() as session:
        [pending] = session.scalars(select(Document).where(Document.case_id == case_id)).all()
        assert pending.rendered_at is None and audit.verify(session)[1] == []
    assert rendering.render_pending(db) == 1
    with db() as session:
        assert session.get(Document, pending.id).sha256 is not None

