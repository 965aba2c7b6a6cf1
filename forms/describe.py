"""Describe a form as plain JSON, so a UI or an API client can render it without marshmallow."""


def describe_schema(schema):
    """List the fields of a schema instance in declaration order."""
    return [describe_field(name, field) for name, field in schema.fields.items()]


def describe_field(name, field):
    """Describe one field built by forms.fields; records also describe their entry fields."""
    metadata = field.metadata
    description = {
        "name": name,
        "type": metadata["widget"],
        "label": metadata["label"],
        "help": metadata["help"],
        "required": field.required,
        "choices": _choice_pairs(metadata.get("choices")),
        "default": _json_default(name, field),
    }
    if metadata["widget"] == "records":
        description["fields"] = describe_schema(field.inner.schema)
    return description


def _choice_pairs(choices):
    if choices is None:
        return None
    return [[code, label] for code, label in choices]


def _json_default(name, field):
    if field.required:
        return None
    default = field.load_default() if callable(field.load_default) else field.load_default
    return field.serialize(name, {name: default})
