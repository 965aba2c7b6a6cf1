"""``caseflow`` commands: set up the database and drive cases headless, for operators and scripts.

Every listing takes ``--json``; errors print the engine's message and exit with status 1.
"""

import json
import sys
from functools import wraps

import click
from flask import Flask, current_app
from flask.cli import AppGroup, with_appcontext
from sqlalchemy import select

from engine import audit, queries, runtime
from engine.errors import CaseflowError
from engine.migrate import upgrade
from engine.models import HumanTask, User
from forms import describe_form
from web import demo


def _db():
    return current_app.extensions["caseflow.db"]


def _emit(data, as_json: bool, text_lines) -> None:
    if as_json:
        click.echo(json.dumps(data, ensure_ascii=False, indent=2, default=str))
    else:
        for line in text_lines(data):
            click.echo(line)


def _engine_errors(command):
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


def _user_id(username: str) -> int:
    with _db()() as session:
        user_id = session.scalar(select(User.id).where(User.username == username))
    if user_id is None:
        raise click.BadParameter(f"用户 {username} 不存在", param_hint="--user")
    return user_id


@click.command("init-db")
@with_appcontext
def init_db():
    """Migrate the database to the newest schema and deploy the BPMN in bpmn/."""
    upgrade(current_app.config["DATABASE_URL"])
    deployment = runtime.deploy(_db())
    click.echo(f"数据库已就绪；流程定义版本 {deployment.version}（{deployment.content_hash[:12]}）")


@click.command("deploy")
@with_appcontext
@_engine_errors
def deploy():
    """Deploy bpmn/ as a new definition version if it changed."""
    deployment = runtime.deploy(_db())
    click.echo(f"流程定义版本 {deployment.version}（{deployment.content_hash[:12]}）")


@click.command("demo")
@with_appcontext
@click.option("--cases/--no-cases", default=True, help="also walk a few demo cases to different steps")
def demo_command(cases):
    """Create the demo agency, one user per role, and demo cases."""
    created = demo.seed(_db(), with_cases=cases)
    if not created["users"]:
        click.echo("演示数据已存在，未重复创建")
        return
    click.echo(
        f"演示数据已创建：{created['users']} 个用户，{created['cases']} 件案件；密码均为 {demo.PASSWORD}"
    )


case_group = AppGroup("case", help="案件")
task_group = AppGroup("task", help="任务")
audit_group = AppGroup("audit", help="审计日志")


@case_group.command("open")
@click.option("--user", "username", required=True)
@click.option("--party-kind", type=click.Choice(["person", "organization"]), required=True)
@click.option("--party-name", required=True)
@click.option("--credit-code")
@click.option("--id-number")
@click.option("--address")
@click.option("--procedure", type=click.Choice(sorted(runtime.PROCEDURES)), default="general")
@click.option("--violation", "violation_code", default="")
@click.option("--json", "as_json", is_flag=True)
@_engine_errors
def case_open(
    username, party_kind, party_name, credit_code, id_number, address, procedure, violation_code, as_json
):
    """Open a case and print its number and first task."""
    party = {
        "kind": party_kind,
        "name": party_name,
        "credit_code": credit_code,
        "id_number": id_number,
        "address": address,
    }
    case = runtime.open_case(
        _db(), user_id=_user_id(username), party=party, procedure=procedure, violation_code=violation_code
    )
    with _db()() as session:
        detail = queries.case_detail(session, case.id)
    _emit(
        detail,
        as_json,
        lambda d: (
            [f"已登记案件 {d['id']}：{d['number']}（{d['status_label']}）"]
            + [f"  待办任务 {t['id']}：{t['name']}" for t in d["tasks"] if t["status"] == "open"]
        ),
    )


@case_group.command("show")
@click.argument("case_id", type=int)
@click.option("--json", "as_json", is_flag=True)
def case_show(case_id, as_json):
    """Show a case with its tasks and audit trail."""
    with _db()() as session:
        detail = queries.case_detail(session, case_id)
    if detail is None:
        raise click.ClickException(f"案件 {case_id} 不存在")
    _emit(detail, as_json, _case_lines)


def _case_lines(d):
    yield f"{d['number']}  当事人：{d['party']}  状态：{d['status_label']}  版本：{d['version']}"
    handlers = ", ".join(map(str, d["handler_ids"])) or "未指定"
    yield f"承办人：{handlers}  流程定义版本：{d['deployment_version']}"
    yield "任务："
    for t in d["tasks"]:
        yield f"  {t['id']:>5}  {t['status']:<10} {t['name']}（{t['element_id']}）"
    yield "审计："
    for e in d["audit"]:
        yield f"  {e['seq']:>3}  {e['at']}  {e['action']}  {e['task'] or ''}"


@case_group.command("list")
@click.option("--status")
@click.option("--json", "as_json", is_flag=True)
def case_list(status, as_json):
    """List cases with their current status."""
    with _db()() as session:
        rows = queries.list_cases(session, status=status)
    _emit(
        rows,
        as_json,
        lambda rs: [f"{r['id']:>5}  {r['number']}  {r['party']}  {r['status_label']}" for r in rs],
    )


@task_group.command("list")
@click.option("--user", "username", required=True)
@click.option("--json", "as_json", is_flag=True)
def task_list(username, as_json):
    """List the user's tasks: assigned (mine), claimable (queue) and done (archive)."""
    with _db()() as session:
        user = session.get(User, _user_id(username))
        data = {
            name: [queries.task_row(t) for t in fetch(session, user)]
            for name, fetch in (("mine", queries.inbox), ("queue", queries.queue), ("done", queries.archive))
        }
    _emit(data, as_json, _task_lines)


def _task_lines(data):
    for title, key in (("我的待办", "mine"), ("待认领", "queue"), ("已办", "done")):
        yield f"{title}："
        for t in data[key]:
            yield f"  {t['id']:>5}  案件 {t['case_id']:>5}  {t['name']}（{t['element_id']}）"


@task_group.command("show")
@click.argument("task_id", type=int)
@click.option("--json", "as_json", is_flag=True)
def task_show(task_id, as_json):
    """Show a task with the description of its form."""
    with _db()() as session:
        task = session.get(HumanTask, task_id)
        if task is None:
            raise click.ClickException(f"任务 {task_id} 不存在")
        data = queries.task_row(task) | {"form": describe_form(task.form_key), "submitted": task.data}
    _emit(
        data,
        as_json,
        lambda d: (
            [f"{d['id']}  {d['name']}（{d['status']}）"]
            + [f"  {f['name']}: {f['label']}{' *' if f['required'] else ''}" for f in d["form"]]
        ),
    )


@task_group.command("claim")
@click.argument("task_id", type=int)
@click.option("--user", "username", required=True)
@_engine_errors
def task_claim(task_id, username):
    """Claim a task."""
    runtime.claim_task(_db(), task_id, _user_id(username))
    click.echo(f"已认领任务 {task_id}")


@task_group.command("release")
@click.argument("task_id", type=int)
@click.option("--user", "username", required=True)
@_engine_errors
def task_release(task_id, username):
    """Release a claimed task back to the queue."""
    runtime.release_task(_db(), task_id, _user_id(username))
    click.echo(f"已退回任务 {task_id}")


@task_group.command("assign")
@click.argument("task_id", type=int)
@click.option("--to", "assignee", required=True)
@click.option("--user", "username", required=True)
@_engine_errors
def task_assign(task_id, assignee, username):
    """Assign a task to an officer (department or agency head)."""
    runtime.assign_task(_db(), task_id, _user_id(assignee), _user_id(username))
    click.echo(f"已将任务 {task_id} 分派给 {assignee}")


@task_group.command("complete")
@click.argument("task_id", type=int)
@click.option("--user", "username", required=True)
@click.option("--data", "payload", required=True, help="form data as a JSON object")
@click.option("--json", "as_json", is_flag=True)
@_engine_errors
def task_complete(task_id, username, payload, as_json):
    """Complete a task with form data; the case advances to its next step."""
    try:
        data = json.loads(payload)
    except json.JSONDecodeError as exc:
        raise click.BadParameter(f"不是合法的 JSON：{exc}", param_hint="--data") from exc
    outcome = runtime.complete_task(_db(), task_id, _user_id(username), data)
    result = {"case_id": outcome.case_id, "status": outcome.status, "new_task_ids": outcome.new_task_ids}
    _emit(result, as_json, lambda r: [f"已办理；案件状态：{r['status']}；新任务：{r['new_task_ids']}"])


@audit_group.command("verify")
def audit_verify():
    """Recompute the hash chains of the audit trail; exit 1 if any row was changed or removed."""
    with _db()() as session:
        count, breaks = audit.verify(session)
    for item in breaks:
        click.echo(f"案件 {item.case_id} 第 {item.seq} 条：{item.reason}", err=True)
    click.echo(f"已校验 {count} 条审计记录，发现 {len(breaks)} 处异常")
    if breaks:
        sys.exit(1)


def init_app(app: Flask) -> None:
    for command in (init_db, deploy, demo_command, case_group, task_group, audit_group):
        app.cli.add_command(command)
