"""Compare two deployed versions of the procedure element by element.

Admins see what a new version adds, removes and changes before they deploy it or move running
cases onto it; instance migration refuses a case that has touched anything changed or removed.
An element counts as changed when its own XML differs or any flow out of it does (target or
condition), since either changes what happens after it.
"""

from dataclasses import dataclass

from engine.specs import Bundle, Element


@dataclass(frozen=True)
class Change:
    id: str
    name: str
    kind: str
    process_id: str
    what: str

    def as_dict(self) -> dict:
        return {
            "id": self.id,
            "name": self.name,
            "kind": self.kind,
            "process_id": self.process_id,
            "what": self.what,
        }


@dataclass(frozen=True)
class BundleDiff:
    added: list[Change]
    removed: list[Change]
    changed: list[Change]

    def touched_ids(self) -> set[str]:
        return {c.id for c in self.removed} | {c.id for c in self.changed}

    def as_dict(self) -> dict:
        return {key: [c.as_dict() for c in getattr(self, key)] for key in ("added", "removed", "changed")}


def diff(old: Bundle, new: Bundle) -> BundleDiff:
    """Elements added, removed and changed from ``old`` to ``new``."""
    old_out, new_out = _outgoing(old), _outgoing(new)
    added = [_change(e, "新增") for i, e in sorted(new.elements.items()) if i not in old.elements]
    removed = [_change(e, "删除") for i, e in sorted(old.elements.items()) if i not in new.elements]
    changed = []
    for element_id, before in sorted(old.elements.items()):
        after = new.elements.get(element_id)
        if after is None:
            continue
        what = _what_changed(before, after, old_out.get(element_id, set()), new_out.get(element_id, set()))
        if what:
            changed.append(_change(after, "；".join(what)))
    return BundleDiff(added, removed, changed)


def _outgoing(bundle: Bundle) -> dict[str, set]:
    flows: dict[str, set] = {}
    for flow in bundle.flows:
        flows.setdefault(flow.source, set()).add((flow.target, flow.condition))
    return flows


def _what_changed(before: Element, after: Element, out_before: set, out_after: set) -> list[str]:
    what = []
    if before.name != after.name:
        what.append(f"名称“{before.name}”改为“{after.name}”")
    if before.lane != after.lane:
        what.append(f"泳道“{before.lane}”改为“{after.lane}”")
    if before.properties != after.properties:
        what.append("扩展属性（表单、期限、文书等）变更")
    if out_before != out_after:
        what.append("后续流向或条件变更")
    if not what and before.fingerprint != after.fingerprint:
        what.append("定义内容变更")
    return what


def _change(element: Element, what: str) -> Change:
    return Change(element.id, element.name, element.kind, element.process_id, what)
