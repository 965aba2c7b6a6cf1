"""/api/v1/cases and /api/v1/attachments: open, list and read cases; their timeline and evidence."""

from flask_login import current_user
from flask_smorest import Blueprint
from flask_smorest.fields import Upload
from marshmallow import Schema, fields
from sqlalchemy import or_, select
from webargs.flaskparser import FlaskParser
from webargs.multidictproxy import MultiDictProxy
from werkzeug.datastructures import CombinedMultiDict

from engine import queries, runtime
from engine.models import Case, Party
from engine.roles import Role
from web.access import require_any_role, visible_case
from web.api.schemas import (
    AttachmentSchema,
    CaseCreateSchema,
    CaseDetailSchema,
    CaseListArgs,
    CasePageSchema,
    DocumentSchema,
    TimelineEntrySchema,
)
from web.api.shaped import as_documented
from web.cases import evidence, papers, parties, timeline
from web.cases.evidence import MEDIA_TYPES
from web.db import reads, sessions
from web.tasks.context import officer_names


class MultipartParser(FlaskParser):
    """Reads the fields and the files of one multipart/form-data body as one set of arguments, so the
    OpenAPI document describes one body with both, not two bodies of which it can show only one."""

    __location_map__ = {**FlaskParser.__location_map__, "multipart": "load_multipart"}

    def load_multipart(self, req, schema):
        return MultiDictProxy(CombinedMultiDict([req.form, req.files]), schema)


class CasesBlueprint(Blueprint):
    ARGUMENTS_PARSER = MultipartParser()
    DEFAULT_LOCATION_CONTENT_TYPE_MAPPING = {
        **Blueprint.DEFAULT_LOCATION_CONTENT_TYPE_MAPPING,
        "multipart": "multipart/form-data",
    }


bp = CasesBlueprint(
    "api_cases", __name__, url_prefix="/api/v1/cases", description="案件：登记、查询、时间线、证据"
)
files_bp = Blueprint(
    "api_attachments", __name__, url_prefix="/api/v1/attachments", description="证据附件下载"
)
documents_bp = Blueprint(
    "api_documents", __name__, url_prefix="/api/v1/documents", description="法律文书下载"
)

BINARY = {"type": "string", "format": "binary"}


class UploadSchema(Schema):
    file = Upload(required=True)
    description = fields.String(load_default="")


@bp.route("", methods=["POST"])
@bp.arguments(CaseCreateSchema)
@bp.response(201, CaseDetailSchema)
def create_case(body):
    """Open a case from a clue; the first task (受理记录 or 当场处罚决定) is then open."""
    require_any_role(Role.HANDLER)
    with sessions()() as db:
        party = parties.party_argument(db, current_user.agency_id, body["party"])
    case = runtime.open_case(
        sessions(),
        user_id=current_user.id,
        party=party,
        procedure=body["procedure"],
        violation_code=body["violation_code"],
    )
    with sessions()() as db:
        return queries.case_detail(db, case.id)


@bp.route("")
@bp.arguments(CaseListArgs, location="query")
@bp.response(200, CasePageSchema)
def list_cases(args):
    """List the agency's cases, newest first."""
    query = (
        select(Case, Party)
        .join(Party, Party.id == Case.party_id)
        .where(Case.agency_id == current_user.agency_id)
    )
    if args["status"]:
        query = query.where(Case.status == args["status"])
    if args["q"]:
        query = query.where(
            or_(
                Case.number.contains(args["q"], autoescape=True),
                Party.name.contains(args["q"], autoescape=True),
            )
        )
    offset, per_page = (args["page"] - 1) * args["per_page"], args["per_page"]
    with sessions()() as db:
        rows = db.execute(query.order_by(Case.id.desc()).offset(offset).limit(per_page + 1)).all()
        items = [queries.case_row(case, party) for case, party in rows[:per_page]]
    return {"items": items, "page": args["page"], "per_page": per_page, "has_next": len(rows) > per_page}


@bp.route("/<int32:case_id>")
@bp.response(200, CaseDetailSchema)
def get_case(case_id):
    """Get a case with its clocks, late fee and tasks."""
    with reads()() as db:
        case = visible_case(db, case_id)  # held, so case_detail finds it loaded
        return as_documented(queries.case_detail(db, case.id))


@bp.route("/<int32:case_id>/timeline")
@bp.response(200, TimelineEntrySchema(many=True))
def get_timeline(case_id):
    """The audit trail of the case in words; send-backs carry their reason."""
    with sessions()() as db:
        case = visible_case(db, case_id)
        return timeline.entries(db, case, officer_names(db, case.agency_id))


@bp.route("/<int32:case_id>/documents")
@bp.response(200, DocumentSchema(many=True))
def list_documents(case_id):
    """Statutory documents issued for the case, every version."""
    with sessions()() as db:
        visible_case(db, case_id)
        return papers.of_case(db, case_id)


@bp.route("/<int32:case_id>/attachments")
@bp.response(200, AttachmentSchema(many=True))
def list_attachments(case_id):
    """Evidence files of the case."""
    with sessions()() as db:
        visible_case(db, case_id)
        return evidence.of_case(db, case_id)


@bp.route("/<int32:case_id>/attachments", methods=["POST"])
@bp.arguments(UploadSchema, location="multipart")
@bp.response(201, AttachmentSchema)
def upload(form, case_id):
    """File a photo, PDF or recording; its type is read from its content."""
    require_any_role(Role.HANDLER)
    with sessions()() as db:
        visible_case(db, case_id)
    sent = form["file"]
    return evidence.store(
        sessions(), case_id, current_user.id, sent.filename, sent.read(), form["description"]
    )


@files_bp.route("/<int32:attachment_id>")
@files_bp.doc(
    responses={
        200: {
            "description": "the file as uploaded, with the media type its content was recognised as",
            "content": {media_type: {"schema": BINARY} for media_type in sorted(MEDIA_TYPES)},
        }
    }
)
def download(attachment_id):
    """The file's bytes, as uploaded."""
    return evidence.download(attachment_id)


@documents_bp.route("/<int32:document_id>")
@documents_bp.doc(
    responses={200: {"description": "the PDF as issued", "content": {"application/pdf": {"schema": BINARY}}}}
)
def download_document(document_id):
    """The document's PDF, byte for byte as issued."""
    return papers.download(document_id)
