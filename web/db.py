"""Access to the engine's sessionmaker from request code."""

from flask import Flask, current_app
from sqlalchemy.engine import Engine
from sqlalchemy.orm import sessionmaker


def sessions() -> sessionmaker:
    return current_app.extensions["caseflow.db"]


def engine_of(app: Flask) -> Engine:
    return app.extensions["caseflow.db"].kw["bind"]
