"""Served files: URLs versioned by content, cached for a year when versioned, revalidated (304) otherwise,
and never carrying the session cookie."""

import os
import re

import pytest

from web import caching

IMMUTABLE = "public, max-age=31536000, immutable"


def _linked(page: str, path: str) -> str:
    return re.search(rf'"({re.escape(path)}\?v=[0-9a-f]{{16}})"', page).group(1)


def _get(client, url: str, **headers):
    response = client.get(url, headers=headers)
    response.close()
    return response


def test_pages_link_static_files_by_content_digest(client):
    page = client.get("/login").get_data(as_text=True)
    url = _linked(page, "/static/caseflow.css")
    response = _get(client, url)
    assert response.status_code == 200 and response.headers["Cache-Control"] == IMMUTABLE
    assert response.headers["ETag"] and response.headers["Last-Modified"]


def test_conditional_requests_are_answered_304(client):
    url = _linked(client.get("/login").get_data(as_text=True), "/static/caseflow.css")
    first = _get(client, url)
    by_etag = _get(client, url, **{"If-None-Match": first.headers["ETag"]})
    by_date = _get(client, url, **{"If-Modified-Since": first.headers["Last-Modified"]})
    assert by_etag.status_code == by_date.status_code == 304
    assert by_etag.headers["Cache-Control"] == IMMUTABLE and by_etag.data == b""


@pytest.mark.parametrize("query", ["", "?v=0123456789abcdef"])
def test_unversioned_or_stale_urls_must_revalidate(client, query):
    response = _get(client, "/static/caseflow.css" + query)
    assert response.status_code == 200 and response.headers["Cache-Control"] == "no-cache"
    assert "Expires" not in response.headers


@pytest.mark.parametrize(
    ("page", "path"),
    [
        ("/admin/definitions/1/edit", "/admin/assets/bpmn-js/dist/bpmn-modeler.production.min.js"),
        ("/admin/definitions/1/edit", "/static/admin/modeler.js"),
        ("/campaigns/", "/campaigns/assets/echarts/echarts.min.js"),
    ],
)
def test_npm_builds_are_versioned_and_carry_no_session_cookie(signed_in, admin, page, path):
    client = signed_in("admin")
    url = _linked(client.get(page).get_data(as_text=True), path)
    response = _get(client, url)
    assert response.status_code == 200 and response.headers["Cache-Control"] == IMMUTABLE
    assert "Set-Cookie" not in response.headers and "Cookie" not in response.headers.get("Vary", "")
    assert _get(client, url, **{"If-None-Match": response.headers["ETag"]}).status_code == 304


def test_case_page_links_the_viewer_by_digest(signed_in, case_id):
    page = signed_in("handler1").get(f"/cases/{case_id}").get_data(as_text=True)
    url = _linked(page, "/assets/bpmn-js/bpmn-navigated-viewer.production.min.js")
    assert _get(signed_in("handler1"), url).headers["Cache-Control"] == IMMUTABLE


def test_npm_builds_still_need_sign_in(client):
    response = _get(client, "/assets/bpmn-js/bpmn-navigated-viewer.production.min.js")
    assert response.status_code == 302 and "/login" in response.headers["Location"]


def test_a_changed_file_gets_a_new_digest(tmp_path):
    file = tmp_path / "site.css"
    file.write_text("body { color: black; }")
    before = caching.fingerprint(str(tmp_path), "site.css")
    file.write_text("body { color: navy;  }")
    os.utime(file, ns=(os.stat(file).st_atime_ns, os.stat(file).st_mtime_ns + 1_000_000_000))
    assert caching.fingerprint(str(tmp_path), "site.css") not in (before, None)
    assert caching.fingerprint(str(tmp_path), "../site.css") is None
    assert caching.fingerprint(str(tmp_path), "missing.css") is None
