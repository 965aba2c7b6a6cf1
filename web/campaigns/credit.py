"""Credit and disclosure: bad-practice points and tiers, repeat unlicensed practice, published decisions."""

from flask import flash, redirect, render_template, request, url_for
from flask_login import current_user
from sqlalchemy import select

from engine.campaigns import credit, disclosure
from engine.clock import today
from engine.errors import Conflict, InvalidSubmission
from engine.models import Case, Institution
from forms.choices import VIOLATIONS
from forms.registers import ScoreSchema
from web.access import require_any_role
from web.campaigns.blueprint import bp
from web.campaigns.common import form_page, posted
from web.db import sessions

SCORERS = ("handler", "dept_head")


@bp.route("/credit")
def credit_index():
    year = request.args.get("year", today().year, type=int)
    with sessions()() as db:
        return render_template(
            "campaigns/credit.html",
            year=year,
            standings=credit.standings(db, current_user.agency_id, year),
            offenders=credit.repeat_offenders(db, current_user.agency_id),
            awaiting=disclosure.awaiting(db, current_user.agency_id),
            published=disclosure.published(db, current_user.agency_id, include_withdrawn=True),
            violations=dict(VIOLATIONS),
            tiers=credit.TIERS,
            can_publish=current_user.has_any(*disclosure.PUBLISHERS),
        )


@bp.route("/credit/scores/new", methods=["GET", "POST"])
def credit_score():
    require_any_role(*SCORERS)
    if request.method == "GET":
        with sessions()() as db:
            values = {
                "institution_id": request.args.get("institution_id", ""),
                "scored_on": today().isoformat(),
            }
            return _form(db, values)
    data = posted(ScoreSchema)
    try:
        credit.score(sessions(), current_user.id, data)
    except InvalidSubmission as exc:
        with sessions()() as db:
            return _form(db, data, exc)
    flash("已记分。")
    return redirect(url_for("campaigns.credit_index", year=data.get("scored_on", "")[:4] or None))


def _form(db, values: dict, exc: InvalidSubmission | None = None):
    agency = current_user.agency_id
    institutions = db.execute(
        select(Institution.id, Institution.name)
        .where(Institution.agency_id == agency)
        .order_by(Institution.name)
    ).all()
    cases = db.execute(
        select(Case.id, Case.number).where(Case.agency_id == agency).order_by(Case.id.desc()).limit(300)
    ).all()
    return form_page(
        db,
        "不良执业行为记分",
        ScoreSchema,
        values,
        refused=exc,
        intro="每项记1、2、4、6或10分，按年度周期累计：12分以下、12至16分、16至20分、20分以上分四档。",
        selects={
            "institution_id": [(i.id, i.name) for i in institutions],
            "case_id": [(c.id, c.number) for c in cases],
        },
        back=url_for("campaigns.credit_index"),
    )


@bp.route("/credit/disclosures/<int:case_id>/publish", methods=["POST"])
def credit_publish(case_id):
    try:
        disclosure.publish(sessions(), current_user.id, case_id)
    except (Conflict, InvalidSubmission) as exc:
        flash(exc.message, "error")
    else:
        flash("已公示。")
    return redirect(url_for("campaigns.credit_index", _anchor="disclosure"))


@bp.route("/credit/disclosures/<int:case_id>/withdraw", methods=["POST"])
def credit_withdraw(case_id):
    try:
        disclosure.withdraw(
            sessions(), current_user.id, case_id, {"withdrawal_reason": request.form.get("reason", "")}
        )
    except (Conflict, InvalidSubmission) as exc:
        flash(exc.message + "".join(f"：{'；'.join(v)}" for v in exc.details.values()), "error")
    else:
        flash("已撤回公示。")
    return redirect(url_for("campaigns.credit_index", _anchor="disclosure"))
