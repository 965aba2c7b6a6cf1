"""``caseflow user``: API tokens for scripts."""

import click
from flask.cli import AppGroup

from engine.models import User
from web.auth import tokens
from web.commands.common import db, user_id

group = AppGroup("user", help="用户")


@group.command("token")
@click.argument("username")
def user_token(username):
    """Print a new API token for USERNAME; only its hash is stored, so it is shown this once."""
    with db().begin() as session:
        token = tokens.issue(session, session.get(User, user_id(username)))
    click.echo(token)
