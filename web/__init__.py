"""The Flask application: a thin UI and CLI over the engine."""

from flask import Flask

from web import auth, cases, commands, security
from web.config import load_config


def create_app(config: dict | None = None) -> Flask:
    """Build the app; tests pass their own config instead of the environment."""
    app = Flask(__name__)
    app.config.update(load_config())
    app.config.update(config or {})
    register_extensions(app)
    register_blueprints(app)
    commands.init_app(app)
    return app


def register_extensions(app: Flask) -> None:
    from engine.db import make_engine, make_sessionmaker

    engine = make_engine(app.config["DATABASE_URL"])
    app.extensions["caseflow.db"] = make_sessionmaker(engine)
    security.init_app(app)


def register_blueprints(app: Flask) -> None:
    app.register_blueprint(auth.bp)
    app.register_blueprint(cases.bp)
