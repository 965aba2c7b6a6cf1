"""Settings come only from the environment, with safe defaults for the embedded SQLite run."""

import os
import secrets
from datetime import timedelta

from engine.db import database_url

MEBIBYTE = 1024 * 1024


def load_config() -> dict:
    production = os.environ.get("CASEFLOW_ENV", "development") == "production"
    secret = os.environ.get("SECRET_KEY")
    if production and not secret:
        raise RuntimeError("SECRET_KEY must be set when CASEFLOW_ENV=production")
    return {
        "DATABASE_URL": database_url(),
        "SECRET_KEY": secret or secrets.token_hex(32),
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
