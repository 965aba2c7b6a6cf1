"""The one font every document is set in, embedded as a TrueType subset so the PDF prints anywhere.

The CID font STSong-Light is never used: it is not embedded, so the reader's substitute font decides
how a party's name looks. CFF-flavoured OpenType cannot be embedded by reportlab, so it is refused
up front rather than failing deep inside a render. An agency with its own licensed 仿宋 points
CASEFLOW_DOCUMENT_FONT at it; otherwise fontconfig finds WenQuanYi Zen Hei (Debian fonts-wqy-zenhei).
"""

import os
import struct
import subprocess
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFError, TTFont

from documents.errors import MissingGlyphs, UnsupportedFont

FONT_ENV = "CASEFLOW_DOCUMENT_FONT"
DEFAULT_FAMILY = "WenQuanYi Zen Hei"
TRUETYPE_TAGS = (b"\x00\x01\x00\x00", b"true")
UNDRAWN = frozenset("\n\r\t")


@dataclass(frozen=True)
class DocumentFont:
    """A registered font and the character map used to refuse text it cannot draw."""

    name: str
    file: str
    char_to_glyph: dict

    def require_glyphs(self, texts):
        """Raise MissingGlyphs listing every character of texts this font has no glyph for."""
        drawn = {ch for text in texts for ch in text} - UNDRAWN
        missing = {ch for ch in drawn if ord(ch) not in self.char_to_glyph}
        if missing:
            raise MissingGlyphs(self.file, sorted(missing))


def document_font() -> DocumentFont:
    """Return the configured font, registered with reportlab; the environment is read on every call."""
    override = os.environ.get(FONT_ENV, "").strip()
    if override:
        return _load(override, 0)
    return _load(*_fontconfig_lookup(DEFAULT_FAMILY))


@lru_cache(maxsize=1)
def _fontconfig_lookup(family):
    try:
        found = subprocess.run(
            ["fc-match", "-f", "%{file}\n%{index}\n%{family}", family],
            capture_output=True, text=True, check=True,
        ).stdout.split("\n")
    except (OSError, subprocess.CalledProcessError) as error:
        message = f"无法通过 fontconfig 查找字体 {family}（需要安装 fontconfig）：{error}"
        raise UnsupportedFont(message) from error
    # fc-match always answers with its best substitute, so check it really is the family asked for.
    if len(found) < 3 or family not in found[2].split(","):
        raise UnsupportedFont(f"未安装字体 {family}（Debian 软件包 fonts-wqy-zenhei），或设置 {FONT_ENV}")
    return found[0], int(found[1] or 0)


@lru_cache(maxsize=8)
def _load(file, index):
    _require_truetype_outlines(Path(file), index)
    name = f"caseflow-{Path(file).stem}-{index}"
    try:
        face = TTFont(name, file, subfontIndex=index)
    except TTFError as error:
        raise UnsupportedFont(f"字体 {file} 无法嵌入：{error}") from error
    pdfmetrics.registerFont(face)
    return DocumentFont(name=name, file=file, char_to_glyph=face.face.charToGlyph)


def _require_truetype_outlines(path, index):
    try:
        with path.open("rb") as font_file:
            tag = font_file.read(4)
            if tag == b"ttcf":
                font_file.seek(12 + 4 * index)
                font_file.seek(struct.unpack(">I", font_file.read(4))[0])
                tag = font_file.read(4)
    except (OSError, struct.error) as error:
        raise UnsupportedFont(f"无法读取字体文件 {path}：{error}") from error
    if tag == b"OTTO":
        raise UnsupportedFont(
            f"字体 {path} 是 CFF（PostScript 轮廓）OpenType 字体，无法嵌入；请改用 TrueType 轮廓的 .ttf/.ttc"
        )
    if tag not in TRUETYPE_TAGS:
        raise UnsupportedFont(f"{path} 不是 TrueType 字体文件（.ttf/.ttc）")
