"""XLSX files of the campaign layer: the summary with openpyxl, the big ledger with the streaming writer."""

from typing import BinaryIO

from openpyxl import Workbook
from sqlalchemy.orm import Session

from engine.campaigns import ledger, report
from engine.campaigns.xlsx_stream import SheetWriter

LEDGER_WIDTHS = {
    "number": 24,
    "decision_number": 24,
    "cause": 30,
    "party": 24,
    "party_code": 22,
    "address": 28,
    "basis": 36,
    "transfer": 36,
    "note": 40,
}


def write_ledger(session: Session, agency_id: int, filters: ledger.Filters, stream: BinaryIO) -> int:
    """Write the filtered ledger to ``stream``; return the number of cases written."""
    widths = [LEDGER_WIDTHS.get(key, 12) for key, _label in ledger.COLUMNS]
    keys = [key for key, _label in ledger.COLUMNS]
    written = 0
    with SheetWriter(stream, "案件台账", widths, frozen_columns=2) as sheet:
        sheet.append([label for _key, label in ledger.COLUMNS])
        for line in ledger.rows(session, agency_id, filters):
            sheet.append([line[key] for key in keys])
            written += 1
    return written


def write_summary(figures: dict, agency_name: str, stream: BinaryIO) -> None:
    """The summary's figures on one sheet, its breakdowns by kind, violation and status on another."""
    workbook = Workbook(write_only=True)
    main = workbook.create_sheet("工作情况统计")
    main.column_dimensions["A"].width = 30
    main.column_dimensions["B"].width = 16
    main.append([f"{agency_name}医疗乱象专项整治工作情况统计"])
    main.append([report.period_text(figures)])
    main.append(["指标", "数值"])
    for label, value in report.indicator_rows(figures):
        main.append([label, value])
    detail = workbook.create_sheet("分类统计")
    detail.column_dimensions["A"].width = 36
    detail.append(["机构类别", "检查机构（家）", "检查户次"])
    for row in report.kind_rows(figures):
        detail.append(list(row))
    for title, key in (("违法行为类别", "by_violation"), ("程序", "by_procedure"), ("案件状态", "by_status")):
        detail.append([])
        detail.append([title, "立案（起）"])
        for row in figures[key]:
            detail.append([row["label"], row["count"]])
    workbook.save(stream)
