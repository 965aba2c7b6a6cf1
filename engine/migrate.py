"""Bring a database schema up to date with Alembic; tables are never created any other way."""

from functools import cache
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy.engine import Connection

ROOT = Path(__file__).resolve().parent.parent


def alembic_config(url: str) -> Config:
    config = Config(str(ROOT / "alembic.ini"))
    config.set_main_option("script_location", str(ROOT / "migrations"))
    config.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    return config


def upgrade(url: str) -> None:
    command.upgrade(alembic_config(url), "head")


def revisions() -> list[str]:
    """Every schema revision this code knows, oldest first; the last is the head."""
    script = ScriptDirectory(str(ROOT / "migrations"))
    return [revision.revision for revision in reversed(list(script.walk_revisions()))]


def current_revision(connection: Connection) -> str | None:
    return MigrationContext.configure(connection).get_current_revision()


def migrate_to(connection: Connection, revision: str) -> None:
    """Move the schema up or down to ``revision`` inside the caller's transaction, so that a failure
    later in that transaction takes the schema back too (PostgreSQL and SQLite both roll back DDL)."""
    current = current_revision(connection)
    if current == revision:
        return
    config = alembic_config(connection.engine.url.render_as_string(hide_password=False))
    config.attributes["connection"] = connection
    order = revisions()
    if current is None or order.index(current) < order.index(revision):
        command.upgrade(config, revision)
    else:
        command.downgrade(config, revision)


def schema_is_current(connection: Connection) -> bool:
    """True when the database stands at the newest migration this code knows, neither behind nor ahead."""
    return current_revision(connection) == _head()


@cache
def _head() -> str:
    """Read once: the health check asks on every poll, and the migrations change only with the code."""
    return revisions()[-1]
