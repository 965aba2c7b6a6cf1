"""The case ledger page (filters, one page of lines) and its XLSX export."""

import io

from flask import current_app, render_template, request, send_file
from flask_login import current_user

from engine.campaigns import ledger, spreadsheets
from engine.clock import today
from engine.statuses import STATUS_LABELS
from forms.choices import VIOLATIONS
from web.campaigns.blueprint import bp
from web.campaigns.common import day_arg
from web.campaigns.dashboard import XLSX
from web.db import sessions

PAGE_COLUMNS = (
    "seq",
    "number",
    "decision_number",
    "registered_on",
    "cause",
    "party",
    "violation",
    "procedure",
    "penalties",
    "fine",
    "decided_on",
    "transfer",
    "closed_on",
    "handlers",
    "status",
    "note",
)


def _filters() -> ledger.Filters:
    return ledger.Filters(
        start=day_arg("start"),
        end=day_arg("end"),
        status=request.args.get("status", ""),
        procedure=request.args.get("procedure", ""),
        violation=request.args.get("violation", ""),
        text=(request.args.get("text") or "").strip()[:100],
    )


@bp.route("/ledger")
def ledger_index():
    filters = _filters()
    number = max(1, request.args.get("page", 1, type=int))
    per_page = current_app.config["PAGE_SIZE"] * 2
    with sessions()() as db:
        total = ledger.count(db, current_user.agency_id, filters)
        lines = list(ledger.rows(db, current_user.agency_id, filters, (number - 1) * per_page, per_page))
    labels = dict(ledger.COLUMNS)
    return render_template(
        "campaigns/ledger.html",
        lines=lines,
        columns=[(key, labels[key]) for key in PAGE_COLUMNS],
        total=total,
        filters=filters,
        args={k: v for k, v in request.args.items() if k != "page" and v},
        page=number,
        has_next=number * per_page < total,
        statuses=STATUS_LABELS,
        violations=dict(VIOLATIONS),
    )


@bp.route("/ledger.xlsx")
def ledger_xlsx():
    output = io.BytesIO()
    with sessions()() as db:
        spreadsheets.write_ledger(db, current_user.agency_id, _filters(), output)
    output.seek(0)
    return send_file(output, mimetype=XLSX, as_attachment=True, download_name=f"案件台账_{today()}.xlsx")
