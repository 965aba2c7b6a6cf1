"""A task's page: its form rendered from the schema, the case so far, and claim, release, reassign."""

from flask import Blueprint, abort, flash, jsonify, redirect, render_template, request, url_for
from flask_login import current_user

from engine import calendar_store, duties, queries, runtime
from engine.errors import Conflict, InvalidSubmission
from engine.roles import Role
from web.access import agency_officers, officer, visible_task
from web.db import sessions
from web.tasks import context, discretion, formdata

bp = Blueprint("tasks", __name__)

KEPT = "您填写的内容已保留，请核对后再提交。"


@bp.route("/tasks/<int:task_id>")
def show(task_id):
    return _page(task_id, prefill=request.args.to_dict())


@bp.route("/tasks/<int:task_id>", methods=["POST"])
def submit(task_id):
    with sessions()() as db:
        task = visible_task(db, task_id)
        form_key, name = task.form_key, task.name
    data = formdata.parse(formdata.form_fields(form_key), request.form)
    if request.form.get("action") == "draft":
        runtime.save_draft(sessions(), task_id, current_user.id, data)
        flash("已暂存，尚未提交。")
        return redirect(url_for("tasks.show", task_id=task_id))
    try:
        outcome = runtime.complete_task(
            sessions(),
            task_id,
            current_user.id,
            data,
            expected_version=request.form.get("expected_version", type=int),
        )
    except InvalidSubmission as exc:
        errors = formdata.field_errors(form_key, data, exc)
        return _page(task_id, values=data, errors=errors, message=exc.message, status=422)
    except Conflict as exc:
        return _page(task_id, values=data, message=f"{exc.message}。{KEPT}", status=409)
    flash(f"已办理“{name}”。")
    return redirect(url_for("cases.show", case_id=outcome.case_id))


@bp.route("/tasks/<int:task_id>/discretion")
def discretion_suggestion(task_id):
    """The suggestion for the form as filled in so far (the page asks again as the officer types)."""
    with sessions()() as db:
        task = visible_task(db, task_id)
        if task.form_key != discretion.FORM_KEY:
            abort(404)
        data = formdata.parse(formdata.form_fields(task.form_key), request.args)
        return jsonify(discretion.suggestion(task.case, data) or {})


@bp.route("/tasks/<int:task_id>/claim", methods=["POST"])
def claim(task_id):
    return _act(
        task_id, lambda db: runtime.claim_task(db, task_id, current_user.id), "已认领，任务已进入我的待办。"
    )


@bp.route("/tasks/<int:task_id>/release", methods=["POST"])
def release(task_id):
    return _act(
        task_id, lambda db: runtime.release_task(db, task_id, current_user.id), "已释放，任务回到待认领。"
    )


@bp.route("/tasks/<int:task_id>/assign", methods=["POST"])
def assign(task_id):
    assignee = request.form.get("assignee_id", type=int) or 0
    return _act(task_id, lambda db: runtime.assign_task(db, task_id, assignee, current_user.id), "已分派。")


def _act(task_id: int, action, success: str):
    """Run a claim, release or assignment; a refusal by duty answers 403, a lost race a message."""
    with sessions()() as db:
        visible_task(db, task_id)
    try:
        action(sessions())
    except Conflict as exc:
        flash(exc.message, "error")
    else:
        flash(success)
    return redirect(url_for("tasks.show", task_id=task_id))


def _page(task_id: int, values=None, errors=None, message=None, prefill=None, status=200):
    with sessions()() as db:
        task = visible_task(db, task_id)
        case = task.case
        me = officer(db)
        names = context.officer_names(db, case.agency_id)
        steps = context.history(db, case, names)
        fields = formdata.form_fields(task.form_key)
        values = values if values is not None else formdata.initial_values(fields, prefill, task.draft)
        page = {
            "task": task,
            "row": queries.task_row(task, calendar_store.current(db)),
            "case": case,
            "party": case.party,
            "names": names,
            "steps": steps,
            "returned": context.returned_by(steps, task) if task.status == "open" else None,
            "fields": fields,
            "values": values,
            "discretion": _discretion(task, values),
            "errors": errors or {},
            "message": message,
            **_permissions(db, task, case, me),
        }
        return render_template("tasks/show.html", **page), status


def _discretion(task, values: dict) -> dict | None:
    if task.form_key != discretion.FORM_KEY:
        return None
    return discretion.suggestion(task.case, task.data if task.status == "completed" else values)


def _permissions(db, task, case, me) -> dict:
    is_open = task.status == "open"
    refusal = duties.refusal(db, me, case, task.role) if is_open else None
    can_work = is_open and refusal is None and task.assignee_id in (None, me.id)
    officers = agency_officers(db)
    can_assign = is_open and bool(runtime.ASSIGNER_ROLES & me.roles)
    return {
        "refusal": refusal,
        "can_work": can_work,
        "can_claim": can_work and task.assignee_id is None,
        "can_release": is_open and task.assignee_id == me.id,
        "can_assign": can_assign,
        "assignable": [u for u in officers if duties.refusal(db, u, case, task.role) is None]
        if can_assign
        else [],
        "pickers": {
            "user": [u for u in officers if u.roles - {Role.ADMIN}],
            "users": [u for u in officers if Role.HANDLER in u.roles and u.certificate_no],
        },
    }
