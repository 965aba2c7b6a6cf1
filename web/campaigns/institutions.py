"""The institution register: search, add, edit, and import from CSV or XLSX with a row-by-row report."""

import csv
import io

from flask import current_app, flash, redirect, render_template, request, send_file, url_for
from flask_login import current_user
from sqlalchemy import select

from engine.campaigns import complaints, credit, importing, institutions
from engine.errors import InvalidSubmission
from engine.models import Complaint, Inspection, Institution
from forms.campaign_choices import INSTITUTION_KINDS, INSTITUTION_STATUSES, OWNERSHIPS
from forms.registers import InstitutionSchema
from web.campaigns.blueprint import bp
from web.campaigns.common import form_page, own, posted
from web.db import sessions

LABELS = {
    "kind": dict(INSTITUTION_KINDS),
    "ownership": dict(OWNERSHIPS),
    "status": dict(INSTITUTION_STATUSES),
}


@bp.route("/institutions")
def institutions_index():
    filters = institutions.Search.from_args(request.args)
    number = max(1, request.args.get("page", 1, type=int))
    per_page = current_app.config["PAGE_SIZE"]
    with sessions()() as db:
        rows = institutions.search(db, current_user.agency_id, filters, (number - 1) * per_page, per_page + 1)
        total = institutions.count(db, current_user.agency_id, filters)
        towns = institutions.townships(db, current_user.agency_id)
    return render_template(
        "campaigns/institutions.html",
        rows=rows[:per_page],
        total=total,
        filters=filters,
        towns=towns,
        page=number,
        has_next=len(rows) > per_page,
        labels=LABELS,
    )


@bp.route("/institutions/new", methods=["GET", "POST"])
def institutions_new():
    if request.method == "GET":
        with sessions()() as db:
            return _form(db, "登记机构", {})
    data = posted(InstitutionSchema)
    try:
        institution = institutions.add(sessions(), current_user.id, data)
    except InvalidSubmission as exc:
        with sessions()() as db:
            return _form(db, "登记机构", data, exc)
    flash(f"已登记机构“{institution.name}”。")
    return redirect(url_for("campaigns.institutions_show", institution_id=institution.id))


@bp.route("/institutions/<int:institution_id>/edit", methods=["GET", "POST"])
def institutions_edit(institution_id):
    with sessions()() as db:
        institution = own(db.get(Institution, institution_id))
        if request.method == "GET":
            return _form(db, f"修改机构信息：{institution.name}", institutions.as_form(institution))
    data = posted(InstitutionSchema)
    try:
        institutions.edit(sessions(), current_user.id, institution_id, data)
    except InvalidSubmission as exc:
        with sessions()() as db:
            return _form(db, f"修改机构信息：{institution.name}", data, exc)
    flash("机构信息已保存。")
    return redirect(url_for("campaigns.institutions_show", institution_id=institution_id))


def _form(db, title: str, values: dict, exc: InvalidSubmission | None = None):
    return form_page(
        db,
        title,
        InstitutionSchema,
        values,
        refused=exc,
        back=url_for("campaigns.institutions_index"),
    )


@bp.route("/institutions/<int:institution_id>")
def institutions_show(institution_id):
    with sessions()() as db:
        institution = own(db.get(Institution, institution_id))
        visits = db.scalars(
            select(Inspection)
            .where(Inspection.institution_id == institution_id)
            .order_by(Inspection.inspected_on.desc())
        ).all()
        reports = db.scalars(
            select(Complaint)
            .where(Complaint.institution_id == institution_id)
            .order_by(Complaint.received_on.desc())
        ).all()
        return render_template(
            "campaigns/institution.html",
            institution=institution,
            labels=LABELS,
            inspections=visits,
            complaints=reports,
            complaint_labels=complaints.STATUS_LABELS,
            scores=credit.scores_of(db, institution_id),
        )


@bp.route("/institutions/import", methods=["GET", "POST"])
def institutions_import():
    if request.method == "GET":
        return render_template("campaigns/import.html", report=None, columns=list(importing.COLUMNS))
    sent = request.files.get("file")
    try:
        filename = sent.filename if sent else ""
        table = importing.read_table(filename, sent.read() if sent else b"")
        report = importing.import_institutions(
            sessions(),
            current_user.id,
            table,
            valid_only=request.form.get("valid_only") == "1",
            source=filename,
        )
    except InvalidSubmission as exc:
        flash(f"{exc.message}：{'；'.join(exc.details.get('file', []))}", "error")
        return redirect(url_for("campaigns.institutions_import"))
    if report.imported:
        flash(f"导入完成：新增 {report.added} 家，更新 {report.updated} 家。")
    status = 200 if report.imported else 422
    return render_template("campaigns/import.html", report=report, columns=list(importing.COLUMNS)), status


@bp.route("/institutions/template.csv")
def institutions_template():
    text = io.StringIO()
    csv.writer(text).writerows(importing.template_rows())
    data = io.BytesIO(text.getvalue().encode("utf-8-sig"))
    return send_file(data, mimetype="text/csv", as_attachment=True, download_name="机构台账导入模板.csv")
