"""The bpmn-js viewer, served from the npm package that ``make install`` puts in node_modules.

Served by the app rather than a CDN: the case page must work on an agency network without
Internet access, and another project's built files stay out of this repository.
"""

from flask import Blueprint, abort, current_app, send_from_directory

from web import caching

bp = Blueprint("assets", __name__)

SERVED = ("bpmn-navigated-viewer.production.min.js", "assets/")


@bp.route("/assets/bpmn-js/<path:filename>")
def bpmn_js(filename):
    if not filename.startswith(SERVED):
        abort(404)
    return send_from_directory(bpmn_js_dist(), filename)


def bpmn_js_dist() -> str:
    return current_app.config["BPMN_JS_DIST"]


caching.serves_files("assets.bpmn_js", bpmn_js_dist)
