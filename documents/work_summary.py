"""The campaign work summary as a PDF: headed sections of sentences, then tables of figures.

It is a report to the level above, not a document served on a party: no number, seal or QR code.
Like every document it is set in the embedded CJK font and refuses text the font cannot draw.
"""

import io
from dataclasses import dataclass
from functools import partial
from xml.sax.saxutils import escape

from reportlab.lib.enums import TA_CENTER, TA_LEFT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from documents.fonts import document_font

MARGIN = 22 * mm
TEXT_WIDTH = A4[0] - 2 * MARGIN


@dataclass(frozen=True)
class Section:
    heading: str
    paragraphs: tuple[str, ...]


@dataclass(frozen=True)
class FigureTable:
    caption: str
    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]


@dataclass(frozen=True)
class WorkSummary:
    agency: str
    title: str
    period: str
    sections: tuple[Section, ...]
    tables: tuple[FigureTable, ...] = ()

    def texts(self):
        yield from (self.agency, self.title, self.period)
        for section in self.sections:
            yield section.heading
            yield from section.paragraphs
        for table in self.tables:
            yield table.caption
            yield from table.header
            for row in table.rows:
                yield from row


def render(summary: WorkSummary) -> bytes:
    """The summary as PDF bytes."""
    font = document_font()
    font.require_glyphs([*summary.texts(), "第页共"])
    styles = _styles(font.name)
    story = [
        Paragraph(escape(summary.title), styles["title"]),
        Paragraph(escape(f"{summary.agency}　{summary.period}"), styles["period"]),
        Spacer(1, 6 * mm),
    ]
    for section in summary.sections:
        story.append(Paragraph(escape(section.heading), styles["heading"]))
        story += [Paragraph(escape(text), styles["body"]) for text in section.paragraphs]
    for table in summary.tables:
        story += [Paragraph(escape(table.caption), styles["heading"]), _table(table, styles)]
    output = io.BytesIO()
    document = SimpleDocTemplate(
        output,
        pagesize=A4,
        leftMargin=MARGIN,
        rightMargin=MARGIN,
        topMargin=MARGIN,
        bottomMargin=MARGIN,
        title=summary.title,
        author=summary.agency,
        initialFontName=font.name,
    )
    footer = partial(_page_number, font_name=font.name)
    document.build(story, onFirstPage=footer, onLaterPages=footer)
    return output.getvalue()


def _page_number(canvas, document, font_name):
    canvas.setFont(font_name, 9)
    canvas.drawCentredString(A4[0] / 2, 10 * mm, f"第 {document.page} 页")


def _table(table: FigureTable, styles) -> Table:
    data = [[Paragraph(escape(cell), styles["cell"]) for cell in row] for row in (table.header, *table.rows)]
    widths = [TEXT_WIDTH * 0.34] + [TEXT_WIDTH * 0.66 / (len(table.header) - 1)] * (len(table.header) - 1)
    flowable = Table(data, colWidths=widths, repeatRows=1, spaceAfter=6)
    flowable.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), styles["cell"].fontName),
                ("GRID", (0, 0), (-1, -1), 0.5, "black"),
                ("BACKGROUND", (0, 0), (-1, 0), "#e8edf3"),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            ]
        )
    )
    return flowable


def _styles(font_name):
    def style(name, size, leading, **options):
        return ParagraphStyle(
            name, fontName=font_name, fontSize=size, leading=leading, wordWrap="CJK", **options
        )

    return {
        "title": style("title", 18, 28, alignment=TA_CENTER),
        "period": style("period", 11, 18, alignment=TA_CENTER),
        "heading": style("heading", 13, 22, alignment=TA_LEFT, spaceBefore=8),
        "body": style("body", 11, 20, alignment=TA_LEFT, firstLineIndent=22),
        "cell": style("cell", 10, 14, alignment=TA_LEFT),
    }
