"""Read rendered PDFs back the way a tester checks a printout: text per page, fonts, the QR code."""

import io
import re

from pypdf import PdfReader

from documents.pdf import QR_FORM, VERIFY_HINT

FOOTER = re.compile(rf"第\d+页共\d+页|{VERIFY_HINT}")


def pages(pdf):
    """The pages of pdf bytes."""
    return PdfReader(io.BytesIO(pdf)).pages


def compact(text):
    """Drop all whitespace, so text wrapped at any point still matches."""
    return re.sub(r"\s+", "", text)


def page_texts(pdf):
    """The compacted text of each page."""
    return [compact(page.extract_text()) for page in pages(pdf)]


def full_text(pdf):
    """The compacted text of the whole document, footers left out so sentences run on across pages."""
    return "".join(FOOTER.sub("", text) for text in page_texts(pdf))


def page_fonts(page):
    """The font dictionaries a page's resources name."""
    return [font.get_object() for font in page["/Resources"]["/Font"].values()]


def draws_qr(page):
    """Tell whether the page places the QR form XObject and that form paints filled rectangles."""
    placed = f"/FormXob.{QR_FORM} Do".encode() in page.get_contents().get_data()
    form = page["/Resources"]["/XObject"][f"/FormXob.{QR_FORM}"].get_object().get_data()
    return placed and b" re " in form and form.rstrip().endswith((b"f", b"f*"))
