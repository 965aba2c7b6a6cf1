"""Statutory documents the engine issued for a case (rows of ``Document``), listed and downloaded as PDF."""

import io

from flask import abort, send_file
from sqlalchemy import select
from sqlalchemy.orm import Session

from engine import rendering
from engine.models import Document
from web.access import visible_case
from web.db import sessions


def of_case(session: Session, case_id: int) -> list[Document]:
    return list(
        session.scalars(
            select(Document).where(Document.case_id == case_id).order_by(Document.created_at, Document.id)
        )
    )


def download(document_id: int):
    with sessions()() as db:
        document = db.get(Document, document_id)
        if document is None:
            abort(404)
        visible_case(db, document.case_id)
    document = rendering.rendered(sessions(), document)
    name = f"{document.title}-{document.number or document.id}-v{document.version}.pdf"
    data = document.content
    response = send_file(io.BytesIO(data), mimetype="application/pdf", as_attachment=True, download_name=name)
    response.headers["X-Content-Type-Options"] = "nosniff"
    return response
