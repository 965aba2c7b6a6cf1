"""Recorded pauses of a case's clocks: suspension (中止), extension (延期), pending remedy (复议/诉讼).

Each is an operation of its own with an audit row; suspensions and extensions need the approval
of an agency head (机关负责人) of the case's agency, named on the record.
"""

from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import sessionmaker

from engine import audit
from engine.errors import Conflict, Forbidden, InvalidSubmission, NotFound
from engine.models import Case, CaseClockAdjustment, User
from engine.roles import Role
from engine.runtime import transaction

KINDS = {"suspension": "案件中止", "extension": "延长办案期限", "remedy": "复议或诉讼期间（暂停加处罚款）"}


def record(
    db: sessionmaker,
    case_id: int,
    user_id: int,
    kind: str,
    starts_on: date,
    reason: str,
    *,
    days: int = 0,
    ends_on: date | None = None,
    approver_id: int | None = None,
) -> CaseClockAdjustment:
    """Record a suspension, an extension (``days``) or a pending remedy for the case."""
    if kind not in KINDS:
        raise InvalidSubmission("类型无效", {"kind": [f"应为 {', '.join(KINDS)} 之一"]})
    if not reason.strip():
        raise InvalidSubmission("请填写理由", {"reason": ["必填项"]})
    if kind == "extension" and days <= 0:
        raise InvalidSubmission("延长天数须为正数", {"days": ["延长天数须为正数"]})
    if ends_on is not None and ends_on < starts_on:
        raise InvalidSubmission("结束日期早于开始日期", {"ends_on": ["结束日期早于开始日期"]})
    with transaction(db) as session:
        case = _case(session, case_id, user_id)
        if kind != "remedy":
            _check_approver(session, case, approver_id)
        row = CaseClockAdjustment(
            case_id=case.id,
            kind=kind,
            starts_on=starts_on,
            ends_on=ends_on,
            days=days,
            reason=reason.strip(),
            approved_by_id=approver_id,
            recorded_by_id=user_id,
        )
        session.add(row)
        session.flush()
        audit.record(
            session,
            case,
            user_id,
            f"clock.{kind}",
            {
                "adjustment_id": row.id,
                "starts_on": starts_on.isoformat(),
                "days": days,
                "ends_on": ends_on.isoformat() if ends_on else None,
                "reason": row.reason,
                "approved_by_id": approver_id,
            },
        )
        return row


def close(db: sessionmaker, case_id: int, user_id: int, ends_on: date) -> CaseClockAdjustment:
    """End the open suspension or pending remedy of the case (恢复)."""
    with transaction(db) as session:
        case = _case(session, case_id, user_id)
        row = session.scalar(
            select(CaseClockAdjustment)
            .where(
                CaseClockAdjustment.case_id == case.id,
                CaseClockAdjustment.ends_on.is_(None),
                CaseClockAdjustment.kind.in_(("suspension", "remedy")),
            )
            .order_by(CaseClockAdjustment.id.desc())
        )
        if row is None:
            raise Conflict("本案没有未结束的中止或复议诉讼记录")
        if ends_on < row.starts_on:
            raise InvalidSubmission("结束日期早于开始日期", {"ends_on": ["结束日期早于开始日期"]})
        row.ends_on = ends_on
        audit.record(
            session,
            case,
            user_id,
            f"clock.{row.kind}_ended",
            {"adjustment_id": row.id, "ends_on": ends_on.isoformat()},
        )
        return row


def _case(session, case_id: int, user_id: int) -> Case:
    case = session.get(Case, case_id, with_for_update=True)
    if case is None:
        raise NotFound(f"案件 {case_id} 不存在")
    user = session.get(User, user_id)
    if user is None or user.agency_id != case.agency_id:
        raise Forbidden("不能办理其他机关的案件")
    return case


def _check_approver(session, case: Case, approver_id: int | None) -> None:
    approver = session.get(User, approver_id) if approver_id else None
    if approver is None or approver.agency_id != case.agency_id or Role.AGENCY_HEAD not in approver.roles:
        raise Forbidden("中止或延期须经本机关负责人批准")
