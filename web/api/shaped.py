"""Replies whose body is already in its documented shape, sent without a second pass through marshmallow.

The task lists and the case detail are built by ``engine.queries`` as plain dicts of JSON values,
exactly what their response schema dumps. Dumping a 50-row page again, field by field, cost more
CPU than the database work behind it. The schemas still document these bodies in OpenAPI; the
tests check that the bodies dump to themselves, and the schemathesis test checks every reply.
"""

from flask import Response, jsonify


def as_documented(body: dict) -> Response:
    return jsonify(body)
