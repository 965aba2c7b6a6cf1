"""Request and response shapes of the JSON API, which the OpenAPI document is generated from.

Task data itself is not described here: each form has its own schema, returned with the task
(``form``) and applied by the engine when a draft becomes a completion.
"""

from datetime import UTC

from marshmallow import Schema, fields, validate

from web.cases.evidence import MEDIA_TYPES

MAX_INT = 2**31 - 1


class StoredInt(fields.Integer):
    """An id, version or page number, which SQL compares or stores as an integer column: a larger one
    would overflow the query parameter (a server error) instead of naming nothing, so it is refused."""

    def __init__(self, *, minimum: int = 0, **kwargs):
        super().__init__(validate=validate.Range(min=minimum, max=MAX_INT), **kwargs)


class UtcDateTime(fields.DateTime):
    """The engine keeps naive UTC; without its offset a client (a browser above all) reads local time."""

    def _serialize(self, value, attr, obj, **kwargs):
        if value is not None and value.tzinfo is None:
            value = value.replace(tzinfo=UTC)
        return super()._serialize(value, attr, obj, **kwargs)


class ErrorSchema(Schema):
    code = fields.String(
        required=True, metadata={"description": "invalid, not_found, forbidden, conflict, unauthorized, …"}
    )
    message = fields.String(required=True, metadata={"description": "in Chinese, for the officer"})
    details = fields.Dict(
        required=True,
        metadata={"description": "field name → messages, or problems of a bundle; empty when none"},
    )


class PageArgs(Schema):
    page = StoredInt(minimum=1, load_default=1)
    per_page = fields.Integer(load_default=20, validate=validate.Range(min=1, max=100))


class TaskListArgs(PageArgs):
    list = fields.String(
        load_default="mine",
        validate=validate.OneOf(["mine", "queue", "done"]),
        metadata={"description": "mine 我的待办, queue 待认领, done 已办"},
    )
    case_number = fields.String(load_default="")
    party = fields.String(
        load_default="", metadata={"description": "name contains, or exact credit code / ID"}
    )
    violation = fields.String(load_default="", metadata={"description": "violation code"})
    step = fields.String(load_default="", metadata={"description": "task name contains"})


class TaskRowSchema(Schema):
    id = fields.Integer()
    case_id = fields.Integer()
    case_number = fields.String()
    party = fields.String()
    violation_code = fields.String()
    element_id = fields.String()
    name = fields.String()
    form_key = fields.String()
    role = fields.String()
    status = fields.String()
    assignee_id = fields.Integer(allow_none=True)
    created_at = fields.String()
    deadline = fields.String(allow_none=True)
    due_on = fields.String(allow_none=True, metadata={"description": "last day of the period, China date"})
    due_confirmed = fields.Boolean()
    colour = fields.String(metadata={"description": "red overdue, yellow within 2 working days, green"})
    days_left = fields.Integer(allow_none=True)
    completed_at = fields.String(allow_none=True)
    completed_by_id = fields.Integer(allow_none=True)


class TaskPageSchema(Schema):
    items = fields.List(fields.Nested(TaskRowSchema))
    page = fields.Integer()
    per_page = fields.Integer()
    total = fields.Integer(allow_none=True, metadata={"description": "null for done, which is not counted"})
    has_next = fields.Boolean()
    counts = fields.Dict(keys=fields.String(), values=fields.Integer())


class FormFieldSchema(Schema):
    name = fields.String()
    type = fields.String()
    label = fields.String()
    help = fields.String()
    required = fields.Boolean()
    choices = fields.List(fields.List(fields.String()), allow_none=True)
    default = fields.Raw(allow_none=True)
    entry_fields = fields.List(
        fields.Nested(lambda: FormFieldSchema()), attribute="fields", data_key="fields"
    )


class SendBackSchema(Schema):
    step = fields.String()
    by = fields.String()
    at = fields.String()
    reason = fields.String()


class TaskDetailSchema(TaskRowSchema):
    case_version = fields.Integer(metadata={"description": "send back as expected_version when completing"})
    form = fields.List(fields.Nested(FormFieldSchema))
    draft = fields.Dict(allow_none=True)
    data = fields.Dict(allow_none=True)
    returned = fields.Nested(SendBackSchema, allow_none=True)


class DraftSchema(Schema):
    data = fields.Dict(required=True)


class CompletionSchema(Schema):
    data = fields.Dict(required=True, metadata={"description": "the form's fields, validated by its schema"})
    expected_version = StoredInt(load_default=None, allow_none=True)


class AssignmentSchema(Schema):
    assignee_id = StoredInt(required=True)


class OutcomeSchema(Schema):
    case_id = fields.Integer()
    case_version = fields.Integer()
    status = fields.String()
    new_task_ids = fields.List(fields.Integer())


class PartySchema(Schema):
    id = StoredInt(
        metadata={"description": "an existing party of the agency; the other fields are then ignored"}
    )
    kind = fields.String(validate=validate.OneOf(["person", "organization"]))
    name = fields.String()
    credit_code = fields.String()
    id_number = fields.String()
    legal_representative = fields.String()
    address = fields.String()
    phone = fields.String()


class CaseCreateSchema(Schema):
    party = fields.Nested(PartySchema, required=True)
    procedure = fields.String(load_default="general", validate=validate.OneOf(["general", "summary"]))
    violation_code = fields.String(load_default="")


class CaseListArgs(PageArgs):
    status = fields.String(load_default="")
    q = fields.String(load_default="", metadata={"description": "case number or party name contains"})


class CaseSchema(Schema):
    id = fields.Integer()
    number = fields.String()
    party = fields.String()
    party_kind = fields.String()
    procedure = fields.String()
    status = fields.String()
    status_label = fields.String()
    violation_code = fields.String()
    registered_on = fields.String(allow_none=True)
    decided_on = fields.String(allow_none=True)
    served_on = fields.String(allow_none=True)
    fine_amount = fields.String(allow_none=True)
    closed_at = fields.String(allow_none=True)
    version = fields.Integer()


class CasePageSchema(Schema):
    items = fields.List(fields.Nested(CaseSchema))
    page = fields.Integer()
    per_page = fields.Integer()
    has_next = fields.Boolean()


class CaseDetailSchema(CaseSchema):
    handler_ids = fields.List(fields.Integer())
    deployment_version = fields.Integer()
    clocks = fields.List(fields.Dict())
    late_fee = fields.Dict(allow_none=True)
    adjustments = fields.List(fields.Dict())
    tasks = fields.List(fields.Nested(TaskRowSchema))


class TimelineEntrySchema(Schema):
    seq = fields.Integer()
    at = UtcDateTime()
    actor = fields.String()
    action = fields.String()
    detail = fields.String()
    send_back = fields.String(
        allow_none=True, metadata={"description": "the reason, when this sent the case back"}
    )


class AttachmentSchema(Schema):
    id = fields.Integer()
    case_id = fields.Integer()
    filename = fields.String()
    media_type = fields.String(metadata={"enum": sorted(MEDIA_TYPES)})
    size = fields.Integer()
    sha256 = fields.String()
    description = fields.String()
    uploaded_by_id = fields.Integer()
    uploaded_at = UtcDateTime()


class DocumentSchema(Schema):
    id = fields.Integer()
    case_id = fields.Integer()
    doc_type = fields.String()
    title = fields.String()
    number = fields.String(allow_none=True)
    version = fields.Integer()
    task_id = fields.Integer(allow_none=True)
    sha256 = fields.String(allow_none=True, metadata={"description": "null until the PDF is rendered"})
    size = fields.Integer(allow_none=True)
    issued_on = fields.Date()
    rendered_at = UtcDateTime(allow_none=True)
    created_at = UtcDateTime()
