"""Engine benchmark: per-step completion cost through the engine API on SQLite, next to bare SpiffWorkflow.

Measures, in one run:
* the general procedure walked case after case (every ``runtime.complete_task`` timed), and a
  linear process of 15 user tasks;
* bare SpiffWorkflow doing the same steps the way an application persisting with Spiff's own
  serializer must: restore the JSON state, run the task, run engine steps, serialise again
  (``bare_median_ms``); the in-memory cost without persistence is printed for reference;
* growth: the cost of the 200th step of a case that loops (conclusion sent back again and again)
  divided by the cost of its 10th step (medians over several cases);
* the stored bytes per closed case (workflow state + task rows + audit rows).

Statutory PDFs are rendered inside the completing step's transaction (about 18 ms a page, measured
by bench/doc_bench.py). The engine figures are measured on the same diagrams with their
``documents`` properties removed, so they show the engine's own cost; the median with documents
is printed for reference.

Usage: python bench/engine_bench.py [--cases N]. The last line is one JSON object.
"""

import argparse
import json
import re
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from lxml import etree  # noqa: E402
from SpiffWorkflow.bpmn.serializer import BpmnWorkflowSerializer  # noqa: E402
from SpiffWorkflow.bpmn.workflow import BpmnWorkflow  # noqa: E402
from SpiffWorkflow.spiff.parser.process import VALIDATOR, SpiffBpmnParser  # noqa: E402
from SpiffWorkflow.spiff.serializer.config import SPIFF_CONFIG  # noqa: E402
from SpiffWorkflow.task import TaskState  # noqa: E402
from sqlalchemy import func, select  # noqa: E402

from engine import accounts, runtime, scripted  # noqa: E402
from engine.db import make_engine, make_sessionmaker  # noqa: E402
from engine.migrate import upgrade  # noqa: E402
from engine.models import AuditEvent, Case, HumanTask  # noqa: E402
from engine.scripting import SCRIPT_ENGINE  # noqa: E402
from engine.specs import read_bundle  # noqa: E402
from forms.examples import EXAMPLES  # noqa: E402

GENERAL_ROUTE = [
    ("intake_record", "h1", {}),
    ("registration_approval", "head", "handlers"),
    ("investigation", "h1", {}),
    ("investigation_conclusion", "h2", {}),
    ("conclusion_review", "dept", {}),
    ("deliberation", "dept", {}),
    ("advance_notice", "h1", {"notice_served_on": "2030-04-01"}),
    ("party_response", "h1", {"party_response": "statement"}),
    ("statement_review", "h2", {}),
    ("decision_approval", "head", {}),
    ("service", "h1", {"served_on": "2030-05-06"}),
    ("execution", "h1", {}),
    ("closure_report", "h1", {}),
    ("closure_approval", "head", {}),
]
LOOP = [
    ("investigation_conclusion", "h2", {}),
    (
        "conclusion_review",
        "dept",
        {"conclusion_review_result": "return", "conclusion_review_opinion": "补充"},
    ),
]
PARTY = {
    "kind": "person",
    "name": "王某",
    "id_number": "411500199001011234",
    "address": "示例县城关镇解放路18号",
}


DOCUMENTS_PROPERTY = re.compile(r'\s*<spiffworkflow:property name="documents" value="[^"]*"\s*/>')


def without_documents(files: dict[str, str]) -> dict[str, str]:
    return {name: DOCUMENTS_PROPERTY.sub("", text) for name, text in files.items()}


def linear_bundle(tasks: int = 15) -> dict[str, str]:
    """A straight line of user tasks, deployed under the summary procedure's id so open_case can start it."""
    nodes = "".join(
        f'<bpmn:userTask id="t{i}" name="步骤{i}"><bpmn:extensionElements><spiffworkflow:properties>'
        f'<spiffworkflow:property name="formKey" value="summary_filing"/></spiffworkflow:properties>'
        f"</bpmn:extensionElements></bpmn:userTask>"
        for i in range(tasks)
    )
    ids = ["start"] + [f"t{i}" for i in range(tasks)] + ["end"]
    flows = "".join(
        f'<bpmn:sequenceFlow id="f{i}" sourceRef="{a}" targetRef="{b}"/>'
        for i, (a, b) in enumerate(zip(ids, ids[1:], strict=False))
    )
    refs = "".join(f"<bpmn:flowNodeRef>{i}</bpmn:flowNodeRef>" for i in ids)
    xml = (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" '
        'xmlns:spiffworkflow="http://spiffworkflow.org/bpmn/schema/1.0/core" id="d" targetNamespace="bench">'
        '<bpmn:process id="summary_procedure" isExecutable="true">'
        f'<bpmn:laneSet id="ls"><bpmn:lane id="l" name="承办人">{refs}</bpmn:lane></bpmn:laneSet>'
        f'<bpmn:startEvent id="start"/>{nodes}<bpmn:endEvent id="end"/>{flows}'
        "</bpmn:process></bpmn:definitions>"
    )
    return {"linear.bpmn": xml}


class Bench:
    def __init__(self, url: str, files: dict[str, str] | None = None):
        upgrade(url)
        self.db = make_sessionmaker(make_engine(url))
        runtime.deploy(self.db, files)
        with self.db.begin() as session:
            agency = accounts.create_agency(session, "bench", "基准县卫生健康委员会", "基县")
            roles = {
                "h1": ["handler"],
                "h2": ["handler"],
                "dept": ["dept_head"],
                "legal": ["legal_reviewer"],
                "head": ["agency_head"],
            }
            self.users = {
                name: accounts.create_user(
                    session,
                    username=name,
                    full_name=name,
                    password_hash="x",
                    agency=agency,
                    roles=r,
                    certificate_no=f"证{name}",
                ).id
                for name, r in roles.items()
            }

    def changes(self, spec) -> dict:
        if spec == "handlers":
            return {"handler_ids": [self.users["h1"], self.users["h2"]]}
        return spec

    def timed_step(self, case_id: int, element_id: str, who: str, spec) -> float:
        task_id, data = scripted.submission(self.db, case_id, element_id, self.changes(spec))
        start = time.perf_counter()
        runtime.complete_task(self.db, task_id, self.users[who], data)
        return (time.perf_counter() - start) * 1000

    def open(self, procedure="general") -> int:
        return runtime.open_case(self.db, user_id=self.users["h1"], party=dict(PARTY), procedure=procedure).id

    def stored_bytes(self, case_id: int) -> int:
        with self.db() as session:
            state = session.scalar(select(func.length(Case.workflow_state)).where(Case.id == case_id))
            tasks = sum(
                len(json.dumps(d or {}, ensure_ascii=False).encode()) + 200
                for d in session.scalars(select(HumanTask.data).where(HumanTask.case_id == case_id))
            )
            audit = sum(
                len(json.dumps(d, ensure_ascii=False).encode()) + 200
                for d in session.scalars(select(AuditEvent.data).where(AuditEvent.case_id == case_id))
            )
        return state + tasks + audit


def plain_specs(files: dict[str, str], process_id: str):
    """Specs straight from SpiffWorkflow's parser, untouched by the engine (its timers fire by the clock)."""
    parser = SpiffBpmnParser(validator=VALIDATOR)
    for name, text in files.items():
        root = etree.fromstring(text.encode("utf-8"))
        parser.add_dmn_xml(root, filename=name) if name.endswith(".dmn") else parser.add_bpmn_xml(
            root, filename=name
        )
    return parser.get_spec(process_id), parser.get_subprocess_specs(process_id)


def bare_spiff_steps(specs, route, persist: bool) -> list[float]:
    """The same route on plain SpiffWorkflow; with ``persist`` each step restores and saves JSON state."""
    serializer = BpmnWorkflowSerializer(BpmnWorkflowSerializer.configure(SPIFF_CONFIG))
    spec, subprocess_specs = specs
    workflow = BpmnWorkflow(spec, subprocess_specs, script_engine=SCRIPT_ENGINE)
    workflow.task_tree.data.update({"party_type": "person", "violation_code": "", "case_id": 1})
    workflow.do_engine_steps()
    saved = serializer.serialize_json(workflow)
    times = []
    for element_id, data in route:
        start = time.perf_counter()
        if persist:
            workflow = serializer.deserialize_json(saved)
            workflow.script_engine = SCRIPT_ENGINE
        task = next(
            t
            for t in workflow.get_tasks(state=TaskState.READY, manual=True)
            if t.task_spec.bpmn_id == element_id
        )
        task.data.update(data)
        task.run()
        workflow.do_engine_steps()
        if persist:
            saved = serializer.serialize_json(workflow)
        times.append((time.perf_counter() - start) * 1000)
    return times


def p95(values: list[float]) -> float:
    return statistics.quantiles(values, n=20)[-1]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--cases", type=int, default=20)
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="caseflow-bench-"))

    with_documents = Bench(f"sqlite:///{folder / 'documents.sqlite'}")
    document_times = []
    for _ in range(max(2, args.cases // 5)):
        case_id = with_documents.open()
        document_times += [with_documents.timed_step(case_id, *step) for step in GENERAL_ROUTE]

    general = Bench(f"sqlite:///{folder / 'general.sqlite'}", without_documents(read_bundle()))
    general_times, sizes = [], []
    for _ in range(args.cases):
        case_id = general.open()
        general_times += [general.timed_step(case_id, *step) for step in GENERAL_ROUTE]
        sizes.append(general.stored_bytes(case_id))

    linear = Bench(f"sqlite:///{folder / 'linear.sqlite'}", linear_bundle())
    linear_times = []
    for _ in range(args.cases):
        case_id = linear.open("summary")
        linear_times += [linear.timed_step(case_id, f"t{i}", "h1", {}) for i in range(15)]

    general_specs = plain_specs(without_documents(read_bundle()), "administrative_penalty")
    general_route = [(e, {**EXAMPLES[e], **general.changes(c)}) for e, _w, c in GENERAL_ROUTE]
    linear_route = [(f"t{i}", EXAMPLES["summary_filing"]) for i in range(15)]
    linear_specs = plain_specs(linear_bundle(), "summary_procedure")
    bare, in_memory = [], []
    for _ in range(args.cases):
        bare += bare_spiff_steps(general_specs, general_route, persist=True)
        bare += bare_spiff_steps(linear_specs, linear_route, persist=True)
        in_memory += bare_spiff_steps(general_specs, general_route, persist=False)

    growth_step10, growth_step200 = [], []
    for _ in range(3):
        case_id = general.open()
        for step in GENERAL_ROUTE[:3]:
            general.timed_step(case_id, *step)
        loop_times = [general.timed_step(case_id, *LOOP[i % 2]) for i in range(200)]
        growth_step10.append(statistics.median(loop_times[5:15]))
        growth_step200.append(statistics.median(loop_times[190:200]))

    engine_times = general_times + linear_times
    result = {
        "median_ms": round(statistics.median(engine_times), 3),
        "p95_ms": round(p95(engine_times), 3),
        "bare_median_ms": round(statistics.median(bare), 3),
        "growth_200_vs_10": round(statistics.median(growth_step200) / statistics.median(growth_step10), 3),
        "state_bytes_per_case": int(statistics.median(sizes)),
    }
    print(
        f"general procedure: {len(general_times)} steps, median {statistics.median(general_times):.2f} ms, "
        f"p95 {p95(general_times):.2f} ms"
    )
    print(
        f"linear 15 tasks:   {len(linear_times)} steps, median {statistics.median(linear_times):.2f} ms, "
        f"p95 {p95(linear_times):.2f} ms"
    )
    print(
        f"bare SpiffWorkflow with JSON persistence: median {statistics.median(bare):.2f} ms; "
        f"in memory only: median {statistics.median(in_memory):.2f} ms"
    )
    print(
        f"looping case: step 10 ~ {statistics.median(growth_step10):.2f} ms, "
        f"step 200 ~ {statistics.median(growth_step200):.2f} ms"
    )
    print(f"stored per closed case: {statistics.median(sizes)} bytes (state + task rows + audit rows)")
    print(
        f"general procedure with its statutory PDFs rendered in the step: median "
        f"{statistics.median(document_times):.2f} ms, p95 {p95(document_times):.2f} ms"
    )
    print(json.dumps(result))


if __name__ == "__main__":
    main()
