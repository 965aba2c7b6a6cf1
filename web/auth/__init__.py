"""Sign-in and sign-out."""

from flask import Blueprint, flash, redirect, render_template, request, url_for
from flask_login import login_required, login_user, logout_user
from sqlalchemy import select
from werkzeug.security import check_password_hash

from engine.models import User
from web.db import sessions
from web.security import SessionUser

bp = Blueprint("auth", __name__)


@bp.route("/login", methods=["GET", "POST"])
def login():
    if request.method == "POST":
        username = request.form.get("username", "").strip()
        with sessions()() as db:
            user = db.scalar(select(User).where(User.username == username, User.active.is_(True)))
            if user and check_password_hash(user.password_hash, request.form.get("password", "")):
                login_user(SessionUser(user))
                return redirect(url_for("cases.index"))
        flash("用户名或密码错误。", "error")
    return render_template("login.html")


@bp.route("/logout", methods=["POST"])
@login_required
def logout():
    logout_user()
    return redirect(url_for("auth.login"))
