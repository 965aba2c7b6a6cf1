"""Timer benchmark: 10 000 cases with a due timer, fired by one worker and then by two at once.

Seeding walks one case through the engine to the point where its hearing-request window is
waiting (a BPMN boundary timer), then clones that case row, its open task and its timer row with
bulk INSERTs. Each worker is a separate process running ``worker.fire_due_timers``. Double
firings are counted from the audit trail (one ``timer.fired`` row per timer id is expected).

Usage: python bench/timer_bench.py [--cases N] [--database-url URL]
Without --database-url a temporary SQLite file is used; on SQLite the two workers serialise.
The last line is one JSON object.
"""

import argparse
import json
import multiprocessing
import sys
import tempfile
import time
from datetime import datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from engine_bench import GENERAL_ROUTE, Bench  # noqa: E402
from sqlalchemy import func, insert, select, text  # noqa: E402

from engine import calendar_store, worker  # noqa: E402
from engine.db import make_engine, make_sessionmaker  # noqa: E402
from engine.migrate import upgrade  # noqa: E402
from engine.models import AuditEvent, Base, Case, CaseTimer, HumanTask  # noqa: E402

NOW = datetime(2026, 6, 1)


def prepare(url: str) -> None:
    engine = make_engine(url)
    with engine.begin() as connection:
        Base.metadata.drop_all(connection)
        connection.execute(text("DROP TABLE IF EXISTS alembic_version"))
    engine.dispose()
    upgrade(url)
    with make_sessionmaker(make_engine(url)).begin() as session:
        calendar_store.seed(session)


def seed(url: str, cases: int) -> None:
    """One real case waiting on its hearing window, cloned ``cases - 1`` times."""
    prepare(url)
    bench = Bench(url)
    case_id = bench.open()
    for element_id, who, changes in [
        *GENERAL_ROUTE[:6],
        ("advance_notice", "h1", {"notice_served_on": "2026-02-13"}),
    ]:
        bench.timed_step(case_id, element_id, who, changes)
    with bench.db.begin() as session:
        template = session.get(Case, case_id)
        task = session.scalar(
            select(HumanTask).where(HumanTask.case_id == case_id, HumanTask.status == "open")
        )
        timer = session.scalar(select(CaseTimer).where(CaseTimer.case_id == case_id))
        case_columns = {c.key: getattr(template, c.key) for c in Case.__table__.columns if c.key != "id"}
        task_columns = {c.key: getattr(task, c.key) for c in HumanTask.__table__.columns if c.key != "id"}
        timer_columns = {c.key: getattr(timer, c.key) for c in CaseTimer.__table__.columns if c.key != "id"}
        for start in range(1, cases, 2000):
            ids = range(start, min(start + 2000, cases))
            rows = (
                session.execute(
                    insert(Case).returning(Case.id),
                    [case_columns | {"number": f"{template.number}-{i}"} for i in ids],
                )
                .scalars()
                .all()
            )
            session.execute(insert(HumanTask), [task_columns | {"case_id": new_id} for new_id in rows])
            session.execute(insert(CaseTimer), [timer_columns | {"case_id": new_id} for new_id in rows])


def run_worker(url: str) -> int:
    return worker.fire_due_timers(make_sessionmaker(make_engine(url)), NOW)


def fire_with(url: str, workers: int) -> tuple[int, float]:
    start = time.perf_counter()
    with multiprocessing.get_context("fork").Pool(workers) as pool:
        fired = sum(pool.map(run_worker, [url] * workers))
    return fired, time.perf_counter() - start


def double_fires(url: str) -> int:
    with make_sessionmaker(make_engine(url))() as session:
        total = session.scalar(
            select(func.count()).select_from(AuditEvent).where(AuditEvent.action == "timer.fired")
        )
        timers = session.scalar(
            select(func.count()).select_from(CaseTimer).where(CaseTimer.status == "fired")
        )
    return total - timers


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--cases", type=int, default=10_000)
    parser.add_argument("--database-url", default=None)
    args = parser.parse_args()
    url = (
        args.database_url
        or f"sqlite:///{Path(tempfile.mkdtemp(prefix='caseflow-timers-')) / 'timers.sqlite'}"
    )
    results, doubles = {}, 0
    for workers in (1, 2):
        seed(url, args.cases)
        fired, seconds = fire_with(url, workers)
        doubles += double_fires(url)
        results[workers] = fired / seconds
        print(
            f"{workers} worker(s): fired {fired} of {args.cases} timers in {seconds:.1f} s "
            f"= {fired / seconds:.0f} timers/s"
        )
    print(f"database: {url.split(':', 1)[0]}; double firings: {doubles}")
    print(
        json.dumps(
            {
                "timers_per_s_1_worker": round(results[1], 1),
                "timers_per_s_2_workers": round(results[2], 1),
                "double_fires": doubles,
            }
        )
    )


if __name__ == "__main__":
    main()
