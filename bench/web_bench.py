"""Web benchmark: submitting a task through the JSON API, and the inbox, on a large SQLite database.

Seeding writes 100 000 closed cases with 1 000 000 finished tasks (and some open tasks) straight
into a temporary SQLite database with bulk INSERTs: the figures are about the web layer at that
size, not about how fast the engine could have produced the rows. Real cases, opened through the
engine, then give the tasks that are submitted.

Measures, with Flask's in-process test client and a bearer token:
* ``submit``: POST /api/v1/tasks/<id>/complete of 调查终结审核 (median and p95);
* ``inbox``: GET /inbox for 我的待办, 待认领 and 已办 in turn (p95).

Usage: python bench/web_bench.py [--cases N] [--tasks N] [--open N] [--submits N] [--lists N].
The last line is one JSON object.
"""

import argparse
import json
import random
import sqlite3
import statistics
import sys
import tempfile
import time
from datetime import datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from engine import accounts, calendar_store, runtime, scripted  # noqa: E402
from engine.db import make_engine, make_sessionmaker  # noqa: E402
from engine.migrate import upgrade  # noqa: E402
from engine.models import User  # noqa: E402
from engine.scripted import Step  # noqa: E402
from forms.examples import EXAMPLES  # noqa: E402
from web import create_app  # noqa: E402
from web.auth import tokens  # noqa: E402

HANDLERS = 40
WARM_UP = 20
STEPS = [
    ("intake_record", "案件受理记录", "handler"),
    ("registration_approval", "立案审批", "agency_head"),
    ("investigation", "调查取证", "handler"),
    ("investigation_conclusion", "案件调查终结报告", "handler"),
    ("conclusion_review", "调查终结审核", "dept_head"),
    ("deliberation", "合议", "dept_head"),
    ("advance_notice", "行政处罚事先告知", "handler"),
    ("decision_approval", "处罚决定审批", "agency_head"),
    ("service", "送达", "handler"),
    ("closure_approval", "结案审批", "agency_head"),
]
LANES = {"handler": "承办人", "dept_head": "科室负责人", "agency_head": "机关负责人"}
CASE_SQL = (
    "INSERT INTO case_file (id, number, agency_id, party_id, violation_code, procedure, process_id,"
    " status, deployment_id, opened_by_id, opened_at, workflow_state, state_format, version, steps,"
    " audit_seq, audit_hash) VALUES (?, ?, ?, ?, 'unlicensed_practice', 'general', 'administrative_penalty',"
    " 'closed', ?, ?, ?, X'', 1, 1, 1, 0, ?)"
)
TASK_COLUMNS = (
    "case_id, agency_id, spiff_task_id, element_id, name, form_key, lane, role, status, assignee_id"
)
FINISHED_SQL = (
    f"INSERT INTO human_task ({TASK_COLUMNS}, created_at, completed_at, completed_by_id, due_confirmed)"
    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1)"
)
OPEN_SQL = (
    f"INSERT INTO human_task ({TASK_COLUMNS}, created_at, due_at, due_confirmed)"
    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1)"
)


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(share * (len(ordered) - 1))))]


def create_people(db) -> dict:
    with db.begin() as session:
        agencies = [
            accounts.create_agency(session, "bench-a", "甲县卫生健康委员会", "甲县"),
            accounts.create_agency(session, "bench-b", "乙县卫生健康委员会", "乙县"),
        ]
        people = {"agencies": [a.id for a in agencies], "handlers": [], "heads": []}
        for index in range(HANDLERS):
            agency = agencies[index % 2]
            people["handlers"].append(
                accounts.create_user(
                    session,
                    username=f"h{index}",
                    full_name=f"承办人{index}",
                    password_hash="-",
                    agency=agency,
                    roles=["handler"],
                    certificate_no=f"执法证 {index:04d}",
                ).id
            )
        for agency in agencies:
            for role in ("dept_head", "agency_head"):
                people["heads"].append(
                    accounts.create_user(
                        session,
                        username=f"{role}-{agency.code}",
                        full_name=role,
                        password_hash="-",
                        agency=agency,
                        roles=[role],
                    ).id
                )
    return people


def seed_bulk(path: str, people: dict, deployment_id: int, cases: int, tasks: int, open_tasks: int) -> None:
    """Write the closed cases, their finished tasks and some open tasks with plain executemany."""
    rng = random.Random(7)
    connection = sqlite3.connect(path)
    connection.execute("PRAGMA synchronous=OFF")
    start = datetime(2024, 1, 1)
    stamp = "%Y-%m-%d %H:%M:%S.%f"
    agencies, handlers = people["agencies"], people["handlers"]
    heads = people["heads"]
    with connection:
        connection.executemany(
            "INSERT INTO party (id, kind, name, id_number) VALUES (?, 'person', ?, ?)",
            ((i, f"当事人{i}", f"4115{i:014d}") for i in range(1, cases + 1)),
        )
        connection.executemany(
            CASE_SQL,
            (
                (
                    i,
                    f"批量卫医案〔2024〕{i:06d}号",
                    agencies[i % 2],
                    i,
                    deployment_id,
                    handlers[i % len(handlers)],
                    (start + timedelta(minutes=i)).strftime(stamp),
                    "0" * 64,
                )
                for i in range(1, cases + 1)
            ),
        )
        per_case = tasks // cases

        def finished():
            for i in range(1, cases + 1):
                agency = agencies[i % 2]
                same = [h for h in handlers if (handlers.index(h) % 2) == (i % 2)]
                for step in range(per_case):
                    element, name, role = STEPS[step % len(STEPS)]
                    by = (
                        rng.choice(same)
                        if role == "handler"
                        else heads[(i % 2) * 2 + (role == "agency_head")]
                    )
                    at = (start + timedelta(minutes=i, seconds=step)).strftime(stamp)
                    yield (
                        i,
                        agency,
                        f"{step}",
                        element,
                        name,
                        element,
                        LANES[role],
                        role,
                        "completed",
                        by,
                        at,
                        at,
                        by,
                    )

        connection.executemany(
            FINISHED_SQL,
            finished(),
        )
        now = datetime.utcnow()

        def still_open():
            for n in range(open_tasks):
                i = rng.randrange(1, cases + 1)
                element, name, role = STEPS[n % len(STEPS)]
                assignee = handlers[n % len(handlers)] if role == "handler" and n % 3 == 0 else None
                due = (now + timedelta(days=rng.randrange(-5, 20))).strftime(stamp)
                yield (
                    i,
                    agencies[i % 2],
                    f"open-{n}",
                    element,
                    name,
                    element,
                    LANES[role],
                    role,
                    "open",
                    assignee,
                    now.strftime(stamp),
                    due,
                )

        connection.executemany(
            OPEN_SQL,
            still_open(),
        )
    connection.execute("ANALYZE")
    connection.close()


def prepared_reviews(db, people: dict, count: int) -> list[tuple[int, dict]]:
    """Cases walked by the engine to 调查终结审核, a step that issues no document.

    Steps that issue statutory documents spend most of their time rendering the PDF; the
    submission measured here is the web layer plus the engine's own transaction.
    """
    handler, other = people["handlers"][0], people["handlers"][2]
    head = people["heads"][1]
    steps = [
        Step("intake_record", handler),
        Step("registration_approval", head, {"handler_ids": [handler, other]}),
        Step("investigation", handler),
        Step("investigation_conclusion", other),
    ]
    prepared = []
    for n in range(count):
        case = runtime.open_case(
            db,
            user_id=handler,
            party={"kind": "person", "name": f"实测当事人{n}", "address": "城关镇解放路18号"},
        )
        scripted.walk(db, case.id, steps)
        prepared.append(
            (scripted.open_task_id(db, case.id, "conclusion_review"), {"data": EXAMPLES["conclusion_review"]})
        )
    return prepared


def timed(call) -> float:
    started = time.perf_counter()
    response = call()
    elapsed = (time.perf_counter() - started) * 1000
    assert response.status_code == 200, response.get_data(as_text=True)[:500]
    response.close()
    return elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=int, default=100_000)
    parser.add_argument("--tasks", type=int, default=1_000_000)
    parser.add_argument("--open", type=int, default=2_000)
    parser.add_argument("--submits", type=int, default=300)
    parser.add_argument("--lists", type=int, default=300)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        path = f"{folder}/web-bench.sqlite"
        url = f"sqlite:///{path}"
        upgrade(url)
        db = make_sessionmaker(make_engine(url))
        with db.begin() as session:
            calendar_store.seed(session)
        deployment = runtime.deploy(db)
        people = create_people(db)
        started = time.perf_counter()
        seed_bulk(path, people, deployment.id, args.cases, args.tasks, args.open)
        print(
            f"seeded {args.cases} cases, {args.tasks} finished and {args.open} open tasks "
            f"in {time.perf_counter() - started:.1f} s"
        )
        with db.begin() as session:
            reviewer, handler = (
                {"Authorization": f"Bearer {tokens.issue(session, session.get(User, user_id))}"}
                for user_id in (people["heads"][0], people["handlers"][0])
            )
        client = create_app({"DATABASE_URL": url}).test_client()
        submits = [
            timed(
                lambda task=task, body=body: client.post(
                    f"/api/v1/tasks/{task}/complete", json=body, headers=reviewer
                )
            )
            for task, body in prepared_reviews(db, people, args.submits + WARM_UP)
        ][WARM_UP:]
        by_list = {which: [] for which in ("mine", "queue", "done")}
        for n in range(args.lists + WARM_UP):
            which = list(by_list)[n % 3]
            elapsed = timed(lambda which=which: client.get(f"/inbox?list={which}", headers=handler))
            if n >= WARM_UP:
                by_list[which].append(elapsed)
        inbox = [ms for times in by_list.values() for ms in times]
    result = {
        "submit_median_ms": round(statistics.median(submits), 2),
        "submit_p95_ms": round(percentile(submits, 0.95), 2),
        "inbox_p95_ms": round(percentile(inbox, 0.95), 2),
        "inbox_median_ms": round(statistics.median(inbox), 2),
        "inbox_p95_ms_by_list": {
            which: round(percentile(times, 0.95), 2) for which, times in by_list.items()
        },
        "cases": args.cases,
        "finished_tasks": args.tasks,
        "open_tasks": args.open,
    }
    print(json.dumps(result))


if __name__ == "__main__":
    main()
