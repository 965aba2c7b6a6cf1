"""The transfers register: case transfers and recorded letters in one list; record letters and results."""

from flask import flash, redirect, render_template, request, url_for
from flask_login import current_user

from engine.campaigns import transfers
from engine.errors import InvalidSubmission
from engine.models import TransferRecord
from forms.campaign_choices import TRANSFER_DIRECTIONS
from forms.registers import TransferProgressSchema, TransferRecordSchema
from web.access import require_any_role
from web.campaigns.blueprint import bp
from web.campaigns.common import day_arg, form_page, own, posted
from web.db import sessions

EDITORS = ("handler", "dept_head")
SOURCES = {"case": "案件程序", "complaint": "投诉举报", "register": "登记"}


@bp.route("/transfers")
def transfers_index():
    start, end = day_arg("start"), day_arg("end")
    direction = request.args.get("direction", "")
    with sessions()() as db:
        rows = transfers.register(db, current_user.agency_id, start, end)
    if direction:
        rows = [row for row in rows if row.direction == direction]
    return render_template(
        "campaigns/transfers.html",
        rows=rows,
        start=start,
        end=end,
        direction=direction,
        directions=dict(TRANSFER_DIRECTIONS),
        sources=SOURCES,
    )


@bp.route("/transfers/new", methods=["GET", "POST"])
def transfers_new():
    require_any_role(*EDITORS)
    if request.method == "GET":
        with sessions()() as db:
            return _form(
                db, "登记移送", TransferRecordSchema, {"direction": request.args.get("direction", "in")}
            )
    data = posted(TransferRecordSchema)
    try:
        transfers.add(sessions(), current_user.id, data)
    except InvalidSubmission as exc:
        with sessions()() as db:
            return _form(db, "登记移送", TransferRecordSchema, data, exc)
    flash("已登记移送。")
    return redirect(url_for("campaigns.transfers_index"))


@bp.route("/transfers/<int:record_id>/progress", methods=["GET", "POST"])
def transfers_progress(record_id):
    require_any_role(*EDITORS)
    with sessions()() as db:
        record = own(db.get(TransferRecord, record_id))
        title = f"移送回执与处理结果：{record.counterpart_name}"
        if request.method == "GET":
            values = {name: getattr(record, name) or "" for name in ("receipt_on", "result", "result_on")}
            return _form(
                db, title, TransferProgressSchema, {k: str(v) if v else "" for k, v in values.items()}
            )
    data = posted(TransferProgressSchema)
    try:
        transfers.progress(sessions(), current_user.id, record_id, data)
    except InvalidSubmission as exc:
        with sessions()() as db:
            return _form(db, title, TransferProgressSchema, data, exc)
    flash("已保存。")
    return redirect(url_for("campaigns.transfers_index"))


def _form(db, title: str, schema_class, values: dict, exc: InvalidSubmission | None = None):
    return form_page(
        db,
        title,
        schema_class,
        values,
        refused=exc,
        back=url_for("campaigns.transfers_index"),
    )
