"""Importing the institution register: all rows or none, a row-by-row report, updates by credit code."""

import io

import pytest
from openpyxl import Workbook
from sqlalchemy import func, select

from engine.campaigns import importing
from engine.errors import InvalidSubmission
from engine.models import Institution
from tests.campaigns.conftest import credit_code

HEADER = ["序号", "机构名称", "统一社会信用代码", "机构类别", "所有制", "乡镇（街道）", "状态"]


def _rows(*rows):
    return [HEADER, *([str(n), *row] for n, row in enumerate(rows, start=1))]


def _csv(rows, encoding="utf-8-sig") -> bytes:
    return "\n".join(",".join(row) for row in rows).encode(encoding)


def _xlsx(rows) -> bytes:
    workbook = Workbook()
    for row in rows:
        workbook.active.append(row)
    output = io.BytesIO()
    workbook.save(output)
    return output.getvalue()


def _count(db) -> int:
    with db() as session:
        return session.scalar(select(func.count(Institution.id)))


GOOD = ("示例县人民医院", credit_code(1), "二级以上公立医院", "公立", "城关镇", "正常执业")
CLINIC = ("城关镇王氏诊所", credit_code(2), "clinic", "个体", "城关镇", "")
BAD_CODE = ("河口乡李氏诊所", credit_code(3)[:-1] + "0", "诊所", "个体", "河口乡", "")
NO_KIND = ("柳林镇无名诊所", "", "诊所部", "个体", "柳林镇", "")


def test_a_valid_csv_is_imported_whole_with_labels_or_codes(db, people):
    table = importing.read_table("台账.csv", _csv(_rows(GOOD, CLINIC)))
    report = importing.import_institutions(db, people["handler1"], table)
    assert (report.imported, report.added, report.updated, report.problems) == (True, 2, 0, [])
    with db() as session:
        kinds = dict(session.execute(select(Institution.name, Institution.kind)).all())
    assert kinds == {"示例县人民医院": "public_hospital", "城关镇王氏诊所": "clinic"}


def test_one_bad_row_in_an_xlsx_stops_the_import_and_is_reported_by_row_and_column(db, people):
    table = importing.read_table("台账.xlsx", _xlsx(_rows(GOOD, BAD_CODE, NO_KIND)))
    report = importing.import_institutions(db, people["handler1"], table)
    assert not report.imported and _count(db) == 0
    assert [(p.row, p.column, p.message) for p in report.problems] == [
        (3, "统一社会信用代码", "统一社会信用代码校验位不正确"),
        (4, "机构类别", "取值不在可选范围内"),
    ]
    assert (report.total, report.valid) == (3, 1)


def test_the_valid_rows_only_are_imported_when_asked(db, people):
    table = importing.read_table("台账.xlsx", _xlsx(_rows(GOOD, BAD_CODE, CLINIC)))
    report = importing.import_institutions(db, people["handler1"], table, valid_only=True)
    assert (report.imported, report.added, len(report.problems)) == (True, 2, 1)
    assert _count(db) == 2


def test_a_credit_code_twice_in_one_file_is_a_problem_of_the_second_row(db, people):
    table = _rows(GOOD, (*GOOD[:1], GOOD[1].lower(), *GOOD[2:]))
    report, valid = importing.check(table)
    assert [(p.row, p.column, p.message) for p in report.problems] == [(3, "统一社会信用代码", "与第2行重复")]
    assert len(valid) == 1


def test_a_registered_institution_is_updated_not_added_again(db, people):
    importing.import_institutions(db, people["handler1"], _rows(GOOD))
    renamed = ("示例县人民医院（新院区）", *GOOD[1:5], "停业整顿")
    report = importing.import_institutions(db, people["handler1"], _rows(renamed))
    assert (report.added, report.updated) == (0, 1)
    with db() as session:
        assert session.execute(select(Institution.name, Institution.status)).all() == [
            ("示例县人民医院（新院区）", "suspended")
        ]


def test_gbk_csv_from_a_chinese_excel_is_read(db, people):
    table = importing.read_table("台账.csv", _csv(_rows(GOOD), encoding="gb18030"))
    assert table[1][1] == "示例县人民医院"


def test_unknown_and_missing_columns_are_named(db, people):
    report, valid = importing.check([["机构名称", "床位数"], ["示例县人民医院", "300"]])
    messages = [p.message for p in report.problems]
    assert messages[0].startswith("未知的列“床位数”")
    assert "缺少必需的列“机构类别”" in messages and "缺少必需的列“所有制”" in messages
    assert valid == []


def test_other_file_types_are_refused():
    with pytest.raises(InvalidSubmission, match="只能导入"):
        importing.read_table("台账.xls", b"")


def test_a_damaged_xlsx_is_refused_with_a_message():
    with pytest.raises(InvalidSubmission, match="无法读取"):
        importing.read_table("台账.xlsx", b"not a zip")


def test_the_template_imports_as_it_is(db, people):
    report = importing.import_institutions(db, people["handler1"], importing.template_rows())
    assert report.imported and report.added == 1
