"""The dashboard (charts of a campaign's figures) and the work summary for any period, as page, XLSX, PDF."""

import io
from datetime import date

from flask import render_template, request, send_file
from flask_login import current_user

from documents import work_summary
from engine.campaigns import coverage, plans, report, spreadsheets, summary
from engine.clock import today
from engine.models import Agency, Campaign
from web.campaigns.blueprint import bp
from web.campaigns.common import day_arg, own
from web.db import sessions

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@bp.route("/")
def dashboard():
    with sessions()() as db:
        campaigns = plans.of_agency(db, current_user.agency_id)
        chosen = _chosen(db, campaigns)
        start = day_arg("start", chosen.starts_on if chosen else date(today().year, 1, 1))
        end = day_arg("end", chosen.ends_on if chosen else today())
        figures = summary.figures(db, current_user.agency_id, start, end)
        rows = coverage.of_campaign(db, chosen) if chosen else []
        return render_template(
            "campaigns/dashboard.html",
            campaigns=campaigns,
            chosen=chosen,
            phase=plans.current_phase(chosen, today()) if chosen else None,
            start=start,
            end=end,
            figures=figures,
            coverage=rows,
            groups=coverage.groups(rows),
            charts=charts(figures, rows),
        )


def _chosen(db, campaigns: list[Campaign]) -> Campaign | None:
    wanted = request.args.get("campaign", type=int)
    if wanted:
        return own(db.get(Campaign, wanted))
    return plans.current(db, current_user.agency_id, today())


def charts(figures: dict, rows: list[coverage.Coverage]) -> dict:
    """The series the dashboard's charts draw, as plain JSON values."""
    cases, feedback = figures["cases"], figures["complaints"]["feedback"]
    return {
        "coverage": {
            "kinds": [row.label for row in rows],
            "percent": [row.percent or 0 for row in rows],
            "target": [row.target for row in rows],
            "detail": [f"{row.inspected}/{row.registered}" for row in rows],
        },
        "violations": [{"name": row["label"], "value": row["count"]} for row in figures["by_violation"]],
        "procedures": [{"name": row["label"], "value": row["count"]} for row in figures["by_procedure"]],
        "statuses": [{"name": row["label"], "value": row["count"]} for row in figures["by_status"]],
        "money": {"fines": float(cases["fines_wan"]), "confiscated": float(cases["confiscated_wan"])},
        "transfers": figures["transfers"],
        "feedback": {
            "rate": feedback["rate"],
            **{k: feedback[k] for k in ("on_time", "late", "overdue", "pending")},
        },
    }


def _period() -> tuple[date, date]:
    return day_arg("start", date(today().year, 1, 1)), day_arg("end", today())


@bp.route("/summary")
def summary_page():
    start, end = _period()
    with sessions()() as db:
        figures = summary.figures(db, current_user.agency_id, start, end)
        agency = db.get(Agency, current_user.agency_id)
    return render_template(
        "campaigns/summary.html",
        start=start,
        end=end,
        report=report.work_summary(figures, agency.name),
    )


@bp.route("/summary.xlsx")
def summary_xlsx():
    start, end = _period()
    output = io.BytesIO()
    with sessions()() as db:
        agency = db.get(Agency, current_user.agency_id)
        spreadsheets.write_summary(summary.figures(db, agency.id, start, end), agency.name, output)
    output.seek(0)
    return send_file(
        output, mimetype=XLSX, as_attachment=True, download_name=f"工作情况统计_{start}_{end}.xlsx"
    )


@bp.route("/summary.pdf")
def summary_pdf():
    start, end = _period()
    with sessions()() as db:
        agency = db.get(Agency, current_user.agency_id)
        figures = summary.figures(db, agency.id, start, end)
    pdf = work_summary.render(report.work_summary(figures, agency.name))
    return send_file(
        io.BytesIO(pdf),
        mimetype="application/pdf",
        as_attachment=True,
        download_name=f"工作情况统计_{start}_{end}.pdf",
    )
