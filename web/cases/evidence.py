"""Evidence files of a case: photos, PDFs and recordings, recognised by their content, kept by SHA-256.

The bytes are stored once per digest and never replaced, so a file once filed cannot be swapped
for another under the same record; what a file is comes from its first bytes, never from its
name alone.
"""

import hashlib
import io
from pathlib import PurePosixPath

from flask import abort, current_app, send_file
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, sessionmaker

from engine.errors import InvalidSubmission
from engine.models import Attachment, AttachmentBlob, CaseComment
from web.access import visible_case
from web.db import sessions

MEDIA_TYPES = {
    "image/jpeg": (".jpg", ".jpeg"),
    "image/png": (".png",),
    "application/pdf": (".pdf",),
    "audio/mpeg": (".mp3",),
    "audio/wav": (".wav",),
    "audio/mp4": (".m4a",),
    "audio/amr": (".amr",),
}
ACCEPT = ",".join(ext for exts in MEDIA_TYPES.values() for ext in exts)


def sniff(head: bytes) -> str | None:
    """The media type the leading bytes prove, or None for anything not on the list."""
    if head.startswith(b"\xff\xd8\xff"):
        return "image/jpeg"
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return "image/png"
    if head.startswith(b"%PDF-"):
        return "application/pdf"
    if head.startswith(b"ID3") or (len(head) > 1 and head[0] == 0xFF and head[1] & 0xE0 == 0xE0):
        return "audio/mpeg"
    if head[:4] == b"RIFF" and head[8:12] == b"WAVE":
        return "audio/wav"
    if head[4:8] == b"ftyp" and head[8:11] in (b"M4A", b"M4B"):
        return "audio/mp4"
    if head.startswith(b"#!AMR"):
        return "audio/amr"
    return None


def check(filename: str, content: bytes) -> str:
    """Return the media type of an acceptable file; refuse empty, oversized or unrecognised ones."""
    limit = current_app.config["ATTACHMENT_MAX_BYTES"]
    if not content:
        raise InvalidSubmission("文件为空", {"file": ["请选择要上传的文件"]})
    if len(content) > limit:
        raise InvalidSubmission("文件过大", {"file": [f"单个文件不能超过 {limit // (1024 * 1024)} MB"]})
    media_type = sniff(content[:16])
    if media_type is None:
        raise InvalidSubmission(
            "不支持的文件类型", {"file": ["仅支持 JPEG/PNG 照片、PDF 文件和 MP3/WAV/M4A/AMR 录音"]}
        )
    if PurePosixPath(filename.lower()).suffix not in MEDIA_TYPES[media_type]:
        raise InvalidSubmission(
            "文件扩展名与内容不符",
            {"file": [f"文件内容为 {media_type}，扩展名应为 {'/'.join(MEDIA_TYPES[media_type])}"]},
        )
    return media_type


def clean_name(filename: str) -> str:
    """Keep the officer's (often Chinese) file name, without any folder part."""
    return PurePosixPath((filename or "").replace("\\", "/")).name.strip()[:200] or "file"


def store(
    db: sessionmaker, case_id: int, user_id: int, filename: str, content: bytes, description: str
) -> Attachment:
    filename = clean_name(filename)
    media_type = check(filename, content)
    digest = hashlib.sha256(content).hexdigest()
    row = Attachment(
        case_id=case_id,
        sha256=digest,
        filename=filename,
        media_type=media_type,
        size=len(content),
        description=description.strip()[:500],
        uploaded_by_id=user_id,
    )
    try:
        return _insert(db, row, content)
    except IntegrityError:
        return _insert(db, row, content)


def _insert(db: sessionmaker, row: Attachment, content: bytes) -> Attachment:
    """Add the blob unless the digest is already stored (a concurrent twin may win the race)."""
    with db.begin() as session:
        if session.get(AttachmentBlob, row.sha256) is None:
            session.add(AttachmentBlob(sha256=row.sha256, size=len(content), content=content))
            session.flush()
        session.add(row)
        session.flush()
        return row


def of_case(session: Session, case_id: int) -> list[Attachment]:
    return list(
        session.scalars(select(Attachment).where(Attachment.case_id == case_id).order_by(Attachment.id))
    )


def download(attachment_id: int):
    """Send a file of a visible case as a download, never for the browser to render or sniff."""
    with sessions()() as db:
        attachment = db.get(Attachment, attachment_id)
        if attachment is None:
            abort(404)
        visible_case(db, attachment.case_id)
        data = db.scalar(select(AttachmentBlob.content).where(AttachmentBlob.sha256 == attachment.sha256))
    response = send_file(
        io.BytesIO(data),
        mimetype=attachment.media_type,
        as_attachment=True,
        download_name=attachment.filename,
    )
    response.headers["X-Content-Type-Options"] = "nosniff"
    return response


def add_comment(db: sessionmaker, case_id: int, user_id: int, body: str) -> CaseComment:
    body = (body or "").strip()
    if not body or len(body) > 2000:
        raise InvalidSubmission("意见内容无效", {"body": ["请填写 1 至 2000 字"]})
    with db.begin() as session:
        comment = CaseComment(case_id=case_id, author_id=user_id, body=body)
        session.add(comment)
        session.flush()
        return comment


def comments_of(session: Session, case_id: int) -> list[CaseComment]:
    return list(
        session.scalars(select(CaseComment).where(CaseComment.case_id == case_id).order_by(CaseComment.id))
    )
