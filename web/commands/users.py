"""``caseflow agency`` and ``caseflow user``: the agencies and officer accounts of a real deployment.

A province's IT department creates them from the command line on an app host (docs/deploy.md); the
demo command seeds a trial agency only. Passwords are read without echo, or from standard input
for scripts, and stored hashed. Every change is written to the agency-wide audit chain.
"""

import sys

import click
from flask.cli import AppGroup
from sqlalchemy import delete, select
from werkzeug.security import generate_password_hash

from engine import accounts, audit
from engine.models import Agency, ApiToken, User
from engine.roles import ROLE_LABELS, Role
from web.auth import tokens
from web.commands.common import db, emit, user_id

MIN_PASSWORD_CHARS = 10

agency_group = AppGroup("agency", help="执法机关")
group = AppGroup("user", help="用户")


@agency_group.command("add")
@click.argument("code")
@click.option("--name", required=True, help="全称，如 示例县卫生健康委员会")
@click.option("--short-name", required=True, help="文号用的简称，如 示卫")
@click.option("--region", default="", help="本级人民政府所在地，如 示例县（行政复议机关）")
def agency_add(code, name, short_name, region):
    """Create the agency CODE."""
    with db().begin() as session:
        if session.scalar(select(Agency.id).where(Agency.code == code)) is not None:
            raise click.ClickException(f"机关代码 {code} 已存在")
        agency = accounts.create_agency(session, code, name, short_name, region)
        audit.record(session, None, None, "agency.created", {"code": code, "name": name})
    click.echo(f"已创建执法机关 {agency.name}（{code}）")


@agency_group.command("list")
@click.option("--json", "as_json", is_flag=True)
def agency_list(as_json):
    """List the agencies."""
    with db()() as session:
        rows = [
            {"code": a.code, "name": a.name, "short_name": a.short_name, "region": a.region}
            for a in session.scalars(select(Agency).order_by(Agency.code))
        ]
    emit(rows, as_json, lambda rows: (f"{r['code']}  {r['name']}（{r['short_name']}）" for r in rows))


@group.command("add")
@click.argument("username")
@click.option("--agency", "agency_code", required=True, help="机关代码")
@click.option("--name", "full_name", required=True, help="姓名")
@click.option("--role", "roles", required=True, multiple=True, type=click.Choice([r.value for r in Role]))
@click.option("--certificate", "certificate_no", help="执法证号（承办人必填）")
@click.option("--legal-qualification", is_flag=True, help="具有法律职业资格（法制审核）")
@click.option("--password-stdin", is_flag=True, help="从标准输入读取密码，供脚本使用")
def user_add(username, agency_code, full_name, roles, certificate_no, legal_qualification, password_stdin):
    """Create the officer account USERNAME in an agency, with one or more roles."""
    if Role.HANDLER in roles and not certificate_no:
        raise click.BadParameter("承办人须填写执法证号", param_hint="--certificate")
    with db()() as session:
        agency_id = session.scalar(select(Agency.id).where(Agency.code == agency_code))
        taken = session.scalar(select(User.id).where(User.username == username)) is not None
    if agency_id is None:
        raise click.BadParameter(f"机关代码 {agency_code} 不存在", param_hint="--agency")
    if taken:
        raise click.ClickException(f"用户名 {username} 已存在")
    password_hash = generate_password_hash(_new_password(password_stdin))
    with db().begin() as session:
        user = accounts.create_user(
            session,
            username=username,
            full_name=full_name,
            password_hash=password_hash,
            agency=session.get(Agency, agency_id),
            roles=list(roles),
            certificate_no=certificate_no,
            legal_qualification=legal_qualification,
        )
        created = {"username": username, "agency": agency_code, "roles": list(roles)}
        audit.record(session, None, None, "user.created", created)
    labels = "、".join(ROLE_LABELS[Role(r)] for r in roles)
    click.echo(f"已创建用户 {username}（{full_name}，{labels}），编号 {user.id}")


@group.command("password")
@click.argument("username")
@click.option("--password-stdin", is_flag=True, help="从标准输入读取密码，供脚本使用")
def user_password(username, password_stdin):
    """Set a new password for USERNAME."""
    found = user_id(username)
    password_hash = generate_password_hash(_new_password(password_stdin))
    with db().begin() as session:
        session.get(User, found).password_hash = password_hash
        audit.record(session, None, None, "user.password_set", {"username": username})
    click.echo(f"已为 {username} 设置新密码")


@group.command("deactivate")
@click.argument("username")
def user_deactivate(username):
    """Stop USERNAME from signing in; their API tokens are revoked, their cases and records stay."""
    found = user_id(username)
    with db().begin() as session:
        session.get(User, found).active = False
        revoked = session.execute(delete(ApiToken).where(ApiToken.user_id == found)).rowcount
        change = {"username": username, "tokens_revoked": revoked}
        audit.record(session, None, None, "user.deactivated", change)
    click.echo(f"已停用 {username}，撤销访问令牌 {revoked} 个")


@group.command("list")
@click.option("--agency", "agency_code", help="只列出此机关的用户")
@click.option("--json", "as_json", is_flag=True)
def user_list(agency_code, as_json):
    """List the officer accounts with their roles."""
    query = select(User, Agency.code).join(Agency, Agency.id == User.agency_id).order_by(User.username)
    if agency_code:
        query = query.where(Agency.code == agency_code)
    with db()() as session:
        rows = [
            {
                "username": user.username,
                "name": user.full_name,
                "agency": code,
                "roles": sorted(user.roles),
                "certificate_no": user.certificate_no,
                "active": user.active,
            }
            for user, code in session.execute(query)
        ]
    emit(rows, as_json, _user_lines)


@group.command("token")
@click.argument("username")
def user_token(username):
    """Print a new API token for USERNAME; only its hash is stored, so it is shown this once."""
    with db().begin() as session:
        token = tokens.issue(session, session.get(User, user_id(username)))
    click.echo(token)


def _new_password(from_stdin: bool) -> str:
    if from_stdin:
        password = sys.stdin.readline().rstrip("\n")
    else:
        password = click.prompt("密码", hide_input=True, confirmation_prompt="再次输入密码")
    if len(password) < MIN_PASSWORD_CHARS:
        raise click.BadParameter(f"密码至少 {MIN_PASSWORD_CHARS} 个字符", param_hint="密码")
    return password


def _user_lines(rows):
    for r in rows:
        roles = "、".join(ROLE_LABELS[Role(role)] for role in r["roles"])
        state = "" if r["active"] else "  （已停用）"
        yield f"{r['username']}  {r['name']}  {r['agency']}  {roles}{state}"
