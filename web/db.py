"""Access to the engine's sessionmaker from request code."""

from flask import current_app
from sqlalchemy.orm import sessionmaker


def sessions() -> sessionmaker:
    return current_app.extensions["caseflow.db"]
