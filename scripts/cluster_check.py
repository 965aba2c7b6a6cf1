"""CI check of a production cluster in miniature: two gunicorn app servers (two workers each) and two
timer workers on one PostgreSQL database, as docs/deploy.md sets them up.

It makes a fresh database, migrates and seeds it with the documented commands, starts the four
services in production mode, waits for /healthz on both servers, walks several cases through the
JSON API of both at once (racing one completion on both servers), lets the workers fire the
timers, then checks every case closed, every timer fired exactly once and the audit chain intact.
Every process it started is stopped on the way out, whatever happened; the exit status says
whether everything held.

    .venv/bin/python scripts/cluster_check.py
"""

import json
import os
import re
import secrets
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import psycopg
from cluster_cases import Api, CheckFailed, walk_case
from sqlalchemy import select

from engine.db import make_engine, make_sessionmaker
from engine.models import User
from web.auth import tokens

ROOT = Path(__file__).resolve().parent.parent
BIN = ROOT / ".venv" / "bin"
SERVER = "postgresql://postgres@127.0.0.1:5432"
DATABASE = "caseflow_cluster"
URL = f"postgresql+psycopg://postgres@127.0.0.1:5432/{DATABASE}"
USERS = ("zhangming", "lihua", "wangqiang", "liuyang")
CASES = 4
TIMERS_PER_CASE = 2
# A month after the example decision was served: the hearing window and the payment period have lapsed.
WORKER_NOW = "2026-06-01T00:00:00"


class Processes:
    """The services this check started, each in a process group of its own so it stops with its children."""

    def __init__(self, logs: Path):
        self.logs = logs
        self.started: dict[str, subprocess.Popen] = {}

    def start(self, name: str, argv: list[str], env: dict) -> None:
        with open(self.logs / f"{name}.log", "wb") as log:
            self.started[name] = subprocess.Popen(
                argv, cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True
            )

    def check_running(self) -> None:
        ended = {name: p.returncode for name, p in self.started.items() if p.poll() is not None}
        if ended:
            raise CheckFailed(f"services ended early: {ended}")

    def stop(self) -> None:
        for process in self.started.values():
            self._signal(process, signal.SIGTERM)
        deadline = time.monotonic() + 20
        for process in self.started.values():
            try:
                process.wait(max(0.1, deadline - time.monotonic()))
            except subprocess.TimeoutExpired:
                self._signal(process, signal.SIGKILL)
                process.wait()

    @staticmethod
    def _signal(process: subprocess.Popen, signum: int) -> None:
        try:
            os.killpg(process.pid, signum)
        except ProcessLookupError:
            pass

    def log(self, name: str) -> str:
        return (self.logs / f"{name}.log").read_text(errors="replace")


def main() -> int:
    for signum in (signal.SIGTERM, signal.SIGINT):
        signal.signal(signum, _interrupted)
    began = time.monotonic()
    with tempfile.TemporaryDirectory(prefix="caseflow-cluster-") as logs:
        processes = Processes(Path(logs))
        try:
            run(processes, began)
        except (CheckFailed, OSError, psycopg.Error) as failure:
            print(f"FAILED: {failure}", file=sys.stderr)
            for name in processes.started:
                print(f"--- {name} (last lines) ---\n{_tail(processes.log(name))}", file=sys.stderr)
            return 1
        finally:
            processes.stop()
    print(f"cluster check passed in {time.monotonic() - began:.1f} s")
    return 0


def run(processes: Processes, began: float) -> None:
    env = {
        **os.environ,
        "CASEFLOW_ENV": "production",
        "SECRET_KEY": secrets.token_hex(32),
        "DATABASE_URL": URL,
        "CASEFLOW_LOG_LEVEL": "INFO",
    }
    _fresh_database()
    _caseflow(env, "init-db")
    _caseflow(env, "demo", "--no-cases")
    print(f"database {DATABASE} migrated and seeded ({time.monotonic() - began:.1f} s)")
    servers = _start_services(processes, env)
    issued = _tokens()
    _wait_healthy(processes, servers)
    print(f"healthy: {', '.join(servers)}, 2 timer workers ({time.monotonic() - began:.1f} s)")
    _check_static_caching(servers[0])
    apis = [Api(url, issued) for url in servers]
    reports = _walk_cases(apis, _handler_ids())
    processes.check_running()
    _check_cases(reports)
    _check_timers_fired_once(processes, [r.case_id for r in reports])
    _show_connections()
    verified = _caseflow(env, "audit", "verify")
    print(f"audit verify: {verified.strip()}")


def _fresh_database() -> None:
    with psycopg.connect(f"{SERVER}/postgres", autocommit=True) as connection:
        connection.execute(f"DROP DATABASE IF EXISTS {DATABASE} WITH (FORCE)")
        connection.execute(f"CREATE DATABASE {DATABASE}")


def _caseflow(env: dict, *args: str) -> str:
    done = subprocess.run([BIN / "caseflow", *args], cwd=ROOT, env=env, capture_output=True, text=True)
    if done.returncode:
        raise CheckFailed(f"caseflow {' '.join(args)} exited {done.returncode}:\n{done.stdout}{done.stderr}")
    return done.stdout


def _start_services(processes: Processes, env: dict) -> list[str]:
    servers = []
    for name in ("a", "b"):
        port = _free_port()
        web = {
            **env,
            "CASEFLOW_BIND": f"127.0.0.1:{port}",
            "CASEFLOW_WEB_WORKERS": "2",
            "CASEFLOW_DB_APPLICATION_NAME": f"caseflow-web-{name}",
        }
        processes.start(f"web-{name}", [str(BIN / "gunicorn"), "wsgi:app"], web)
        servers.append(f"http://127.0.0.1:{port}")
    for number in (1, 2):
        argv = [str(BIN / "caseflow"), "worker", "--interval", "0.5", "--now", WORKER_NOW]
        worker = {**env, "PYTHONUNBUFFERED": "1", "CASEFLOW_DB_APPLICATION_NAME": f"caseflow-worker-{number}"}
        processes.start(f"worker-{number}", argv, worker)
    return servers


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _tokens() -> dict[str, str]:
    """Issued here rather than by ``caseflow user token`` for each: one Python start instead of four."""
    engine = make_engine(URL)
    try:
        with make_sessionmaker(engine).begin() as session:
            users = session.scalars(select(User).where(User.username.in_(USERS))).all()
            return {user.username: tokens.issue(session, user) for user in users}
    finally:
        engine.dispose()


def _handler_ids() -> list[int]:
    with psycopg.connect(f"{SERVER}/{DATABASE}") as connection:
        rows = connection.execute(
            "SELECT id FROM user_account WHERE username IN ('zhangming', 'lihua') ORDER BY username DESC"
        ).fetchall()
    return [row[0] for row in rows]


def _wait_healthy(processes: Processes, servers: list[str]) -> None:
    deadline = time.monotonic() + 60
    for url in servers:
        while _health(url) != (200, {"status": "ok", "database": "ok", "schema": "current"}):
            processes.check_running()
            if time.monotonic() > deadline:
                raise CheckFailed(f"{url}/healthz never answered ok: {_health(url)}")
            time.sleep(0.3)


def _health(url: str) -> tuple[int, dict | None]:
    try:
        with urllib.request.urlopen(f"{url}/healthz", timeout=5) as response:
            return response.status, json.load(response)
    except OSError as error:
        return getattr(error, "code", 0), None


def _check_static_caching(url: str) -> None:
    with urllib.request.urlopen(f"{url}/login", timeout=10) as response:
        stylesheet = re.search(r'href="(/static/caseflow\.css\?v=[0-9a-f]+)"', response.read().decode())
    if stylesheet is None:
        raise CheckFailed("the sign-in page links the stylesheet without a version")
    with urllib.request.urlopen(url + stylesheet.group(1), timeout=10) as response:
        caching = response.headers["Cache-Control"]
    if caching != "public, max-age=31536000, immutable":
        raise CheckFailed(f"the versioned stylesheet is served with Cache-Control {caching!r}")


def _walk_cases(apis: list[Api], handler_ids: list[int]):
    with ThreadPoolExecutor(CASES) as pool:
        reports = list(pool.map(lambda n: walk_case(apis, handler_ids, n % len(apis)), range(CASES)))
    for report in reports:
        print(f"case {report.number}: walked on both servers, race answered {report.race}, {report.status}")
    return reports


def _check_cases(reports) -> None:
    unclosed = {r.number: r.status for r in reports if r.status != "closed"}
    if unclosed:
        raise CheckFailed(f"cases not closed: {unclosed}")


def _check_timers_fired_once(processes: Processes, case_ids: list[int]) -> None:
    """Every timer row fired, one audit event each; and the workers' own counts add up to the same."""
    with psycopg.connect(f"{SERVER}/{DATABASE}") as connection:
        timers = connection.execute(
            "SELECT status, count(*) FROM case_timer WHERE case_id = ANY(%s) GROUP BY status", [case_ids]
        ).fetchall()
        events, distinct = connection.execute(
            "SELECT count(*), count(DISTINCT data->>'timer_id') FROM audit_event"
            " WHERE action = 'timer.fired' AND case_id = ANY(%s)",
            [case_ids],
        ).fetchone()
    expected = CASES * TIMERS_PER_CASE
    if dict(timers) != {"fired": expected} or (events, distinct) != (expected, expected):
        found = f"timers {dict(timers)}, {events} fired events for {distinct} timers"
        raise CheckFailed(f"{found}; expected {expected} fired once each")
    by_worker = {name: _fired(processes.log(name)) for name in ("worker-1", "worker-2")}
    if sum(by_worker.values()) != expected:
        raise CheckFailed(f"the workers report {by_worker} timers fired, expected {expected} in all")
    print(f"{expected} timers fired exactly once (by worker: {by_worker})")


def _interrupted(signum, _frame):
    raise CheckFailed(f"interrupted by {signal.Signals(signum).name}")


def _show_connections() -> None:
    """Each gunicorn worker and timer worker holds connections of its own, named by its service."""
    with psycopg.connect(f"{SERVER}/{DATABASE}") as connection:
        rows = connection.execute(
            "SELECT application_name, count(*) FROM pg_stat_activity"
            " WHERE datname = %s AND application_name LIKE 'caseflow-%%' GROUP BY 1 ORDER BY 1",
            [DATABASE],
        ).fetchall()
    print("connections: " + ", ".join(f"{name} {count}" for name, count in rows))


def _fired(log: str) -> int:
    return sum(int(n) for n in re.findall(r"触发定时器 (\d+) 个", log))


def _tail(text: str, lines: int = 30) -> str:
    return "\n".join(text.splitlines()[-lines:])


if __name__ == "__main__":
    sys.exit(main())
