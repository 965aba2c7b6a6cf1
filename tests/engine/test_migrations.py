"""The Alembic migrations create exactly the schema the models describe, and go back only when it is safe."""

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import inspect

from engine import migrate, rendering
from engine.models import Base
from tests.engine.walking import Walker


def test_migrated_schema_matches_the_models(sql_engine):
    with sql_engine.connect() as connection:
        differences = compare_metadata(MigrationContext.configure(connection), Base.metadata)
    assert differences == []


def test_going_back_before_deferred_rendering_waits_until_every_pdf_is_rendered(
    db, sql_engine, people, monkeypatch
):
    """Revision 0005 keeps each PDF in its document row: a document still waiting for its PDF would lose
    the payload it is to be made of."""
    monkeypatch.setenv("CASEFLOW_RENDER", "worker")
    walker = Walker(db, people)
    walker.step(walker.open(), "intake_record", "handler1")

    with sql_engine.connect() as connection, connection.begin() as transaction:
        with pytest.raises(RuntimeError, match="还有 1 份文书的 PDF 尚未生成，不能降级到 0005"):
            migrate.migrate_to(connection, "0005")
        transaction.rollback()
    with sql_engine.connect() as connection:
        assert migrate.current_revision(connection) == migrate.revisions()[-1]

    assert rendering.render_pending(db) == 1
    with sql_engine.connect() as connection, connection.begin() as transaction:
        migrate.migrate_to(connection, "0005")
        assert "payload" not in {c["name"] for c in inspect(connection).get_columns("document")}
        transaction.rollback()
