"""A streaming XLSX writer for one big sheet: each row goes straight into the zipped sheet XML.

openpyxl's write-only mode still builds a cell object and an lxml element per value: about 14 µs a
string and 21 µs a date here, so the ledger of 100 000 cases (three million cells) took close to a
minute. Written as inline strings, plain numbers and serial dates with one date style, the same
sheet takes a few seconds, and openpyxl, Excel and WPS read it as any other workbook.
"""

import re
import zipfile
from datetime import date, datetime
from decimal import Decimal
from typing import BinaryIO
from xml.sax.saxutils import escape, quoteattr

from openpyxl.utils import get_column_letter

EXCEL_EPOCH = date(1899, 12, 30).toordinal()
ROWS_PER_WRITE = 500
ILLEGAL_XML = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")
MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
RELATIONSHIPS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PACKAGE_RELATIONSHIPS = "http://schemas.openxmlformats.org/package/2006/relationships"

CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/xl/workbook.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
    '<Override PartName="/xl/worksheets/sheet1.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
    '<Override PartName="/xl/styles.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>'
    "</Types>"
)
ROOT_RELS = (
    f'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="{PACKAGE_RELATIONSHIPS}">'
    '<Relationship Id="rId1" Target="xl/workbook.xml" '
    'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"/>'
    "</Relationships>"
)
WORKBOOK_RELS = (
    f'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="{PACKAGE_RELATIONSHIPS}">'
    '<Relationship Id="rId1" Target="worksheets/sheet1.xml" '
    'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet"/>'
    '<Relationship Id="rId2" Target="styles.xml" '
    'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles"/>'
    "</Relationships>"
)
# Style 0 is the default; style 1 shows a serial date as yyyy-mm-dd; style 2 is the bold header.
STYLES = (
    f'<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="{MAIN}">'
    '<numFmts count="1"><numFmt numFmtId="164" formatCode="yyyy-mm-dd"/></numFmts>'
    '<fonts count="2"><font><sz val="11"/><name val="等线"/></font>'
    '<font><b/><sz val="11"/><name val="等线"/></font></fonts>'
    '<fills count="2"><fill><patternFill patternType="none"/></fill>'
    '<fill><patternFill patternType="gray125"/></fill></fills>'
    '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>'
    '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
    '<cellXfs count="3"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'
    '<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>'
    '<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/></cellXfs>'
    '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>'
    "</styleSheet>"
)


class SheetWriter:
    """Write one worksheet row by row: ``with SheetWriter(stream, name, widths) as sheet: sheet.append(row)``.

    The first row appended is the header (bold, frozen with the first ``frozen_columns`` columns).
    """

    def __init__(self, stream: BinaryIO, name: str, widths: list[float], frozen_columns: int = 0):
        self._zip = zipfile.ZipFile(stream, "w", zipfile.ZIP_DEFLATED, compresslevel=5)
        self._name, self._widths, self._frozen = name, widths, frozen_columns
        self._letters = [get_column_letter(i) for i in range(1, len(widths) + 1)]
        self._row = 0
        self._sheet = None
        self._pending: list[str] = []

    def __enter__(self) -> "SheetWriter":
        self._sheet = self._zip.open("xl/worksheets/sheet1.xml", "w", force_zip64=True)
        self._sheet.write(self._sheet_head().encode())
        return self

    def append(self, values) -> None:
        self._row += 1
        row, style = self._row, ' s="2"' if self._row == 1 else ""
        cells = "".join(
            _cell(f"{letter}{row}", value, style)
            for letter, value in zip(self._letters, values, strict=True)
            if value is not None
        )
        self._pending.append(f'<row r="{row}">{cells}</row>')
        if len(self._pending) >= ROWS_PER_WRITE:
            self._flush()

    def _flush(self) -> None:
        self._sheet.write("".join(self._pending).encode())
        self._pending.clear()

    def __exit__(self, *exc) -> None:
        self._flush()
        self._sheet.write(b"</sheetData></worksheet>")
        self._sheet.close()
        self._zip.writestr("[Content_Types].xml", CONTENT_TYPES)
        self._zip.writestr("_rels/.rels", ROOT_RELS)
        self._zip.writestr("xl/_rels/workbook.xml.rels", WORKBOOK_RELS)
        self._zip.writestr("xl/styles.xml", STYLES)
        self._zip.writestr("xl/workbook.xml", self._workbook())
        self._zip.close()

    def _sheet_head(self) -> str:
        pane = ""
        if self._frozen:
            top_left = f"{self._letters[self._frozen]}2"
            pane = (
                f'<pane xSplit="{self._frozen}" ySplit="1" topLeftCell="{top_left}" activePane="bottomRight" '
                'state="frozen"/>'
            )
        cols = "".join(
            f'<col min="{i}" max="{i}" width="{width}" customWidth="1"/>'
            for i, width in enumerate(self._widths, 1)
        )
        return (
            f'<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="{MAIN}" xmlns:r="{RELATIONSHIPS}">'
            f'<sheetViews><sheetView workbookViewId="0">{pane}</sheetView></sheetViews>'
            f"<cols>{cols}</cols><sheetData>"
        )

    def _workbook(self) -> str:
        return (
            f'<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="{MAIN}" xmlns:r="{RELATIONSHIPS}">'
            f'<sheets><sheet name={quoteattr(self._name)} sheetId="1" r:id="rId1"/></sheets></workbook>'
        )


def _cell(ref: str, value, style: str) -> str:
    if isinstance(value, str):
        # isprintable() is a fast C check; only text with control characters pays for the regex.
        text = value if value.isprintable() else ILLEGAL_XML.sub("", value)
        return f'<c r="{ref}" t="inlineStr"{style}><is><t xml:space="preserve">{escape(text)}</t></is></c>'
    if isinstance(value, bool):
        return f'<c r="{ref}" t="b"{style}><v>{int(value)}</v></c>'
    if isinstance(value, datetime):
        value = value.date()
    if isinstance(value, date):
        return f'<c r="{ref}" s="1"><v>{value.toordinal() - EXCEL_EPOCH}</v></c>'
    if isinstance(value, int | float | Decimal):
        return f'<c r="{ref}"{style}><v>{value}</v></c>'
    return _cell(ref, str(value), style)
