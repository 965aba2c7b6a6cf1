"""Hash-chained audit trail: every row's hash covers its content and the previous row of the same case.

Each case has its own chain, so appends only contend on the case row that the operation already
holds; ``verify`` recomputes every chain and reports the first row that does not match.
"""

import hashlib
import json
from dataclasses import dataclass

from sqlalchemy import select, text
from sqlalchemy.orm import Session

from engine.clock import utcnow
from engine.models import AUDIT_GENESIS as GENESIS
from engine.models import AuditEvent, Case

AGENCY_CHAIN_LOCK = 0x63617365  # "case": any constant shared by all processes


def _digest(event: AuditEvent) -> str:
    body = {
        "case_id": event.case_id,
        "seq": event.seq,
        "actor_id": event.actor_id,
        "action": event.action,
        "data": event.data,
        "created_at": event.created_at.isoformat(timespec="microseconds"),
        "prev_hash": event.prev_hash,
    }
    canonical = json.dumps(body, sort_keys=True, ensure_ascii=False, separators=(",", ":"), default=str)
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def record(session: Session, case: Case | None, actor_id: int | None, action: str, data: dict) -> AuditEvent:
    """Append one event to the chain of ``case`` (or the agency-wide chain for ``None``).

    A case keeps the head of its chain on its own row, which the operation already holds locked,
    so two appends to one case cannot interleave.
    """
    if case is None:
        _lock_agency_chain(session)
        last = session.execute(
            select(AuditEvent.seq, AuditEvent.hash)
            .where(AuditEvent.case_id.is_(None))
            .order_by(AuditEvent.seq.desc())
            .limit(1)
        ).first()
        seq, prev_hash = (last.seq, last.hash) if last else (0, GENESIS)
    else:
        seq, prev_hash = case.audit_seq, case.audit_hash
    event = AuditEvent(
        case_id=case.id if case else None,
        seq=seq + 1,
        actor_id=actor_id,
        action=action,
        data=data,
        created_at=utcnow(),
        prev_hash=prev_hash,
    )
    event.hash = _digest(event)
    if case is not None:
        case.audit_seq, case.audit_hash = event.seq, event.hash
    session.add(event)
    return event


def _lock_agency_chain(session: Session) -> None:
    """Serialise appends to the chain of events that belong to no case (deployments, calendar...).

    On PostgreSQL a transaction-scoped advisory lock; SQLite transactions are serialised already.
    """
    if session.get_bind().dialect.name == "postgresql":
        session.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": AGENCY_CHAIN_LOCK})


@dataclass(frozen=True)
class Break:
    case_id: int | None
    seq: int
    reason: str


_NO_CHAIN = object()


def verify(session: Session) -> tuple[int, list[Break]]:
    """Recompute every chain; return the number of rows checked and the breaks found.

    The events are streamed in chain order, a thousand at a time, and only the running chain's head
    is kept: a province's trail runs to millions of events, more than a check should hold in memory.
    """
    events = session.scalars(
        select(AuditEvent).order_by(AuditEvent.case_id, AuditEvent.seq).execution_options(yield_per=1000)
    )
    breaks, checked = [], 0
    chain, expected_prev, expected_seq = _NO_CHAIN, GENESIS, 1
    for event in events:
        if event.case_id != chain:
            chain, expected_prev, expected_seq = event.case_id, GENESIS, 1
        if event.seq != expected_seq:
            breaks.append(Break(event.case_id, event.seq, f"序号不连续，应为 {expected_seq}"))
        if event.prev_hash != expected_prev:
            breaks.append(Break(event.case_id, event.seq, "前一条记录的哈希不符（记录被删除或篡改）"))
        if _digest(event) != event.hash:
            breaks.append(Break(event.case_id, event.seq, "记录内容与哈希不符（记录被篡改）"))
        expected_prev, expected_seq = event.hash, event.seq + 1
        checked += 1
    return checked, breaks
