"""CPU per request of the load test's officer cycle, measured inside one process, without HTTP.

The load test's throughput moves with the machine; this counts the app's own CPU (process time) for
each kind of request as bench/load_officers.py sends it: the inbox (我的待办, else 待认领), the case,
the completion. Run it on a copy of the database a load test left, with that run's officers:

    createdb -h 127.0.0.1 -U postgres -T caseflow_load caseflow_cpu
    python bench/request_cpu.py --people /tmp/caseflow-load-XXXX/people.json \\
        --database-url postgresql+psycopg://postgres@127.0.0.1:5432/caseflow_cpu \\
        [--cycles 300] [--profile out.prof]

It completes tasks, so each run needs a fresh copy to be compared with another; the officers and
tasks are picked with a fixed seed. Flask's test client adds its own CPU to every request, so the
figures sit a little above what a gunicorn worker spends.
"""

import argparse
import cProfile
import json
import logging
import os
import random
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--people", required=True, help="people.json of a load test run")
    parser.add_argument("--database-url", required=True)
    parser.add_argument("--cycles", type=int, default=300)
    parser.add_argument("--warm-up", type=int, default=30)
    parser.add_argument("--profile", help="write a cProfile of the measured cycles (process time) here")
    args = parser.parse_args()
    os.environ.update(
        DATABASE_URL=args.database_url,
        CASEFLOW_ENV="production",
        SECRET_KEY="request-cpu-" + "x" * 32,
        CASEFLOW_RENDER="worker",
    )
    logging.disable(logging.CRITICAL)
    from wsgi import app

    officers = Officers(app.test_client(), json.loads(Path(args.people).read_text(encoding="utf-8")))
    rng = random.Random(1)
    for _ in range(args.warm_up):
        officers.cycle(rng)
    officers.reset()
    profile = cProfile.Profile(time.process_time) if args.profile else None
    if profile:
        profile.enable()
    done = 0
    while done < args.cycles:
        done += officers.cycle(rng)
    if profile:
        profile.disable()
        profile.dump_stats(args.profile)
    officers.report(args.cycles)


class Officers:
    def __init__(self, client, people: dict):
        self.client, self.people = client, people
        self.cpu, self.calls = defaultdict(float), Counter()

    def reset(self) -> None:
        self.cpu.clear()
        self.calls.clear()

    def cycle(self, rng: random.Random) -> bool:
        """One officer's turn, as bench/load_officers.py takes it; False if the lists were empty."""
        from forms.examples import EXAMPLES

        officer = rng.choice(self.people["officers"])
        headers = {"Authorization": f"Bearer {officer['token']}"}
        items = []
        for listing, size in (("mine", 20), ("queue", 50)):
            url = f"/api/v1/tasks?list={listing}&per_page={size}"
            items = self._call("list", "GET", url, headers)["items"]
            if items:
                break
        if not items:
            return False
        row = rng.choice(items)
        case = self._call("case", "GET", f"/api/v1/cases/{row['case_id']}", headers)
        data = dict(EXAMPLES[row["form_key"]])
        if row["form_key"] == "registration_approval":
            handlers = self.people["agencies"][str(officer["agency_id"])]["handlers"]
            involved = {t["completed_by_id"] for t in case["tasks"] if t["element_id"] == "intake_record"}
            extra = rng.choice([h for h in handlers if h not in involved])
            data["handler_ids"] = sorted({*involved, extra} - {None})
        body = {"data": data, "expected_version": case["version"]}
        self._call("complete", "POST", f"/api/v1/tasks/{row['id']}/complete", headers, json=body)
        return True

    def _call(self, kind: str, method: str, url: str, headers: dict, **kwargs):
        started = time.process_time()
        response = self.client.open(url, method=method, headers=headers, **kwargs)
        self.cpu[kind] += time.process_time() - started
        self.calls[kind] += 1
        return response.get_json()

    def report(self, cycles: int) -> None:
        per_request = {kind: round(1000 * self.cpu[kind] / self.calls[kind], 2) for kind in self.cpu}
        print(
            json.dumps(
                {
                    "cycle_cpu_ms": round(1000 * sum(self.cpu.values()) / cycles, 2),
                    "cpu_ms_per_request": per_request,
                    "requests": dict(self.calls),
                }
            )
        )


if __name__ == "__main__":
    main()
