"""Inspections: record one by checklist, then turn its findings into correction orders or cases."""

import io

from flask import flash, redirect, render_template, request, send_file, url_for
from flask_login import current_user
from sqlalchemy import select

from engine.campaigns import corrections, findings, inspections, plans
from engine.clock import today
from engine.errors import Conflict, InvalidSubmission
from engine.models import CorrectionOrder, Finding, Inspection, Institution
from forms.campaign_choices import INSTITUTION_KINDS
from forms.checklists import CHECKLISTS
from forms.registers import FindingCaseSchema, InspectionSchema
from web.access import require_any_role
from web.campaigns.blueprint import bp
from web.campaigns.common import day_arg, form_page, names, own, pickers, posted
from web.db import sessions

KIND_LABELS = dict(INSTITUTION_KINDS)


@bp.route("/inspections")
def inspections_index():
    filters = inspections.Filters(
        start=day_arg("start"),
        end=day_arg("end"),
        kind=request.args.get("kind", ""),
        campaign_id=request.args.get("campaign", type=int),
    )
    with sessions()() as db:
        rows = inspections.listing(db, current_user.agency_id, filters)
        campaigns = plans.of_agency(db, current_user.agency_id)
    return render_template(
        "campaigns/inspections.html", rows=rows, filters=filters, kinds=KIND_LABELS, campaigns=campaigns
    )


@bp.route("/inspections/new", methods=["GET", "POST"])
def inspections_new():
    require_any_role("handler")
    if request.method == "GET":
        return _new_page(request.args.to_dict(flat=False))
    data = posted(InspectionSchema)
    failures = {
        key[len("fail-") :]: request.form.get("note-" + key[len("fail-") :], "")
        for key in request.form
        if key.startswith("fail-")
    }
    try:
        inspection = inspections.record(sessions(), current_user.id, data, failures)
    except InvalidSubmission as exc:
        return _new_page(request.form.to_dict(flat=False), exc)
    flash(f"已登记监督检查，发现问题 {len(failures)} 个。")
    return redirect(url_for("campaigns.inspections_show", inspection_id=inspection.id))


def _new_page(args: dict, exc: InvalidSubmission | None = None):
    single = {key: values[0] for key, values in args.items() if values}
    chosen = [code for code in args.get("templates", []) if code in CHECKLISTS]
    with sessions()() as db:
        page = render_template(
            "campaigns/inspection_new.html",
            values={
                **single,
                "inspected_on": single.get("inspected_on") or today().isoformat(),
                "officer_ids": args.get("officer_ids", [str(current_user.id)]),
                "templates": chosen,
            },
            failures={key[len("fail-") :] for key in args if key.startswith("fail-")},
            notes={key[len("note-") :]: value for key, value in single.items() if key.startswith("note-")},
            institutions=db.scalars(
                select(Institution)
                .where(Institution.agency_id == current_user.agency_id, Institution.status != "closed")
                .order_by(Institution.township, Institution.name)
            ).all(),
            campaigns=plans.of_agency(db, current_user.agency_id),
            officers=pickers(db)["users"],
            checklists=CHECKLISTS,
            kinds=KIND_LABELS,
            message=exc.message if exc else None,
            errors=exc.details if exc else {},
        )
    return page, 422 if exc else 200


@bp.route("/inspections/<int:inspection_id>")
def inspections_show(inspection_id):
    with sessions()() as db:
        inspection = own(db.get(Inspection, inspection_id))
        found = inspections.findings_of(db, inspection_id)
        orders = {
            o.finding_id: o
            for o in db.scalars(
                select(CorrectionOrder).where(CorrectionOrder.finding_id.in_([f.id for f in found]))
            )
        }
        return render_template(
            "campaigns/inspection.html",
            inspection=inspection,
            findings=found,
            orders=orders,
            checklists=CHECKLISTS,
            kinds=KIND_LABELS,
            names=names(db),
        )


@bp.route("/findings/<int:finding_id>/order", methods=["POST"])
def inspections_order(finding_id):
    inspection_id = _inspection_of(finding_id)
    try:
        order = corrections.issue(sessions(), current_user.id, finding_id)
    except (Conflict, InvalidSubmission) as exc:
        flash(exc.message, "error")
    else:
        flash(f"已出具卫生监督意见书 {order.number}。")
    return redirect(url_for("campaigns.inspections_show", inspection_id=inspection_id))


@bp.route("/orders/<int:order_id>.pdf")
def inspections_order_pdf(order_id):
    with sessions()() as db:
        order = own(db.get(CorrectionOrder, order_id))
        content, number = order.content, order.number
    return send_file(
        io.BytesIO(content), mimetype="application/pdf", download_name=f"卫生监督意见书{number}.pdf"
    )


@bp.route("/findings/<int:finding_id>/case", methods=["GET", "POST"])
def inspections_case(finding_id):
    require_any_role("handler")
    with sessions()() as db:
        finding = _own_finding(db, finding_id)
        if request.method == "GET":
            return _case_form(db, finding, findings.case_form(finding))
    data = posted(FindingCaseSchema)
    try:
        case = findings.open_case(sessions(), current_user.id, finding_id, data)
    except (Conflict, InvalidSubmission) as exc:
        with sessions()() as db:
            return _case_form(db, _own_finding(db, finding_id), data, exc)
    flash(f"已登记案件 {case.number}，受理记录已按检查情况预填，请核对后提交。")
    return redirect(url_for("cases.show", case_id=case.id))


def _case_form(db, finding: Finding, values: dict, exc=None):
    return form_page(
        db,
        "检查发现问题立案",
        FindingCaseSchema,
        values,
        refused=exc,
        intro=f"{finding.inspection.institution.name}：{finding.description}",
        submit="登记案件",
        back=url_for("campaigns.inspections_show", inspection_id=finding.inspection_id),
    )


def _own_finding(db, finding_id: int) -> Finding:
    finding = db.get(Finding, finding_id)
    own(finding.inspection if finding else None)
    return finding


def _inspection_of(finding_id: int) -> int:
    with sessions()() as db:
        return _own_finding(db, finding_id).inspection_id
