import dataclasses

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Paragraph

from documents import GENERATORS
from documents.examples import example
from documents.fonts import document_font
from documents.pdf import CANNOT_START_LINE
from tests.documents.reading import compact, draws_qr, full_text, page_texts, pages

LONG_FACTS = "当事人在城关镇解放路18号为顾客提供采耳服务并收取费用，现场查见采耳工具和收费记录。" * 40


def _long(doc_type, **fields):
    data = example(doc_type)
    return GENERATORS[doc_type].render(dataclasses.replace(data, fields={**data.fields, **fields}))


def test_long_decision_runs_over_several_pages_each_with_qr_and_page_numbers():
    pdf = _long("penalty_decision", facts=LONG_FACTS)
    texts = page_texts(pdf)
    assert len(texts) >= 3
    for number, (page, text) in enumerate(zip(pages(pdf), texts, strict=True), start=1):
        assert draws_qr(page)
        assert "扫码核验" in text
        assert f"第{number}页共{len(texts)}页" in text
    assert compact(LONG_FACTS) in full_text(pdf)


def test_long_form_row_splits_across_pages_instead_of_failing():
    pdf = _long("case_intake_record", summary=LONG_FACTS)
    assert len(pages(pdf)) >= 2
    assert all(draws_qr(page) for page in pages(pdf))
    assert compact(LONG_FACTS) in full_text(pdf)


def test_every_document_type_puts_the_qr_code_on_every_page():
    for doc_type, generator in GENERATORS.items():
        pdf = generator.render(example(doc_type))
        assert all(draws_qr(page) for page in pages(pdf)), doc_type


def test_pages_are_a4():
    page = pages(GENERATORS["service_receipt"].render(example("service_receipt")))[0]
    assert (round(float(page.mediabox.width)), round(float(page.mediabox.height))) == (595, 842)


def test_markup_characters_in_data_print_literally():
    pdf = _long("penalty_decision", facts="当事人称<b>不知情</b> & 已停业")
    assert "当事人称<b>不知情</b>&已停业" in full_text(pdf)


def test_chinese_punctuation_never_starts_a_line():
    style = ParagraphStyle("narrow", fontName=document_font().name, fontSize=10, wordWrap="CJK")
    for mark in CANNOT_START_LINE:
        paragraph = Paragraph(f"一二三四五六七八九十{mark}一二三四五六七八九十", style)
        paragraph.wrap(100, 100)
        assert paragraph.blPara.lines[1][1][0][0] != mark
