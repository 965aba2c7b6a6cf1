"""The JSON API under /api/v1, documented by OpenAPI at /api/v1/openapi.json.

Scripts authenticate with a bearer token; the browser may call it with its session cookie, and
then every write must carry the CSRF token in an ``X-CSRFToken`` header, as forms do in a field.
"""

from flask import Flask, g, request
from flask_smorest import Api, abort
from werkzeug.routing import IntegerConverter

from web.api import cases, definitions, tasks
from web.api.schemas import MAX_INT, ErrorSchema
from web.extensions import csrf

BLUEPRINTS = (
    tasks.bp,
    cases.bp,
    cases.files_bp,
    cases.documents_bp,
    definitions.bp,
    definitions.migrations_bp,
)
SECURITY = [{"bearerToken": []}, {"session": []}]
NUL = "\x00"
NUL_MESSAGE = "不能包含空字符（U+0000）"


class CaseflowApi(Api):
    """Documents the error body web.errors sends, not flask-smorest's own, which this app never sends."""

    ERROR_SCHEMA = ErrorSchema


class Int32Converter(IntegerConverter):
    """``<int32:...>``: an id or version in a path, refused as a 404 beyond the integer columns it is
    looked up in, where werkzeug's ``int`` would pass any length of digits on to overflow in SQL."""

    def __init__(self, url_map):
        super().__init__(url_map, max=MAX_INT)


def session_writes_need_csrf() -> None:
    """A token cannot be sent by a forged page, a cookie can: only cookie-authenticated writes need CSRF."""
    if request.blueprint in {b.name for b in BLUEPRINTS} and not g.get("token_auth"):
        csrf.protect()


def refuse_nul_characters() -> None:
    """PostgreSQL text cannot hold U+0000, so a field carrying it would fail in SQL as a server error
    (and be stored on SQLite): it is refused up front as invalid, naming the fields, on both."""
    if request.blueprint not in {b.name for b in BLUEPRINTS}:
        return
    found = {
        "query": _fields_with_nul(request.args),
        "form": _fields_with_nul(request.form),
        "json": _json_fields_with_nul(request.get_json(silent=True)),
    }
    found = {location: fields for location, fields in found.items() if fields}
    if found:
        abort(
            422,
            messages={location: dict.fromkeys(fields, [NUL_MESSAGE]) for location, fields in found.items()},
        )


def _fields_with_nul(values) -> list[str]:
    """Names as well as values, either of which a malformed multipart body may leave None."""
    return [str(name) for name, value in values.items(multi=True) if NUL in f"{name}{value}"]


def _json_fields_with_nul(body) -> list[str]:
    if isinstance(body, dict):
        return [str(name) for name, value in body.items() if NUL in name or _has_nul(value)]
    return ["_schema"] if _has_nul(body) else []


def _has_nul(value) -> bool:
    if isinstance(value, str):
        return NUL in value
    if isinstance(value, dict):
        return any(NUL in key or _has_nul(item) for key, item in value.items())
    if isinstance(value, list):
        return any(_has_nul(item) for item in value)
    return False


def init_app(app: Flask) -> None:
    api = CaseflowApi(
        app,
        spec_kwargs={"info": {"description": "caseflow 卫生监督执法案件系统接口"}, "security": SECURITY},
    )
    api.spec.components.security_scheme("bearerToken", {"type": "http", "scheme": "bearer"})
    api.spec.components.security_scheme(
        "session", {"type": "apiKey", "in": "cookie", "name": app.config["SESSION_COOKIE_NAME"]}
    )
    app.url_map.converters["int32"] = Int32Converter
    for blueprint in BLUEPRINTS:
        csrf.exempt(blueprint)
        api.register_blueprint(blueprint)
    app.before_request(session_writes_need_csrf)
    app.before_request(refuse_nul_characters)
