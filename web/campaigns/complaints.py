"""Complaints and clues: register one, work its steps, see the reporter only if you handle it."""

from flask import flash, redirect, render_template, request, url_for
from flask_login import current_user
from sqlalchemy import select

from engine import calendar_store
from engine.campaigns import complaint_workflow, complaints
from engine.errors import Conflict, Forbidden, InvalidSubmission
from engine.models import Complaint, ComplaintTask, Institution, TransferRecord
from forms import describe_form
from forms.campaign_choices import COMPLAINT_CHANNELS
from forms.registers import ComplaintIntakeSchema
from web.access import officer, require_any_role
from web.campaigns.blueprint import bp
from web.campaigns.common import form_page, names, own, pickers, posted
from web.db import sessions
from web.tasks import formdata

CHANNELS = dict(COMPLAINT_CHANNELS)


@bp.route("/complaints")
def complaints_index():
    filters = complaints.Filters(
        text=(request.args.get("text") or "").strip()[:100],
        status=request.args.get("status", ""),
        channel=request.args.get("channel", ""),
        overdue_only=request.args.get("overdue") == "1",
    )
    with sessions()() as db:
        me = officer(db)
        calendar = calendar_store.current(db)
        return render_template(
            "campaigns/complaints.html",
            rows=complaints.listing(db, current_user.agency_id, filters),
            mine=[(complaints.due(t, calendar), t, c) for t, c in complaints.workable(db, me)],
            filters=filters,
            channels=CHANNELS,
            statuses=complaints.STATUS_LABELS,
            outcomes=complaints.OUTCOME_LABELS,
        )


@bp.route("/complaints/new", methods=["GET", "POST"])
def complaints_new():
    require_any_role("handler")
    if request.method == "GET":
        with sessions()() as db:
            return _form(db, {"institution_id": request.args.get("institution_id", "")})
    data = posted(ComplaintIntakeSchema)
    try:
        complaint = complaint_workflow.register(sessions(), current_user.id, data)
    except InvalidSubmission as exc:
        with sessions()() as db:
            return _form(db, data, exc)
    flash(f"已登记投诉举报 {complaint.number}。")
    return redirect(url_for("campaigns.complaints_show", complaint_id=complaint.id))


def _form(db, values: dict, exc: InvalidSubmission | None = None):
    institutions = db.execute(
        select(Institution.id, Institution.name)
        .where(Institution.agency_id == current_user.agency_id)
        .order_by(Institution.name)
    ).all()
    return form_page(
        db,
        "登记投诉举报",
        ComplaintIntakeSchema,
        values,
        refused=exc,
        intro="实名举报人的身份仅本举报的承办人员和科室负责人可见，不写入任何送达当事人的文书。",
        selects={"institution_id": [(i.id, i.name) for i in institutions]},
        back=url_for("campaigns.complaints_index"),
    )


@bp.route("/complaints/<int:complaint_id>")
def complaints_show(complaint_id):
    return _page(complaint_id)


def _page(complaint_id: int, values=None, errors=None, message=None, status=200):
    with sessions()() as db:
        complaint = own(db.get(Complaint, complaint_id))
        me = officer(db)
        tasks = complaints.tasks_of(db, complaint_id)
        current = next((t for t in tasks if t.status == "open"), None)
        fields = formdata.form_fields(current.form_key) if current else ()
        can_work = current is not None and current.role in me.roles and current.assignee_id in (None, me.id)
        page = render_template(
            "campaigns/complaint.html",
            complaint=complaint,
            reporter=complaints.reporter(db, me, complaint),
            tasks=tasks,
            done=[(t, describe_form(t.form_key)) for t in tasks if t.status == "completed"],
            current=current,
            can_work=can_work,
            fields=fields,
            values=values if values is not None else formdata.initial_values(fields),
            errors=errors or {},
            message=message,
            pickers=pickers(db),
            names=names(db),
            channels=CHANNELS,
            statuses=complaints.STATUS_LABELS,
            outcomes=complaints.OUTCOME_LABELS,
            warning=complaints.feedback_warning(calendar_store.current(db), complaint),
            institution=db.get(Institution, complaint.institution_id) if complaint.institution_id else None,
            transfer=db.scalar(select(TransferRecord).where(TransferRecord.complaint_id == complaint_id)),
        )
    return page, status


@bp.route("/complaint-tasks/<int:task_id>", methods=["POST"])
def complaints_complete(task_id):
    complaint_id = _complaint_of(task_id)
    with sessions()() as db:
        form_key = db.get(ComplaintTask, task_id).form_key
    data = formdata.parse(formdata.form_fields(form_key), request.form)
    try:
        outcome = complaint_workflow.complete(sessions(), task_id, current_user.id, data)
    except InvalidSubmission as exc:
        return _page(complaint_id, data, formdata.field_errors(form_key, data, exc), exc.message, 422)
    except (Conflict, Forbidden) as exc:
        return _page(complaint_id, data, {}, exc.message, 409 if isinstance(exc, Conflict) else 403)
    flash(
        "已办理。"
        + ("已登记案件，受理记录已预填。" if outcome.case_id and form_key.endswith("case_opening") else "")
    )
    return redirect(url_for("campaigns.complaints_show", complaint_id=complaint_id))


@bp.route("/complaint-tasks/<int:task_id>/claim", methods=["POST"])
def complaints_claim(task_id):
    return _act(task_id, complaint_workflow.claim, "已认领。")


@bp.route("/complaint-tasks/<int:task_id>/release", methods=["POST"])
def complaints_release(task_id):
    return _act(task_id, complaint_workflow.release, "已释放。")


def _act(task_id: int, action, success: str):
    complaint_id = _complaint_of(task_id)
    try:
        action(sessions(), task_id, current_user.id)
    except (Conflict, Forbidden) as exc:
        flash(exc.message, "error")
    else:
        flash(success)
    return redirect(url_for("campaigns.complaints_show", complaint_id=complaint_id))


def _complaint_of(task_id: int) -> int:
    with sessions()() as db:
        return own(db.get(ComplaintTask, task_id)).complaint_id
