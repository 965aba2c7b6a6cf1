"""Import the institution register from CSV or XLSX, all rows or none.

Every row is checked first (the same form as a manual entry, plus duplicates within the file);
the report names each problem by row and column. Nothing is written unless every row is valid,
or the caller explicitly asks for the valid rows only. A row whose credit code or licence number
is already registered updates that institution instead of adding a second one.
"""

import csv
import io
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from openpyxl import load_workbook
from sqlalchemy import or_, select
from sqlalchemy.orm import Session, sessionmaker

from engine.campaigns import institutions, officers, trail
from engine.clock import utcnow
from engine.errors import InvalidSubmission
from engine.models import Institution
from engine.runtime import transaction
from forms import campaign_choices
from forms.registers import InstitutionSchema

COLUMNS = {
    "机构名称": "name",
    "统一社会信用代码": "credit_code",
    "执业许可证登记号": "licence_no",
    "机构类别": "kind",
    "所有制": "ownership",
    "地址": "address",
    "乡镇（街道）": "township",
    "法定代表人（负责人）": "legal_representative",
    "联系电话": "phone",
    "状态": "status",
}
ALIASES = {
    "名称": "name",
    "许可证号": "licence_no",
    "类别": "kind",
    "乡镇": "township",
    "法定代表人": "legal_representative",
    "负责人": "legal_representative",
    "电话": "phone",
}
IGNORED = {"序号", "备注"}
REQUIRED_COLUMNS = ("name", "kind", "ownership")
LABELS = {name: label for label, name in COLUMNS.items()}
CODED = {
    "kind": campaign_choices.INSTITUTION_KINDS,
    "ownership": campaign_choices.OWNERSHIPS,
    "status": campaign_choices.INSTITUTION_STATUSES,
}


@dataclass(frozen=True)
class Problem:
    row: int
    column: str
    message: str


@dataclass
class Report:
    total: int = 0
    valid: int = 0
    problems: list[Problem] = field(default_factory=list)
    added: int = 0
    updated: int = 0
    imported: bool = False

    def as_dict(self) -> dict:
        return {
            "total": self.total,
            "valid": self.valid,
            "added": self.added,
            "updated": self.updated,
            "imported": self.imported,
            "problems": [vars(p) for p in self.problems],
        }


def read_table(filename: str, content: bytes) -> list[list[str]]:
    """The rows of the first sheet of an .xlsx, or of a .csv in UTF-8 or GB18030 (Excel's Chinese CSV)."""
    if filename.lower().endswith(".xlsx"):
        return _xlsx_rows(content)
    if filename.lower().endswith(".csv"):
        return _csv_rows(content)
    raise InvalidSubmission("只能导入 .csv 或 .xlsx 文件", {"file": ["只能导入 .csv 或 .xlsx 文件"]})


def _xlsx_rows(content: bytes) -> list[list[str]]:
    try:
        workbook = load_workbook(io.BytesIO(content), read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises a zoo of zip and XML errors for a damaged file
        raise InvalidSubmission("无法读取该 Excel 文件", {"file": [f"无法读取该 Excel 文件：{exc}"]}) from exc
    try:
        return [[_cell(value) for value in row] for row in workbook.worksheets[0].iter_rows(values_only=True)]
    finally:
        workbook.close()


def _cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).strip()


def _csv_rows(content: bytes) -> list[list[str]]:
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            text = content.decode(encoding)
        except UnicodeDecodeError:
            continue
        return [[cell.strip() for cell in row] for row in csv.reader(io.StringIO(text))]
    raise InvalidSubmission("文件编码无法识别", {"file": ["请以 UTF-8 或 GBK 编码保存 CSV 文件"]})


def check(
    table: list[list[str]], progress: Callable[[int], None] = lambda n: None
) -> tuple[Report, list[tuple[int, dict]]]:
    """Check every row; return the report and the valid rows as (row number, form values)."""
    rows = [row for row in table if any(row)]
    report = Report(total=max(len(rows) - 1, 0))
    if not rows:
        report.problems.append(Problem(1, "", "文件为空"))
        return report, []
    columns, header_problems = _header(rows[0])
    report.problems += header_problems
    if header_problems:
        return report, []
    valid, seen = [], {}
    for number, row in enumerate(rows[1:], start=2):
        values = {name: (row[index] if index < len(row) else "") for index, name in columns.items()}
        problems = _row_problems(number, values, seen)
        report.problems += problems
        if not problems:
            valid.append((number, InstitutionSchema().load(_coded(values))))
        progress(1)
    report.valid = len(valid)
    return report, valid


def _header(header: list[str]) -> tuple[dict[int, str], list[Problem]]:
    columns, problems = {}, []
    for index, label in enumerate(header):
        name = COLUMNS.get(label) or ALIASES.get(label)
        if name:
            columns[index] = name
        elif label and label not in IGNORED:
            problems.append(Problem(1, label, f"未知的列“{label}”，可用的列：{'、'.join(COLUMNS)}"))
    for name in REQUIRED_COLUMNS:
        if name not in columns.values():
            problems.append(Problem(1, LABELS[name], f"缺少必需的列“{LABELS[name]}”"))
    return columns, problems


def _coded(values: dict) -> dict:
    """Kinds, ownerships and statuses may be written as their Chinese label or their code."""
    coded = {k: v for k, v in values.items() if v != "" or k not in CODED}
    for name, pairs in CODED.items():
        if coded.get(name):
            coded[name] = {label: code for code, label in pairs}.get(coded[name], coded[name])
    return coded


def _row_problems(number: int, values: dict, seen: dict) -> list[Problem]:
    errors = InstitutionSchema().validate(_coded(values))
    problems = [
        Problem(
            number,
            LABELS.get(name, name),
            "；".join(messages if isinstance(messages, list) else [str(messages)]),
        )
        for name, messages in errors.items()
    ]
    for name in ("credit_code", "licence_no"):
        value = values.get(name, "").upper()
        if value and (name, value) in seen:
            problems.append(Problem(number, LABELS[name], f"与第{seen[(name, value)]}行重复"))
        elif value:
            seen[(name, value)] = number
    return problems


def import_institutions(
    db: sessionmaker,
    user_id: int,
    table: list[list[str]],
    valid_only: bool = False,
    progress: Callable[[int], None] = lambda n: None,
    source: str = "",
) -> Report:
    """Check a table (from ``read_table``) and write it in one transaction if every row is valid,
    or its valid rows if ``valid_only``; ``progress`` is told of each row checked, then each written."""
    with transaction(db) as session:
        user = officers.acting(session, user_id, *institutions.EDITORS)
        report, valid = check(table, progress)
        if report.problems and not (valid_only and valid):
            return report
        _write(session, user.agency_id, valid, report, progress)
        report.imported = True
        trail.record(
            session,
            user.id,
            "institutions.imported",
            {
                "file": source,
                "added": report.added,
                "updated": report.updated,
                "skipped": report.total - report.valid,
            },
        )
        return report


def _write(
    session: Session, agency_id: int, rows: Iterable[tuple[int, dict]], report: Report, progress
) -> None:
    existing = _existing(session, agency_id)
    now = utcnow()
    for _number, values in rows:
        stored = institutions.stored(values)
        found = existing.get(("credit_code", stored["credit_code"])) or existing.get(
            ("licence_no", stored["licence_no"])
        )
        if found is None:
            session.add(Institution(agency_id=agency_id, created_at=now, updated_at=now, **stored))
            report.added += 1
        else:
            for name, value in stored.items():
                setattr(found, name, value)
            found.updated_at = now
            report.updated += 1
        progress(1)
    session.flush()


def _existing(session: Session, agency_id: int) -> dict[tuple[str, str], Institution]:
    found = {}
    query = select(Institution).where(
        Institution.agency_id == agency_id,
        or_(Institution.credit_code.is_not(None), Institution.licence_no.is_not(None)),
    )
    for institution in session.scalars(query):
        for name in ("credit_code", "licence_no"):
            if getattr(institution, name):
                found[(name, getattr(institution, name))] = institution
    return found


def template_rows() -> list[list[str]]:
    """A header and one example row, offered for download so users start from the right columns."""
    return [
        list(COLUMNS),
        [
            "示例县人民医院",
            "12411500MB00000003",
            "PDY41150000001",
            "二级以上公立医院",
            "公立",
            "城关镇人民路1号",
            "城关镇",
            "张院长",
            "0375-1234567",
            "正常执业",
        ],
    ]
