"""Lay out the PDF of issued documents once their step has committed.

Laying out a page costs tens of milliseconds, more than the rest of a step. The step's
transaction fixes everything a document says (number, verify code, frozen payload) and checks
that it can be made; the bytes are written here, in a short transaction of their own, so the case
row is never locked while reportlab works. With ``CASEFLOW_RENDER=worker`` app servers leave the
rendering to ``caseflow worker``; by default the same request renders right after its commit.
Anyone who asks for a PDF that is not there yet gets it rendered on the spot, and a document whose
renderer died is picked up by the next worker round: no issued document stays without its bytes.
"""

import logging
import random

from sqlalchemy import select, update
from sqlalchemy.orm import sessionmaker, undefer

import documents
from engine.clock import utcnow
from engine.env import choice
from engine.issuing import sha256
from engine.models import Document

INLINE, WORKER = "inline", "worker"
log = logging.getLogger(__name__)


def mode() -> str:
    return choice("CASEFLOW_RENDER", INLINE, (INLINE, WORKER))


def after_commit(db: sessionmaker, document_ids: list[int]) -> None:
    """Render what a step just issued, unless the worker is to do it."""
    if mode() == INLINE:
        for document_id in document_ids:
            render(db, document_id)


def render(db: sessionmaker, document_id: int) -> bool:
    """Write the PDF of one document if it has none; False if another renderer wrote it first.

    The layout runs outside any transaction, so no lock (SQLite's is the whole database) is held
    while reportlab works; of two renderers racing, the first to write wins and the other's
    identical work is dropped.
    """
    with db() as session:
        pending = session.execute(
            select(Document.doc_type, Document.payload).where(
                Document.id == document_id, Document.rendered_at.is_(None)
            )
        ).first()
    if pending is None:
        return False
    content = documents.GENERATORS[pending.doc_type].render(documents.from_payload(pending.payload))
    with db.begin() as session:
        written = session.execute(
            update(Document)
            .where(Document.id == document_id, Document.rendered_at.is_(None))
            .values(content=content, sha256=sha256(content), size=len(content), rendered_at=utcnow())
        )
        return written.rowcount == 1


def render_pending(db: sessionmaker, limit: int | None = None) -> int:
    """Render the oldest documents still without bytes, up to limit; the worker's round.

    The batch is taken in random order, so several workers share it rather than lay out the same
    document side by side. A document that cannot be laid out (its font was changed since it was
    checked, say) is logged and left waiting: the same worker fires the BPMN timers, which must not
    stop behind it.
    """
    with db() as session:
        waiting = session.scalars(
            select(Document.id).where(Document.rendered_at.is_(None)).order_by(Document.id).limit(limit)
        ).all()
    return sum(_render_or_log(db, document_id) for document_id in random.sample(waiting, len(waiting)))


def _render_or_log(db: sessionmaker, document_id: int) -> bool:
    try:
        return render(db, document_id)
    except documents.DocumentError as exc:
        log.error("document %s cannot be rendered: %s", document_id, exc)
        return False


def rendered(db: sessionmaker, document: Document) -> Document:
    """The document with its bytes, rendering them now if no renderer has yet."""
    if document.rendered_at is None:
        render(db, document.id)
    with db() as session:
        return session.get(Document, document.id, options=[undefer(Document.content)])
