"""Lay blocks out on A4 pages and write the PDF: masthead, body, and on every page the footer.

The footer carries the verification QR code and "第 N 页 共 M 页". The page total is known only
once the story is laid out, so pages are held back and the footers drawn when the canvas saves;
the QR code is drawn once as a form XObject and placed on each page, which keeps big files small.
"""

import io
from functools import lru_cache, partial
from xml.sax.saxutils import escape

from reportlab.lib import textsplit
from reportlab.lib.enums import TA_CENTER, TA_LEFT, TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import KeepTogether, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle
from reportlab.platypus import paragraph as reportlab_paragraph

from documents.blocks import Para, Rows, Seal, SignLine
from documents.qr import draw_qr

PAGE_WIDTH = A4[0]
LEFT_MARGIN, RIGHT_MARGIN, TOP_MARGIN, BOTTOM_MARGIN = 28 * mm, 26 * mm, 25 * mm, 32 * mm
TEXT_WIDTH = PAGE_WIDTH - LEFT_MARGIN - RIGHT_MARGIN
LABEL_WIDTH = 32 * mm
SEAL_WIDTH = 70 * mm
SIGN_INDENT = TEXT_WIDTH / 4
QR_SIZE = 18 * mm
QR_FORM = "caseflowVerifyQR"
VERIFY_HINT = "扫码核验"
FOOTER_TEXTS = (VERIFY_HINT, "第 0123456789 页 共")
CANNOT_START_LINE = "，；：！？”’》〉」』】〕）…"


def _forbid_at_line_start(marks):
    """Teach reportlab's CJK wrapping the Chinese punctuation GB/T 15834 keeps off a line start.

    It knows only Japanese closing marks; a listed mark that overflows hangs at the end of the
    previous line instead. Both of reportlab's wrapping paths keep their own copy of the list.
    """
    for wrapping in (textsplit, reportlab_paragraph):
        wrapping.ALL_CANNOT_START += "".join(mark for mark in marks if mark not in wrapping.ALL_CANNOT_START)


_forbid_at_line_start(CANNOT_START_LINE)


def build_pdf(masthead, blocks, verify_url, font_name) -> bytes:
    """Render masthead and blocks into PDF bytes, with the verification footer on every page."""
    styles = _styles(font_name)
    story = _masthead_flowables(masthead, styles)
    for block in blocks:
        story.extend(_FLOWABLES[type(block)](block, styles))
    output = io.BytesIO()
    template = SimpleDocTemplate(
        output, pagesize=A4, leftMargin=LEFT_MARGIN, rightMargin=RIGHT_MARGIN, topMargin=TOP_MARGIN,
        bottomMargin=BOTTOM_MARGIN, initialFontName=font_name,
        title=masthead.title, author=masthead.agency, subject=masthead.number or "",
    )
    template.build(story, canvasmaker=partial(FooterCanvas, verify_url=verify_url, font_name=font_name))
    return output.getvalue()


class FooterCanvas(Canvas):
    """A canvas that keeps each finished page until save(), when the page count is known."""

    def __init__(self, *args, verify_url, font_name, **kwargs):
        super().__init__(*args, **kwargs)
        self._verify_url = verify_url
        self._footer_font = font_name
        self._held_pages = []

    def showPage(self):  # noqa: N802 - reportlab's name
        self._held_pages.append(dict(self.__dict__))
        self._startPage()

    def save(self):
        total = len(self._held_pages)
        for number, page_state in enumerate(self._held_pages, start=1):
            self.__dict__.update(page_state)
            if number == 1:
                self._define_qr_form()
            self._draw_footer(number, total)
            Canvas.showPage(self)
        Canvas.save(self)

    def _define_qr_form(self):
        self.beginForm(QR_FORM)
        draw_qr(self, self._verify_url, QR_SIZE)
        self.endForm()

    def _draw_footer(self, number, total):
        qr_x, qr_y = PAGE_WIDTH - RIGHT_MARGIN - QR_SIZE, 8 * mm
        self.saveState()
        self.translate(qr_x, qr_y)
        self.doForm(QR_FORM)
        self.restoreState()
        self.setFont(self._footer_font, 8)
        self.drawRightString(qr_x - 1 * mm, qr_y + QR_SIZE / 2 - 3, VERIFY_HINT)
        self.setFont(self._footer_font, 10)
        self.drawCentredString(PAGE_WIDTH / 2, 14 * mm, f"第 {number} 页 共 {total} 页")


@lru_cache(maxsize=8)
def _styles(font_name):
    def style(name, size, leading, **options):
        return ParagraphStyle(
            name, fontName=font_name, fontSize=size, leading=leading, wordWrap="CJK", **options,
        )

    return {
        "agency": style("agency", 16, 24, alignment=TA_CENTER),
        "title": style("title", 22, 32, alignment=TA_CENTER, spaceAfter=4),
        "number": style("number", 12, 18, alignment=TA_RIGHT, spaceAfter=10),
        "body": style("body", 12, 22, alignment=TA_LEFT, firstLineIndent=24),
        "plain": style("plain", 12, 22, alignment=TA_LEFT),
        "label": style("label", 11, 16, alignment=TA_CENTER),
        "cell": style("cell", 11, 17, alignment=TA_LEFT),
        "sign": style("sign", 12, 22, alignment=TA_LEFT, leftIndent=SIGN_INDENT, spaceBefore=10),
        "seal": style("seal", 12, 22, alignment=TA_CENTER),
    }


def _markup(text):
    return escape(text).replace("\n", "<br/>")


def _masthead_flowables(masthead, styles):
    flowables = [
        Paragraph(_markup(masthead.agency), styles["agency"]),
        Paragraph(_markup(masthead.title), styles["title"]),
    ]
    if masthead.number:
        flowables.append(Paragraph(_markup(masthead.number), styles["number"]))
    else:
        flowables.append(Spacer(1, 10))
    return flowables


def _para_flowables(block, styles):
    style = styles["body"] if block.indent else styles["plain"]
    return [Paragraph(_markup(line), style) for line in block.text.split("\n") if line.strip()]


def _rows_flowables(block, styles):
    # A table sets its cell font even when every cell is a Paragraph; naming ours keeps the
    # unembedded Helvetica out of the PDF.
    data = [[Paragraph(_markup(label), styles["label"]), Paragraph(_markup(value), styles["cell"])]
            for label, value in block.rows]
    table = Table(
        data, colWidths=(LABEL_WIDTH, TEXT_WIDTH - LABEL_WIDTH), splitInRow=1, spaceBefore=4, spaceAfter=6,
    )
    table.setStyle(TableStyle([
        ("FONTNAME", (0, 0), (-1, -1), styles["cell"].fontName),
        ("GRID", (0, 0), (-1, -1), 0.6, "black"),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("TOPPADDING", (0, 0), (-1, -1), 5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 5),
    ]))
    return [table]


def _sign_flowables(block, styles):
    return [Paragraph(_markup(block.text), styles["sign"])]


def _seal_flowables(block, styles):
    lines = [[Paragraph(_markup(text), styles["seal"])] for text in block.texts()]
    table = Table(lines, colWidths=(SEAL_WIDTH,), hAlign="RIGHT", spaceBefore=18)
    table.setStyle(TableStyle([
        ("FONTNAME", (0, 0), (-1, -1), styles["seal"].fontName),
        ("TOPPADDING", (0, 0), (-1, -1), 1),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 1),
    ]))
    return [KeepTogether([table])]


_FLOWABLES = {Para: _para_flowables, Rows: _rows_flowables, SignLine: _sign_flowables, Seal: _seal_flowables}
