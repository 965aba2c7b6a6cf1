"""``caseflow backup``, ``restore`` and ``check``: exit status and messages an operator acts on."""

import pytest
from sqlalchemy import text

from web import create_app


@pytest.fixture
def runner(app):
    return app.test_cli_runner()


def test_restoring_over_cases_needs_force_and_then_passes_the_check(runner, case_id, tmp_path):
    file = str(tmp_path / "caseflow.zip")
    saved = runner.invoke(args=["backup", file])
    assert saved.exit_code == 0 and "已备份" in saved.output

    refused = runner.invoke(args=["restore", file])
    assert refused.exit_code == 1
    assert "已有 1 件案件" in refused.output and "--force" in refused.output

    restored = runner.invoke(args=["restore", file, "--force"])
    assert restored.exit_code == 0, restored.output
    assert "发现 0 处异常" in restored.output


def test_a_backup_restores_into_an_empty_database(runner, case_id, spare_url, tmp_path):
    file = str(tmp_path / "caseflow.zip")
    assert runner.invoke(args=["backup", file]).exit_code == 0
    spare = create_app({"DATABASE_URL": spare_url, "TESTING": True})
    try:
        restored = spare.test_cli_runner().invoke(args=["restore", file])
        checked = spare.test_cli_runner().invoke(args=["check"])
    finally:
        spare.extensions["caseflow.db"].kw["bind"].dispose()
    assert restored.exit_code == 0, restored.output
    assert checked.exit_code == 0 and "审计记录" in checked.output


def test_a_restore_whose_check_fails_is_undone_and_names_the_problem(runner, db, case_id, tmp_path):
    """The backup is taken of a database whose audit trail was already changed by hand: the file is
    intact, what it holds is not."""
    first = {"case": case_id}
    with db.begin() as session:
        action = session.scalar(
            text("SELECT action FROM audit_event WHERE case_id = :case AND seq = 1"), first
        )
        session.execute(text("UPDATE audit_event SET action = 'x' WHERE case_id = :case AND seq = 1"), first)
    file = str(tmp_path / "caseflow.zip")
    assert runner.invoke(args=["backup", file]).exit_code == 0
    with db.begin() as session:
        session.execute(
            text("UPDATE audit_event SET action = :action WHERE case_id = :case AND seq = 1"),
            first | {"action": action},
        )

    refused = runner.invoke(args=["restore", file, "--force"])
    assert refused.exit_code == 1
    assert "已撤销恢复，数据库保持原样" in refused.output and "--accept-problems" in refused.output
    assert f"审计记录（案件 {case_id} 第 1 条）" in refused.output
    assert runner.invoke(args=["check"]).exit_code == 0

    accepted = runner.invoke(args=["restore", file, "--force", "--accept-problems"])
    assert accepted.exit_code == 1 and "已从" in accepted.output and "发现 1 处异常" in accepted.output
    assert runner.invoke(args=["check"]).exit_code == 1


def test_check_exits_1_and_names_a_changed_audit_record(runner, db, case_id):
    with db.begin() as session:
        session.execute(text("UPDATE audit_event SET action = 'case.rewritten' WHERE seq = 1"))
    result = runner.invoke(args=["check"])
    assert result.exit_code == 1
    assert f"审计记录（案件 {case_id} 第 1 条）" in result.output


def test_a_file_that_is_no_backup_is_refused(runner, tmp_path):
    file = tmp_path / "caseflow.zip"
    file.write_bytes(b"PK not really")
    result = runner.invoke(args=["restore", str(file)])
    assert result.exit_code == 1 and "不是 caseflow 备份文件" in result.output
