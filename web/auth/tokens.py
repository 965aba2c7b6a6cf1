"""API tokens for scripts: shown once when made, kept only as a SHA-256 digest."""

import hashlib
import secrets

from sqlalchemy.orm import Session

from engine.models import ApiToken, User
from web.auth import identity
from web.auth.identity import SessionUser


def digest(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def issue(session: Session, user: User) -> str:
    """Create a token for ``user`` and return it; the caller must show it now, it cannot be recovered."""
    token = "cf_" + secrets.token_urlsafe(32)
    session.add(ApiToken(user_id=user.id, token_hash=digest(token)))
    return token


def user_for_token(session: Session, token: str) -> SessionUser | None:
    """One statement with the user's roles: it runs before every API request."""
    return identity.load(session, identity.BY_TOKEN_HASH, token_hash=digest(token))
