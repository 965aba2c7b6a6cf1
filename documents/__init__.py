"""Statutory documents (执法文书): one reportlab generator per document type, registered by type.

    pdf = GENERATORS["penalty_decision"].render(DocumentData(...))

Callers check GENERATORS[t].applies(fields) before rendering a type a task lists conditionally
(a hearing notice only with a hearing right). Rendering raises a DocumentError instead of
producing a PDF that lacks data (MissingData), prints blanks (MissingGlyphs) or cannot embed
its font (UnsupportedFont).
"""

from documents.data import Agency, CaseInfo, DocumentData, Officer, Party, from_payload, to_payload
from documents.errors import DocumentError, MissingData, MissingGlyphs, NotApplicable, UnsupportedFont
from documents.generator import Generator
from documents.registry import GENERATORS

__all__ = [
    "GENERATORS",
    "Agency",
    "CaseInfo",
    "DocumentData",
    "from_payload",
    "to_payload",
    "DocumentError",
    "Generator",
    "MissingData",
    "MissingGlyphs",
    "NotApplicable",
    "Officer",
    "Party",
    "UnsupportedFont",
]
