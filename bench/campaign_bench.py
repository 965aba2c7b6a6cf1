"""Campaign benchmark: the case ledger exported to XLSX and the summary figures, over 100 000 cases.

A temporary SQLite database is migrated and filled with bulk INSERTs (no workflow runs): cases at
every stage with their parties, handlers and the completed task rows the ledger and summary read
(intake source, cause, conclusion, on-the-spot decision), decision documents, transfers, inspections
and complaints. Then it times ``spreadsheets.write_ledger`` (every case, every column, to a file)
and ``summary.figures`` for the whole year. Targets: ledger ≤ 15 s, summary ≤ 1 s.

Usage: python bench/campaign_bench.py [--cases N]. The last line is one JSON object.
"""

import argparse
import json
import random
import sys
import tempfile
import time
from datetime import date, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from sqlalchemy import insert  # noqa: E402

from engine import calendar_store  # noqa: E402
from engine.campaigns import ledger, spreadsheets, summary  # noqa: E402
from engine.db import make_engine, make_sessionmaker  # noqa: E402
from engine.migrate import upgrade  # noqa: E402
from engine.models import (  # noqa: E402
    Agency,
    Case,
    CaseHandler,
    Complaint,
    Deployment,
    Document,
    HumanTask,
    Inspection,
    Institution,
    Party,
    TransferRecord,
    User,
)

YEAR = 2026
VIOLATIONS = (
    "unlicensed_practice",
    "beyond_scope_institution",
    "non_technical_staff",
    "overcharging",
    "other",
)
STAGES = ("intake", "investigating", "notice", "service", "execution", "closed")
CHUNK = 20_000


def _chunks(rows):
    for start in range(0, len(rows), CHUNK):
        yield rows[start : start + CHUNK]


def _bulk(connection, model, rows) -> None:
    for chunk in _chunks(rows):
        connection.execute(insert(model), chunk)


def _base(connection) -> None:
    connection.execute(
        insert(Agency), [{"id": 1, "code": "bench", "name": "示例县卫生健康委员会", "short_name": "示县"}]
    )
    connection.execute(
        insert(User),
        [
            {
                "id": i,
                "username": f"u{i}",
                "full_name": name,
                "password_hash": "x",
                "agency_id": 1,
                "legal_qualification": False,
                "active": True,
                "created_at": datetime(YEAR, 1, 1),
            }
            for i, name in ((1, "张明"), (2, "李华"))
        ],
    )
    connection.execute(
        insert(Deployment),
        [{"id": 1, "version": 1, "content_hash": "0" * 64, "files": {}, "created_at": datetime(YEAR, 1, 1)}],
    )


def _day(rng, start: int, span: int) -> date:
    return date(YEAR, 1, 1) + timedelta(days=rng.randrange(start, start + span))


def _cases(connection, rng, count: int) -> None:
    parties, cases, handlers, tasks, documents = [], [], [], [], []
    task_id = 0

    def task(case_id, form_key, data):
        nonlocal task_id
        task_id += 1
        tasks.append(
            {
                "id": task_id,
                "case_id": case_id,
                "agency_id": 1,
                "spiff_task_id": f"t{task_id}",
                "element_id": form_key,
                "name": form_key,
                "form_key": form_key,
                "lane": "承办人",
                "role": "handler",
                "status": "completed",
                "created_at": datetime(YEAR, 1, 1),
                "due_confirmed": True,
                "completed_at": datetime(YEAR, 6, 1),
                "completed_by_id": 1,
                "data": data,
            }
        )

    for case_id in range(1, count + 1):
        summary_case = case_id % 10 == 0
        stage = "closed" if summary_case else rng.choice(STAGES)
        organization = case_id % 3 == 0
        parties.append(
            {
                "id": case_id,
                "kind": "organization" if organization else "person",
                "name": f"当事人{case_id}",
                "credit_code": f"92411500MA{case_id:08d}" if organization else None,
                "id_number": None if organization else f"4115001980{case_id:08d}",
                "address": f"城关镇人民路{case_id % 300}号",
            }
        )
        violation = VIOLATIONS[case_id % len(VIOLATIONS)]
        registered = None if summary_case or stage == "intake" else _day(rng, 0, 300)
        decided = (
            (registered + timedelta(days=28))
            if stage in ("service", "execution", "closed") and registered
            else None
        )
        if summary_case:
            decided = _day(rng, 0, 330)
        served = decided + timedelta(days=1) if decided and not summary_case else None
        paid = served + timedelta(days=rng.choice((5, 10, 30))) if served and stage == "closed" else None
        fine = 200 if summary_case else (rng.choice((10000, 20000, 50000, 100000)) if decided else None)
        cases.append(
            {
                "id": case_id,
                "number": f"示县卫医案〔{YEAR}〕{case_id:06d}号",
                "agency_id": 1,
                "party_id": case_id,
                "violation_code": violation,
                "procedure": "summary" if summary_case else "general",
                "process_id": "summary_procedure" if summary_case else "administrative_penalty",
                "status": stage,
                "deployment_id": 1,
                "opened_by_id": 1,
                "opened_at": datetime(YEAR, 1, 1),
                "registered_on": registered,
                "decided_on": decided,
                "served_on": served,
                "paid_on": paid,
                "fine_amount": fine,
                "closed_at": datetime(YEAR, 11, 1) if stage == "closed" else None,
                "workflow_state": b"",
                "state_format": 1,
                "version": 1,
                "audit_seq": 0,
                "audit_hash": "0" * 64,
            }
        )
        if summary_case:
            task(
                case_id,
                "onsite_decision",
                {"penalty_type": rng.choice(("warning", "fine")), "articles": "第二十四条"},
            )
        else:
            handlers += [{"case_id": case_id, "user_id": 1}, {"case_id": case_id, "user_id": 2}]
            task(case_id, "intake_record", {"source": rng.choice(("complaint", "inspection", "assigned"))})
            if registered:
                task(
                    case_id,
                    "registration_approval",
                    {"cause": "涉嫌违法案", "registered_on": registered.isoformat()},
                )
        if decided and not summary_case:
            task(
                case_id,
                "investigation_conclusion",
                {
                    "penalty_basis": "《基本医疗卫生与健康促进法》第九十九条第一款",
                    "discretion_tier": "general",
                    "confiscation_amount": rng.choice((0, 2000, 5000)),
                    "penalty_types": ["warning", "fine"],
                },
            )
        if decided:
            documents.append(
                {
                    "case_id": case_id,
                    "agency_id": 1,
                    "doc_type": "penalty_decision",
                    "title": "决定书",
                    "number": f"示县卫医罚〔{YEAR}〕{case_id:06d}号",
                    "version": 1,
                    "sha256": f"{case_id:064d}",
                    "verify_code": f"{case_id:063d}v",
                    "size": 1,
                    "content": b"%",
                    "issued_on": decided,
                    "created_at": datetime(YEAR, 1, 1),
                }
            )
    _bulk(connection, Party, parties)
    _bulk(connection, Case, cases)
    _bulk(connection, CaseHandler, handlers)
    _bulk(connection, HumanTask, tasks)
    _bulk(connection, Document, documents)


def _registers(connection, rng) -> None:
    _bulk(
        connection,
        Institution,
        [
            {
                "id": i,
                "agency_id": 1,
                "name": f"机构{i}",
                "credit_code": f"92411500MA{i * 3:08d}",
                "kind": "clinic",
                "ownership": "individual",
                "address": "",
                "township": "",
                "legal_representative": "",
                "phone": "",
                "status": "operating",
                "created_at": datetime(YEAR, 1, 1),
                "updated_at": datetime(YEAR, 1, 1),
            }
            for i in range(1, 2001)
        ],
    )
    _bulk(
        connection,
        Inspection,
        [
            {
                "agency_id": 1,
                "institution_id": rng.randrange(1, 2001),
                "inspected_on": _day(rng, 0, 330),
                "templates": ["charging"],
                "note": "",
                "created_by_id": 1,
                "created_at": datetime(YEAR, 1, 1),
            }
            for _ in range(5000)
        ],
    )
    _bulk(
        connection,
        TransferRecord,
        [
            {
                "agency_id": 1,
                "direction": rng.choice(("in", "out")),
                "counterpart_type": "police",
                "counterpart_name": "公安局",
                "subject": "移送",
                "party_name": "",
                "letter_no": "",
                "transferred_on": _day(rng, 0, 330),
                "result": "",
                "created_by_id": 1,
                "created_at": datetime(YEAR, 1, 1),
            }
            for _ in range(500)
        ],
    )
    _bulk(
        connection,
        Complaint,
        [
            {
                "number": f"示县卫投〔{YEAR}〕{i:05d}号",
                "agency_id": 1,
                "channel": "hotline",
                "source_ref": "",
                "received_on": _day(rng, 0, 330),
                "real_name": i % 2 == 0,
                "content": "举报",
                "target_name": "某诊所",
                "target_address": "",
                "status": "closed",
                "outcome": "case_opened",
                "feedback_due_on": _day(rng, 20, 300) if i % 2 == 0 else None,
                "feedback_on": _day(rng, 20, 300) if i % 4 == 0 else None,
                "process_id": "complaint",
                "deployment_id": 1,
                "workflow_state": b"",
                "state_format": 1,
                "version": 1,
                "received_by_id": 1,
                "created_at": datetime(YEAR, 1, 1),
            }
            for i in range(1, 3001)
        ],
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=int, default=100_000)
    args = parser.parse_args()
    rng = random.Random(7)
    with tempfile.TemporaryDirectory(prefix="caseflow-campaign-bench-") as folder:
        url = f"sqlite:///{folder}/bench.sqlite"
        upgrade(url)
        engine = make_engine(url)
        db = make_sessionmaker(engine)
        started = time.perf_counter()
        with db.begin() as session:
            calendar_store.seed(session)
        with engine.begin() as connection:
            _base(connection)
            _cases(connection, rng, args.cases)
            _registers(connection, rng)
        print(f"seeded {args.cases} cases in {time.perf_counter() - started:.1f} s")

        started = time.perf_counter()
        with db() as session, open(f"{folder}/ledger.xlsx", "wb") as stream:
            written = spreadsheets.write_ledger(session, 1, ledger.Filters(), stream)
        ledger_s = time.perf_counter() - started
        size = Path(f"{folder}/ledger.xlsx").stat().st_size
        print(f"ledger: {written} rows, {size / 1e6:.1f} MB in {ledger_s:.2f} s")

        started = time.perf_counter()
        with db() as session:
            figures = summary.figures(session, 1, date(YEAR, 1, 1), date(YEAR, 12, 31))
        summary_s = time.perf_counter() - started
        cases = figures["cases"]
        print(
            f"summary: filed {cases['filed']}, fines {cases['fines_wan']} 万元, closed {cases['closed']}"
            f" in {summary_s:.3f} s"
        )
        engine.dispose()
    print(
        json.dumps(
            {
                "cases": args.cases,
                "ledger_rows": written,
                "ledger_export_s": round(ledger_s, 2),
                "summary_s": round(summary_s, 3),
            }
        )
    )


if __name__ == "__main__":
    main()
