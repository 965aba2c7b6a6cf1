import dataclasses
import struct
import subprocess

import pytest

from documents import GENERATORS, MissingGlyphs, UnsupportedFont
from documents.examples import example
from documents.fonts import FONT_ENV, document_font
from tests.documents.reading import page_fonts, pages

RARE_NAME_CHARACTER = "𠮷"  # U+20BB7, in names like 𠮷田; outside WenQuanYi Zen Hei's repertoire


def _latin_only_font():
    found = subprocess.run(["fc-match", "-f", "%{file}\n%{family}", "DejaVu Sans"],
                           capture_output=True, text=True, check=True).stdout.split("\n")
    assert "DejaVu Sans" in found[1], "the tests need Debian's fonts-dejavu-core"
    return found[0]


def test_default_font_is_wenquanyi_zen_hei_from_its_collection():
    font = document_font()
    assert font.file.endswith("wqy-zenhei.ttc")
    assert ord("罚") in font.char_to_glyph


def test_every_font_in_the_pdf_is_an_embedded_truetype_subset():
    pdf = GENERATORS["penalty_decision"].render(example("penalty_decision"))
    fonts = [font for page in pages(pdf) for font in page_fonts(page)]
    assert fonts
    for font in fonts:
        assert font["/Subtype"] == "/TrueType"
        assert "+" in font["/BaseFont"], "a subset font's name carries a six-letter tag"
        assert "/FontFile2" in font["/FontDescriptor"].get_object()
    assert b"STSong" not in pdf
    assert b"Helvetica" not in pdf


def test_missing_glyph_is_refused_not_printed_blank():
    assert ord(RARE_NAME_CHARACTER) not in document_font().char_to_glyph
    data = example("penalty_decision")
    data = dataclasses.replace(data, party=dataclasses.replace(data.party, name=f"{RARE_NAME_CHARACTER}田某"))
    with pytest.raises(MissingGlyphs) as refused:
        GENERATORS["penalty_decision"].render(data)
    assert refused.value.characters == (RARE_NAME_CHARACTER,)
    assert "U+20BB7" in str(refused.value)


def test_missing_glyph_in_free_text_is_found_too():
    data = example("inquiry_record")
    content = f"被询问人{RARE_NAME_CHARACTER}某称……"
    records = [{**record, "content": content} for record in data.fields["records"]]
    data = dataclasses.replace(data, fields={**data.fields, "records": records})
    with pytest.raises(MissingGlyphs):
        GENERATORS["inquiry_record"].render(data)


def test_environment_overrides_the_font(monkeypatch):
    monkeypatch.setenv(FONT_ENV, _latin_only_font())
    assert document_font().file.endswith("DejaVuSans.ttf")
    with pytest.raises(MissingGlyphs) as refused:
        GENERATORS["service_receipt"].render(example("service_receipt"))
    assert "送" in refused.value.characters


def test_cff_opentype_is_refused(tmp_path, monkeypatch):
    font_file = tmp_path / "fangsong.otf"
    font_file.write_bytes(b"OTTO" + bytes(60))
    monkeypatch.setenv(FONT_ENV, str(font_file))
    with pytest.raises(UnsupportedFont, match="CFF"):
        document_font()


def test_cff_font_inside_a_collection_is_refused(tmp_path, monkeypatch):
    font_file = tmp_path / "fangsong.ttc"
    font_file.write_bytes(b"ttcf" + struct.pack(">HHII", 1, 0, 1, 16) + b"OTTO" + bytes(60))
    monkeypatch.setenv(FONT_ENV, str(font_file))
    with pytest.raises(UnsupportedFont, match="CFF"):
        document_font()


@pytest.mark.parametrize("content", [b"wOFF" + bytes(60), b"not a font at all"])
def test_other_files_are_refused(tmp_path, monkeypatch, content):
    font_file = tmp_path / "font.ttf"
    font_file.write_bytes(content)
    monkeypatch.setenv(FONT_ENV, str(font_file))
    with pytest.raises(UnsupportedFont, match="TrueType"):
        document_font()


def test_missing_font_file_is_refused(tmp_path, monkeypatch):
    monkeypatch.setenv(FONT_ENV, str(tmp_path / "absent.ttf"))
    with pytest.raises(UnsupportedFont, match="无法读取"):
        document_font()
