"""The plain data a document is made from, gathered by the caller from the case, its party and its tasks.

Nothing here reaches into the database: the web layer copies values in, so generators can be
tested and benchmarked with literals.
"""

import json
from collections.abc import Mapping
from dataclasses import dataclass, field, is_dataclass
from dataclasses import fields as dataclass_fields
from datetime import date
from decimal import Decimal
from typing import Any


@dataclass(frozen=True)
class Agency:
    """The deciding agency; region names its level of government (e.g. 示例县) for the 复议 route."""

    name: str
    short_name: str
    region: str = ""


@dataclass(frozen=True)
class Party:
    """The party as the case file identifies it; kind is "person" or "organization"."""

    kind: str
    name: str
    id_number: str | None = None
    credit_code: str | None = None
    legal_representative: str | None = None
    address: str | None = None


@dataclass(frozen=True)
class CaseInfo:
    """Case identity; cause (案由) and registered_on exist only once the case is registered."""

    number: str
    cause: str | None = None
    registered_on: date | None = None


@dataclass(frozen=True)
class Officer:
    """An enforcement officer; the certificate number is what the party is shown (行政处罚法 art 55)."""

    name: str
    certificate_no: str = ""


@dataclass(frozen=True)
class DocumentData:
    """Everything one document needs.

    fields is the merged case and task data of the procedure contract, as the workflow stores it
    (dates as YYYY-MM-DD strings or dates, money as numbers, strings or Decimals). Three keys come
    from the engine rather than a form: hearing_right (the DMN outcome), decision_number (the penalty
    decision's 文号, cited by 送达回执, 催告书, 强制执行申请书, 结案报告) and late_fee (加处罚款 as of
    issued_on, for 催告书 and 强制执行申请书). number is this document's own 文号, None for internal records.
    """

    agency: Agency
    party: Party
    case: CaseInfo
    issued_on: date
    verify_url: str
    fields: Mapping[str, Any] = field(default_factory=dict)
    number: str | None = None
    officers: tuple[Officer, ...] = ()
    reviewer: str | None = None
    approver: str | None = None
    presider: str | None = None


def to_payload(doc: DocumentData) -> dict:
    """A JSON-safe copy of doc, frozen when the document is issued and rendered from later.

    Dates and amounts in fields become strings, which every generator accepts as well.
    """
    return json.loads(json.dumps(_shallow(doc), ensure_ascii=False, default=_plain))


def from_payload(payload: Mapping) -> DocumentData:
    case = dict(payload["case"])
    case["registered_on"] = _day(case.get("registered_on"))
    return DocumentData(
        agency=Agency(**payload["agency"]),
        party=Party(**payload["party"]),
        case=CaseInfo(**case),
        issued_on=_day(payload["issued_on"]),
        verify_url=payload["verify_url"],
        fields=payload.get("fields") or {},
        number=payload.get("number"),
        officers=tuple(Officer(**officer) for officer in payload.get("officers") or ()),
        reviewer=payload.get("reviewer"),
        approver=payload.get("approver"),
        presider=payload.get("presider"),
    )


def _shallow(value) -> dict:
    """A dataclass as a dict of its own fields; json walks the rest. ``asdict`` would deep-copy the
    step's whole form data first, the costliest part of issuing a document."""
    return {f.name: getattr(value, f.name) for f in dataclass_fields(value)}


def _plain(value):
    if is_dataclass(value):
        return _shallow(value)
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, set | frozenset):
        return sorted(value)
    raise TypeError(f"{type(value).__name__} cannot be frozen into a document payload")


def _day(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None
