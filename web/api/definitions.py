"""/api/v1/definitions and /api/v1/migrations: validate, deploy and compare versions of the procedure,
keep drafts, and move running cases to a newer version. Admins only, so deployments can be scripted.

A bundle is sent whole, as JSON ``{"files": {name: xml}}`` or as multipart files (one part per
file, named by its file name); every problem comes back at once, and nothing is deployed on any.
"""

from flask import request
from flask_login import current_user
from flask_smorest import Blueprint

from engine import drafts, migration
from engine.errors import DefinitionError
from engine.roles import Role
from engine.specs import Problem
from web.access import require_any_role
from web.admin import versions
from web.api.definition_schemas import (
    DefinitionDraftDetailSchema,
    DefinitionDraftSchema,
    DeployedSchema,
    DiffSchema,
    MigrationOutcomeSchema,
    MigrationRequestSchema,
    ValidationResultSchema,
    VersionDetailSchema,
    VersionSchema,
)
from web.db import sessions

bp = Blueprint(
    "api_definitions",
    __name__,
    url_prefix="/api/v1/definitions",
    description="流程定义：校验、部署、版本比较、草稿（仅系统管理员）",
)
migrations_bp = Blueprint(
    "api_migrations",
    __name__,
    url_prefix="/api/v1/migrations",
    description="案件迁移到新版本（仅系统管理员）",
)

BUNDLE_BODY = {
    "content": {
        "application/json": {
            "schema": {
                "type": "object",
                "properties": {"files": {"type": "object", "additionalProperties": {"type": "string"}}},
                "required": ["files"],
            }
        },
        "multipart/form-data": {
            "schema": {"type": "object", "additionalProperties": {"type": "string", "format": "binary"}}
        },
    }
}


@bp.before_request
@migrations_bp.before_request
def admins_only():
    require_any_role(Role.ADMIN)


def posted_files() -> dict[str, str]:
    """The bundle of the request, from multipart parts or from the JSON body."""
    if request.files:
        return _uploaded_files()
    body = request.get_json(silent=True)
    files = body.get("files") if isinstance(body, dict) else None
    if not isinstance(files, dict):
        raise DefinitionError(
            "请求中没有流程定义文件",
            {
                "problems": [
                    Problem("", "", "", '请以 JSON {"files": {文件名: XML}} 或 multipart 文件提交').as_dict()
                ]
            },
        )
    return files


def _uploaded_files() -> dict[str, str]:
    files, problems = {}, []
    for _field, upload in request.files.items(multi=True):
        try:
            files[upload.filename] = upload.read().decode("utf-8")
        except UnicodeDecodeError:
            problems.append(Problem(upload.filename or "", "", "", "文件须为 UTF-8 编码的 XML"))
    if problems:
        raise DefinitionError("流程定义校验未通过", {"problems": [p.as_dict() for p in problems]})
    return files


@bp.route("")
@bp.response(200, VersionSchema(many=True))
def list_versions():
    """Every deployed version, newest first: who deployed it, when, and the running cases on it."""
    with sessions()() as db:
        return versions.version_rows(db, current_user.agency_id)


@bp.route("/<int32:version>")
@bp.response(200, VersionDetailSchema)
def get_version(version):
    """One version with the XML of every file."""
    with sessions()() as db:
        row = versions.version_row(db, current_user.agency_id, version)
        return row | {"files": dict(versions.deployment(db, version).files)}


@bp.route("/<int32:version>/diff/<int32:other>")
@bp.response(200, DiffSchema)
def diff_versions(version, other):
    """Elements added, removed and changed from ``version`` to ``other``."""
    with sessions()() as db:
        return versions.version_diff(db, version, other)


@bp.route("/validate", methods=["POST"])
@bp.doc(requestBody=BUNDLE_BODY)
@bp.response(200, ValidationResultSchema)
def validate_bundle():
    """Check a bundle as deployment would, and compare it with the newest version; deploys nothing."""
    files = posted_files()
    bundle = drafts.check(files)
    with sessions()() as db:
        newest, changes = versions.changes_from_newest(db, files, bundle)
    return {"valid": True, "newest_version": newest, "changes": changes}


@bp.route("", methods=["POST"])
@bp.doc(requestBody=BUNDLE_BODY)
@bp.response(201, DeployedSchema)
@bp.alt_response(200, schema=DeployedSchema, description="the same content was already deployed")
def deploy_bundle():
    """Deploy a bundle as version N+1 for new cases; identical content answers the existing version."""
    deployment, created = drafts.deploy(sessions(), posted_files(), current_user.id)
    with sessions()() as db:
        row = versions.version_row(db, current_user.agency_id, deployment.version)
    return row | {"created": created}, 201 if created else 200


@bp.route("/drafts")
@bp.response(200, DefinitionDraftSchema(many=True))
def list_drafts():
    """Saved drafts, most recent first."""
    return drafts.list_drafts(sessions())


@bp.route("/drafts", methods=["POST"])
@bp.arguments(DefinitionDraftDetailSchema)
@bp.response(201, DefinitionDraftDetailSchema)
def create_draft(body):
    """Save an unfinished bundle; it need not validate yet."""
    return drafts.save_draft(sessions(), current_user.id, **body)


@bp.route("/drafts/<int32:draft_id>")
@bp.response(200, DefinitionDraftDetailSchema)
def get_draft(draft_id):
    return drafts.get_draft(sessions(), draft_id)


@bp.route("/drafts/<int32:draft_id>", methods=["PUT"])
@bp.arguments(DefinitionDraftDetailSchema)
@bp.response(200, DefinitionDraftDetailSchema)
def update_draft(body, draft_id):
    """Overwrite a draft with the editor's files; its base version stays."""
    return drafts.save_draft(sessions(), current_user.id, draft_id=draft_id, **body)


@bp.route("/drafts/<int32:draft_id>", methods=["DELETE"])
@bp.response(204)
def delete_draft(draft_id):
    drafts.delete_draft(sessions(), draft_id, current_user.id)


@migrations_bp.route("", methods=["POST"])
@migrations_bp.arguments(MigrationRequestSchema)
@migrations_bp.response(200, MigrationOutcomeSchema)
def migrate(body):
    """Move running cases to a newer version where nothing they reached changed; ``dry_run`` only checks."""
    with sessions()() as db:
        versions.require_own_cases(db, body["case_ids"], current_user.agency_id)
    results = migration.migrate_cases(
        sessions(), body["case_ids"], body["target_version"], current_user.id, dry_run=body["dry_run"]
    )
    return {**body, "results": [r.as_dict() for r in results]}
