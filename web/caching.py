"""Browser caching of the files the app serves: its own static files and the npm builds.

Every URL the templates build for such a file carries ``?v=`` and a digest of the file's content;
a request naming the current digest may be cached for a year without asking again, and a redeploy
that changes a file changes its URL. Any other request (a font a stylesheet names by relative path,
a page from before the redeploy) is told to revalidate, which ETag and Last-Modified answer with 304.
These responses carry no session cookie: a cookie refreshed on every request, and the
``Vary: Cookie`` that comes with it, would keep the browser from reusing what it cached.
"""

import hashlib
import os
from collections.abc import Callable
from functools import lru_cache

from flask import Flask, current_app, request
from werkzeug.security import safe_join

VERSION_ARG = "v"
IMMUTABLE = "public, max-age=31536000, immutable"
REVALIDATE = "no-cache"
CACHEABLE_STATUSES = {200, 206, 304}

_folders: dict[str, Callable[[], str]] = {"static": lambda: current_app.static_folder}


def serves_files(endpoint: str, folder: Callable[[], str]) -> None:
    """Declare that ``endpoint`` sends files from ``folder()``, named by its ``filename`` argument."""
    _folders[endpoint] = folder


def is_file_request() -> bool:
    return request.endpoint in _folders


def init_app(app: Flask) -> None:
    app.url_defaults(_add_version)
    app.after_request(_cache_headers)


def fingerprint(folder: str, filename: str) -> str | None:
    path = safe_join(folder, filename)
    if path is None or not os.path.isfile(path):
        return None
    stat = os.stat(path)
    return _digest(path, stat.st_mtime_ns, stat.st_size)


@lru_cache(maxsize=1024)
def _digest(path: str, _mtime_ns: int, _size: int) -> str:
    """Keyed by modification time and size as well, so a file edited in place gets a new digest."""
    with open(path, "rb") as file:
        return hashlib.file_digest(file, "sha256").hexdigest()[:16]


def _add_version(endpoint: str, values: dict) -> None:
    folder = _folders.get(endpoint)
    if folder is None or VERSION_ARG in values or "filename" not in values:
        return
    version = fingerprint(folder(), values["filename"])
    if version:
        values[VERSION_ARG] = version


def _cache_headers(response):
    folder = _folders.get(request.endpoint)
    if folder is None or response.status_code not in CACHEABLE_STATUSES:
        return response
    current = fingerprint(folder(), request.view_args["filename"])
    asked = request.args.get(VERSION_ARG)
    response.headers["Cache-Control"] = IMMUTABLE if asked and asked == current else REVALIDATE
    return response
