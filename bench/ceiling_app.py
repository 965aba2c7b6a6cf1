"""The least a server of this stack can do for the load test's officers: the ceiling of the stack.

bench/stack_ceiling.py serves it with gunicorn exactly as the load test serves caseflow, and runs
the same locustfile (bench/load_officers.py) against it. It answers the same three requests at the
same paths with just enough JSON for the officers, and does at each tier only what any
implementation on Flask, SQLAlchemy, SpiffWorkflow and PostgreSQL must do as a minimum:

* ``flask``: nothing; fixed answers, no database. The cost of gunicorn, Flask and the client.
* ``sql``: plus the token's user (one statement per request), the task list (one statement), the
  case's version (one statement), and a completion that locks the case row and bumps its version
  in one transaction.
* ``spiff``: plus, in the completion, the case's real workflow restored from its stored state and
  serialised again (engine.state), which any step of a persisted SpiffWorkflow process costs at
  the least, before running the task, validating the form, issuing documents or writing the audit.

None of it is caseflow's code path: no marshmallow, no ORM objects, no roles, no documents. What
this server reaches is an upper bound for caseflow on the same machine.
"""

import os

from flask import Flask, abort, jsonify, request
from sqlalchemy import create_engine, text

from engine import state
from engine.specs import cached_bundle
from web.auth.tokens import digest

TIER = os.environ.get("CASEFLOW_CEILING_TIER", "spiff")
FIXED_TASKS = [{"id": n, "case_id": n, "form_key": "investigation"} for n in range(1, 21)]

USER = text(
    "SELECT u.id, u.agency_id FROM api_token t JOIN user_account u ON u.id = t.user_id "
    "WHERE t.token_hash = :digest"
)
MINE = text(
    "SELECT id, case_id, form_key FROM human_task "
    "WHERE status = 'open' AND assignee_id = :user ORDER BY id LIMIT :size"
)
QUEUE = text(
    "SELECT id, case_id, form_key FROM human_task "
    "WHERE status = 'open' AND agency_id = :agency ORDER BY id LIMIT :size"
)
VERSION = text("SELECT version FROM case_file WHERE id = :case")
LOCKED_CASE = text(
    "SELECT c.id, c.workflow_state, c.process_id, c.deployment_id, d.content_hash FROM case_file c "
    "JOIN human_task t ON t.case_id = c.id JOIN deployment d ON d.id = c.deployment_id "
    "WHERE t.id = :task FOR UPDATE OF c"
)
BUMP = text("UPDATE case_file SET version = version + 1 WHERE id = :case")
SAVE = text("UPDATE case_file SET workflow_state = :blob, version = version + 1 WHERE id = :case")
FILES = text("SELECT files FROM deployment WHERE id = :deployment")

app = Flask(__name__)
_engine = None


def database():
    """One pool per gunicorn worker, made after the fork."""
    global _engine
    if _engine is None:
        _engine = create_engine(os.environ["DATABASE_URL"], pool_size=5, max_overflow=10)
    return _engine


def signed_in(connection):
    header = request.headers.get("Authorization", "")
    user = connection.execute(USER, {"digest": digest(header.removeprefix("Bearer "))}).first()
    if user is None:
        abort(401)
    return user


@app.get("/healthz")
def healthz():
    if TIER != "flask":
        with database().connect() as connection:
            connection.execute(text("SELECT 1"))
    return jsonify(status="ok")


@app.get("/api/v1/tasks")
def tasks():
    size = min(int(request.args.get("per_page", 20)), 50)
    if TIER == "flask":
        return jsonify(items=FIXED_TASKS[:size] if request.args.get("list") == "queue" else [])
    with database().connect() as connection:
        user = signed_in(connection)
        if request.args.get("list") == "mine":
            rows = connection.execute(MINE, {"user": user.id, "size": size})
        else:
            rows = connection.execute(QUEUE, {"agency": user.agency_id, "size": size})
        return jsonify(items=[row._asdict() for row in rows])


@app.get("/api/v1/cases/<int:case_id>")
def case(case_id: int):
    if TIER == "flask":
        return jsonify(version=1, tasks=[])
    with database().connect() as connection:
        signed_in(connection)
        version = connection.scalar(VERSION, {"case": case_id})
        return jsonify(version=version, tasks=[])


@app.post("/api/v1/tasks/<int:task_id>/complete")
def complete(task_id: int):
    request.get_json()
    if TIER == "flask":
        return jsonify(completed=task_id)
    with database().begin() as connection:
        signed_in(connection)
        row = connection.execute(LOCKED_CASE, {"task": task_id}).first()
        if TIER == "sql":
            connection.execute(BUMP, {"case": row.id})
        else:
            workflow = restore(connection, row)
            connection.execute(SAVE, {"blob": state.dump(workflow), "case": row.id})
    return jsonify(completed=task_id)


def restore(connection, row):
    """The parsed diagrams come from the process cache, as in caseflow; files are read only on a miss."""
    bundle = cached_bundle(
        row.content_hash, lambda: connection.scalar(FILES, {"deployment": row.deployment_id})
    )
    spec, subprocess_specs = bundle.specs(row.process_id)
    return state.load(row.workflow_state, spec, subprocess_specs)
