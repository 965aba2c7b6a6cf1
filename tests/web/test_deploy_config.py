"""Production settings from the environment: nothing essential defaulted, proxies trusted only as far as
configured, database pools sized from the environment."""

import logging

import pytest
from flask import request

from engine.db import make_engine, server_options
from web.config import load_config

SECRET = "k" * 40
SERVER_URL = "postgresql+psycopg://caseflow@db.internal:5432/caseflow"


@pytest.fixture
def environment(monkeypatch):
    for name in ("CASEFLOW_ENV", "SECRET_KEY", "DATABASE_URL", "CASEFLOW_PROXY_HOPS", "CASEFLOW_LOG_LEVEL"):
        monkeypatch.delenv(name, raising=False)
    return monkeypatch


def test_production_refuses_to_start_without_secret_key_and_database(environment):
    environment.setenv("CASEFLOW_ENV", "production")
    with pytest.raises(RuntimeError, match="SECRET_KEY and DATABASE_URL must be set"):
        load_config()
    environment.setenv("SECRET_KEY", SECRET)
    with pytest.raises(RuntimeError, match="^DATABASE_URL must be set"):
        load_config()


def test_production_refuses_a_short_secret_key(environment):
    environment.setenv("CASEFLOW_ENV", "production")
    environment.setenv("DATABASE_URL", SERVER_URL)
    environment.setenv("SECRET_KEY", "changeme")
    with pytest.raises(RuntimeError, match="at least 32 characters"):
        load_config()


def test_production_takes_its_settings_from_the_environment_with_secure_cookies(environment):
    environment.setenv("CASEFLOW_ENV", "production")
    environment.setenv("DATABASE_URL", SERVER_URL)
    environment.setenv("SECRET_KEY", SECRET)
    config = load_config()
    assert (config["DATABASE_URL"], config["SECRET_KEY"]) == (SERVER_URL, SECRET)
    assert config["SESSION_COOKIE_SECURE"] and config["REMEMBER_COOKIE_SECURE"]
    assert config["PROXY_HOPS"] == 0 and config["LOG_LEVEL"] == "INFO"


def test_development_keeps_working_without_any_setting(environment):
    config = load_config()
    assert config["DATABASE_URL"].startswith("sqlite:///") and len(config["SECRET_KEY"]) == 64
    assert not config["SESSION_COOKIE_SECURE"]


@pytest.mark.parametrize(
    ("name", "value", "message"),
    [
        ("CASEFLOW_ENV", "prod", "CASEFLOW_ENV must be one of development, production"),
        ("CASEFLOW_PROXY_HOPS", "one", "CASEFLOW_PROXY_HOPS must be a whole number"),
        ("CASEFLOW_PROXY_HOPS", "-1", "CASEFLOW_PROXY_HOPS must be at least 0"),
        ("CASEFLOW_LOG_LEVEL", "LOUD", "CASEFLOW_LOG_LEVEL must be one of"),
        ("CASEFLOW_RENDER", "workers", "CASEFLOW_RENDER must be one of inline, worker"),
    ],
)
def test_a_mistyped_setting_stops_the_start_naming_the_variable(environment, name, value, message):
    environment.setenv(name, value)
    with pytest.raises(RuntimeError, match=message):
        load_config()


def _seen_by_the_app(app, headers: dict) -> dict:
    seen = {}

    @app.after_request
    def record(response):
        seen.update(scheme=request.scheme, host=request.host, address=request.remote_addr)
        return response

    app.test_client().get("/login", headers=headers)
    return seen


FORWARDED = {
    "X-Forwarded-For": "198.51.100.7, 203.0.113.9",
    "X-Forwarded-Proto": "https",
    "X-Forwarded-Host": "zhifa.example.gov.cn",
}


def test_without_a_trusted_proxy_forwarded_headers_are_ignored(environment, new_app, database_url, db):
    seen = _seen_by_the_app(new_app(database_url), FORWARDED)
    assert seen == {"scheme": "http", "host": "localhost", "address": "127.0.0.1"}


def test_trusted_proxy_hops_give_the_browser_address_scheme_and_host(environment, new_app, database_url, db):
    environment.setenv("CASEFLOW_PROXY_HOPS", "1")
    seen = _seen_by_the_app(new_app(database_url), FORWARDED)
    assert seen == {"scheme": "https", "host": "zhifa.example.gov.cn", "address": "203.0.113.9"}
    environment.setenv("CASEFLOW_PROXY_HOPS", "2")
    two_hops = {
        **FORWARDED,
        "X-Forwarded-Proto": "https, http",
        "X-Forwarded-Host": "zhifa.example.gov.cn, lb",
    }
    seen = _seen_by_the_app(new_app(database_url), two_hops)
    assert seen == {"scheme": "https", "host": "zhifa.example.gov.cn", "address": "198.51.100.7"}


def test_log_level_from_the_environment(environment, new_app, database_url):
    environment.setenv("CASEFLOW_LOG_LEVEL", "WARNING")
    assert new_app(database_url).logger.level == logging.WARNING


def test_database_pool_from_the_environment(environment):
    environment.setenv("CASEFLOW_DB_POOL_SIZE", "7")
    environment.setenv("CASEFLOW_DB_MAX_OVERFLOW", "3")
    environment.setenv("CASEFLOW_DB_POOL_TIMEOUT", "4")
    environment.setenv("CASEFLOW_DB_POOL_RECYCLE", "0")
    environment.setenv("CASEFLOW_DB_STATEMENT_TIMEOUT", "45")
    environment.setenv("CASEFLOW_DB_APPLICATION_NAME", "caseflow-web")
    engine = make_engine(SERVER_URL)
    assert (engine.pool.size(), engine.pool._max_overflow, engine.pool._timeout) == (7, 3, 4)
    assert engine.pool._recycle == -1
    assert server_options(SERVER_URL)["connect_args"] == {
        "connect_timeout": 10,
        "application_name": "caseflow-web",
        "options": "-c statement_timeout=45s",
    }


def test_database_pool_defaults_and_an_application_name_in_the_url_wins(environment):
    options = server_options(SERVER_URL + "?application_name=ops")
    assert options["connect_args"] == {"connect_timeout": 10}
    assert (options["pool_size"], options["max_overflow"], options["pool_recycle"]) == (5, 10, 1800)
