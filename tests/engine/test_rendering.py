"""PDFs laid out after their step commits: numbered and fixed in the step, bytes by whoever renders first."""

import dataclasses
import hashlib
import io
from concurrent.futures import ThreadPoolExecutor
from threading import Barrier

import pytest
from pypdf import PdfReader
from sqlalchemy import select
from sqlalchemy.orm import undefer

import documents
from engine import rendering
from engine.models import Case, Document, Party
from tests.engine.walking import Walker


@pytest.fixture
def deferred(monkeypatch):
    """App servers that leave rendering to the worker, as a provincial deployment runs them."""
    monkeypatch.setenv("CASEFLOW_RENDER", "worker")


def _documents(db, case_id) -> list[Document]:
    with db() as session:
        return list(
            session.scalars(
                select(Document)
                .where(Document.case_id == case_id)
                .options(undefer(Document.content), undefer(Document.payload))
                .order_by(Document.id)
            )
        )


def _text(content: bytes) -> str:
    return "".join(page.extract_text() for page in PdfReader(io.BytesIO(content)).pages)


def test_by_default_the_step_returns_with_its_pdf_rendered(db, deployment, people):
    walker = Walker(db, people)
    case_id = walker.open()
    walker.step(case_id, "intake_record", "handler1")

    [record] = _documents(db, case_id)
    assert record.rendered_at is not None and record.content.startswith(b"%PDF")
    assert record.sha256 == hashlib.sha256(record.content).hexdigest() and record.size == len(record.content)


def test_deferred_step_fixes_number_and_data_and_the_worker_renders_them(db, deployment, people, deferred):
    walker = Walker(db, people)
    case_id = walker.to_investigation()

    pending = _documents(db, case_id)
    assert pending and all(d.rendered_at is None and d.content is None and d.sha256 is None for d in pending)
    assert all(d.payload["verify_url"].endswith(d.verify_code) for d in pending)

    assert rendering.render_pending(db) == len(pending)
    done = _documents(db, case_id)
    assert all(d.sha256 == hashlib.sha256(d.content).hexdigest() for d in done)
    registration = next(d for d in done if d.doc_type == "registration_report")
    assert walker.case(case_id).number in _text(registration.content)
    assert rendering.render_pending(db) == 0


def test_pdf_says_what_the_step_fixed_even_if_the_case_changes_before_rendering(
    db, deployment, people, deferred
):
    walker = Walker(db, people)
    case_id = walker.open()
    walker.step(case_id, "intake_record", "handler1")
    with db.begin() as session:
        session.get(Party, session.get(Case, case_id).party_id).name = "改名后的当事人"

    rendering.render_pending(db)
    [record] = _documents(db, case_id)
    assert "王某" in _text(record.content) and "改名后的当事人" not in _text(record.content)


def test_reading_a_pending_document_renders_it_on_the_spot(db, deployment, people, deferred):
    walker = Walker(db, people)
    case_id = walker.open()
    walker.step(case_id, "intake_record", "handler1")
    [pending] = _documents(db, case_id)

    document = rendering.rendered(db, pending)
    assert document.content.startswith(b"%PDF") and document.rendered_at is not None
    assert rendering.render_pending(db) == 0


def test_many_renderers_at_once_write_each_pdf_exactly_once(db, deployment, people, deferred):
    walker = Walker(db, people)
    case_id = walker.open()
    walker.step(case_id, "intake_record", "handler1")
    [pending] = _documents(db, case_id)
    barrier = Barrier(6)

    def race(_):
        barrier.wait()
        return rendering.render(db, pending.id)

    with ThreadPoolExecutor(6) as pool:
        wins = list(pool.map(race, range(6)))

    assert wins.count(True) == 1
    [document] = _documents(db, case_id)
    assert document.sha256 == hashlib.sha256(document.content).hexdigest()


def test_a_renderer_that_fails_writes_nothing_and_the_next_round_renders(
    db, deployment, people, deferred, monkeypatch
):
    walker = Walker(db, people)
    case_id = walker.open()
    walker.step(case_id, "intake_record", "handler1")
    generator = documents.GENERATORS["case_intake_record"]

    def crash(doc):
        raise MemoryError("renderer killed")

    broken = dataclasses.replace(generator, compose=crash)
    monkeypatch.setitem(documents.GENERATORS, "case_intake_record", broken)
    with pytest.raises(MemoryError):
        rendering.render_pending(db)
    [still_pending] = _documents(db, case_id)
    assert still_pending.rendered_at is None and still_pending.content is None

    monkeypatch.setitem(documents.GENERATORS, "case_intake_record", generator)
    assert rendering.render_pending(db) == 1



def test_a_document_that_cannot_be_laid_out_waits_without_stopping_the_round(
    db, deployment, people, deferred, monkeypatch, caplog
):
    walker = Walker(db, people)
    first, second = walker.open(), walker.open()
    walker.step(first, "intake_record", "handler1")
    walker.step(second, "intake_record", "handler1")
    generator = documents.GENERATORS["case_intake_record"]
    [blocked] = _documents(db, first)

    def refuse_the_first(doc):
        if doc.verify_url.endswith(blocked.verify_code):
            raise documents.MissingGlyphs("font.ttc", ["𠀀"])
        return generator.compose(doc)

    monkeypatch.setitem(
        documents.GENERATORS, "case_intake_record", dataclasses.replace(generator, compose=refuse_the_first)
    )
    assert rendering.render_pending(db) == 1
    assert _documents(db, first)[0].rendered_at is None and _documents(db, second)[0].rendered_at
    assert f"document {blocked.id} cannot be rendered" in caplog.text
