"""Backups that restore into SQLite or PostgreSQL alike, and the check that a database is intact.

A backup is a zip: ``manifest.json`` (format version, time, schema revision and, per table, its
columns, row count and the SHA-256 of its member) and one JSON-lines member per table, in the order
foreign keys allow inserting them, a row being an array in the order of the manifest's columns.
Values are written as any database reads them back (bytes in base64, dates in ISO 8601, decimals as
text, JSON columns as the very text stored, so JSON ``null`` stays apart from SQL NULL): a backup of
one database restores into the other. Tables are read from
one snapshot and written in batches, never whole, so a database of any size fits through.

A restore runs in one transaction, schema migrations and the consistency check included (both
databases roll DDL back): one that fails at any point, or fails the check, leaves the target as it
found it.
"""

import base64
import hashlib
import json
import os
import time
import zipfile
import zlib
from collections.abc import Callable, Iterable, Iterator
from dataclasses import asdict, dataclass
from datetime import date, datetime
from decimal import Decimal
from itertools import islice
from pathlib import Path

from sqlalchemy import (
    JSON,
    Boolean,
    Column,
    Date,
    DateTime,
    Integer,
    LargeBinary,
    MetaData,
    Numeric,
    String,
    Table,
    Text,
    TypeDecorator,
    cast,
    func,
    inspect,
    select,
    text,
)
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session

from engine import audit, migrate
from engine.clock import utcnow
from engine.db import read_snapshot
from engine.errors import CaseflowError
from engine.models import AttachmentBlob, Base, Case, CorrectionOrder, Document, User

FORMAT = "caseflow-backup"
FORMAT_VERSION = 1
MANIFEST = "manifest.json"
ROWS_PER_BATCH = 1000
# Rows that carry a PDF, an upload or a workflow state: a batch of them stays within tens of megabytes.
FILE_ROWS_PER_BATCH = 100
HASH_CHUNK = 1 << 20
ENCODE = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode

# Column kinds a backup knows, as the column's SQLAlchemy type; none of these derives from another.
KINDS = (
    (LargeBinary, "binary"),
    (JSON, "json"),
    (DateTime, "datetime"),
    (Date, "date"),
    (Numeric, "numeric"),
    (Boolean, "boolean"),
    (Integer, "integer"),
    (String, "string"),
)
TO_JSON = {
    "binary": lambda value: base64.b64encode(value).decode("ascii"),
    "datetime": datetime.isoformat,
    "date": date.isoformat,
    "numeric": str,
}
FROM_JSON = {
    "binary": base64.b64decode,
    "datetime": datetime.fromisoformat,
    "date": date.fromisoformat,
    "numeric": Decimal,
}
# Tables that make a database somebody's: a restore replaces them only when told to.
OCCUPANTS = (Case.__table__, User.__table__)
# Stored files and the column they are named by in a report.
STORED_FILES = (
    ("文书", Document.__table__, "id"),
    ("附件", AttachmentBlob.__table__, "sha256"),
    ("卫生监督意见书", CorrectionOrder.__table__, "id"),
)


class BackupError(CaseflowError):
    """The file is no intact caseflow backup this code can restore, or the database cannot be saved."""

    code = "backup_invalid"


class Inconsistent(BackupError):
    """The restored rows fail the consistency check; the restore was rolled back."""

    code = "backup_inconsistent"

    def __init__(self, report: "Report", hint: str = ""):
        super().__init__(
            f"恢复后的一致性检查发现 {len(report.problems)} 处异常，已撤销恢复，数据库保持原样{hint}",
            {"problems": report.problems},
        )
        self.report = report


class Occupied(CaseflowError):
    """The target database holds cases or users, which a restore would wipe."""

    code = "database_not_empty"


@dataclass(frozen=True)
class TableEntry:
    name: str
    columns: dict[str, str]
    rows: int
    sha256: str

    @property
    def member(self) -> str:
        return member_name(self.name)


@dataclass(frozen=True)
class Manifest:
    format: str
    format_version: int
    created_at: str
    revision: str
    source: str
    tables: list[TableEntry]


@dataclass(frozen=True)
class Report:
    checked: dict[str, int]
    problems: list[str]


@dataclass(frozen=True)
class Restored:
    manifest: Manifest
    report: Report


class StoredJSON(TypeDecorator):
    """A JSON column written back as the text that was read from it, untouched by a serializer."""

    impl = JSON
    cache_ok = True

    def bind_processor(self, dialect):
        return None


COLUMN_TYPES = {
    "binary": LargeBinary,
    "json": StoredJSON,
    "datetime": DateTime,
    "date": Date,
    "numeric": Numeric,
    "boolean": Boolean,
    "integer": Integer,
    "string": String,
}


def member_name(table_name: str) -> str:
    return f"tables/{table_name}.jsonl"


def backup(engine: Engine, path: Path) -> Manifest:
    """Write the whole database to ``path`` from one snapshot; the file appears only once complete,
    so an interrupted backup never leaves a file that looks like one."""
    partial = path.with_name(path.name + ".partial")
    try:
        manifest = _write(engine, partial)
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    os.replace(partial, path)
    return manifest


def _write(engine: Engine, path: Path) -> Manifest:
    with read_snapshot(engine) as connection, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        revision = _revision_at_head(connection)
        entries = [_dump(connection, archive, table) for table in Base.metadata.sorted_tables]
        manifest = Manifest(
            FORMAT,
            FORMAT_VERSION,
            utcnow().isoformat(timespec="seconds") + "Z",
            revision,
            connection.dialect.name,
            entries,
        )
        archive.writestr(MANIFEST, json.dumps(asdict(manifest), ensure_ascii=False, indent=1))
    return manifest


def _revision_at_head(connection: Connection) -> str:
    """The models describe the schema at the head revision only, so only that schema can be read."""
    current, head = migrate.current_revision(connection), migrate.revisions()[-1]
    if current != head:
        raise BackupError(f"数据库结构版本为 {current or '空'}，本程序为 {head}：请先升级数据库再备份")
    return head


def _dump(connection: Connection, archive: zipfile.ZipFile, table: Table) -> TableEntry:
    columns = {column.name: _kind(column) for column in table.columns}
    convert = _converter(columns, TO_JSON)
    digest, rows = hashlib.sha256(), 0
    with archive.open(_zip_entry(member_name(table.name)), "w", force_zip64=True) as member:
        for batch in _read(connection, table, columns):
            chunk = b"".join(ENCODE(convert(list(row))).encode("utf-8") + b"\n" for row in batch)
            member.write(chunk)
            digest.update(chunk)
            rows += len(batch)
    return TableEntry(table.name, columns, rows, digest.hexdigest())


def _zip_entry(name: str) -> zipfile.ZipInfo:
    """A member stamped with the time of the backup and compressed (``ZipInfo`` defaults to neither)."""
    entry = zipfile.ZipInfo(name, time.localtime()[:6])
    entry.compress_type = zipfile.ZIP_DEFLATED
    return entry


def _kind(column: Column) -> str:
    for sql_type, kind in KINDS:
        if isinstance(column.type, sql_type):
            return kind
    raise TypeError(f"{column.table.name}.{column.name}: a backup cannot carry {column.type!r}")


def _read(connection: Connection, table: Table, columns: dict[str, str]) -> Iterator:
    """The rows in primary-key order, batch by batch; JSON columns as their stored text."""
    selected = [cast(column, Text) if columns[column.name] == "json" else column for column in table.columns]
    statement = (
        select(*selected)
        .order_by(*table.primary_key.columns)
        .execution_options(yield_per=_batch_size(columns))
    )
    return connection.execute(statement).partitions()


def _batch_size(columns: dict[str, str]) -> int:
    return FILE_ROWS_PER_BATCH if "binary" in columns.values() else ROWS_PER_BATCH


def _converter(columns: dict[str, str], functions: dict) -> Callable[[list], list]:
    """A function converting, in place, the values of the columns whose kind needs it; made once per
    table, so that a row of a million pays for those columns only."""
    steps = [(index, functions[kind]) for index, kind in enumerate(columns.values()) if kind in functions]

    def convert(values: list) -> list:
        for index, function in steps:
            if values[index] is not None:
                values[index] = function(values[index])
        return values

    return convert


def restore(engine: Engine, path: Path, force: bool = False, accept_problems: bool = False) -> Restored:
    """Replace everything in the database with the backup at ``path``, and check the result.

    Refused before anything changes when the file is not intact, comes from newer code, or the
    database holds cases or users and ``force`` is not given. The schema is brought to the backup's
    revision, the rows go in, PostgreSQL's id sequences follow them, the schema moves on to the head
    and the consistency check runs on what is about to be committed: all in one transaction, so a
    failed check leaves the database as it was (``Inconsistent``). A backup taken of a database that
    already had a damaged row fails the check every time; ``accept_problems`` restores it anyway,
    and the returned report names what is wrong.
    """
    with _open(path) as archive:
        manifest = _verified_manifest(archive)
        try:
            report = _replace(engine, archive, manifest, force, accept_problems)
        except DBAPIError as exc:
            reason = str(exc.orig).splitlines()[0] if exc.orig else str(exc)
            raise BackupError(f"恢复失败，数据库保持原样：{reason}") from exc
    return Restored(manifest, report)


def _replace(
    engine: Engine, archive: zipfile.ZipFile, manifest: Manifest, force: bool, accept_problems: bool
) -> Report:
    with engine.connect() as connection, connection.begin():
        _refuse_newer_target(connection)
        existing = _target_tables(connection)
        _lock(connection, existing)
        _refuse_if_occupied(connection, existing, force)
        _empty(connection, existing)
        migrate.migrate_to(connection, manifest.revision)
        for entry in manifest.tables:
            _load(connection, archive, entry)
        _reset_sequences(connection, manifest.tables)
        migrate.migrate_to(connection, migrate.revisions()[-1])
        report = _inspect(connection, manifest)
        if report.problems and not accept_problems:
            raise Inconsistent(report)
    return report


def _open(path: Path) -> zipfile.ZipFile:
    try:
        return zipfile.ZipFile(path)
    except zipfile.BadZipFile as exc:
        raise BackupError(f"{path} 不是 caseflow 备份文件") from exc


def _verified_manifest(archive: zipfile.ZipFile) -> Manifest:
    manifest = _manifest(archive)
    known = migrate.revisions()
    if manifest.revision not in known:
        raise BackupError(
            f"备份的数据库结构版本 {manifest.revision} 比本程序新（本程序最高为 {known[-1]}），"
            "请用备份时的程序版本恢复"
        )
    for entry in manifest.tables:
        if _member_sha256(archive, entry.member) != entry.sha256:
            raise BackupError(f"备份文件已损坏或被改动：{entry.member} 的 SHA-256 与清单不符")
    return manifest


def _manifest(archive: zipfile.ZipFile) -> Manifest:
    try:
        data = json.loads(archive.read(MANIFEST))
        manifest = Manifest(**{**data, "tables": [TableEntry(**entry) for entry in data["tables"]]})
    except (KeyError, TypeError, ValueError, zipfile.BadZipFile) as exc:
        raise BackupError("不是 caseflow 备份文件：缺少或无法读取备份清单") from exc
    if manifest.format != FORMAT or manifest.format_version > FORMAT_VERSION:
        raise BackupError(f"备份格式 {manifest.format} 第 {manifest.format_version} 版，本程序不能读取")
    return manifest


def _member_sha256(archive: zipfile.ZipFile, member: str) -> str:
    digest = hashlib.sha256()
    try:
        with archive.open(member) as stream:
            while chunk := stream.read(HASH_CHUNK):
                digest.update(chunk)
    except KeyError as exc:
        raise BackupError(f"备份文件不完整：缺少 {member}") from exc
    except (zipfile.BadZipFile, zlib.error) as exc:
        raise BackupError(f"备份文件已损坏：{member} 无法读出") from exc
    return digest.hexdigest()


def _refuse_newer_target(connection: Connection) -> None:
    """A schema from newer code has tables and migrations this code does not know how to take apart."""
    current, known = migrate.current_revision(connection), migrate.revisions()
    if current is not None and current not in known:
        raise BackupError(
            f"目标数据库的结构版本 {current} 比本程序新（本程序最高为 {known[-1]}）："
            "请恢复到新建的空数据库，或用该结构所属的程序版本恢复"
        )


def _target_tables(connection: Connection) -> list[Table]:
    """The tables of the models that the target has, children before parents; a database at an older
    revision lacks some of them."""
    names = set(inspect(connection).get_table_names())
    return [table for table in reversed(Base.metadata.sorted_tables) if table.name in names]


def _lock(connection: Connection, tables: list[Table]) -> None:
    """Keep every other session out of the tables until the restore ends; on SQLite the transaction
    holds the database's write lock from its BEGIN already."""
    if connection.dialect.name == "postgresql" and tables:
        connection.exec_driver_sql(f"LOCK TABLE {_names(connection, tables)} IN ACCESS EXCLUSIVE MODE")


def _refuse_if_occupied(connection: Connection, tables: list[Table], force: bool) -> None:
    counts = {
        table.name: connection.scalar(select(func.count()).select_from(table))
        for table in OCCUPANTS
        if table in tables
    }
    if any(counts.values()) and not force:
        raise Occupied(
            f"目标数据库已有 {counts.get('case_file', 0)} 件案件、{counts.get('user_account', 0)} 个用户，"
            "恢复会清空并替换全部数据"
        )


def _empty(connection: Connection, tables: list[Table]) -> None:
    """PostgreSQL truncates: deleting row by row checks every row's foreign keys, minutes on a large
    database, and TRUNCATE rolls back with the rest of the restore all the same."""
    if connection.dialect.name == "postgresql" and tables:
        connection.exec_driver_sql(f"TRUNCATE {_names(connection, tables)}")
        return
    for table in tables:
        connection.execute(table.delete())


def _names(connection: Connection, tables: list[Table]) -> str:
    quote = connection.dialect.identifier_preparer.quote
    return ", ".join(quote(table.name) for table in tables)


def _load(connection: Connection, archive: zipfile.ZipFile, entry: TableEntry) -> None:
    rows = _rows(archive, entry)
    loaded = (
        _copy(connection, entry, rows)
        if connection.dialect.name == "postgresql"
        else _insert(connection, entry, rows)
    )
    if loaded != entry.rows:
        raise BackupError(f"备份文件与清单不符：表 {entry.name} 有 {loaded} 行，清单为 {entry.rows} 行")


def _insert(connection: Connection, entry: TableEntry, rows: Iterator[dict]) -> int:
    target = Table(
        entry.name, MetaData(), *(Column(name, COLUMN_TYPES[kind]) for name, kind in entry.columns.items())
    )
    loaded = 0
    for batch in _batches(rows, _batch_size(entry.columns)):
        connection.execute(target.insert(), batch)
        loaded += len(batch)
    return loaded


def _copy(connection: Connection, entry: TableEntry, rows: Iterator[dict]) -> int:
    """PostgreSQL's COPY: the rows go in about twice as fast as batched inserts, which counts for a
    province's database. JSON columns go in as the text they were read as."""
    quote = connection.dialect.identifier_preparer.quote
    statement = f"COPY {quote(entry.name)} ({', '.join(quote(name) for name in entry.columns)}) FROM STDIN"
    loaded = 0
    try:
        with connection.connection.driver_connection.cursor() as cursor, cursor.copy(statement) as copy:
            for row in rows:
                copy.write_row(tuple(row.values()))
                loaded += 1
    except connection.dialect.dbapi.Error as exc:
        raise BackupError(f"恢复失败，数据库保持原样：{str(exc).splitlines()[0]}") from exc
    return loaded


def _rows(archive: zipfile.ZipFile, entry: TableEntry) -> Iterator[dict]:
    names, convert = list(entry.columns), _converter(entry.columns, FROM_JSON)
    with archive.open(entry.member) as member:
        for number, line in enumerate(member, 1):
            try:
                row = dict(zip(names, convert(json.loads(line)), strict=True))
            except (ValueError, TypeError, ArithmeticError) as exc:
                raise BackupError(f"备份文件 {entry.member} 第 {number} 行无法读取") from exc
            yield row


def _batches(items: Iterable, size: int) -> Iterator[list]:
    iterator = iter(items)
    while batch := list(islice(iterator, size)):
        yield batch


def _reset_sequences(connection: Connection, entries: list[TableEntry]) -> None:
    """Rows inserted with their ids leave PostgreSQL's id sequences where they were: move each past
    the largest restored id, or the next insert would collide with a restored row."""
    if connection.dialect.name != "postgresql":
        return
    quote = connection.dialect.identifier_preparer.quote
    for entry in entries:
        if entry.columns.get("id") == "integer":
            connection.execute(
                text(
                    "SELECT setval(pg_get_serial_sequence(:name, 'id'), coalesce(max(id), 0) + 1, false)"
                    f" FROM {quote(entry.name)}"
                ),
                {"name": entry.name},
            )


def check(engine: Engine) -> Report:
    """Recompute, from one snapshot, what the stored data vouches for itself: the audit hash chains and
    the SHA-256 of every stored file."""
    with read_snapshot(engine) as connection:
        return _inspect(connection)


def _inspect(connection: Connection, manifest: Manifest | None = None) -> Report:
    """The check on what ``connection`` sees; given the manifest of a restore, also every table's row
    count."""
    with Session(bind=connection) as session:
        audited, breaks = audit.verify(session)
    checked = {"审计记录": audited}
    problems = [f"审计记录（案件 {item.case_id} 第 {item.seq} 条）：{item.reason}" for item in breaks]
    for label, stored, key in STORED_FILES:
        checked[label], mismatches = _check_files(connection, stored, key)
        problems += [f"{label} {name}：内容与 SHA-256 不符" for name in mismatches]
    if manifest is not None:
        problems += _count_mismatches(connection, manifest)
    return Report(checked, problems)


def _check_files(connection: Connection, stored: Table, key: str) -> tuple[int, list]:
    """Count the stored files and name those whose bytes no longer hash to their recorded SHA-256; a
    document still waiting for its PDF has no bytes to check yet."""
    statement = (
        select(stored.c[key], stored.c.sha256, stored.c.content)
        .where(stored.c.content.is_not(None))
        .order_by(stored.c[key])
        .execution_options(yield_per=FILE_ROWS_PER_BATCH)
    )
    count, mismatches = 0, []
    for name, sha256, content in connection.execute(statement):
        count += 1
        if hashlib.sha256(content).hexdigest() != sha256:
            mismatches.append(name)
    return count, mismatches


def _count_mismatches(connection: Connection, manifest: Manifest) -> list[str]:
    problems = []
    for entry in manifest.tables:
        found = connection.scalar(select(func.count()).select_from(Table(entry.name, MetaData())))
        if found != entry.rows:
            problems.append(f"表 {entry.name}：{found} 行，备份中为 {entry.rows} 行")
    return problems
