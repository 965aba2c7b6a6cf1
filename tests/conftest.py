"""Shared fixtures: a migrated database (SQLite, or PostgreSQL when DATABASE_URL says so), emptied after
every test, the demo agency with one officer per role, and the flow-coverage collector."""

import os

import pytest
from sqlalchemy import text

from engine import accounts, calendar_store, runtime
from engine.db import make_engine, make_sessionmaker
from engine.migrate import upgrade
from engine.models import AuditEvent, Base
from tests.flow_coverage import FlowCoverage

PASSWORD_HASH = "scrypt:test-only-not-a-real-hash"

pytest_plugins = ["tests.databases"]


def pytest_addoption(parser):
    parser.addoption(
        "--require-flow-coverage",
        action="store_true",
        help="fail the run unless every sequence flow of every diagram was taken",
    )


def pytest_configure(config):
    config.flow_coverage = FlowCoverage()


def pytest_terminal_summary(terminalreporter, config):
    for line in config.flow_coverage.report_lines():
        terminalreporter.write_line(line)


def pytest_sessionfinish(session, exitstatus):
    config = session.config
    if config.getoption("--require-flow-coverage") and exitstatus == 0 and config.flow_coverage.missing():
        session.exitstatus = 1


@pytest.fixture(scope="session")
def database_url(tmp_path_factory):
    url = os.environ.get("DATABASE_URL")
    if url:
        engine = make_engine(url)
        with engine.begin() as connection:
            Base.metadata.drop_all(connection)
            connection.execute(text("DROP TABLE IF EXISTS alembic_version"))
        engine.dispose()
        return url
    return "sqlite:///" + str(tmp_path_factory.mktemp("db") / "caseflow-test.sqlite")


@pytest.fixture(scope="session")
def sql_engine(database_url):
    upgrade(database_url)
    engine = make_engine(database_url)
    _seed_calendar(engine)
    yield engine
    engine.dispose()


def _seed_calendar(engine):
    with make_sessionmaker(engine).begin() as session:
        calendar_store.seed(session)


@pytest.fixture
def db(sql_engine, request):
    """A sessionmaker on an empty, migrated database; flows taken by the test feed the coverage."""
    sessions = make_sessionmaker(sql_engine)
    yield sessions
    with sessions() as session:
        request.config.flow_coverage.add_from_audit(
            session.scalars(AuditEvent.__table__.select().with_only_columns(AuditEvent.data)).all()
        )
    _empty(sql_engine)


CALENDAR_TABLES = {"calendar_day", "calendar_year"}


def _empty(engine):
    """Empty every table; the holiday calendar is kept, and re-seeded only if a test edited it."""
    tables = [t.name for t in reversed(Base.metadata.sorted_tables) if t.name not in CALENDAR_TABLES]
    with engine.begin() as connection:
        edited = sum(connection.execute(text(f"SELECT count(*) FROM {name} WHERE source = 'admin'")).scalar()
                     for name in sorted(CALENDAR_TABLES))
        if edited:
            connection.execute(text("DELETE FROM calendar_day"))
            connection.execute(text("DELETE FROM calendar_year"))
        if engine.dialect.name == "postgresql":
            connection.execute(text(f"TRUNCATE {', '.join(tables)} RESTART IDENTITY CASCADE"))
        else:
            for name in tables:
                connection.execute(text(f"DELETE FROM {name}"))
    if edited:
        _seed_calendar(engine)


@pytest.fixture
def deployment(db):
    return runtime.deploy(db)


OFFICERS = [
    ("handler1", "张明", ["handler"], "执法证 4101001"),
    ("handler2", "李华", ["handler"], "执法证 4101002"),
    ("handler3", "孙丽", ["handler"], "执法证 4101003"),
    ("trainee", "周新", ["handler"], None),
    ("depthead", "王强", ["dept_head"], "执法证 4101010"),
    ("legal", "赵敏", ["legal_reviewer"], "执法证 4101020"),
    ("legal2", "钱进", ["legal_reviewer"], "执法证 4101021"),
    ("head", "刘洋", ["agency_head"], None),
    ("principal", "陈刚", ["principal_head"], None),
    ("multi", "吴双", ["handler", "legal_reviewer", "agency_head"], "执法证 4101030"),
]


@pytest.fixture
def people(db, deployment):
    """Officers of the county agency by username, and one handler of a neighbouring county."""
    with db.begin() as session:
        county = accounts.create_agency(session, "demo-county", "示例县卫生健康委员会", "示县", "示例县")
        other = accounts.create_agency(session, "other-county", "邻县卫生健康委员会", "邻县", "邻县")
        users = {
            name: accounts.create_user(
                session,
                username=name,
                full_name=full,
                password_hash=PASSWORD_HASH,
                agency=county,
                roles=roles,
                certificate_no=cert,
                legal_qualification="legal_reviewer" in roles,
            )
            for name, full, roles, cert in OFFICERS
        }
        users["outsider"] = accounts.create_user(
            session,
            username="outsider",
            full_name="郑外",
            agency=other,
            password_hash=PASSWORD_HASH,
            roles=["handler", "agency_head"],
            certificate_no="执法证 5101001",
        )
        return {name: user.id for name, user in users.items()}
