"""Admin pages for the procedure itself: versions, the BPMN/DMN modeler, diffs and case migration.

The modeler page edits a whole bundle in the browser and talks to /api/v1/definitions with the
session cookie (validate, deploy, drafts), so the page and a deployment script share one path.
"""

from pathlib import Path

from flask import (
    Blueprint,
    abort,
    current_app,
    flash,
    redirect,
    render_template,
    request,
    send_from_directory,
    url_for,
)
from flask_login import current_user

from engine import drafts, migration
from engine.discretion import DECISION_ID
from engine.errors import NotFound
from engine.roles import Role
from web import caching
from web.access import require_any_role
from web.admin import versions
from web.db import sessions

bp = Blueprint("admin", __name__, url_prefix="/admin")

# The editors come from npm packages that `make install` puts in node_modules, beside bpmn-js: their
# ready-made browser builds, so no bundler runs and no built file of another project is committed.
SERVED_ASSETS = (
    "bpmn-js/dist/bpmn-modeler.production.min.js",
    "bpmn-js/dist/assets/",
    "bpmn-js-properties-panel/dist/bpmn-js-properties-panel.umd.js",
    "@bpmn-io/properties-panel/dist/assets/properties-panel.css",
    "dmn-js/dist/dmn-modeler.production.min.js",
    "dmn-js/dist/assets/",
)


@bp.before_request
def admins_only():
    require_any_role(Role.ADMIN)


@bp.route("/definitions")
def index():
    with sessions()() as db:
        rows = versions.version_rows(db, current_user.agency_id)
    return render_template("admin/index.html", rows=rows, drafts=drafts.list_drafts(sessions()))


@bp.route("/definitions/<int:version>/edit")
def edit_version(version):
    with sessions()() as db:
        files = dict(versions.deployment(db, version).files)
    return _modeler(files, f"版本 {version}", base_version=version)


@bp.route("/drafts/<int:draft_id>/edit")
def edit_draft(draft_id):
    draft = drafts.get_draft(sessions(), draft_id)
    return _modeler(draft["files"], f"草稿“{draft['name']}”", base_version=draft["base_version"], draft=draft)


@bp.route("/drafts/<int:draft_id>/delete", methods=["POST"])
def delete_draft(draft_id):
    drafts.delete_draft(sessions(), draft_id, current_user.id)
    flash("草稿已删除。")
    return redirect(url_for("admin.index"))


@bp.route("/discretion")
def discretion():
    """The discretion table is a DMN file of the newest version: open that file in the editor."""
    with sessions()() as db:
        newest = versions.newest_version(db)
        files = versions.deployment(db, newest).files if newest else {}
    name = next((n for n, text in sorted(files.items()) if f'id="{DECISION_ID}"' in text), None)
    if name is None:
        raise NotFound("当前版本中没有裁量基准表")
    return redirect(url_for("admin.edit_version", version=newest, file=name))


@bp.route("/definitions/diff")
def diff():
    old, new = request.args.get("old", type=int), request.args.get("new", type=int)
    with sessions()() as db:
        rows = versions.version_rows(db, current_user.agency_id)
        changes = versions.version_diff(db, old, new) if old and new else None
    return render_template("admin/diff.html", rows=rows, old=old, new=new, changes=changes)


@bp.route("/migrations", methods=["GET", "POST"])
def migrations():
    results, target = None, request.form.get("target_version", type=int)
    chosen = request.form.getlist("case_ids", type=int)
    dry_run = request.form.get("action") != "migrate"
    if request.method == "POST":
        if chosen and target:
            with sessions()() as db:
                versions.require_own_cases(db, chosen, current_user.agency_id)
            outcome = migration.migrate_cases(sessions(), chosen, target, current_user.id, dry_run=dry_run)
            results = [r.as_dict() | {"verdict": _verdict(r)} for r in outcome]
        else:
            flash("请至少选择一个案件和目标版本。", "error")
    with sessions()() as db:
        cases = versions.running_cases(db, current_user.agency_id)
        rows = versions.version_rows(db, current_user.agency_id)
    return render_template(
        "admin/migrations.html",
        cases=cases,
        rows=rows,
        results=results,
        dry_run=dry_run,
        chosen=set(chosen),
        target=target,
    )


@bp.route("/assets/<path:filename>")
def assets(filename):
    if not filename.startswith(SERVED_ASSETS):
        abort(404)
    return send_from_directory(node_modules(), filename)


def node_modules() -> str:
    return str(Path(current_app.config["BPMN_JS_DIST"]).parents[1])


caching.serves_files("admin.assets", node_modules)


def _verdict(result: migration.MigrationResult) -> str:
    if result.moved:
        return "已迁移"
    return "可以迁移" if result.movable else "不能迁移"


def _modeler(files: dict[str, str], source: str, base_version: int | None, draft: dict | None = None):
    opened = request.args.get("file")
    return render_template(
        "admin/modeler.html",
        files=files,
        source=source,
        base_version=base_version,
        draft=draft,
        opened=opened if opened in files else _first_process_file(files),
    )


def _first_process_file(files: dict[str, str]) -> str:
    return next((name for name in sorted(files) if name.endswith(".bpmn")), next(iter(sorted(files)), ""))
