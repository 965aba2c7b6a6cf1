"""The vocabulary generators write documents in; only the renderer decides how each block looks.

Every block reports its texts, so the font's glyph coverage is checked on exactly what is drawn.
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class Masthead:
    """First-page heading: agency full name, document title and, for outgoing documents, the 文号."""

    agency: str
    title: str
    number: str | None = None

    def texts(self):
        return (self.agency, self.title, self.number or "")


@dataclass(frozen=True)
class Para:
    """Body prose; each line of text is a paragraph, indented two characters unless indent is False."""

    text: str
    indent: bool = True

    def texts(self):
        return (self.text,)


@dataclass(frozen=True)
class Rows:
    """A bordered label/value form, the shape of the printed internal records."""

    rows: tuple[tuple[str, str], ...]

    def texts(self):
        return tuple(text for row in self.rows for text in row)


@dataclass(frozen=True)
class SignLine:
    """A right-aligned line left for a handwritten signature, with any name printed in it."""

    text: str

    def texts(self):
        return (self.text,)


@dataclass(frozen=True)
class Seal:
    """The closing of an outgoing document: issuer, the seal area and the date, kept on one page."""

    issuer: str
    date: str

    def texts(self):
        return (self.issuer, "（印章）", self.date)
