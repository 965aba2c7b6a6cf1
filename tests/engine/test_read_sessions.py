"""Read sessions (sign-in, access checks, lists, a case) refuse to write: on PostgreSQL they autocommit
statement by statement, so a write through one could leave a step half done."""

import pytest
from sqlalchemy import select, update

from engine.db import WriteInReadSession, make_read_sessionmaker
from engine.models import User


@pytest.fixture
def reads(sql_engine):
    return make_read_sessionmaker(sql_engine)


def _full_name(db, user_id) -> str:
    with db() as session:
        return session.scalar(select(User.full_name).where(User.id == user_id))


def test_a_read_session_reads(reads, db, people):
    with reads() as session:
        assert session.get(User, people["handler1"]).full_name == _full_name(db, people["handler1"])


def test_a_changed_object_is_not_flushed_through_a_read_session(reads, db, people):
    before = _full_name(db, people["handler1"])
    with reads() as session:
        session.get(User, people["handler1"]).full_name = "改过的名字"
        with pytest.raises(WriteInReadSession, match="cannot flush"):
            session.flush()
    assert _full_name(db, people["handler1"]) == before


def test_an_update_statement_is_refused_before_it_reaches_the_database(reads, db, people):
    before = _full_name(db, people["handler1"])
    with reads() as session:
        with pytest.raises(WriteInReadSession, match="cannot run UPDATE"):
            session.execute(update(User).where(User.id == people["handler1"]).values(full_name="改过的名字"))
    assert _full_name(db, people["handler1"]) == before


def test_a_read_session_neither_waits_for_nor_holds_up_a_writer(reads, db, people):
    """On SQLite the write lock is database-wide: a read that took it would queue behind every step,
    and every step behind it."""
    with db.begin() as writing:
        writing.execute(update(User).where(User.id == people["handler2"]).values(full_name="写入中"))
        with reads() as session:
            assert session.get(User, people["handler1"]) is not None
    with reads() as session:
        assert session.get(User, people["handler1"]) is not None
        with db.begin() as writing:
            writing.execute(update(User).where(User.id == people["handler1"]).values(full_name="甲"))
    assert _full_name(db, people["handler1"]) == "甲"
