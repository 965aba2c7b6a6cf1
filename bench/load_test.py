"""Load test: simulated officers against gunicorn on 127.0.0.1 with PostgreSQL, locust in headless mode.

gunicorn runs with the repository's gunicorn.conf.py, as docs/deploy.md has a province run it.

Seeds a fresh database (default ``caseflow_load`` on the local server, dropped and created again):
five county agencies of ten officers each (six handlers, two department heads, two agency heads)
with API tokens, and open cases waiting at intake. Starts gunicorn serving ``wsgi:app`` in
production mode with documents rendered by ``caseflow worker`` (run at the lowest CPU priority,
as a render host would sit beside the app servers), then runs bench/load_officers.py: every
officer lists its inbox, opens the case of a task and completes it with the form's example data,
so cases walk the whole penalty procedure and issue their documents.

Usage: python bench/load_test.py [--users 50] [--seconds 60] [--app-workers CORES+1] [--drain-seconds 180]
       [--cases-per-agency 400] [--database-url URL]
The last line is one JSON object: submits_per_s, p95_ms and errors, with the details beside them;
completed_per_s leaves out the submits refused with 409 because another officer was first.
cpu_ms_per_submit splits the CPU time of the peak by process (app servers, PostgreSQL, locust, the
render worker): on a shared VM whose speed drifts by half from one hour to the next it compares
two versions of the code far better than submits_per_s does.
After the peak the app servers stop and two workers render the PDFs it left waiting: drain_s and
pdfs_rendered_per_s say how long the documents of such a minute take to catch up.
bench/stack_ceiling.py runs the same officers against a server that does only what the stack must:
the most any code on Flask, PostgreSQL and SpiffWorkflow could reach on the same machine.
"""

import argparse
import csv
import json
import os
import resource
import secrets
import signal
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from sqlalchemy import create_engine, func, select, text  # noqa: E402
from sqlalchemy.engine import make_url  # noqa: E402

from engine import accounts, calendar_store, runtime  # noqa: E402
from engine.db import make_engine, make_sessionmaker  # noqa: E402
from engine.migrate import upgrade  # noqa: E402
from engine.models import Document  # noqa: E402
from web.auth import tokens  # noqa: E402
from web.config import default_web_workers  # noqa: E402

BIN = ROOT / ".venv" / "bin"
AGENCIES = 5
TEAM = [("handler", 6), ("dept_head", 2), ("agency_head", 2)]
CASES_PER_AGENCY = 400
SUBMIT = "POST /api/v1/tasks/[id]/complete"


def recreate_database(url: str) -> None:
    target = make_url(url)
    admin = create_engine(target.set(database="postgres"), isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'DROP DATABASE IF EXISTS "{target.database}" WITH (FORCE)'))
        connection.execute(text(f'CREATE DATABASE "{target.database}"'))
    admin.dispose()


def seed(url: str, people_file: Path, cases_per_agency: int) -> None:
    """Agencies, officers with tokens, and cases open at intake, written through the engine."""
    upgrade(url)
    engine = make_engine(url)
    db = make_sessionmaker(engine)
    with db.begin() as session:
        calendar_store.seed(session)
    runtime.deploy(db)
    people = {"officers": [], "agencies": {}}
    with db.begin() as session:
        for index in range(AGENCIES):
            agency = accounts.create_agency(
                session, f"load{index}", f"{index}号县卫生健康委员会", f"{index}号县"
            )
            officers = [
                _officer(session, agency, role, number) for role, count in TEAM for number in range(count)
            ]
            people["officers"] += officers
            people["agencies"][str(agency.id)] = {
                "handlers": [o["id"] for o in officers if o["role"] == "handler"]
            }
    for officer in people["officers"]:
        if officer["role"] == "handler":
            for number in range(cases_per_agency // TEAM[0][1]):
                runtime.open_case(
                    db,
                    user_id=officer["id"],
                    party={"kind": "person", "name": f"当事人{officer['id']}-{number}", "address": "城关镇"},
                )
    people_file.write_text(json.dumps(people), encoding="utf-8")
    with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as connection:
        connection.execute(text("ANALYZE"))
    engine.dispose()


def _officer(session, agency, role: str, number: int) -> dict:
    user = accounts.create_user(
        session,
        username=f"{agency.code}-{role}-{number}",
        full_name=f"{role}{agency.code}{number}",
        password_hash="-",
        agency=agency,
        roles=[role],
        certificate_no=f"执法证 {agency.code}{number:03d}" if role == "handler" else None,
    )
    session.flush()
    return {"id": user.id, "agency_id": agency.id, "role": role, "token": tokens.issue(session, user)}


def server_environment(url: str, port: int, app_workers: int) -> dict:
    return {
        **os.environ,
        "DATABASE_URL": url,
        "CASEFLOW_ENV": "production",
        "SECRET_KEY": secrets.token_hex(32),
        "CASEFLOW_RENDER": "worker",
        "CASEFLOW_BIND": f"127.0.0.1:{port}",
        "CASEFLOW_WEB_WORKERS": str(app_workers),
        "PYTHONPATH": str(ROOT),
    }


def start_servers(env: dict, port: int, log_dir: Path) -> tuple[subprocess.Popen, subprocess.Popen]:
    """gunicorn, and one timer and render worker at the lowest CPU priority."""
    app = subprocess.Popen(
        [str(BIN / "gunicorn"), "wsgi:app", "--backlog", "2048"],
        cwd=ROOT,
        env=env,
        stdout=open(log_dir / "gunicorn.log", "w"),
        stderr=subprocess.STDOUT,
    )
    renderer = start_worker(env, log_dir / "worker.log", niceness=19)
    wait_healthy(f"http://127.0.0.1:{port}/healthz", app)
    return app, renderer


def start_worker(env: dict, log: Path, niceness: int) -> subprocess.Popen:
    return subprocess.Popen(
        ["nice", "-n", str(niceness), str(BIN / "caseflow"), "worker", "--interval", "30"],
        cwd=ROOT,
        env=env,
        stdout=open(log, "w"),
        stderr=subprocess.STDOUT,
    )


def drain(url: str, seconds: int) -> dict:
    """Time the two workers rendering the PDFs the peak left waiting, the app servers stopped."""
    started, waiting_at_start = time.monotonic(), documents_state(url)["documents_waiting_for_pdf"]
    waiting = waiting_at_start
    while waiting and time.monotonic() - started < seconds:
        time.sleep(1)
        waiting = documents_state(url)["documents_waiting_for_pdf"]
    elapsed = time.monotonic() - started
    return {
        "drain_s": round(elapsed, 1),
        "pdfs_rendered_per_s": round((waiting_at_start - waiting) / elapsed, 1),
        "documents_still_waiting": waiting,
    }


def wait_healthy(url: str, process: subprocess.Popen, seconds: float = 30) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise SystemExit(f"gunicorn exited with {process.returncode}")
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.2)
    raise SystemExit(f"{url} did not answer within {seconds} s")


TICKS = os.sysconf("SC_CLK_TCK")


def tree_cpu_seconds(pid: int) -> float:
    """CPU time of a process, of its live children and of the children it has already reaped
    (gunicorn recycles its workers; PostgreSQL's backends end with their connections)."""
    total = _cpu_seconds(pid, reaped_children=True)
    for proc in Path("/proc").iterdir():
        if proc.name.isdigit() and _stat(int(proc.name), 1) == str(pid):
            total += _cpu_seconds(int(proc.name), reaped_children=False)
    return total


def _cpu_seconds(pid: int, reaped_children: bool) -> float:
    fields = [_stat(pid, index) for index in ((11, 12, 13, 14) if reaped_children else (11, 12))]
    return sum(int(f) for f in fields if f is not None) / TICKS


def _stat(pid: int, index: int) -> str | None:
    """Field ``index`` of /proc/PID/stat counted after the command name; None once the process is gone."""
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[index]
    except (OSError, IndexError):
        return None


def postmaster_pid(url: str) -> int | None:
    """The local PostgreSQL server's main process: the parent of this connection's backend, read while
    the backend lives (it exits with the connection)."""
    engine = create_engine(url)
    with engine.connect() as connection:
        parent = _stat(connection.scalar(text("SELECT pg_backend_pid()")), 1)
    engine.dispose()
    return int(parent) if parent else None


def cpu_meter(processes: dict[str, int | None]):
    """Start counting; the returned function gives each named process tree's CPU seconds since."""
    started = {name: tree_cpu_seconds(pid) for name, pid in processes.items() if pid}
    return lambda: {name: tree_cpu_seconds(processes[name]) - used for name, used in started.items()}


def run_locust(port: int, users: int, seconds: int, people_file: Path, work: Path) -> dict:
    env = {
        **os.environ,
        "CASEFLOW_LOAD_PEOPLE": str(people_file),
        "CASEFLOW_LOAD_CONFLICTS": str(work / "conflicts.json"),
        "PYTHONPATH": str(ROOT),
    }
    locust_before = resource.getrusage(resource.RUSAGE_CHILDREN)
    subprocess.run(
        [
            str(BIN / "locust"),
            "-f",
            str(ROOT / "bench" / "load_officers.py"),
            "--headless",
            "--host",
            f"http://127.0.0.1:{port}",
            "-u",
            str(users),
            "-r",
            str(users),
            "-t",
            f"{seconds}s",
            "--csv",
            str(work / "load"),
            "--only-summary",
            "--stop-timeout",
            "10",
        ],
        cwd=ROOT,
        env=env,
        check=False,
    )
    with open(work / "load_stats.csv", encoding="utf-8") as stats:
        rows = {row["Name"]: row for row in csv.DictReader(stats)}
    conflicts = json.loads((work / "conflicts.json").read_text())["count"]
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    locust_cpu = (after.ru_utime + after.ru_stime) - (locust_before.ru_utime + locust_before.ru_stime)
    return {"rows": rows, "conflicts": conflicts, "locust_cpu_s": locust_cpu}


def stop(processes: list[subprocess.Popen]) -> None:
    for process in processes:
        if process.poll() is None:
            process.send_signal(signal.SIGTERM)
    for process in processes:
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()


def documents_state(url: str) -> dict:
    engine = create_engine(url)
    with engine.connect() as connection:
        issued = connection.scalar(select(func.count()).select_from(Document))
        waiting = connection.scalar(select(func.count()).where(Document.rendered_at.is_(None)))
    engine.dispose()
    return {"documents_issued": issued, "documents_waiting_for_pdf": waiting}


def add_run_options(parser: argparse.ArgumentParser, port: int, database: str) -> None:
    parser.add_argument("--users", type=int, default=50)
    parser.add_argument("--seconds", type=int, default=60)
    parser.add_argument("--app-workers", type=int, default=default_web_workers())
    parser.add_argument("--port", type=int, default=port)
    parser.add_argument("--database-url", default=f"postgresql+psycopg://postgres@127.0.0.1:5432/{database}")


def seeded(url: str, cases_per_agency: int, prefix: str) -> tuple[Path, Path]:
    """A new database seeded for the officers; the folder for the run's logs, and the officers' file."""
    work = Path(tempfile.mkdtemp(prefix=prefix))
    people_file = work / "people.json"
    recreate_database(url)
    started = time.monotonic()
    seed(url, people_file, cases_per_agency)
    print(f"seeded in {time.monotonic() - started:.1f} s; logs in {work}", file=sys.stderr)
    return work, people_file


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    add_run_options(parser, port=8765, database="caseflow_load")
    parser.add_argument("--cases-per-agency", type=int, default=CASES_PER_AGENCY)
    parser.add_argument("--drain-seconds", type=int, default=180, help="how long to wait for the PDFs")
    args = parser.parse_args()

    work, people_file = seeded(args.database_url, args.cases_per_agency, "caseflow-load-")
    env = server_environment(args.database_url, args.port, args.app_workers)
    app, renderer = start_servers(env, args.port, work)
    helper = None
    try:
        server = postmaster_pid(args.database_url)
        meter = cpu_meter({"app": app.pid, "postgres": server, "renderer": renderer.pid})
        result = run_locust(args.port, args.users, args.seconds, people_file, work)
        peak_cpu = meter() | {"locust": result["locust_cpu_s"]}
        after_peak = documents_state(args.database_url)
        stop([app])
        helper = start_worker(env, work / "worker-2.log", niceness=0)
        rendering = drain(args.database_url, args.drain_seconds)
    finally:
        stop([p for p in (app, renderer, helper) if p])
    rows = result["rows"]
    total, submit = rows["Aggregated"], rows[SUBMIT]
    print(
        json.dumps(
            {
                "submits_per_s": round(int(submit["Request Count"]) / args.seconds, 1),
                "p95_ms": float(total["95%"]),
                "errors": int(total["Failure Count"]),
                "completed_per_s": round(
                    (int(submit["Request Count"]) - int(submit["Failure Count"]) - result["conflicts"])
                    / args.seconds,
                    1,
                ),
                "submit_p95_ms": float(submit["95%"]),
                "submit_median_ms": float(submit["50%"]),
                "requests": int(total["Request Count"]),
                "requests_per_s": round(int(total["Request Count"]) / args.seconds, 1),
                "conflicts": result["conflicts"],
                "users": args.users,
                "seconds": args.seconds,
                "app_workers": args.app_workers,
                "cores": os.cpu_count(),
                "cpu_ms_per_submit": {
                    name: round(1000 * used / max(1, int(submit["Request Count"])), 1)
                    for name, used in peak_cpu.items()
                },
                **after_peak,
                **rendering,
            }
        )
    )


if __name__ == "__main__":
    main()
