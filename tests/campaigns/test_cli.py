"""``caseflow campaign``: import with a progress bar and a row-by-row report, ledger and summary files,
coverage and complaints on the terminal."""

import json

import pytest
from openpyxl import load_workbook

from engine.campaigns import complaint_workflow
from tests.campaigns.conftest import REPORTER, complaint_form, credit_code


@pytest.fixture
def runner(app):
    return app.test_cli_runner()


def test_an_import_with_a_bad_row_reports_it_and_imports_nothing_unless_told(runner, people, tmp_path):
    path = tmp_path / "台账.csv"
    path.write_text(
        f"机构名称,统一社会信用代码,机构类别,所有制\n甲诊所,{credit_code(1)},诊所,个体\n乙诊所,,宠物医院,个体\n",
        encoding="utf-8-sig",
    )
    refused = runner.invoke(args=["campaign", "import-institutions", str(path), "--user", "handler1"])
    assert refused.exit_code == 1
    assert "第3行 机构类别：取值不在可选范围内" in refused.stdout and "未导入" in refused.stdout
    assert "检查并导入" in refused.stderr
    imported = runner.invoke(
        args=["campaign", "import-institutions", str(path), "--user", "handler1", "--valid-only", "--json"]
    )
    assert imported.exit_code == 0
    assert json.loads(imported.stdout) | {"problems": []} == {
        "total": 2,
        "valid": 1,
        "added": 1,
        "updated": 0,
        "imported": True,
        "problems": [],
    }


def test_the_ledger_and_the_summary_are_written_to_files(runner, people, tmp_path):
    ledger = tmp_path / "台账.xlsx"
    result = runner.invoke(args=["campaign", "ledger", "--user", "handler1", "--out", str(ledger)])
    assert result.exit_code == 0 and "已导出 0 件案件" in result.stdout
    assert load_workbook(ledger)["案件台账"].max_row == 1
    xlsx, pdf = tmp_path / "统计.xlsx", tmp_path / "统计.pdf"
    args = ["campaign", "summary", "--user", "handler1", "--start", "2026-01-01", "--end", "2026-12-31"]
    figures = json.loads(runner.invoke(args=[*args, "--xlsx", str(xlsx), "--pdf", str(pdf), "--json"]).stdout)
    assert figures["cases"]["filed"] == 0 and figures["start"] == "2026-01-01"
    assert pdf.read_bytes().startswith(b"%PDF") and load_workbook(xlsx)["工作情况统计"]
    text = runner.invoke(args=args).stdout
    assert "共立案0起，其中简易程序0起，一般程序0起。给予警告0起。" in text


def test_coverage_is_printed_against_the_targets(runner, people, campaign, county):
    result = runner.invoke(
        args=["campaign", "coverage", "--user", "handler1", "--campaign", str(campaign.id)]
    )
    assert result.exit_code == 0
    assert "诊所：0/4 = 0.0%（目标 50%）未达标" in result.stdout
    assert "医院（含中医院、妇幼保健院）：0/3 = 0.0%（目标 100%）未达标" in result.stdout
    refused = runner.invoke(
        args=["campaign", "coverage", "--user", "outsider", "--campaign", str(campaign.id)]
    )
    assert refused.exit_code == 1 and "没有该专项行动" in refused.output


def test_complaints_are_listed_without_their_reporters(runner, people, db):
    complaint_workflow.register(db, people["handler1"], complaint_form(received_on="2026-03-02"))
    result = runner.invoke(args=["campaign", "complaints", "--user", "handler1", "--overdue"])
    assert result.exit_code == 0
    assert "解放路采耳店  受理审查  反馈期限 2026-03-23" in result.stdout
    assert not any(value in result.stdout for value in REPORTER.values())
