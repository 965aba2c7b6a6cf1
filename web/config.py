"""Settings come only from the environment, with safe defaults for the embedded SQLite run.

docs/deploy.md lists every variable. In production nothing that matters is defaulted: a random
secret key would differ between gunicorn workers and sign everyone out at random, and a silent
SQLite file would give each app server a database of its own.
"""

import os
import secrets
from datetime import timedelta

from engine import rendering
from engine.db import database_url
from engine.env import choice, whole_number

MEBIBYTE = 1024 * 1024
REQUIRED_IN_PRODUCTION = ("SECRET_KEY", "DATABASE_URL")
SECRET_KEY_MIN_LENGTH = 32
LOG_LEVELS = ("DEBUG", "INFO", "WARNING", "ERROR")


def default_web_workers() -> int:
    """One gunicorn worker per core, and one more to use a core while another waits on the database.

    The app's requests spend their time on the CPU, not waiting: gunicorn's usual 2 × cores + 1 only
    trades CPU for process switches and colder caches. On 2 cores, 3 workers served about a quarter
    more submits a second than 5 in bench/load_test.py (runs interleaved; docs/deploy.md).
    """
    return (os.cpu_count() or 1) + 1


def load_config() -> dict:
    production = choice("CASEFLOW_ENV", "development", ("development", "production")) == "production"
    missing = [name for name in REQUIRED_IN_PRODUCTION if not os.environ.get(name)]
    if production and missing:
        raise RuntimeError(f"{' and '.join(missing)} must be set when CASEFLOW_ENV=production")
    if production and len(os.environ["SECRET_KEY"]) < SECRET_KEY_MIN_LENGTH:
        raise RuntimeError(f"SECRET_KEY must be at least {SECRET_KEY_MIN_LENGTH} characters long")
    return {
        "DATABASE_URL": database_url(),
        "SECRET_KEY": os.environ.get("SECRET_KEY") or secrets.token_hex(32),
        "PROXY_HOPS": whole_number("CASEFLOW_PROXY_HOPS", 0),
        "LOG_LEVEL": choice("CASEFLOW_LOG_LEVEL", "INFO", LOG_LEVELS),
        "DOCUMENT_RENDERING": rendering.mode(),
        "SESSION_COOKIE_HTTPONLY": True,
        "SESSION_COOKIE_SAMESITE": "Lax",
        "SESSION_COOKIE_SECURE": production,
        "SESSION_COOKIE_NAME": "caseflow_session",
        "PERMANENT_SESSION_LIFETIME": timedelta(hours=8),
        "REMEMBER_COOKIE_HTTPONLY": True,
        "REMEMBER_COOKIE_SECURE": production,
        "WTF_CSRF_TIME_LIMIT": None,
        "MAX_CONTENT_LENGTH": 25 * MEBIBYTE,
        "ATTACHMENT_MAX_BYTES": 20 * MEBIBYTE,
        "LOGIN_MAX_FAILURES": 5,
        "LOGIN_LOCK_MINUTES": 15,
        "PAGE_SIZE": 20,
        "API_TITLE": "caseflow API",
        "API_VERSION": "v1",
        "OPENAPI_VERSION": "3.0.3",
        "OPENAPI_URL_PREFIX": "/api/v1",
        "OPENAPI_JSON_PATH": "openapi.json",
        "BPMN_JS_DIST": os.environ.get("CASEFLOW_BPMN_JS_DIST", _default_bpmn_js()),
    }


def _default_bpmn_js() -> str:
    """bpmn-js as `make install` puts it: in node_modules of the checkout, never copied into the repo."""
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    return os.path.join(root, "node_modules", "bpmn-js", "dist")
