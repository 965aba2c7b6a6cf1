"""One Generator per document type: what the document needs, and how its blocks are composed.

Checking everything before composing means a refused document never leaves a half-filled PDF,
and one MissingData names every gap at once instead of one per attempt.
"""

from collections.abc import Callable, Mapping
from dataclasses import dataclass

from documents.blocks import Masthead
from documents.data import DocumentData
from documents.errors import MissingData, NotApplicable
from documents.field_labels import FIELD_LABELS, SIGNER_LABELS
from documents.fonts import document_font
from documents.pdf import FOOTER_TEXTS, build_pdf
from documents.wording import is_blank


def _always(fields: Mapping) -> bool:
    return True


@dataclass(frozen=True)
class Generator:
    """A document type: title, requirements and a compose function from DocumentData to blocks.

    numbered documents go out to the party and carry a 文号; identifies_party demands the full
    particulars art 59 lists; checks add requirements that depend on the data (a fine needs an amount).
    """

    title: str
    compose: Callable[[DocumentData], list]
    required: tuple[str, ...] = ()
    numbered: bool = False
    identifies_party: bool = False
    min_officers: int = 0
    signers: tuple[str, ...] = ()
    checks: tuple[Callable[[DocumentData], list[str]], ...] = ()
    applies_if: Callable[[Mapping], bool] = _always
    inapplicable_reason: str = ""

    def applies(self, fields: Mapping) -> bool:
        """Tell whether the case data calls for this document at all."""
        return self.applies_if(fields)

    def missing(self, doc: DocumentData) -> list[str]:
        """Name, in Chinese, every piece of data the document needs and doc lacks."""
        labels = []
        if self.numbered and is_blank(doc.number):
            labels.append("文号")
        if is_blank(doc.verify_url):
            labels.append("核验地址")
        labels += _party_missing(doc.party, self.identifies_party)
        labels += _officers_missing(doc.officers, self.min_officers)
        labels += [SIGNER_LABELS[signer] for signer in self.signers if is_blank(getattr(doc, signer))]
        labels += [FIELD_LABELS[key] for key in self.required if is_blank(doc.fields.get(key))]
        for check in self.checks:
            labels += check(doc)
        return labels

    def check(self, doc: DocumentData) -> None:
        """Raise the DocumentError render would raise, without the cost of laying out the PDF.

        Issuing checks in the step's transaction and renders after it commits: a document that
        cannot be made still refuses the step.
        """
        self._prepare(doc)

    def render(self, doc: DocumentData) -> bytes:
        """Return the document as PDF bytes, or raise a DocumentError saying why it cannot be made."""
        masthead, blocks, font_name = self._prepare(doc)
        return build_pdf(masthead, blocks, doc.verify_url, font_name)

    def _prepare(self, doc: DocumentData):
        if not self.applies(doc.fields):
            raise NotApplicable(self.title, self.inapplicable_reason)
        missing = self.missing(doc)
        if missing:
            raise MissingData(self.title, missing)
        masthead = Masthead(doc.agency.name, self.title, doc.number if self.numbered else None)
        blocks = self.compose(doc)
        font = document_font()
        drawn = [*masthead.texts(), *FOOTER_TEXTS, *(text for block in blocks for text in block.texts())]
        font.require_glyphs(drawn)
        return masthead, blocks, font.name


def _party_missing(party, full):
    labels = [] if not is_blank(party.name) else ["当事人名称（姓名）"]
    if not full:
        return labels
    if party.kind == "organization":
        wanted = (("credit_code", "统一社会信用代码"), ("legal_representative", "法定代表人（负责人）"),
                  ("address", "当事人地址"))
    else:
        wanted = (("id_number", "当事人身份证件号码"), ("address", "当事人住址"))
    return labels + [text for attribute, text in wanted if is_blank(getattr(party, attribute))]


def _officers_missing(officers, minimum):
    if not minimum:
        return []
    labels = [] if len(officers) >= minimum else [f"执法人员（至少{minimum}名）"]
    if any(is_blank(officer.certificate_no) for officer in officers):
        labels.append("执法人员执法证号")
    return labels
