"""Save and restore a case's workflow without copying its spec into every case.

Spiff's serializer writes the whole process spec into each saved workflow; a case instead stores
only its task tree and data, and the spec comes back from the parsed bundle of the case's
deployment. Saved state is a zlib-compressed JSON document stamped with ``FORMAT``; a change to the
layout ships an upgrade in ``UPGRADES`` (``{old_format: function}``), as Spiff does for its own.

Completed history above the oldest live task is pruned before saving: the audit trail keeps the
history, and without pruning a case that loops (send-backs, re-notices) grows and slows with every
round.
"""

import contextvars
import json
import zlib
from dataclasses import dataclass
from uuid import UUID

from SpiffWorkflow.bpmn.serializer import BpmnWorkflowSerializer
from SpiffWorkflow.bpmn.serializer.default.workflow import BpmnWorkflowConverter, WorkflowConverter
from SpiffWorkflow.bpmn.serializer.workflow import VERSION as SPIFF_VERSION
from SpiffWorkflow.bpmn.workflow import BpmnWorkflow
from SpiffWorkflow.spiff.serializer.config import SPIFF_CONFIG
from SpiffWorkflow.task import TaskState

from engine.scripting import SCRIPT_ENGINE

FORMAT = 1
UPGRADES: dict = {}


@dataclass(frozen=True)
class _Specs:
    spec: object
    subprocess_specs: dict


_current_specs: contextvars.ContextVar[_Specs] = contextvars.ContextVar("caseflow_specs")


class SpecFreeWorkflowConverter(BpmnWorkflowConverter):
    """Leaves the spec out on save and takes it from the deployment's parsed bundle on restore."""

    def to_dict(self, workflow):
        dct = WorkflowConverter.to_dict(self, workflow)
        dct["subprocesses"] = self.mapping_to_dict(workflow.subprocesses)
        dct["bpmn_events"] = self.registry.convert(workflow.bpmn_events)
        return dct

    def from_dict(self, dct):
        specs = _current_specs.get()
        workflow = self.target_class(
            specs.spec, specs.subprocess_specs, script_engine=SCRIPT_ENGINE, deserializing=True
        )
        workflow.tasks = self.mapping_from_dict(dct["tasks"], UUID, workflow=workflow)
        workflow.task_tree = workflow.tasks.get(UUID(dct["root"]))
        self.set_default_attributes(workflow, dct)
        self.subprocesses_from_dict(dct["subprocesses"], workflow)
        workflow.bpmn_events = self.registry.restore(dct.pop("bpmn_events", []))
        return workflow


def _make_serializer() -> BpmnWorkflowSerializer:
    config = dict(SPIFF_CONFIG)
    config[BpmnWorkflow] = SpecFreeWorkflowConverter
    return BpmnWorkflowSerializer(BpmnWorkflowSerializer.configure(config))


_SERIALIZER = _make_serializer()


def new_workflow(spec, subprocess_specs, data: dict) -> BpmnWorkflow:
    """Start a workflow with the restricted script engine and the case's initial data."""
    workflow = BpmnWorkflow(spec, subprocess_specs, script_engine=SCRIPT_ENGINE)
    workflow.task_tree.data.update(data)
    for task in workflow.get_tasks(state=TaskState.READY):
        task.data.update(data)
    return workflow


def dump(workflow: BpmnWorkflow) -> bytes:
    """Serialise a workflow to compressed bytes, pruning finished history first."""
    prune_history(workflow)
    document = {"format": FORMAT, "spiff": SPIFF_VERSION, "workflow": _SERIALIZER.to_dict(workflow)}
    return zlib.compress(json.dumps(document, separators=(",", ":"), ensure_ascii=False).encode("utf-8"), 6)


def load(blob: bytes, spec, subprocess_specs) -> BpmnWorkflow:
    """Restore a workflow; the restricted script engine is attached on every restore."""
    document = json.loads(zlib.decompress(blob))
    document = upgrade(document)
    token = _current_specs.set(_Specs(spec, subprocess_specs))
    try:
        return _SERIALIZER.from_dict(document["workflow"])
    finally:
        _current_specs.reset(token)


def upgrade(document: dict) -> dict:
    """Bring a stored document up to ``FORMAT`` one step at a time."""
    while document.get("format", 0) < FORMAT:
        step = UPGRADES.get(document.get("format", 0))
        if step is None:
            raise ValueError(f"no upgrade from workflow state format {document.get('format')}")
        document = step(document)
    return document


def prune_history(workflow: BpmnWorkflow) -> None:
    """Re-root the task tree at the deepest completed task above every unfinished task."""
    live = [t for t in workflow.tasks.values() if not t.has_state(TaskState.FINISHED_MASK)]
    if not live:
        return
    root = _common_ancestor(live)
    while root is not None and (root.task_spec.bpmn_id is None or not root.has_state(TaskState.COMPLETED)):
        root = root.parent
    if root is None or root is workflow.task_tree:
        return
    keep = {t.id for t in _subtree(root)}
    for task_id in [tid for tid in workflow.tasks if tid not in keep]:
        del workflow.tasks[task_id]
        if task_id in workflow.subprocesses:
            _drop_subprocess(workflow, task_id)
    root._parent = None
    workflow.task_tree = root
    if workflow.last_task is not None and workflow.last_task.id not in keep:
        workflow.last_task = root


def _drop_subprocess(workflow: BpmnWorkflow, task_id) -> None:
    subprocess = workflow.subprocesses.pop(task_id)
    for child_id in list(subprocess.tasks):
        if child_id in workflow.subprocesses:
            _drop_subprocess(workflow, child_id)


def _common_ancestor(tasks):
    paths = [_path_from_root(t) for t in tasks]
    common = None
    for nodes in zip(*paths, strict=False):
        if all(n is nodes[0] for n in nodes):
            common = nodes[0]
        else:
            break
    return common


def _path_from_root(task):
    path = []
    while task is not None:
        path.append(task)
        task = task.parent
    return path[::-1]


def _subtree(task):
    stack = [task]
    while stack:
        node = stack.pop()
        yield node
        stack.extend(node.children)
