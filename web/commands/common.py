"""What every ``caseflow`` command shares: the database, output as text or JSON, engine errors."""

import json
import sys
from functools import wraps

import click
from flask import current_app
from sqlalchemy import select
from sqlalchemy.orm import sessionmaker

from engine.errors import CaseflowError
from engine.models import User

COLOURS = {"red": "红", "yellow": "黄", "green": "绿", "none": "—"}
DATE = click.DateTime(["%Y-%m-%d"])


def db() -> sessionmaker:
    return current_app.extensions["caseflow.db"]


def emit(data, as_json: bool, text_lines) -> None:
    if as_json:
        click.echo(json.dumps(data, ensure_ascii=False, indent=2, default=str))
    else:
        for line in text_lines(data):
            click.echo(line)


def engine_errors(command):
    """Turn engine errors into a readable message and exit status 1 instead of a traceback."""

    @wraps(command)
    def wrapper(*args, **kwargs):
        try:
            return command(*args, **kwargs)
        except CaseflowError as exc:
            click.echo(f"错误（{exc.code}）：{exc.message}", err=True)
            if exc.details:
                click.echo(json.dumps(exc.details, ensure_ascii=False, indent=2), err=True)
            sys.exit(1)

    return wrapper


def user_id(username: str) -> int:
    with db()() as session:
        found = session.scalar(select(User.id).where(User.username == username))
    if found is None:
        raise click.BadParameter(f"用户 {username} 不存在", param_hint="--user")
    return found


def days_text(days_left) -> str:
    if days_left is None:
        return ""
    return f"（剩余 {days_left} 个工作日）" if days_left >= 0 else f"（超期 {-days_left} 个工作日）"
