"""Correction orders: the 卫生监督意见书 that orders an inspected institution to correct a finding.

The order is numbered from the agency's 监意 sequence, rendered by the statutory generator and
stored as issued bytes with their hash, in one transaction; issuing again is refused, so a finding
never has two orders with different numbers.
"""

import hashlib
import os
import secrets

from sqlalchemy import select
from sqlalchemy.orm import sessionmaker

import documents
from engine import issuing, numbering
from engine.campaigns import officers, trail
from engine.clock import today
from engine.errors import Conflict
from engine.models import Agency, CorrectionOrder, Finding, Institution
from engine.roles import Role
from engine.runtime import transaction

DOC_TYPE = "supervision_opinion"


def issue(db: sessionmaker, user_id: int, finding_id: int) -> CorrectionOrder:
    """Number, render and store the correction order of a finding."""
    with transaction(db) as session:
        user = officers.acting(session, user_id, Role.HANDLER)
        finding = session.get(Finding, finding_id, with_for_update=True)
        inspection = officers.own(finding.inspection if finding else None, user, "检查发现的问题")
        if session.scalar(select(CorrectionOrder.id).where(CorrectionOrder.finding_id == finding.id)):
            raise Conflict("该问题已出具卫生监督意见书")
        agency = session.get(Agency, user.agency_id)
        number = numbering.next_number(session, agency, DOC_TYPE, today().year)
        verify_code = hashlib.sha256(
            f"order|{finding.id}|{number}|{secrets.token_hex(16)}".encode()
        ).hexdigest()
        content = _render(_document(agency, inspection.institution, finding, number, verify_code))
        order = CorrectionOrder(
            agency_id=agency.id,
            finding_id=finding.id,
            number=number,
            sha256=issuing.sha256(content),
            verify_code=verify_code,
            size=len(content),
            content=content,
            issued_on=today(),
            created_by_id=user.id,
        )
        session.add(order)
        session.flush()
        trail.record(
            session,
            user.id,
            "correction_order.issued",
            {"finding_id": finding.id, "number": number, "sha256": order.sha256},
        )
        return order


def _document(agency: Agency, institution: Institution, finding: Finding, number: str, verify_code: str):
    base_url = os.environ.get("CASEFLOW_BASE_URL", issuing.DEFAULT_BASE_URL).rstrip("/")
    return documents.DocumentData(
        agency=documents.Agency(name=agency.name, short_name=agency.short_name, region=agency.region),
        party=documents.Party(
            kind="organization",
            name=institution.name,
            credit_code=institution.credit_code,
            legal_representative=institution.legal_representative or None,
            address=institution.address or None,
        ),
        case=documents.CaseInfo(number=number),
        issued_on=today(),
        verify_url=f"{base_url}/verify/{verify_code}",
        fields={
            "investigation_summary": f"发现{finding.description}。",
            "violation_code": finding.violation_code,
        },
        number=number,
    )


def _render(doc) -> bytes:
    try:
        return documents.GENERATORS[DOC_TYPE].render(doc)
    except documents.DocumentError as exc:
        raise issuing.DocumentRefused(f"无法生成卫生监督意见书：{exc}", {"documents": [str(exc)]}) from exc
