"""Case list of the signed-in user's agency: number, party, procedure and the current step."""

from flask import Blueprint, render_template
from flask_login import current_user, login_required
from sqlalchemy import select

from engine.models import Case, HumanTask, Party
from engine.statuses import STATUS_LABELS
from web.db import sessions

bp = Blueprint("cases", __name__)


@bp.route("/")
@login_required
def index():
    with sessions()() as db:
        rows = db.execute(
            select(Case.id, Case.number, Case.status, Case.procedure, Case.opened_at, Party.name)
            .join(Party, Party.id == Case.party_id)
            .where(Case.agency_id == current_user.agency_id)
            .order_by(Case.id.desc())
            .limit(200)
        ).all()
        steps = dict(
            db.execute(
                select(HumanTask.case_id, HumanTask.name).where(
                    HumanTask.status == "open", HumanTask.agency_id == current_user.agency_id
                )
            ).all()
        )
    return render_template("cases/index.html", rows=rows, steps=steps, labels=STATUS_LABELS)
