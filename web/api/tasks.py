"""/api/v1/tasks: the three lists, a task with its form, claim, release, assign, draft and complete."""

from flask_login import current_user
from flask_smorest import Blueprint

from engine import calendar_store, queries, runtime
from web.access import require_visible_task, visible_task
from web.api.schemas import (
    AssignmentSchema,
    CompletionSchema,
    DraftSchema,
    OutcomeSchema,
    TaskDetailSchema,
    TaskListArgs,
    TaskPageSchema,
    TaskRowSchema,
)
from web.api.shaped import as_documented
from web.db import reads, sessions
from web.inbox import listing
from web.tasks import context
from web.tasks.formdata import form_fields

bp = Blueprint("api_tasks", __name__, url_prefix="/api/v1/tasks", description="任务：待办、认领、暂存与办理")


@bp.route("")
@bp.arguments(TaskListArgs, location="query")
@bp.response(200, TaskPageSchema)
def list_tasks(args):
    """List 我的待办 (mine), 待认领 (queue) or 已办 (done), most urgent first."""
    filters = listing.Filters.from_args(args)
    with reads()() as db:
        page = listing.task_page(db, current_user, args["list"], filters, args["page"], args["per_page"])
    return as_documented(
        {
            "items": page.rows,
            "page": page.number,
            "per_page": page.per_page,
            "total": page.total,
            "has_next": page.has_next,
            "counts": page.counts,
        }
    )


@bp.route("/<int32:task_id>")
@bp.response(200, TaskDetailSchema)
def get_task(task_id):
    """Get a task with the description of its form, its draft and the send-back that created it."""
    with sessions()() as db:
        task = visible_task(db, task_id)
        names = context.officer_names(db, task.agency_id)
        returned = (
            context.returned_by(context.history(db, task.case, names), task)
            if task.status == "open"
            else None
        )
        return queries.task_row(task, calendar_store.current(db)) | {
            "case_version": task.case.steps,
            "form": list(form_fields(task.form_key)),
            "draft": task.draft,
            "data": task.data,
            "returned": _send_back(returned),
        }


def _send_back(step):
    if step is None:
        return None
    return {
        "step": step["task"].name,
        "by": step["by"],
        "at": step["task"].completed_at.isoformat(timespec="seconds"),
        "reason": step["send_back"],
    }


@bp.route("/<int32:task_id>/claim", methods=["POST"])
@bp.response(200, TaskRowSchema)
def claim(task_id):
    """Take the task into 我的待办."""
    _check(task_id)
    return queries.task_row(runtime.claim_task(sessions(), task_id, current_user.id))


@bp.route("/<int32:task_id>/release", methods=["POST"])
@bp.response(200, TaskRowSchema)
def release(task_id):
    """Put a claimed task back into 待认领."""
    _check(task_id)
    return queries.task_row(runtime.release_task(sessions(), task_id, current_user.id))


@bp.route("/<int32:task_id>/assign", methods=["POST"])
@bp.arguments(AssignmentSchema)
@bp.response(200, TaskRowSchema)
def assign(body, task_id):
    """Hand the task to an eligible officer (department or agency head)."""
    _check(task_id)
    return queries.task_row(runtime.assign_task(sessions(), task_id, body["assignee_id"], current_user.id))


@bp.route("/<int32:task_id>/draft", methods=["PUT"])
@bp.arguments(DraftSchema)
@bp.response(200, TaskRowSchema)
def save_draft(body, task_id):
    """Keep unfinished form data (暂存) without validating it."""
    _check(task_id)
    return queries.task_row(runtime.save_draft(sessions(), task_id, current_user.id, body["data"]))


@bp.route("/<int32:task_id>/complete", methods=["POST"])
@bp.arguments(CompletionSchema)
@bp.response(200, OutcomeSchema)
def complete(body, task_id):
    """Complete the task; the form's schema validates ``data`` and errors name the fields."""
    _check(task_id)
    outcome = runtime.complete_task(
        sessions(), task_id, current_user.id, body["data"], expected_version=body["expected_version"]
    )
    return {
        "case_id": outcome.case_id,
        "case_version": outcome.case_version,
        "status": outcome.status,
        "new_task_ids": outcome.new_task_ids,
    }


def _check(task_id: int) -> None:
    with reads()() as db:
        require_visible_task(db, task_id)
