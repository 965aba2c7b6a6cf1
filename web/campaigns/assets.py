"""ECharts for the dashboard, served from the npm package `make install` puts in node_modules.

Served by the app, like bpmn-js: the dashboard must work on an agency network without Internet
access, and built files of another project stay out of this repository.
"""

import os

from flask import abort, current_app, send_from_directory

from web import caching
from web.campaigns.blueprint import bp

SERVED = ("echarts.min.js",)


def echarts_dist() -> str:
    root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    return current_app.config.get("ECHARTS_DIST") or os.path.join(root, "node_modules", "echarts", "dist")


@bp.route("/assets/echarts/<path:filename>")
def echarts(filename):
    if filename not in SERVED:
        abort(404)
    return send_from_directory(echarts_dist(), filename)


caching.serves_files("campaigns.echarts", echarts_dist)
