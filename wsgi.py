"""WSGI entry point for a production server: ``gunicorn wsgi:app`` (settings in gunicorn.conf.py).

The master loads the app and warms the definitions and the font before forking its workers.
"""

import logging

from sqlalchemy.exc import SQLAlchemyError

from engine.warmup import warm_up
from web import create_app

app = create_app()
try:
    warm_up(app.extensions["caseflow.db"])
except SQLAlchemyError as exc:
    logging.getLogger("caseflow").warning("not warmed up, the database is not ready (see /healthz): %s", exc)
