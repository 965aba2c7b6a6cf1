"""Backup and restore of the whole database, and the consistency check that follows a restore."""

import sys
import time
from pathlib import Path

import click
from flask.cli import with_appcontext
from sqlalchemy.engine import Engine

from engine import backup
from web.commands.common import db, engine_errors


def sql_engine() -> Engine:
    return db().kw["bind"]


@click.command("backup")
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@with_appcontext
@engine_errors
def backup_command(file):
    """Save the whole database to FILE, from one snapshot; it restores into SQLite or PostgreSQL."""
    started = time.monotonic()
    manifest = backup.backup(sql_engine(), file)
    rows = sum(entry.rows for entry in manifest.tables)
    click.echo(
        f"已备份 {len(manifest.tables)} 张表共 {rows} 行（数据库结构版本 {manifest.revision}）到 {file}："
        f"{file.stat().st_size} 字节，用时 {time.monotonic() - started:.1f} 秒"
    )


@click.command("restore")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--force", is_flag=True, help="wipe a database that already holds cases or users")
@click.option(
    "--accept-problems",
    is_flag=True,
    help="keep the restore although the consistency check finds problems (they are listed; exit 1)",
)
@with_appcontext
@engine_errors
def restore_command(file, force, accept_problems):
    """Replace the database's contents with the backup in FILE and check them before committing.

    A failed check undoes the restore unless --accept-problems is given; either way the problems are
    listed and the exit status is 1."""
    started = time.monotonic()
    try:
        restored = backup.restore(sql_engine(), file, force=force, accept_problems=accept_problems)
    except backup.Occupied as exc:
        raise backup.Occupied(f"{exc.message}；确认要覆盖请加 --force") from exc
    except backup.Inconsistent as exc:
        raise backup.Inconsistent(exc.report, "；确认要按此备份恢复请加 --accept-problems") from exc
    manifest = restored.manifest
    rows = sum(entry.rows for entry in manifest.tables)
    click.echo(
        f"已从 {file} 恢复 {rows} 行（备份于 {manifest.created_at}，结构版本 {manifest.revision}），"
        f"用时 {time.monotonic() - started:.1f} 秒"
    )
    report(restored.report)


@click.command("check")
@with_appcontext
def check_command():
    """Verify the audit hash chains and the SHA-256 of every document, attachment and correction order."""
    report(backup.check(sql_engine()))


def report(result: backup.Report) -> None:
    for problem in result.problems:
        click.echo(problem, err=True)
    checked = "、".join(f"{label} {count} 项" for label, count in result.checked.items())
    click.echo(f"一致性检查：已校验{checked}，发现 {len(result.problems)} 处异常")
    if result.problems:
        sys.exit(1)


COMMANDS = [backup_command, restore_command, check_command]
