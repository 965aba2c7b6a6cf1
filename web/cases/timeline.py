"""The case timeline, read from the hash-chained audit trail: who did what, when, and why it went back."""

from sqlalchemy import select
from sqlalchemy.orm import Session

from engine.models import AuditEvent, Case, HumanTask
from web.tasks import sendbacks

ACTIONS = {
    "case.opened": "登记案件",
    "task.claimed": "认领",
    "task.released": "释放",
    "task.assigned": "分派",
    "task.completed": "办理",
    "timer.fired": "期限届满",
    "clock.suspension": "中止办案期限",
    "clock.extension": "延长办案期限",
    "clock.remedy": "登记复议或诉讼",
    "clock.suspension_ended": "恢复计时",
    "clock.remedy_ended": "复议或诉讼结束",
}


def entries(session: Session, case: Case, names: dict[int, str]) -> list[dict]:
    """Events of the case, oldest first; a send-back carries its reason."""
    tasks = {
        row.id: row
        for row in session.execute(
            select(HumanTask.id, HumanTask.form_key, HumanTask.name).where(HumanTask.case_id == case.id)
        )
    }
    events = session.scalars(select(AuditEvent).where(AuditEvent.case_id == case.id).order_by(AuditEvent.seq))
    return [_entry(event, names, tasks) for event in events]


def _entry(event: AuditEvent, names: dict[int, str], tasks: dict) -> dict:
    data = event.data or {}
    task = tasks.get(data.get("task_id"))
    detail = task.name if task else data.get("name") or data.get("reason") or ""
    if event.action == "task.assigned":
        detail = f"{detail} 交由 {names.get(data.get('assignee_id'), '')}"
    send_back = None
    if event.action == "task.completed" and task is not None:
        send_back = sendbacks.reason(task.form_key, data.get("data"))
    return {
        "seq": event.seq,
        "at": event.created_at,
        "actor": names.get(event.actor_id, "系统"),
        "action": ACTIONS.get(event.action, event.action),
        "detail": detail,
        "send_back": send_back,
    }
