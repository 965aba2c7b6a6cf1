"""Settings come only from the environment, with safe defaults for the embedded SQLite run."""

import os
import secrets

from engine.db import database_url


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
        "REMEMBER_COOKIE_HTTPONLY": True,
        "REMEMBER_COOKIE_SECURE": production,
    }
