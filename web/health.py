"""``GET /healthz`` for load balancers, monitoring and the deploy scripts: can this server work now?

It answers without sign-in, so it tells nothing but what failed: no version, host, error text or
count. A server whose database is unreachable, or whose schema is not the one its code was written
for (an upgrade half done), answers 503 so that the balancer sends officers to another one.
"""

from flask import Blueprint, current_app, jsonify
from sqlalchemy import text
from sqlalchemy.exc import SQLAlchemyError

from engine.migrate import schema_is_current
from web.db import engine_of

bp = Blueprint("health", __name__)


@bp.route("/healthz")
def healthz():
    try:
        with engine_of(current_app).connect() as connection:
            connection.execute(text("SELECT 1"))
            current = schema_is_current(connection)
    except SQLAlchemyError:
        current_app.logger.warning("health check: the database is unreachable", exc_info=True)
        return _answer(503, database="unreachable")
    if not current:
        current_app.logger.warning("health check: schema and code differ; run caseflow init-db")
        return _answer(503, database="ok", schema="mismatch")
    return _answer(200, database="ok", schema="current")


def _answer(status: int, **checks: str):
    response = jsonify({"status": "ok" if status == 200 else "unavailable", **checks})
    response.status_code = status
    response.headers["Cache-Control"] = "no-store"
    return response
