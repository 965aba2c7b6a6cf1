"""Parse and validate BPMN/DMN bundles; cache parsed specs by content hash.

A bundle is every ``.bpmn``/``.dmn`` file of one deployment (call activities cross files, so they
are versioned together). Parsing is the slow part of running a case, so a parsed bundle is kept in
memory per content hash and shared by every case on that version.
"""

import hashlib
import json
import threading
from collections.abc import Callable
from copy import deepcopy
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree
from SpiffWorkflow.bpmn.parser.ValidationException import ValidationException
from SpiffWorkflow.spiff.parser.process import VALIDATOR, SpiffBpmnParser

from documents import GENERATORS
from engine import expressions
from engine.calendar import parse_period
from engine.errors import DefinitionError
from engine.roles import LANE_ROLES
from engine.timers import adopt_timers
from forms import FORMS

NS = {
    "bpmn": "http://www.omg.org/spec/BPMN/20100524/MODEL",
    "spiffworkflow": "http://spiffworkflow.org/bpmn/schema/1.0/core",
    "dmn": "https://www.omg.org/spec/DMN/20191111/MODEL/",
}
BPMN_DIR = Path(__file__).resolve().parent.parent / "bpmn"
MAX_FILE_BYTES = 2_000_000

_CACHE: dict[str, "Bundle"] = {}
_CACHE_LOCK = threading.Lock()

_SAFE_PARSER = etree.XMLParser(
    resolve_entities=False,
    no_network=True,
    load_dtd=False,
    dtd_validation=False,
    huge_tree=False,
    remove_comments=True,
)


@dataclass(frozen=True)
class Problem:
    """One reason a bundle cannot be deployed, addressed to the admin who drew it."""

    file: str
    element_id: str
    name: str
    reason: str

    def as_dict(self) -> dict:
        return {"file": self.file, "element_id": self.element_id, "name": self.name, "reason": self.reason}


@dataclass(frozen=True)
class Element:
    """What the engine needs to know about a flow node without deserialising any workflow."""

    process_id: str
    id: str
    name: str
    kind: str
    lane: str | None
    properties: dict = field(default_factory=dict)
    fingerprint: str = ""


@dataclass(frozen=True)
class Flow:
    process_id: str
    id: str
    source: str
    target: str
    condition: str | None = None


@dataclass
class Bundle:
    content_hash: str
    parser: SpiffBpmnParser
    elements: dict[str, Element]
    flows: list[Flow]
    _specs: dict = field(default_factory=dict)

    def specs(self, process_id: str):
        """Return (spec, subprocess_specs) for a top-level process, parsed once per bundle."""
        if process_id not in self._specs:
            spec, subprocess_specs = (
                self.parser.get_spec(process_id),
                self.parser.get_subprocess_specs(process_id),
            )
            unsupported = adopt_timers([spec, *subprocess_specs.values()])
            if unsupported:
                raise DefinitionError(
                    "只支持 timeDate 定时器",
                    {
                        "problems": [
                            Problem("", element_id, "", "只支持指定日期（timeDate）的定时器").as_dict()
                            for element_id in unsupported
                        ]
                    },
                )
            self._specs[process_id] = (spec, subprocess_specs)
        return self._specs[process_id]


def read_bundle(directory: Path = BPMN_DIR) -> dict[str, str]:
    """Read the definition files of a folder, keyed by file name."""
    return {
        path.name: path.read_text(encoding="utf-8")
        for path in sorted(directory.iterdir())
        if path.suffix in (".bpmn", ".dmn")
    }


def bundle_hash(files: dict[str, str]) -> str:
    """Hash a bundle independently of dict order, so redeploying the same files is a no-op."""
    canonical = json.dumps(files, sort_keys=True, ensure_ascii=False).encode("utf-8")
    return hashlib.sha256(canonical).hexdigest()


def parse_xml(text: str, filename: str) -> etree._Element:
    """Parse untrusted XML: no DTD, no entities, no network; refuse rather than expand."""
    data = text.encode("utf-8") if isinstance(text, str) else text
    if len(data) > MAX_FILE_BYTES:
        raise DefinitionError(
            "文件过大", {"problems": [Problem(filename, "", "", "文件超过 2 MB").as_dict()]}
        )
    if b"<!DOCTYPE" in data.upper() or b"<!ENTITY" in data.upper():
        raise DefinitionError(
            "定义文件包含 DOCTYPE/ENTITY 声明",
            {
                "problems": [
                    Problem(
                        filename, "", "", "不允许 DOCTYPE 或实体声明（防止 XXE 与实体膨胀攻击）"
                    ).as_dict()
                ]
            },
        )
    try:
        return etree.fromstring(data, _SAFE_PARSER)
    except etree.XMLSyntaxError as exc:
        raise DefinitionError(
            "XML 格式错误", {"problems": [Problem(filename, "", "", f"XML 格式错误：{exc}").as_dict()]}
        ) from exc


def cached_bundle(content_hash: str, files: Callable[[], dict[str, str]]) -> Bundle:
    """Return the parsed bundle of a deployed version; ``files`` is only called on a cache miss."""
    with _CACHE_LOCK:
        bundle = _CACHE.get(content_hash)
    if bundle is None:
        bundle = load_bundle(files())
        with _CACHE_LOCK:
            _CACHE[content_hash] = bundle
    return bundle


def load_bundle(files: dict[str, str]) -> Bundle:
    """Parse and validate a bundle, or raise DefinitionError listing every problem found."""
    content_hash = bundle_hash(files)
    roots = {name: parse_xml(text, name) for name, text in files.items()}
    parser = SpiffBpmnParser(validator=VALIDATOR)
    problems = []
    for name, root in roots.items():
        try:
            if name.endswith(".dmn"):
                parser.add_dmn_xml(root, filename=name)
            else:
                parser.add_bpmn_xml(root, filename=name)
        except ValidationException as exc:
            problems.append(
                Problem(
                    name,
                    getattr(exc, "id", "") or "",
                    getattr(exc, "name", "") or "",
                    f"BPMN 校验失败：{exc}",
                )
            )
    elements, flows = {}, []
    for name, root in roots.items():
        if name.endswith(".bpmn"):
            problems += _collect_bpmn(name, root, elements, flows)
        else:
            problems += _check_dmn(name, root)
    bundle = Bundle(content_hash, parser, elements, flows)
    if not problems:
        problems += _check_specs(bundle)
    if problems:
        raise DefinitionError("流程定义校验未通过", {"problems": [p.as_dict() for p in problems]})
    return bundle


def _collect_bpmn(filename: str, root, elements: dict, flows: list) -> list[Problem]:
    problems = []
    for process in root.iterfind("bpmn:process", NS):
        pid = process.get("id")
        lanes = {
            ref.text.strip(): lane.get("name")
            for lane in process.iterfind(".//bpmn:lane", NS)
            for ref in lane.iterfind("bpmn:flowNodeRef", NS)
        }
        for node in process:
            kind = etree.QName(node).localname
            if kind in ("laneSet", "sequenceFlow", "extensionElements", "documentation") or not node.get(
                "id"
            ):
                continue
            element = Element(
                pid,
                node.get("id"),
                node.get("name") or "",
                kind,
                lanes.get(node.get("id")),
                _properties(node),
                _fingerprint(node),
            )
            if element.id in elements:
                problems.append(
                    Problem(filename, element.id, element.name, "元素编号重复（各流程定义文件中须唯一）")
                )
            elements[element.id] = element
            problems += _check_element(filename, node, element)
        process_flows = [
            Flow(
                pid,
                flow.get("id"),
                flow.get("sourceRef"),
                flow.get("targetRef"),
                (flow.findtext("bpmn:conditionExpression", None, NS) or "").strip() or None,
            )
            for flow in process.iterfind("bpmn:sequenceFlow", NS)
        ]
        for flow in process.iterfind("bpmn:sequenceFlow", NS):
            problems += _check_expression(filename, flow, flow.findtext("bpmn:conditionExpression", None, NS))
        problems += _check_gateways(filename, process, process_flows)
        flows += process_flows
    return problems


DEFAULT_ATTRIBUTES = {
    "cancelActivity": "true",
    "isInterrupting": "true",
    "isForCompensation": "false",
    "startQuantity": "1",
    "completionQuantity": "1",
    "parallelMultiple": "false",
}


def _fingerprint(node) -> str:
    """Canonical XML of a flow node without its flow references (flows are compared on their own).

    Attributes written out at their default value are dropped: modelers differ in whether they
    write them, and a re-saved diagram must not look changed.
    """
    copy = deepcopy(node)
    for ref in [*copy.iterfind("bpmn:incoming", NS), *copy.iterfind("bpmn:outgoing", NS)]:
        copy.remove(ref)
    for element in copy.iter():
        for name, default in DEFAULT_ATTRIBUTES.items():
            if element.get(name) == default:
                del element.attrib[name]
    return hashlib.sha256(etree.tostring(copy, method="c14n")).hexdigest()


def _check_gateways(filename: str, process, flows: list[Flow]) -> list[Problem]:
    """Every branch out of an exclusive gateway needs a condition, except the one marked default."""
    problems = []
    for gateway in process.iterfind("bpmn:exclusiveGateway", NS):
        outgoing = [f for f in flows if f.source == gateway.get("id")]
        if len(outgoing) < 2:
            continue
        for flow in outgoing:
            if flow.condition is None and flow.id != gateway.get("default"):
                problems.append(
                    Problem(
                        filename,
                        flow.id,
                        gateway.get("name") or "",
                        f"排他网关“{gateway.get('id')}”的出口“{flow.id}”既没有条件也不是默认出口",
                    )
                )
    return problems


def _properties(node) -> dict:
    return {
        prop.get("name"): prop.get("value")
        for prop in node.iterfind(
            "bpmn:extensionElements/spiffworkflow:properties/spiffworkflow:property", NS
        )
    }


def _check_element(filename: str, node, element: Element) -> list[Problem]:
    problems = []
    where = (filename, element.id, element.name)
    if element.kind == "userTask":
        if element.lane not in LANE_ROLES:
            problems.append(Problem(*where, f"用户任务所在泳道“{element.lane or '无'}”没有对应的角色"))
        form_key = element.properties.get("formKey")
        if form_key not in FORMS:
            problems.append(Problem(*where, f"用户任务的表单“{form_key or '未指定'}”未注册"))
    if element.kind == "scriptTask":
        problems += _check_expression(filename, node, node.findtext("bpmn:script", None, NS), "exec")
    for timer in node.iterfind(".//bpmn:timerEventDefinition/bpmn:timeDate", NS):
        problems += _check_expression(filename, node, timer.text)
    for doc_type in (element.properties.get("documents") or "").split(","):
        if doc_type.strip() and doc_type.strip() not in GENERATORS:
            problems.append(Problem(*where, f"文书类型“{doc_type.strip()}”没有对应的生成器"))
    if element.properties.get("deadline"):
        try:
            parse_period(element.properties["deadline"])
        except ValueError as exc:
            problems.append(Problem(*where, str(exc)))
    return problems


def _check_expression(filename: str, node, source: str | None, mode: str = "eval") -> list[Problem]:
    if not source or not source.strip():
        return []
    try:
        expressions.check(source, mode)
    except (SyntaxError, expressions.ExpressionError) as exc:
        return [
            Problem(
                filename,
                node.get("id") or "",
                node.get("name") or "",
                f"表达式“{source.strip()}”不能在受限求值器中运行：{exc}",
            )
        ]
    return []


def _check_dmn(filename: str, root) -> list[Problem]:
    problems = []
    for table in root.iterfind(".//dmn:decisionTable", NS):
        for expr in table.iterfind("dmn:input/dmn:inputExpression/dmn:text", NS):
            problems += _check_expression(filename, table, expr.text)
        for cell in table.iterfind("dmn:rule/dmn:outputEntry/dmn:text", NS):
            problems += _check_expression(filename, table, cell.text)
        for cell in table.iterfind("dmn:rule/dmn:inputEntry/dmn:text", NS):
            problems += _check_dmn_input_cell(filename, table, cell.text)
    return problems


def _check_dmn_input_cell(filename: str, table, text: str | None) -> list[Problem]:
    """An input cell is a value (compared with ==) or starts with an operator; try both, as Spiff does."""
    if not text or not text.strip() or text.strip() == "-":
        return []
    if not _check_expression(filename, table, text):
        return []
    return _check_expression(filename, table, f"v {text}")


def _check_specs(bundle: Bundle) -> list[Problem]:
    problems = []
    for process_id in bundle.parser.get_process_ids():
        try:
            bundle.specs(process_id)
        except DefinitionError as exc:
            problems += [Problem(**p) for p in exc.details["problems"]]
        except ValidationException as exc:
            problems.append(
                Problem(
                    getattr(exc, "file_name", "") or "",
                    getattr(exc, "id", "") or "",
                    getattr(exc, "name", "") or "",
                    f"流程解析失败：{exc}",
                )
            )
    return problems
