"""The ceiling of the stack on this machine: the load test's officers against a server that does the least.

bench/load_test.py measures caseflow. This measures, on the same seeded database, with the same
locustfile, the same gunicorn workers and the same 50 officers, a server that answers the same three
requests doing only what any implementation on Flask, PostgreSQL and SpiffWorkflow must do
(bench/ceiling_app.py), at three tiers: ``flask`` (fixed answers), ``sql`` (plus one statement per
request and a locked write per completion), ``spiff`` (plus restoring and saving the case's real
workflow in the completion). Whatever caseflow does on top, it cannot submit faster than the
``spiff`` tier does here.

Usage: python bench/stack_ceiling.py [--tiers flask sql spiff] [--users 50] [--seconds 60]
       [--app-workers CORES+1] [--database-url URL]
The last line is one JSON object: per tier, submits_per_s, p95_ms, errors and the CPU per submit
of the app servers, PostgreSQL and locust.
"""

import argparse
import json
import os
import subprocess
from pathlib import Path

from load_test import (
    BIN,
    CASES_PER_AGENCY,
    ROOT,
    SUBMIT,
    add_run_options,
    cpu_meter,
    postmaster_pid,
    run_locust,
    seeded,
    stop,
    wait_healthy,
)

TIERS = ("flask", "sql", "spiff")


def serve(tier: str, url: str, port: int, workers: int, log: Path) -> subprocess.Popen:
    """gunicorn with the settings gunicorn.conf.py gives caseflow in the load test."""
    app = subprocess.Popen(
        [
            str(BIN / "gunicorn"),
            "ceiling_app:app",
            "--config",
            "/dev/null",
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            str(workers),
            "--keep-alive",
            "5",
            "--backlog",
            "2048",
            "--preload",
            "--access-logfile",
            "-",
        ],
        cwd=ROOT / "bench",
        env={**os.environ, "DATABASE_URL": url, "CASEFLOW_CEILING_TIER": tier, "PYTHONPATH": str(ROOT)},
        stdout=open(log, "w"),
        stderr=subprocess.STDOUT,
    )
    wait_healthy(f"http://127.0.0.1:{port}/healthz", app)
    return app


def measure(tier: str, args, people_file: Path, work: Path) -> dict:
    app = serve(tier, args.database_url, args.port, args.app_workers, work / f"gunicorn-{tier}.log")
    try:
        meter = cpu_meter({"app": app.pid, "postgres": postmaster_pid(args.database_url)})
        result = run_locust(args.port, args.users, args.seconds, people_file, work)
        used = meter() | {"locust": result["locust_cpu_s"]}
    finally:
        stop([app])
    total, submit = result["rows"]["Aggregated"], result["rows"][SUBMIT]
    submits = int(submit["Request Count"])
    return {
        "submits_per_s": round(submits / args.seconds, 1),
        "p95_ms": float(total["95%"]),
        "errors": int(total["Failure Count"]),
        "requests_per_s": round(int(total["Request Count"]) / args.seconds, 1),
        "cpu_ms_per_submit": {name: round(1000 * cpu / max(1, submits), 2) for name, cpu in used.items()},
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tiers", nargs="+", choices=TIERS, default=list(TIERS))
    add_run_options(parser, port=8766, database="caseflow_ceiling")
    args = parser.parse_args()

    work, people_file = seeded(args.database_url, CASES_PER_AGENCY, "caseflow-ceiling-")
    tiers = {tier: measure(tier, args, people_file, work) for tier in args.tiers}
    print(json.dumps({"users": args.users, "seconds": args.seconds, "cores": os.cpu_count(), **tiers}))


if __name__ == "__main__":
    main()
