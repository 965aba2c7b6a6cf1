"""Sign-in plumbing: Flask-Login user loading and a CSRF token on every state-changing form."""

import hmac
import secrets

from flask import Flask, abort, request, session
from flask_login import LoginManager
from sqlalchemy import select

from engine.models import User
from web.db import sessions

login_manager = LoginManager()
login_manager.login_view = "auth.login"
login_manager.login_message = "请先登录。"


class SessionUser:
    """The signed-in user as Flask-Login sees it: a detached snapshot, never a live ORM row."""

    is_authenticated = True
    is_active = True
    is_anonymous = False

    def __init__(self, user: User):
        self.id = user.id
        self.username = user.username
        self.full_name = user.full_name
        self.agency_id = user.agency_id
        self.roles = user.roles

    def get_id(self) -> str:
        return str(self.id)


@login_manager.user_loader
def load_user(user_id: str):
    with sessions()() as db:
        user = db.scalar(select(User).where(User.id == int(user_id), User.active.is_(True)))
        return SessionUser(user) if user else None


def csrf_token() -> str:
    if "_csrf" not in session:
        session["_csrf"] = secrets.token_urlsafe(32)
    return session["_csrf"]


def check_csrf() -> None:
    if request.method in ("POST", "PUT", "PATCH", "DELETE"):
        sent = request.form.get("csrf_token") or request.headers.get("X-CSRF-Token") or ""
        expected = session.get("_csrf")
        if not expected or not hmac.compare_digest(sent, expected):
            abort(400, description="表单已过期或来源不明（CSRF 校验失败），请刷新页面后重试。")


def init_app(app: Flask) -> None:
    login_manager.init_app(app)
    app.before_request(check_csrf)
    app.jinja_env.globals["csrf_token"] = csrf_token
