"""Turn a posted HTML form into the plain data a task schema loads, and place errors by field.

Field names follow ``forms.describe_form``; an entry of a "records" field is posted as
``<field>-<index>-<entry field>``. A blank value of a typed field is left out, so the schema's
default applies or its "必填项" message names the field.
"""

import re
from functools import cache

from marshmallow import ValidationError

from engine.errors import InvalidSubmission, LegalGuardViolation
from forms import describe_form, get_form

OMIT_WHEN_BLANK = {"date", "money", "int", "bool", "choice", "user"}


@cache
def form_fields(form_key: str) -> tuple[dict, ...]:
    """The description of a form; forms never change while the process runs."""
    return tuple(describe_form(form_key))


def parse(fields, form, prefix: str = "") -> dict:
    data = {}
    for field in fields:
        key, kind = prefix + field["name"], field["type"]
        if kind in ("multichoice", "users"):
            data[field["name"]] = [_number(v) if kind == "users" else v for v in form.getlist(key) if v]
        elif kind == "texts":
            data[field["name"]] = [line.strip() for line in form.get(key, "").splitlines() if line.strip()]
        elif kind == "records":
            data[field["name"]] = _records(field["fields"], form, key)
        else:
            value = form.get(key)
            if value is None or (kind in OMIT_WHEN_BLANK and not value.strip()):
                continue
            data[field["name"]] = _number(value) if kind == "user" else value
    return data


def _records(fields, form, key: str) -> list[dict]:
    pattern = re.compile(re.escape(key) + r"-(\d+)-")
    indices = sorted({int(m.group(1)) for name in form.keys() if (m := pattern.match(name))})
    entries = []
    for index in indices:
        prefix = f"{key}-{index}-"
        if any(
            value.strip() for name in form.keys() if name.startswith(prefix) for value in form.getlist(name)
        ):
            entries.append(parse(fields, form, prefix))
    return entries


def _number(value):
    return int(value) if isinstance(value, str) and value.isdigit() else value


LIST_WIDGETS = {"multichoice", "users", "texts", "records"}


def initial_values(fields, *layers: dict | None) -> dict:
    """Defaults of the form, overlaid by each layer in turn (a prefill, then a saved draft).

    A draft saved through the API is not validated, so a value of the wrong shape is dropped
    rather than shown in an input that cannot hold it.
    """
    kinds = {field["name"]: field["type"] for field in fields}
    values = {field["name"]: field["default"] for field in fields}
    for layer in layers:
        values.update({k: v for k, v in (layer or {}).items() if k in kinds and _fits(kinds[k], v)})
    return values


def _fits(kind: str, value) -> bool:
    if kind == "records":
        return isinstance(value, list) and all(isinstance(entry, dict) for entry in value)
    if kind in LIST_WIDGETS:
        return isinstance(value, list)
    return not isinstance(value, list | dict)


def field_errors(form_key: str, data: dict, exc: InvalidSubmission) -> dict:
    """Errors keyed by field, with entries of records keyed by index.

    The engine flattens the messages of nested entries into text; validating the same data with
    the same schema again gives them back in their structure, so each appears next to its input.
    """
    if isinstance(exc, LegalGuardViolation):
        return exc.details
    try:
        get_form(form_key).load(data)
    except ValidationError as error:
        if isinstance(error.messages, dict):
            return error.messages
    return exc.details
