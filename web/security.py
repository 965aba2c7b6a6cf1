"""Who is asking: the session user of the browser or the token of a script, and sign-in for everything.

Every endpoint but the sign-in page and the stylesheet needs a signed-in user; the guard runs
before any view, so a new page cannot forget it.
"""

from flask import Flask, g, redirect, request, url_for
from flask.sessions import SecureCookieSessionInterface
from flask_login import current_user

from web import caching
from web.auth import identity, tokens
from web.db import reads
from web.errors import HTTP_ERRORS, respond
from web.extensions import login_manager

PUBLIC_ENDPOINTS = {"auth.login", "static", "verify.verify", "health.healthz"}


@login_manager.user_loader
def load_user(user_id: str):
    with reads()() as db:
        return identity.load(db, identity.BY_ID, user_id=int(user_id))


@login_manager.request_loader
def load_token_user(req):
    """Scripts send ``Authorization: Bearer <token>``; such requests carry no cookie to forge."""
    scheme, _, token = req.headers.get("Authorization", "").partition(" ")
    if scheme.lower() != "bearer" or not token:
        return None
    with reads()() as db:
        user = tokens.user_for_token(db, token.strip())
    if user is not None:
        g.token_auth = True
    return user


class TokenAwareSessionInterface(SecureCookieSessionInterface):
    """A request signed with a token gets no session cookie: a script's cookie jar never holds a session.

    Nor does a served file, whose cache entry a refreshed cookie and ``Vary: Cookie`` would spoil.
    """

    def save_session(self, app, session, response):
        if not g.get("token_auth") and not caching.is_file_request():
            super().save_session(app, session, response)


def require_sign_in():
    if request.endpoint in PUBLIC_ENDPOINTS or current_user.is_authenticated:
        return None
    if request.path.startswith("/api/"):
        return respond(401, *HTTP_ERRORS[401], {})
    return redirect(url_for("auth.login", next=request.full_path if request.query_string else request.path))


def init_app(app: Flask) -> None:
    app.session_interface = TokenAwareSessionInterface()
    app.before_request(require_sign_in)
