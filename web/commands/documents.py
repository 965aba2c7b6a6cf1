"""``caseflow doc``: list, render again, save and verify statutory documents."""

import hashlib
import sys
from pathlib import Path

import click
from flask.cli import AppGroup
from sqlalchemy import select

from engine import issuing, rendering, runtime
from engine.models import Case, Document
from web.commands.common import db, emit, engine_errors, user_id

group = AppGroup("doc", help="执法文书")


def document_row(document: Document) -> dict:
    return {
        "id": document.id,
        "case_id": document.case_id,
        "type": document.doc_type,
        "title": document.title,
        "number": document.number,
        "version": document.version,
        "issued_on": document.issued_on.isoformat(),
        "sha256": document.sha256,
        "verify_code": document.verify_code,
        "size": document.size,
    }


@group.command("list")
@click.argument("case_id", type=int)
@click.option("--json", "as_json", is_flag=True)
def doc_list(case_id, as_json):
    """List the documents of a case with number and version."""
    with db()() as session:
        rows = [
            document_row(d)
            for d in session.scalars(
                select(Document).where(Document.case_id == case_id).order_by(Document.id)
            )
        ]
    emit(
        rows,
        as_json,
        lambda rs: [
            f"{r['id']:>5}  {r['title']}  {r['number'] or '（内部文书）'}  第{r['version']}版  "
            f"{r['issued_on']}"
            for r in rs
        ],
    )


@group.command("render")
@click.argument("case_id", type=int)
@click.argument("doc_type")
@click.option("--user", "username", required=True)
@click.option("--out", type=click.Path(dir_okay=False, path_type=Path), help="also save the PDF here")
@engine_errors
def doc_render(case_id, doc_type, username, out):
    """Render a document of the case from its current data as a new version (earlier versions stay)."""
    document = runtime.render_document(db(), case_id, doc_type, user_id(username))
    if out:
        out.write_bytes(document.content)
    click.echo(
        f"已生成 {document.title} {document.number or ''} 第{document.version}版（{document.sha256[:16]}…）"
    )


@group.command("get")
@click.argument("document_id", type=int)
@click.option("--out", type=click.Path(dir_okay=False, path_type=Path), required=True)
def doc_get(document_id, out):
    """Save a stored document's PDF bytes to a file."""
    with db()() as session:
        document = session.get(Document, document_id)
    if document is None:
        raise click.ClickException(f"文书 {document_id} 不存在")
    out.write_bytes(rendering.rendered(db(), document).content)
    click.echo(f"已保存到 {out}")


@group.command("verify")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
def doc_verify(file):
    """Check a PDF against the stored documents: exit 1 unless its bytes are exactly a stored version."""
    digest = hashlib.sha256(file.read_bytes()).hexdigest()
    with db()() as session:
        document = issuing.find(session, digest)
        case_number = (
            session.scalar(select(Case.number).where(Case.id == document.case_id)) if document else None
        )
    if document is None or document.sha256 != digest:
        click.echo(f"核验未通过：{file} 与系统中任何已出具的文书都不一致（SHA-256 {digest}）", err=True)
        sys.exit(1)
    click.echo(
        f"核验通过：{document.title} {document.number or ''} 第{document.version}版，案件 {case_number}，"
        f"出具日期 {document.issued_on.isoformat()}"
    )
