"""Backups: a whole database saved to one file and restored row for row into an empty database of either
kind; damaged, forged or newer files, occupied targets and failures midway change nothing."""

import base64
import hashlib
import json
import zipfile
from datetime import date

import pytest
from sqlalchemy import JSON, Text, cast, inspect, select, text

from engine import audit, backup, calendar_store, migrate, runtime
from engine.backup import MANIFEST, BackupError, Inconsistent, Occupied, member_name
from engine.campaigns import corrections, inspections, plans
from engine.db import make_engine, make_sessionmaker, read_snapshot
from engine.models import Attachment, AttachmentBlob, Base, CaseComment, Document, Finding
from tests.campaigns.conftest import add_institution
from tests.engine.walking import CLINIC, PERSON, Walker

PHOTO = b"\xff\xd8\xff\xe0 JFIF evidence photo of the treatment room \xff\xd9"


@pytest.fixture
def populated(db, people):
    """A county with a decided case (its documents issued), a case at intake with a photo and a comment,
    a campaign, an inspection whose finding got a correction order, and a holiday set by hand."""
    walker = Walker(db, people)
    decided = walker.to_notice()
    walker.walk(
        decided,
        [("advance_notice", "handler1"), ("party_response", "handler1"), ("decision_approval", "head")],
    )
    _add_evidence(db, walker.open(CLINIC), people["handler1"])
    form = plans.default_form(date(2026, 3, 1), date(2026, 6, 30))
    plans.create(db, people["depthead"], form | {"name": "2026年规范医疗市场秩序专项整治行动"})
    _issue_correction_order(db, people)
    with db.begin() as session:
        calendar_store.set_day(session, date(2026, 10, 9), False, "调休（手工）", people["handler1"])
    return decided


def _add_evidence(db, case_id, user_id):
    digest = hashlib.sha256(PHOTO).hexdigest()
    with db.begin() as session:
        session.add(AttachmentBlob(sha256=digest, size=len(PHOTO), content=PHOTO))
        session.flush()
        session.add(
            Attachment(
                case_id=case_id,
                sha256=digest,
                filename="现场照片.jpg",
                media_type="image/jpeg",
                size=len(PHOTO),
                uploaded_by_id=user_id,
            )
        )
        session.add(CaseComment(case_id=case_id, author_id=user_id, body="当事人称已停业整顿"))


def _issue_correction_order(db, people):
    hospital = add_institution(db, people["handler1"], "示例县人民医院", "public_hospital", 1)
    form = {
        "institution_id": hospital,
        "inspected_on": "2026-03-20",
        "officer_ids": [people["handler1"], people["handler2"]],
        "templates": ["charging"],
    }
    prices = inspections.item_key("charging", "prices_displayed")
    inspection = inspections.record(db, people["handler1"], form, {prices: "未公示价格"})
    with db() as session:
        finding = session.scalar(select(Finding.id).where(Finding.inspection_id == inspection.id))
    corrections.issue(db, people["handler2"], finding)


@pytest.fixture
def sqlite_engine(tmp_path):
    engine = make_engine(f"sqlite:///{tmp_path / 'other.sqlite'}")
    yield engine
    engine.dispose()


def stored(engine) -> dict[str, list]:
    """Every row of every table as stored (a JSON column as its text, so JSON null is not SQL NULL),
    and the schema revision."""
    with engine.connect() as connection:
        rows = {
            table.name: connection.execute(
                select(*(cast(c, Text) if isinstance(c.type, JSON) else c for c in table.columns)).order_by(
                    *table.primary_key.columns
                )
            ).all()
            for table in Base.metadata.sorted_tables
        }
        rows["alembic_version"] = connection.execute(text("SELECT version_num FROM alembic_version")).all()
    return rows


def pdfs(engine) -> dict[int, bytes]:
    with engine.connect() as connection:
        return dict(connection.execute(select(Document.id, Document.content).order_by(Document.id)).all())


def test_a_restored_database_equals_the_one_backed_up_row_for_row(
    populated, sql_engine, spare_engine, tmp_path
):
    path = tmp_path / "caseflow.zip"
    manifest = backup.backup(sql_engine, path)
    before = stored(sql_engine)
    assert [entry.name for entry in manifest.tables] == [t.name for t in Base.metadata.sorted_tables]
    assert {entry.name: entry.rows for entry in manifest.tables} == {
        name: len(rows) for name, rows in before.items() if name != "alembic_version"
    }
    assert manifest.revision == migrate.revisions()[-1]

    restored = backup.restore(spare_engine, path)

    assert restored.manifest == manifest
    assert stored(spare_engine) == before
    documents = pdfs(spare_engine)
    assert documents == pdfs(sql_engine) and len(documents) >= 10
    assert all(content.startswith(b"%PDF") for content in documents.values())
    with make_sessionmaker(spare_engine)() as session:
        count, breaks = audit.verify(session)
    assert count == len(before["audit_event"]) and breaks == []
    checked = {"审计记录": count, "文书": len(documents), "附件": 1, "卫生监督意见书": 1}
    assert restored.report == backup.Report(checked, [])
    assert backup.check(spare_engine) == restored.report


def test_a_restored_database_hands_out_new_ids_after_the_restored_ones(
    populated, people, sql_engine, spare_engine, tmp_path
):
    backup.backup(sql_engine, tmp_path / "caseflow.zip")
    backup.restore(spare_engine, tmp_path / "caseflow.zip")
    opened = runtime.open_case(make_sessionmaker(spare_engine), user_id=people["handler1"], party=PERSON)
    assert opened.id == max(row.id for row in stored(spare_engine)["case_file"])
    assert opened.id > populated


def test_a_backup_restores_into_sqlite_and_from_there_back_into_the_tests_database_kind(
    populated, sql_engine, sqlite_engine, spare_engine, tmp_path
):
    """On PostgreSQL this crosses both ways: PostgreSQL to SQLite, and SQLite to PostgreSQL."""
    backup.backup(sql_engine, tmp_path / "first.zip")
    before = stored(sql_engine)
    backup.restore(sqlite_engine, tmp_path / "first.zip")
    assert stored(sqlite_engine) == before
    backup.backup(sqlite_engine, tmp_path / "second.zip")
    backup.restore(spare_engine, tmp_path / "second.zip")
    assert stored(spare_engine) == before
    assert backup.check(spare_engine).problems == []


def test_restoring_over_a_database_with_cases_needs_force_and_then_replaces_everything(
    populated, db, people, sql_engine, tmp_path
):
    path = tmp_path / "caseflow.zip"
    backup.backup(sql_engine, path)
    before = stored(sql_engine)
    Walker(db, people).open()
    changed = stored(sql_engine)

    with pytest.raises(Occupied, match="已有 3 件案件、11 个用户"):
        backup.restore(sql_engine, path)
    assert stored(sql_engine) == changed

    backup.restore(sql_engine, path, force=True)
    assert stored(sql_engine) == before


def test_a_changed_byte_in_a_document_is_refused_before_anything_changes(populated, sql_engine, tmp_path):
    backup.backup(sql_engine, tmp_path / "caseflow.zip")
    unpacked = Unpacked(tmp_path / "caseflow.zip")
    flip_a_byte_of_the_first_document(unpacked)
    unpacked.write(tmp_path / "tampered.zip", vouch=False)
    before = stored(sql_engine)

    with pytest.raises(BackupError, match="tables/document.jsonl 的 SHA-256 与清单不符"):
        backup.restore(sql_engine, tmp_path / "tampered.zip", force=True)
    assert stored(sql_engine) == before


def test_a_restore_that_fails_its_check_is_undone_unless_the_problems_are_accepted(
    populated, sql_engine, spare_engine, tmp_path
):
    """The forged file vouches for itself (its manifest was rewritten to match), so only the check
    after the rows went in can see the document whose bytes no longer match its SHA-256."""
    backup.backup(sql_engine, tmp_path / "caseflow.zip")
    unpacked = Unpacked(tmp_path / "caseflow.zip")
    changed = flip_a_byte_of_the_first_document(unpacked)
    unpacked.write(tmp_path / "forged.zip")
    before = stored(sql_engine)
    problems = [f"文书 {changed}：内容与 SHA-256 不符"]

    with pytest.raises(Inconsistent, match="发现 1 处异常，已撤销恢复") as refused:
        backup.restore(sql_engine, tmp_path / "forged.zip", force=True)
    assert refused.value.report.problems == problems
    assert stored(sql_engine) == before
    with pytest.raises(Inconsistent):
        backup.restore(spare_engine, tmp_path / "forged.zip")
    assert inspect(spare_engine).get_table_names() == []

    accepted = backup.restore(spare_engine, tmp_path / "forged.zip", accept_problems=True)
    assert accepted.report.problems == problems
    assert backup.check(spare_engine).problems == problems


def twice(rows: list[dict]) -> list[dict]:
    return rows + rows[-1:]


def undated(rows: list[dict]) -> list[dict]:
    return rows[:-1] + [rows[-1] | {"issued_on": "not a date"}]


@pytest.mark.parametrize(
    ("breaking", "refusal"),
    [(twice, "恢复失败，数据库保持原样"), (undated, r"document.jsonl 第 \d+ 行无法读取")],
)
def test_a_failure_midway_leaves_the_target_as_it_was(
    populated, sql_engine, spare_engine, tmp_path, breaking, refusal
):
    """The last document is broken: its table comes late, after most rows and the schema went in."""
    backup.backup(sql_engine, tmp_path / "caseflow.zip")
    unpacked = Unpacked(tmp_path / "caseflow.zip")
    unpacked.put("document", breaking(unpacked.rows("document")))
    unpacked.write(tmp_path / "broken.zip")
    before = stored(sql_engine)

    with pytest.raises(BackupError, match=refusal):
        backup.restore(sql_engine, tmp_path / "broken.zip", force=True)
    assert stored(sql_engine) == before
    with pytest.raises(BackupError, match=refusal):
        backup.restore(spare_engine, tmp_path / "broken.zip")
    assert inspect(spare_engine).get_table_names() == []


def test_a_backup_of_an_older_schema_is_restored_and_migrated_to_the_head(
    populated, sql_engine, spare_engine, tmp_path
):
    """The older backup is the current one cut to the tables and columns of the previous revision; the
    restore goes down to that revision in the full database it replaces, and up again after the rows."""
    older = migrate.revisions()[-2]
    backup.backup(sql_engine, tmp_path / "caseflow.zip")
    documents = pdfs(sql_engine)
    unpacked = Unpacked(tmp_path / "caseflow.zip")
    cut_to_schema(unpacked, schema_at(spare_engine, older))
    unpacked.manifest["revision"] = older
    unpacked.write(tmp_path / "older.zip")

    backup.restore(sql_engine, tmp_path / "older.zip", force=True)

    with sql_engine.connect() as connection:
        assert migrate.current_revision(connection) == migrate.revisions()[-1]
    assert pdfs(sql_engine) == documents
    assert backup.check(sql_engine).problems == []


def test_a_backup_from_newer_code_is_refused(populated, sql_engine, spare_engine, tmp_path):
    backup.backup(sql_engine, tmp_path / "caseflow.zip")
    unpacked = Unpacked(tmp_path / "caseflow.zip")
    unpacked.manifest["revision"] = "9999"
    unpacked.write(tmp_path / "newer.zip")
    with pytest.raises(BackupError, match="9999 比本程序新"):
        backup.restore(spare_engine, tmp_path / "newer.zip")
    assert inspect(spare_engine).get_table_names() == []


def test_a_database_migrated_by_newer_code_is_not_restored_into(db, sql_engine, spare_engine, tmp_path):
    backup.backup(sql_engine, tmp_path / "caseflow.zip")
    with spare_engine.begin() as connection:
        connection.execute(text("CREATE TABLE alembic_version (version_num VARCHAR(32) PRIMARY KEY)"))
        connection.execute(text("INSERT INTO alembic_version VALUES ('9999')"))
    with pytest.raises(BackupError, match="9999 比本程序新.*请恢复到新建的空数据库"):
        backup.restore(spare_engine, tmp_path / "caseflow.zip", force=True)
    assert inspect(spare_engine).get_table_names() == ["alembic_version"]


def test_a_file_that_is_no_backup_is_refused(spare_engine, tmp_path):
    (tmp_path / "notes.zip").write_bytes(b"not a zip at all")
    with pytest.raises(BackupError, match="不是 caseflow 备份文件"):
        backup.restore(spare_engine, tmp_path / "notes.zip")
    with zipfile.ZipFile(tmp_path / "other.zip", "w") as archive:
        archive.writestr("readme.txt", "hello")
    with pytest.raises(BackupError, match="缺少或无法读取备份清单"):
        backup.restore(spare_engine, tmp_path / "other.zip")


def test_a_database_not_at_the_head_revision_is_not_backed_up(spare_engine, tmp_path):
    folder = tmp_path / "backups"
    folder.mkdir()
    with pytest.raises(BackupError, match="请先升级数据库"):
        backup.backup(spare_engine, folder / "caseflow.zip")
    assert not list(folder.iterdir())


def test_a_snapshot_sees_one_moment_while_a_writer_commits(db, people, sql_engine):
    walker = Walker(db, people)
    walker.open()
    with read_snapshot(sql_engine) as connection:
        count = text("SELECT count(*) FROM case_file")
        assert connection.scalar(count) == 1
        walker.open()
        assert connection.scalar(count) == 1
    with sql_engine.connect() as connection:
        assert connection.scalar(count) == 2


class Unpacked:
    """A backup's manifest and members, to change and write out as another backup."""

    def __init__(self, path):
        with zipfile.ZipFile(path) as archive:
            self.manifest = json.loads(archive.read(MANIFEST))
            self.members = {name: archive.read(name) for name in archive.namelist() if name != MANIFEST}

    def entry(self, table: str) -> dict:
        return next(entry for entry in self.manifest["tables"] if entry["name"] == table)

    def rows(self, table: str) -> list[dict]:
        names = list(self.entry(table)["columns"])
        lines = self.members[member_name(table)].splitlines()
        return [dict(zip(names, json.loads(line), strict=True)) for line in lines]

    def put(self, table: str, rows: list[dict]) -> None:
        names = list(self.entry(table)["columns"])
        lines = (json.dumps([row[name] for name in names]).encode() + b"\n" for row in rows)
        self.members[member_name(table)] = b"".join(lines)

    def write(self, path, vouch: bool = True) -> None:
        """``vouch`` makes the manifest's row counts and hashes fit the members as they now are."""
        if vouch:
            for entry in self.manifest["tables"]:
                content = self.members[member_name(entry["name"])]
                entry["rows"], entry["sha256"] = content.count(b"\n"), hashlib.sha256(content).hexdigest()
        with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
            for name, content in self.members.items():
                archive.writestr(name, content)
            archive.writestr(MANIFEST, json.dumps(self.manifest))


def flip_a_byte_of_the_first_document(unpacked: Unpacked) -> int:
    documents = unpacked.rows("document")
    content = bytearray(base64.b64decode(documents[0]["content"]))
    content[len(content) // 2] ^= 1
    documents[0]["content"] = base64.b64encode(content).decode("ascii")
    unpacked.put("document", documents)
    return documents[0]["id"]


def schema_at(engine, revision: str) -> dict[str, set[str]]:
    """The tables and their columns at ``revision``, read from a database migrated there and back."""
    with engine.connect() as connection, connection.begin() as transaction:
        migrate.migrate_to(connection, revision)
        found = inspect(connection)
        shape = {name: {c["name"] for c in found.get_columns(name)} for name in found.get_table_names()}
        transaction.rollback()
    return shape


def cut_to_schema(unpacked: Unpacked, shape: dict[str, set[str]]) -> None:
    unpacked.manifest["tables"] = [entry for entry in unpacked.manifest["tables"] if entry["name"] in shape]
    for entry in unpacked.manifest["tables"]:
        rows, kept = unpacked.rows(entry["name"]), shape[entry["name"]]
        entry["columns"] = {name: kind for name, kind in entry["columns"].items() if name in kept}
        unpacked.put(entry["name"], rows)
