"""Validate register input with its form, turning marshmallow's errors into the engine's."""

from marshmallow import Schema, ValidationError

from engine.errors import InvalidSubmission


def checked(schema: Schema, data: dict) -> dict:
    """Load ``data`` with ``schema``, or raise InvalidSubmission naming each field's problem."""
    try:
        return schema.load(data or {})
    except ValidationError as exc:
        raise InvalidSubmission("提交的内容有误，请按提示修改", field_errors(exc.messages)) from exc


def field_errors(messages) -> dict:
    """Marshmallow's messages keyed by field, as the engine's errors carry them."""
    if isinstance(messages, dict):
        return {str(k): v if isinstance(v, list | dict) else [str(v)] for k, v in messages.items()}
    return {"_schema": list(messages)}
