"""Separation of duties: who may take which task of which case.

The lanes of the diagram say which role a task needs; these rules add what the law adds on top:
an officer who handles a case never approves, reviews or presides over it (行政处罚法 arts 43, 58,
64), and once a case is registered only its assigned handlers work its handler tasks.
"""

from sqlalchemy import select
from sqlalchemy.orm import Session

from engine.models import Case, HumanTask, User
from engine.roles import ROLE_LABELS, Role


def involved_handlers(session: Session, case: Case) -> set[int]:
    """Assigned handlers plus anyone who completed a handler task of the case (e.g. the intake officer)."""
    done = session.scalars(
        select(HumanTask.completed_by_id).where(
            HumanTask.case_id == case.id,
            HumanTask.role == Role.HANDLER,
            HumanTask.completed_by_id.is_not(None),
        )
    ).all()
    return case.handler_ids | set(done)


def refusal(session: Session, user: User, case: Case, role: str) -> str | None:
    """Return why ``user`` may not work on a task of ``role`` in ``case``, or None if they may."""
    if not user.active:
        return "账号已停用"
    if user.agency_id != case.agency_id:
        return "不能办理其他机关的案件"
    if role not in user.roles:
        return f"此任务需要“{ROLE_LABELS.get(role, role)}”角色"
    if role == Role.HANDLER:
        if case.handler_ids and user.id not in case.handler_ids:
            return "只有本案的承办人可以办理此任务"
        return None
    if user.id in involved_handlers(session, case):
        return "本案承办人不得审核、审批或主持听证本案（职能分离）"
    return None


def eligible_officers(session: Session, agency_id: int, user_ids: list[int]) -> dict[int, str]:
    """Check that each id is an active handler of the agency holding an enforcement certificate."""
    users = {u.id: u for u in session.scalars(select(User).where(User.id.in_(user_ids))).all()}
    problems = {}
    for user_id in user_ids:
        user = users.get(user_id)
        if user is None or not user.active or user.agency_id != agency_id:
            problems[user_id] = f"用户 {user_id} 不是本机关的在职人员"
        elif Role.HANDLER not in user.roles:
            problems[user_id] = f"{user.full_name} 不是执法人员（承办人）"
        elif not user.certificate_no:
            problems[user_id] = f"{user.full_name} 未持有行政执法证件"
    return problems
