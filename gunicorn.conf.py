"""gunicorn settings for ``gunicorn wsgi:app``, from the same environment as the app (docs/deploy.md).

gunicorn reads this file by itself when started in the checkout. The app is loaded once in the
master and forked (``preload_app``): a broken setting stops the service before any worker starts,
and the workers share the loaded code's memory. Code changes therefore need a restart, not a HUP.
"""

import os

from engine.env import choice, whole_number
from web.config import LOG_LEVELS, default_web_workers
from web.db import engine_of, forget_inherited_connections

bind = os.environ.get("CASEFLOW_BIND", "127.0.0.1:8000")
workers = whole_number("CASEFLOW_WEB_WORKERS", default_web_workers(), minimum=1)
threads = whole_number("CASEFLOW_WEB_THREADS", 1, minimum=1)
timeout = whole_number("CASEFLOW_WEB_TIMEOUT", 60, minimum=1)
graceful_timeout = whole_number("CASEFLOW_WEB_GRACEFUL_TIMEOUT", 30, minimum=1)
keepalive = 5
max_requests = whole_number("CASEFLOW_WEB_MAX_REQUESTS", 2000)
max_requests_jitter = max_requests // 10
preload_app = True
# systemd starts, stops and restarts the service; gunicorn's control socket sits in the user's home,
# where two app servers of one user would share it and the units' ProtectHome forbids it anyway.
control_socket_disable = True

accesslog = "-"
errorlog = "-"
loglevel = choice("CASEFLOW_LOG_LEVEL", "INFO", LOG_LEVELS).lower()
# The browser's address as nginx passed it on, the request, status, bytes, milliseconds, the worker's pid.
access_log_format = '%({x-forwarded-for}i)s %(h)s "%(r)s" %(s)s %(b)s %(M)sms "%(a)s" %(p)s'


def post_fork(server, worker):
    """The preloaded app made its database engine in the master: give this worker connections of its own."""
    forget_inherited_connections(server.app.wsgi())


def when_ready(server):
    """The master serves no request: close what the preloaded app opened (wsgi.py warms up on the
    database) rather than hold an idle connection for the life of the service."""
    engine_of(server.app.wsgi()).dispose()
