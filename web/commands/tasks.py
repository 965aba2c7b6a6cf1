"""``caseflow task``: the three inbox lists, a task's form, claim, release, assign and complete."""

import json

import click
from flask.cli import AppGroup

from engine import calendar_store, queries, runtime
from engine.models import HumanTask, User
from forms import describe_form
from web.commands.common import COLOURS, days_text, db, emit, engine_errors, user_id

group = AppGroup("task", help="任务")


@group.command("list")
@click.option("--user", "username", required=True)
@click.option("--json", "as_json", is_flag=True)
def task_list(username, as_json):
    """List the user's tasks: assigned (mine), claimable (queue) and done (archive), with due dates."""
    with db()() as session:
        user = session.get(User, user_id(username))
        calendar = calendar_store.current(session)
        data = {
            name: [queries.task_row(t, calendar) for t in fetch(session, user)]
            for name, fetch in (("mine", queries.inbox), ("queue", queries.queue), ("done", queries.archive))
        }
    emit(data, as_json, _task_lines)


def _task_lines(data):
    for title, key in (("我的待办", "mine"), ("待认领", "queue"), ("已办", "done")):
        yield f"{title}："
        for t in data[key]:
            due = ""
            if t["due_on"] and "colour" in t:
                due = f"  期限 {t['due_on']} {COLOURS[t['colour']]}{days_text(t['days_left'])}"
            yield f"  {t['id']:>5}  案件 {t['case_id']:>5}  {t['name']}（{t['element_id']}）{due}"


@group.command("show")
@click.argument("task_id", type=int)
@click.option("--json", "as_json", is_flag=True)
def task_show(task_id, as_json):
    """Show a task with the description of its form."""
    with db()() as session:
        task = session.get(HumanTask, task_id)
        if task is None:
            raise click.ClickException(f"任务 {task_id} 不存在")
        data = queries.task_row(task) | {"form": describe_form(task.form_key), "submitted": task.data}
    emit(
        data,
        as_json,
        lambda d: (
            [f"{d['id']}  {d['name']}（{d['status']}）"]
            + [f"  {f['name']}: {f['label']}{' *' if f['required'] else ''}" for f in d["form"]]
        ),
    )


@group.command("claim")
@click.argument("task_id", type=int)
@click.option("--user", "username", required=True)
@engine_errors
def task_claim(task_id, username):
    """Claim a task."""
    runtime.claim_task(db(), task_id, user_id(username))
    click.echo(f"已认领任务 {task_id}")


@group.command("release")
@click.argument("task_id", type=int)
@click.option("--user", "username", required=True)
@engine_errors
def task_release(task_id, username):
    """Release a claimed task back to the queue."""
    runtime.release_task(db(), task_id, user_id(username))
    click.echo(f"已退回任务 {task_id}")


@group.command("assign")
@click.argument("task_id", type=int)
@click.option("--to", "assignee", required=True)
@click.option("--user", "username", required=True)
@engine_errors
def task_assign(task_id, assignee, username):
    """Assign a task to an officer (department or agency head)."""
    runtime.assign_task(db(), task_id, user_id(assignee), user_id(username))
    click.echo(f"已将任务 {task_id} 分派给 {assignee}")


@group.command("complete")
@click.argument("task_id", type=int)
@click.option("--user", "username", required=True)
@click.option("--data", "payload", required=True, help="form data as a JSON object")
@click.option("--json", "as_json", is_flag=True)
@engine_errors
def task_complete(task_id, username, payload, as_json):
    """Complete a task with form data; the case advances to its next step."""
    try:
        data = json.loads(payload)
    except json.JSONDecodeError as exc:
        raise click.BadParameter(f"不是合法的 JSON：{exc}", param_hint="--data") from exc
    outcome = runtime.complete_task(db(), task_id, user_id(username), data)
    result = {"case_id": outcome.case_id, "status": outcome.status, "new_task_ids": outcome.new_task_ids}
    emit(result, as_json, lambda r: [f"已办理；案件状态：{r['status']}；新任务：{r['new_task_ids']}"])
