"""Web fixtures: an app on the test database whose connection pool is closed after each test."""

import pytest

from web import create_app


@pytest.fixture
def app(database_url, db, people):
    app = create_app({"DATABASE_URL": database_url, "TESTING": True})
    yield app
    app.extensions["caseflow.db"].kw["bind"].dispose()
