"""Sign-in and sign-out, with a lock after repeated failures."""

from flask import Blueprint, current_app, flash, redirect, render_template, request, session, url_for
from flask_login import login_user, logout_user
from sqlalchemy import select
from werkzeug.security import check_password_hash, generate_password_hash

from engine.models import User
from web.auth import throttle
from web.auth.identity import SessionUser
from web.db import sessions

bp = Blueprint("auth", __name__)

_UNKNOWN_USER_HASH = generate_password_hash("unknown user: compared so timing does not reveal names")


@bp.route("/login", methods=["GET", "POST"])
def login():
    if request.method == "GET":
        return render_template("login.html")
    username = request.form.get("username", "").strip()[:64]
    locked = throttle.minutes_locked(sessions(), username)
    if locked:
        flash(f"登录失败次数过多，该账号已临时锁定，请 {locked} 分钟后再试。", "error")
        return render_template("login.html"), 429
    user = _check_password(username, request.form.get("password", ""))
    if user is None:
        throttle.record_failure(sessions(), username)
        flash("用户名或密码错误。", "error")
        return render_template("login.html"), 401
    throttle.clear(sessions(), username)
    _start_session(user)
    return redirect(_safe_next(request.args.get("next")))


def _check_password(username: str, password: str):
    with sessions()() as db:
        user = db.scalar(select(User).where(User.username == username, User.active.is_(True)))
        stored = user.password_hash if user else _UNKNOWN_USER_HASH
        try:
            matches = check_password_hash(stored, password)
        except ValueError:
            matches = False
        return SessionUser.of(user) if user and matches else None


def _start_session(user) -> None:
    """Start from an empty session, so nothing planted before sign-in survives it."""
    session.clear()
    session.permanent = True
    login_user(user)
    current_app.logger.info("signed in: %s", user.username)


def _safe_next(target: str | None) -> str:
    if target and target.startswith("/") and not target.startswith("//") and "\\" not in target:
        return target
    return url_for("inbox.index")


@bp.route("/logout", methods=["POST"])
def logout():
    logout_user()
    session.clear()
    return redirect(url_for("auth.login"))
