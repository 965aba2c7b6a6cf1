"""Request and response shapes of /api/v1/definitions and /api/v1/migrations."""

from marshmallow import Schema, fields, validate

from web.api.schemas import StoredInt, UtcDateTime

FILES_DESCRIPTION = "the whole bundle: file name (*.bpmn, *.dmn) → XML text"


class ProblemSchema(Schema):
    file = fields.String()
    element_id = fields.String()
    name = fields.String()
    reason = fields.String(metadata={"description": "in Chinese, for the admin who drew the diagram"})


class VersionSchema(Schema):
    version = fields.Integer()
    content_hash = fields.String()
    created_at = UtcDateTime()
    created_by_id = fields.Integer(allow_none=True)
    created_by = fields.String()
    file_names = fields.List(fields.String())
    running_cases = fields.Integer(metadata={"description": "unfinished cases of your agency on it"})


class VersionDetailSchema(VersionSchema):
    files = fields.Dict(
        keys=fields.String(), values=fields.String(), metadata={"description": FILES_DESCRIPTION}
    )


class ChangeSchema(Schema):
    id = fields.String()
    name = fields.String()
    kind = fields.String()
    process_id = fields.String()
    what = fields.String()


class FileChangesSchema(Schema):
    added = fields.List(fields.String())
    removed = fields.List(fields.String())
    changed = fields.List(fields.String(), metadata={"description": "edited files, DMN tables included"})


class ChangesSchema(Schema):
    added = fields.List(fields.Nested(ChangeSchema))
    removed = fields.List(fields.Nested(ChangeSchema))
    changed = fields.List(fields.Nested(ChangeSchema))
    files = fields.Nested(FileChangesSchema)


class DiffSchema(ChangesSchema):
    from_version = fields.Integer()
    to_version = fields.Integer()


class ValidationResultSchema(Schema):
    valid = fields.Boolean()
    newest_version = fields.Integer(allow_none=True)
    changes = fields.Nested(ChangesSchema, metadata={"description": "against the newest version"})


class DeployedSchema(VersionSchema):
    created = fields.Boolean(metadata={"description": "false when the same content was already deployed"})


class DefinitionDraftSchema(Schema):
    id = fields.Integer(dump_only=True)
    name = fields.String(load_default="", validate=validate.Length(max=100))
    comment = fields.String(load_default="", validate=validate.Length(max=500))
    base_version = StoredInt(load_default=None, allow_none=True)
    updated_by_id = fields.Integer(dump_only=True)
    updated_at = UtcDateTime(dump_only=True)


class DefinitionDraftDetailSchema(DefinitionDraftSchema):
    files = fields.Dict(
        keys=fields.String(),
        values=fields.String(),
        required=True,
        metadata={"description": FILES_DESCRIPTION},
    )


class MigrationRequestSchema(Schema):
    case_ids = fields.List(StoredInt(), required=True, validate=validate.Length(min=1, max=500))
    target_version = StoredInt(required=True)
    dry_run = fields.Boolean(load_default=False, metadata={"description": "check only; nothing is moved"})


class MigrationResultSchema(Schema):
    case_id = fields.Integer()
    number = fields.String()
    moved = fields.Boolean()
    reason = fields.String()
    blocking = fields.List(
        fields.String(), metadata={"description": "elements the case reached that the new version changed"}
    )


class MigrationOutcomeSchema(Schema):
    target_version = fields.Integer()
    dry_run = fields.Boolean()
    results = fields.List(fields.Nested(MigrationResultSchema))
