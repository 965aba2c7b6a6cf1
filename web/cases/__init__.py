"""Cases of the user's agency: the list, opening a case from a clue, and the case page."""

from flask import Blueprint, current_app, flash, redirect, render_template, request, url_for
from flask_login import current_user
from sqlalchemy import or_, select

from engine import queries, runtime
from engine.clock import today
from engine.errors import InvalidSubmission
from engine.models import Case, HumanTask, Party
from engine.roles import Role
from forms.choices import CASE_SOURCES, VIOLATIONS
from web.access import require_any_role, visible_case
from web.cases import diagram, evidence, papers, parties, timeline
from web.db import sessions
from web.tasks.context import officer_names

bp = Blueprint("cases", __name__)

CLUE_SOURCES = [
    pair for pair in CASE_SOURCES if pair[0] in ("complaint", "inspection", "transfer_in", "assigned")
]


@bp.route("/")
def index():
    text = (request.args.get("q") or "").strip()[:100]
    number = max(1, request.args.get("page", 1, type=int))
    per_page = current_app.config["PAGE_SIZE"]
    query = (
        select(Case.id, Case.number, Case.status, Case.procedure, Case.opened_at, Party.name)
        .join(Party, Party.id == Case.party_id)
        .where(Case.agency_id == current_user.agency_id)
    )
    if text:
        query = query.where(
            or_(Case.number.contains(text, autoescape=True), Party.name.contains(text, autoescape=True))
        )
    with sessions()() as db:
        rows = db.execute(
            query.order_by(Case.id.desc()).offset((number - 1) * per_page).limit(per_page + 1)
        ).all()
        ids = [row.id for row in rows]
        steps = {}
        for case_id, name in db.execute(
            select(HumanTask.case_id, HumanTask.name).where(
                HumanTask.status == "open", HumanTask.case_id.in_(ids)
            )
        ):
            steps.setdefault(case_id, []).append(name)
    return render_template(
        "cases/index.html",
        rows=rows[:per_page],
        steps=steps,
        q=text,
        page=number,
        has_next=len(rows) > per_page,
    )


@bp.route("/cases/new", methods=["GET", "POST"])
def new():
    require_any_role(Role.HANDLER)
    if request.method == "GET":
        return _new_page(request.args)
    try:
        with sessions()() as db:
            party = parties.party_argument(
                db, current_user.agency_id, {"id": request.form.get("party_id"), **request.form}
            )
        case = runtime.open_case(
            sessions(),
            user_id=current_user.id,
            party=party,
            procedure=request.form.get("procedure", "general"),
            violation_code=request.form.get("violation_code", ""),
        )
    except InvalidSubmission as exc:
        return _new_page(request.form, message=exc.message, errors=exc.details, status=422)
    with sessions()() as db:
        first = db.scalar(
            select(HumanTask.id).where(HumanTask.case_id == case.id, HumanTask.status == "open")
        )
    flash(
        f"已登记案件 {case.number}，请填写{'受理记录' if case.procedure == 'general' else '当场处罚决定'}。"
    )
    clue = {k: request.form.get(k, "") for k in ("source", "source_ref", "summary", "place")}
    return redirect(url_for("tasks.show", task_id=first, received_on=today().isoformat(), **clue))


def _new_page(values, message=None, errors=None, status=200):
    with sessions()() as db:
        found = parties.search(db, current_user.agency_id, (values.get("q") or "").strip()[:100])
    return (
        render_template(
            "cases/new.html",
            values=values,
            found=found,
            sources=CLUE_SOURCES,
            violations=VIOLATIONS,
            message=message,
            errors=errors or {},
        ),
        status,
    )


@bp.route("/cases/<int:case_id>")
def show(case_id):
    with sessions()() as db:
        case = visible_case(db, case_id)
        detail = queries.case_detail(db, case_id)
        names = officer_names(db, case.agency_id)
        open_tasks = [t for t in detail["tasks"] if t["status"] == "open"]
        return render_template(
            "cases/show.html",
            case=case,
            party=case.party,
            detail=detail,
            open_tasks=open_tasks,
            names=names,
            timeline=timeline.entries(db, case, names),
            documents=papers.of_case(db, case_id),
            attachments=evidence.of_case(db, case_id),
            comments=evidence.comments_of(db, case_id),
            accept=evidence.ACCEPT,
            can_upload=current_user.has_any(Role.HANDLER),
        )


@bp.route("/cases/<int:case_id>/diagram.bpmn")
def diagram_xml(case_id):
    with sessions()() as db:
        xml = diagram.process_xml(visible_case(db, case_id))
    return current_app.response_class(xml, mimetype="application/xml")


@bp.route("/cases/<int:case_id>/comments", methods=["POST"])
def comment(case_id):
    with sessions()() as db:
        visible_case(db, case_id)
    try:
        evidence.add_comment(sessions(), case_id, current_user.id, request.form.get("body", ""))
    except InvalidSubmission as exc:
        flash(f"{exc.message}：{'；'.join(exc.details.get('body', []))}", "error")
    return redirect(url_for("cases.show", case_id=case_id, _anchor="comments"))


@bp.route("/cases/<int:case_id>/attachments", methods=["POST"])
def upload(case_id):
    require_any_role(Role.HANDLER)
    with sessions()() as db:
        visible_case(db, case_id)
    sent = request.files.get("file")
    try:
        evidence.store(
            sessions(),
            case_id,
            current_user.id,
            sent.filename if sent else "",
            sent.read() if sent else b"",
            request.form.get("description", ""),
        )
    except InvalidSubmission as exc:
        flash(f"{exc.message}：{'；'.join(exc.details.get('file', []))}", "error")
    else:
        flash("证据已上传。")
    return redirect(url_for("cases.show", case_id=case_id, _anchor="evidence"))


@bp.route("/attachments/<int:attachment_id>")
def download(attachment_id):
    return evidence.download(attachment_id)


@bp.route("/documents/<int:document_id>")
def document(document_id):
    return papers.download(document_id)
