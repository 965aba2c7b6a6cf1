"""Legal guards on submitted task data, registered by form key.

A form schema checks shape; a guard checks what needs the database or the law: that registration
names two certified officers, that a fine lies in the statutory range, that a defence never raises
the penalty, that an on-the-spot fine stays within art. 51. Each guard returns field → messages.
"""

from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy.orm import Session

from engine import deadlines, duties
from engine.legal_ranges import check_fine
from engine.models import Case, User

SUMMARY_FINE_LIMITS = {"person": Decimal(200), "organization": Decimal(3000)}


@dataclass(frozen=True)
class GuardContext:
    session: Session
    case: Case
    user: User
    data: dict
    case_data: dict

    def value(self, key: str, default=None):
        """Latest value of a variable: this submission first, then what the case already holds."""
        return self.data.get(key, self.case_data.get(key, default))


Guard = Callable[[GuardContext], dict[str, list[str]]]


def _officers(ctx: GuardContext, field: str, minimum: int = 2) -> dict[str, list[str]]:
    ids = list(dict.fromkeys(ctx.data.get(field) or []))
    if len(ids) < minimum:
        return {field: [f"至少需要 {minimum} 名执法人员"]}
    problems = duties.eligible_officers(ctx.session, ctx.case.agency_id, ids)
    return {field: list(problems.values())} if problems else {}


def registration(ctx: GuardContext) -> dict[str, list[str]]:
    if ctx.data.get("registration_decision") != "register":
        return {}
    errors = _officers(ctx, "handler_ids")
    if ctx.user.id in (ctx.data.get("handler_ids") or []):
        errors.setdefault("handler_ids", []).append("审批人不得指定自己为本案承办人")
    return errors


def _money(value) -> Decimal:
    return Decimal(str(value or 0))


def conclusion(ctx: GuardContext) -> dict[str, list[str]]:
    if ctx.data.get("proposal") != "penalty":
        return {}
    if "confiscate_income" in ctx.data.get("penalty_types", []) and not _money(
        ctx.data.get("confiscation_amount")
    ):
        return {"confiscation_amount": ["拟没收违法所得时须填写没收金额"]}
    reason = check_fine(
        ctx.data["violation_code"],
        _money(ctx.data.get("fine_amount")),
        _money(ctx.data.get("illegal_income")),
        ctx.data.get("discretion_tier", "general"),
    )
    return {"fine_amount": [reason]} if reason else {}


def statement_review(ctx: GuardContext) -> dict[str, list[str]]:
    """行政处罚法 art. 45: the penalty must never be raised because the party defended themselves."""
    if not ctx.data.get("penalty_changed"):
        return {}
    revised, current = _money(ctx.data.get("revised_fine_amount")), _money(ctx.value("fine_amount"))
    if revised > current:
        return {"revised_fine_amount": ["不得因当事人陈述、申辩而给予更重的处罚"]}
    reason = check_fine(
        ctx.value("violation_code", ""),
        revised,
        _money(ctx.value("illegal_income")),
        ctx.value("discretion_tier", "general"),
    )
    return {"revised_fine_amount": [reason]} if reason else {}


def hearing_notice(ctx: GuardContext) -> dict[str, list[str]]:
    errors = {}
    presider = ctx.session.get(User, ctx.data["presider_id"])
    if presider is None or presider.agency_id != ctx.case.agency_id or not presider.active:
        errors["presider_id"] = ["听证主持人须为本机关在职人员"]
    elif presider.id in duties.involved_handlers(ctx.session, ctx.case):
        errors["presider_id"] = ["听证主持人不得由本案调查人员担任"]
    earliest = deadlines.working_days_after(ctx.data["hearing_notified_on"], 7)
    if ctx.data["hearing_date"] < earliest:
        errors["hearing_date"] = [f"应在举行听证的7个工作日前通知当事人：听证日期不得早于 {earliest}"]
    return errors


def onsite_decision(ctx: GuardContext) -> dict[str, list[str]]:
    """行政处罚法 art. 51: on the spot only a warning or a small fine."""
    errors = _officers(ctx, "officer_ids")
    limit = SUMMARY_FINE_LIMITS[ctx.value("party_type", "person")]
    if _money(ctx.data.get("fine_amount")) > limit:
        who = "公民" if ctx.value("party_type") == "person" else "法人或者其他组织"
        errors["fine_amount"] = [f"当场处罚对{who}的罚款不得超过 {limit} 元，应适用普通程序"]
    return errors


def task_force(ctx: GuardContext) -> dict[str, list[str]]:
    return _officers(ctx, "task_force_ids")


def legal_review(ctx: GuardContext) -> dict[str, list[str]]:
    """行政处罚法 art. 58: legal reviewers need the national legal professional qualification."""
    if ctx.user.legal_qualification:
        return {}
    return {"legal_review_result": ["法制审核人员须取得国家统一法律职业资格"]}


GUARDS: dict[str, Guard] = {
    "registration_approval": registration,
    "investigation_conclusion": conclusion,
    "statement_review": statement_review,
    "hearing_notice": hearing_notice,
    "onsite_decision": onsite_decision,
    "transfer_report": task_force,
    "legal_review": legal_review,
}


def check(form_key: str, ctx: GuardContext) -> dict[str, list[str]]:
    guard = GUARDS.get(form_key)
    return guard(ctx) if guard else {}
