"""The Flask application: a thin UI, JSON API and CLI over the engine."""

from flask import Flask
from werkzeug.middleware.proxy_fix import ProxyFix

from web import (
    admin,
    api,
    assets,
    auth,
    caching,
    campaigns,
    cases,
    commands,
    errors,
    health,
    inbox,
    security,
    tasks,
    templating,
    verify,
)
from web.config import load_config
from web.extensions import csrf, login_manager


def create_app(config: dict | None = None) -> Flask:
    """Build the app; tests pass their own config instead of the environment."""
    app = Flask(__name__)
    app.config.update(load_config())
    app.config.update(config or {})
    behind_proxies(app)
    app.logger.setLevel(app.config["LOG_LEVEL"])
    register_extensions(app)
    register_blueprints(app)
    templating.init_app(app)
    caching.init_app(app)
    errors.init_app(app)
    commands.init_app(app)
    return app


def behind_proxies(app: Flask) -> None:
    """Believe the scheme, host and client address the trusted reverse proxies report, for that many hops.

    Behind a TLS-terminating nginx the app would otherwise see plain HTTP from 127.0.0.1: Flask-WTF
    then skips its same-origin referrer check for HTTPS forms. Trusting a hop more than there are
    proxies would let a client forge these headers. The prefix header is never trusted: the proxy of
    docs/deploy.md does not set it, so only a client could.
    """
    hops = app.config["PROXY_HOPS"]
    if hops:
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=hops, x_proto=hops, x_host=hops, x_port=hops)


def register_extensions(app: Flask) -> None:
    from engine.db import make_engine, make_read_sessionmaker, make_sessionmaker

    engine = make_engine(app.config["DATABASE_URL"])
    app.extensions["caseflow.db"] = make_sessionmaker(engine)
    app.extensions["caseflow.reads"] = make_read_sessionmaker(engine)
    login_manager.init_app(app)
    csrf.init_app(app)
    security.init_app(app)


def register_blueprints(app: Flask) -> None:
    """Page routes' ``<int:...>`` ids get the API's bound too: a 40-digit id is a 404, not an SQL overflow."""
    app.url_map.converters["int"] = api.Int32Converter
    for area in (auth, inbox, tasks, cases, assets, verify, campaigns, admin, health):
        app.register_blueprint(area.bp)
    api.init_app(app)
