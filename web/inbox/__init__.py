"""The inbox: 我的待办, 待认领 and 已办, most urgent first, with filters and paging."""

from flask import Blueprint, current_app, redirect, render_template, request, url_for
from flask_login import current_user

from forms.choices import VIOLATIONS
from web.db import sessions
from web.inbox import listing

bp = Blueprint("inbox", __name__)


@bp.route("/inbox")
def index():
    which = request.args.get("list", "mine")
    if which not in listing.LIST_LABELS:
        return redirect(url_for("inbox.index"))
    filters = listing.Filters.from_args(request.args)
    number = max(1, request.args.get("page", 1, type=int))
    with sessions()() as db:
        page = listing.task_page(db, current_user, which, filters, number, current_app.config["PAGE_SIZE"])
    return render_template(
        "inbox/index.html",
        page=page,
        which=which,
        filters=filters,
        labels=listing.LIST_LABELS,
        violations=dict(VIOLATIONS),
    )
