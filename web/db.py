"""Access to the engine's sessionmaker from request code."""

from flask import Flask, current_app
from sqlalchemy.engine import Engine
from sqlalchemy.orm import sessionmaker


def sessions() -> sessionmaker:
    return current_app.extensions["caseflow.db"]


def reads() -> sessionmaker:
    """Sessions that only read (engine.db.make_read_sessionmaker): hot paths that never write."""
    return current_app.extensions["caseflow.reads"]


def engine_of(app: Flask) -> Engine:
    return app.extensions["caseflow.db"].kw["bind"]


def forget_inherited_connections(app: Flask) -> None:
    """Drop, without closing, the pooled connections a forked process inherited from its parent.

    Two processes on one socket interleave their protocol messages and corrupt both sessions;
    closing them here would end the parent's sessions instead. The child opens its own on demand.
    """
    engine_of(app).dispose(close=False)
