"""One answer per failure: JSON ``{"code", "message", "details"}`` under /api, a Chinese page elsewhere."""

from flask import Flask, current_app, jsonify, render_template, request
from flask_wtf.csrf import CSRFError
from sqlalchemy.exc import DBAPIError, InterfaceError, OperationalError
from werkzeug.exceptions import HTTPException, InternalServerError

from engine.errors import CaseflowError, InvalidSubmission

ENGINE_STATUS = {"not_found": 404, "forbidden": 403, "conflict": 409, "definition_invalid": 422}

HTTP_ERRORS = {
    400: ("bad_request", "请求格式不正确"),
    401: ("unauthorized", "请先登录或提供有效的访问令牌"),
    403: ("forbidden", "无权访问"),
    404: ("not_found", "页面或记录不存在，或不属于本机关"),
    405: ("method_not_allowed", "不支持此请求方法"),
    409: ("conflict", "记录已被他人更新，请刷新后重试"),
    413: ("too_large", "上传的内容过大"),
    415: ("unsupported_media_type", "不支持的文件类型"),
    422: ("invalid", "提交的内容有误"),
    429: ("too_many_requests", "请求过于频繁，请稍后再试"),
    500: ("internal_error", "系统内部错误，本次操作没有保存，请稍后重试或联系管理员"),
}
CSRF_MESSAGE = "表单已过期或来源不明（CSRF 校验失败），请刷新页面后重试。"
DATABASE_GONE = "数据库暂时无法连接，本次操作没有保存任何内容，请稍后重试。"
RETRY_AFTER_SECONDS = 5


def init_app(app: Flask) -> None:
    """Register after flask-smorest, whose own handler for HTTP errors these replace."""
    app.register_error_handler(CaseflowError, engine_error)
    app.register_error_handler(CSRFError, csrf_error)
    app.register_error_handler(HTTPException, http_error)
    app.register_error_handler(DBAPIError, database_error)


def engine_error(exc: CaseflowError):
    """Every refusal of submitted data (schema, legal guard, document rules) is a 422 naming the fields."""
    status = 422 if isinstance(exc, InvalidSubmission) else ENGINE_STATUS.get(exc.code, 400)
    return respond(status, exc.code, exc.message, exc.details)


def database_error(exc: DBAPIError):
    """A lost connection (restart, failover, network) rolled the transaction back: the user may retry.

    Other database errors are faults of the application and answer 500 like any other.
    """
    if not (exc.connection_invalidated or isinstance(exc, OperationalError | InterfaceError)):
        current_app.logger.exception("database error", exc_info=exc)
        return http_error(InternalServerError())
    current_app.logger.warning("database unavailable: %s", exc.orig)
    body, status = respond(503, "database_unavailable", DATABASE_GONE, {})
    return body, status, {"Retry-After": str(RETRY_AFTER_SECONDS)}


def csrf_error(exc: CSRFError):
    return respond(400, "csrf", CSRF_MESSAGE, {})


def http_error(exc: HTTPException):
    if exc.code is None or exc.code < 400:
        return exc
    code, message = HTTP_ERRORS.get(exc.code, ("error", exc.description or "请求失败"))
    data = getattr(exc, "data", None) or {}
    if data.get("message"):
        message = data["message"]
    body, status = respond(
        exc.code, code, message, _field_messages(data.get("messages") or data.get("errors"))
    )
    return body, status, _own_headers(exc)


def _own_headers(exc: HTTPException) -> list[tuple[str, str]]:
    """What the error says besides its page, such as the ``Allow`` a 405 must carry (RFC 9110)."""
    return [(name, value) for name, value in exc.get_headers() if name.lower() != "content-type"]


def _field_messages(messages) -> dict:
    """webargs keys errors by location first (``{"json": {"field": [...]}}``); callers want the fields.

    A multipart part whose name werkzeug cannot read (``name="\\"``) is reported under None, which a JSON
    object cannot have as a key.
    """
    if not isinstance(messages, dict):
        return {}
    fields = {}
    for location, errors in messages.items():
        fields.update(errors if isinstance(errors, dict) else {location: errors})
    return {str(name): errors for name, errors in fields.items()}


def wants_json() -> bool:
    return request.path.startswith("/api/")


def respond(status: int, code: str, message: str, details: dict):
    if wants_json():
        return jsonify({"code": code, "message": message, "details": details}), status
    return render_template("errors.html", status=status, message=message, details=details), status
