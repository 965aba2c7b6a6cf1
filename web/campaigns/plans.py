"""Campaign plans: the list, a new campaign prefilled from the national plan, its page with coverage."""

from datetime import date

from flask import flash, redirect, render_template, request, url_for
from flask_login import current_user

from engine.campaigns import coverage, plans
from engine.clock import today
from engine.errors import InvalidSubmission
from engine.models import Campaign
from forms.choices import VIOLATIONS
from forms.registers import CampaignSchema
from web.access import require_any_role
from web.campaigns.blueprint import bp
from web.campaigns.common import form_page, own, posted
from web.db import sessions

INTRO = (
    "覆盖率目标默认按《医疗乱象专项整治行动方案》：医院（含中医院、妇幼保健院）100%，其他医疗机构不低于50%。"
)


@bp.route("/plans")
def plans_index():
    with sessions()() as db:
        campaigns = plans.of_agency(db, current_user.agency_id)
    return render_template("campaigns/plans.html", campaigns=campaigns, today=today())


@bp.route("/plans/new", methods=["GET", "POST"])
def plans_new():
    require_any_role(*plans.PLANNERS)
    if request.method == "GET":
        year = today().year
        with sessions()() as db:
            return _form(db, "新建专项行动", plans.default_form(date(year, 3, 1), date(year, 12, 31)))
    data = posted(CampaignSchema)
    try:
        campaign = plans.create(sessions(), current_user.id, data)
    except InvalidSubmission as exc:
        with sessions()() as db:
            return _form(db, "新建专项行动", data, exc)
    flash(f"已建立专项行动“{campaign.name}”。")
    return redirect(url_for("campaigns.plans_show", campaign_id=campaign.id))


@bp.route("/plans/<int:campaign_id>/edit", methods=["GET", "POST"])
def plans_edit(campaign_id):
    require_any_role(*plans.PLANNERS)
    with sessions()() as db:
        campaign = own(db.get(Campaign, campaign_id))
        if request.method == "GET":
            return _form(db, f"修改专项行动：{campaign.name}", plans.as_form(campaign))
    data = posted(CampaignSchema)
    try:
        plans.update(sessions(), current_user.id, campaign_id, data)
    except InvalidSubmission as exc:
        with sessions()() as db:
            return _form(db, f"修改专项行动：{campaign.name}", data, exc)
    flash("专项行动已保存。")
    return redirect(url_for("campaigns.plans_show", campaign_id=campaign_id))


def _form(db, title: str, values: dict, exc: InvalidSubmission | None = None):
    return form_page(
        db,
        title,
        CampaignSchema,
        values,
        refused=exc,
        intro=INTRO,
        back=url_for("campaigns.plans_index"),
    )


@bp.route("/plans/<int:campaign_id>")
def plans_show(campaign_id):
    with sessions()() as db:
        campaign = own(db.get(Campaign, campaign_id))
        rows = coverage.of_campaign(db, campaign)
        return render_template(
            "campaigns/plan.html",
            campaign=campaign,
            phase=plans.current_phase(campaign, today()),
            coverage=rows,
            groups=coverage.groups(rows),
            violations=dict(VIOLATIONS),
            can_edit=current_user.has_any(*plans.PLANNERS),
        )
