"""Database connection: SQLite by default so a new user needs no server, PostgreSQL in production."""

import os
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import create_engine, event, make_url
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.exc import DisconnectionError
from sqlalchemy.orm import Session, sessionmaker

from engine.env import whole_number

SNAPSHOT = "caseflow_snapshot"
IDLE_BEFORE_PING = 10.0
DEFAULT_URL = "sqlite:///" + str(Path("instance/caseflow.sqlite").resolve())


def database_url() -> str:
    return os.environ.get("DATABASE_URL", DEFAULT_URL)


def make_engine(url: str | None = None) -> Engine:
    """Create an engine; SQLite gets WAL, foreign keys and a busy timeout, so writers queue, not fail."""
    url = url or database_url()
    if url.startswith("sqlite"):
        _ensure_sqlite_folder(url)
        engine = create_engine(url, connect_args={"timeout": 30})
        event.listen(engine, "connect", _sqlite_pragmas)
        event.listen(engine, "begin", _sqlite_begin)
    else:
        engine = create_engine(url, **server_options(url))
    _ping_after_idle(engine)
    return engine


def server_options(url: str) -> dict:
    """Pool and session settings for a database server (docs/deploy.md lists the variables).

    Every process has a pool of its own (each gunicorn worker, each timer worker, each command), so
    the server's ``max_connections`` must cover the sum of ``pool_size + max_overflow`` over them.
    Connections idle longer than ``pool_recycle`` are replaced before a firewall silently drops them.
    """
    connect_args = {"connect_timeout": whole_number("CASEFLOW_DB_CONNECT_TIMEOUT", 10, minimum=1)}
    if "application_name" not in make_url(url).query:
        connect_args["application_name"] = os.environ.get("CASEFLOW_DB_APPLICATION_NAME") or "caseflow"
    statement_timeout = whole_number("CASEFLOW_DB_STATEMENT_TIMEOUT", 0)
    if statement_timeout:
        connect_args["options"] = f"-c statement_timeout={statement_timeout}s"
    return {
        "pool_size": whole_number("CASEFLOW_DB_POOL_SIZE", 5, minimum=1),
        "max_overflow": whole_number("CASEFLOW_DB_MAX_OVERFLOW", 10),
        "pool_timeout": whole_number("CASEFLOW_DB_POOL_TIMEOUT", 30, minimum=1),
        "pool_recycle": whole_number("CASEFLOW_DB_POOL_RECYCLE", 1800) or -1,
        "connect_args": connect_args,
    }


def _ping_after_idle(engine: Engine) -> None:
    """Check a pooled connection before use only when it sat idle for ``IDLE_BEFORE_PING`` seconds.

    A server restart or a firewall drops idle connections; one in steady use is known to be alive.
    SQLAlchemy's ``pool_pre_ping`` would ping on every checkout, a round trip for each of the two
    or three sessions of every request. A connection that fails the ping is replaced at once; one
    that dies in use fails that request (503, nothing saved) and the pool drops its siblings.
    """

    @event.listens_for(engine, "checkin")
    def idle_from_now(_dbapi_connection, record):
        record.info["idle_since"] = time.monotonic()

    @event.listens_for(engine, "checkout")
    def ping_if_idle(dbapi_connection, record, _proxy):
        idle_since = record.info.get("idle_since")
        if idle_since is None or time.monotonic() - idle_since < IDLE_BEFORE_PING:
            return
        try:
            engine.dialect.do_ping(dbapi_connection)
        except engine.dialect.loaded_dbapi.Error as exc:
            raise DisconnectionError("the pooled connection was dropped while idle") from exc


def make_sessionmaker(engine: Engine) -> sessionmaker[Session]:
    return sessionmaker(engine, expire_on_commit=False)


def make_read_sessionmaker(engine: Engine) -> sessionmaker[Session]:
    """Sessions for reads that need no transaction: the sign-in and access checks, lists, a case.

    On PostgreSQL their statements run in autocommit, which saves the BEGIN and ROLLBACK round trips
    and changes nothing they see: under READ COMMITTED every statement of a transaction takes a new
    snapshot anyway. On SQLite they begin deferred, like a snapshot, so they neither take nor wait for
    the write lock: a list or a case opens while another officer's step is being written.

    Nothing may write through these sessions: on PostgreSQL each statement would commit on its own, so
    a step written through one could be left half done. They refuse an ORM flush and an INSERT, UPDATE
    or DELETE before it reaches the database.
    """
    if engine.dialect.name == "postgresql":
        engine = engine.execution_options(isolation_level="AUTOCOMMIT")
    else:
        engine = engine.execution_options(**{SNAPSHOT: True})
    maker = make_sessionmaker(engine)
    event.listen(maker, "before_flush", _refuse_flush)
    event.listen(maker, "do_orm_execute", _refuse_write_statement)
    return maker


class WriteInReadSession(RuntimeError):
    """Code wrote through a session meant only for reads."""


def _refuse_flush(session: Session, _context, _instances) -> None:
    if session.new or session.dirty or session.deleted:
        raise WriteInReadSession("a read session cannot flush changes; write in a transaction of its own")


def _refuse_write_statement(state) -> None:
    if state.is_insert or state.is_update or state.is_delete:
        raise WriteInReadSession(f"a read session cannot run {state.statement.__visit_name__.upper()}")


def is_postgres(session: Session) -> bool:
    return session.get_bind().dialect.name == "postgresql"


@contextmanager
def read_snapshot(engine: Engine) -> Iterator[Connection]:
    """A connection whose reads all see the database as one moment left it, for a backup or a check
    that must not pair rows written before a concurrent change with rows written after it.

    PostgreSQL: one REPEATABLE READ, READ ONLY transaction. SQLite: one deferred transaction, which WAL
    holds to the snapshot of its first read without taking the write lock, so writers carry on.
    """
    with engine.connect() as connection:
        connection.execution_options(**{SNAPSHOT: True})
        with connection.begin():
            if connection.dialect.name == "postgresql":
                connection.exec_driver_sql("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
            yield connection


def _ensure_sqlite_folder(url: str) -> None:
    path = url.split("///", 1)[-1]
    if path and path != ":memory:":
        Path(path).parent.mkdir(parents=True, exist_ok=True)


def _sqlite_pragmas(dbapi_connection, _record):
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()


def _sqlite_begin(connection):
    """Take SQLite's write lock at BEGIN: a read-then-write transaction can then never deadlock-upgrade.

    A snapshot never writes, so it begins deferred and keeps no writer waiting while it reads.
    """
    snapshot = connection.get_execution_options().get(SNAPSHOT, False)
    connection.exec_driver_sql("BEGIN DEFERRED" if snapshot else "BEGIN IMMEDIATE")
