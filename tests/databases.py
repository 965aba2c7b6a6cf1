"""A second, empty database of the kind the tests run on, for tests that restore into one: a file for
SQLite; on PostgreSQL a database of its own, named for this test only and dropped afterwards, so that
runs sharing the server never meet in it."""

import secrets

import pytest
from sqlalchemy import create_engine, make_url

from engine.db import make_engine


@pytest.fixture
def spare_url(database_url, tmp_path):
    if not database_url.startswith("postgresql"):
        yield f"sqlite:///{tmp_path / 'spare.sqlite'}"
        return
    url = make_url(database_url)
    name = f"{url.database}_spare_{secrets.token_hex(4)}"
    server = create_engine(url.set(database="postgres"), isolation_level="AUTOCOMMIT")
    with server.connect() as connection:
        connection.exec_driver_sql(f'CREATE DATABASE "{name}"')
    yield url.set(database=name).render_as_string(hide_password=False)
    with server.connect() as connection:
        connection.exec_driver_sql(f'DROP DATABASE "{name}" WITH (FORCE)')
    server.dispose()


@pytest.fixture
def spare_engine(spare_url):
    engine = make_engine(spare_url)
    yield engine
    engine.dispose()
