"""``caseflow case``: open, show and list cases; suspend, resume and extend their clocks."""

import click
from flask.cli import AppGroup

from engine import adjustments, queries, runtime
from engine.clock import today
from web.commands.common import COLOURS, DATE, days_text, db, emit, engine_errors, user_id

group = AppGroup("case", help="案件")


@group.command("open")
@click.option("--user", "username", required=True)
@click.option("--party-kind", type=click.Choice(["person", "organization"]), required=True)
@click.option("--party-name", required=True)
@click.option("--credit-code")
@click.option("--id-number")
@click.option("--address")
@click.option("--procedure", type=click.Choice(sorted(runtime.PROCEDURES)), default="general")
@click.option("--violation", "violation_code", default="")
@click.option("--json", "as_json", is_flag=True)
@engine_errors
def case_open(
    username, party_kind, party_name, credit_code, id_number, address, procedure, violation_code, as_json
):
    """Open a case and print its number and first task."""
    party = {
        "kind": party_kind,
        "name": party_name,
        "credit_code": credit_code,
        "id_number": id_number,
        "address": address,
    }
    case = runtime.open_case(
        db(), user_id=user_id(username), party=party, procedure=procedure, violation_code=violation_code
    )
    with db()() as session:
        detail = queries.case_detail(session, case.id)
    emit(
        detail,
        as_json,
        lambda d: (
            [f"已登记案件 {d['id']}：{d['number']}（{d['status_label']}）"]
            + [f"  待办任务 {t['id']}：{t['name']}" for t in d["tasks"] if t["status"] == "open"]
        ),
    )


@group.command("show")
@click.argument("case_id", type=int)
@click.option("--json", "as_json", is_flag=True)
def case_show(case_id, as_json):
    """Show a case with its clocks, tasks and audit trail."""
    with db()() as session:
        detail = queries.case_detail(session, case_id)
        if detail is None:
            raise click.ClickException(f"案件 {case_id} 不存在")
        detail["audit"] = queries.audit_trail(session, case_id)
    emit(detail, as_json, _case_lines)


def _case_lines(d):
    yield f"{d['number']}  当事人：{d['party']}  状态：{d['status_label']}  版本：{d['version']}"
    handlers = ", ".join(map(str, d["handler_ids"])) or "未指定"
    yield f"承办人：{handlers}  流程定义版本：{d['deployment_version']}"
    for c in d["clocks"]:
        state = (
            f"已于 {c['stopped_on']} 完成"
            if c["stopped_on"]
            else f"{COLOURS[c['colour']]}{days_text(c['days_left'])}"
        )
        yield f"期限：{c['label']} 至 {c['due_on']}  {state}"
    if d["late_fee"]:
        yield f"加处罚款：{d['late_fee']['amount']} 元（逾期 {d['late_fee']['days']} 日）"
    yield "任务："
    for t in d["tasks"]:
        due = f"  期限 {t['due_on']}" if t["due_on"] else ""
        yield f"  {t['id']:>5}  {t['status']:<10} {t['name']}（{t['element_id']}）{due}"
    yield "审计："
    for e in d["audit"]:
        yield f"  {e['seq']:>3}  {e['at']}  {e['action']}  {e['task'] or ''}"


@group.command("list")
@click.option("--status")
@click.option("--overdue", is_flag=True, help="only cases with a yellow or red warning")
@click.option("--json", "as_json", is_flag=True)
def case_list(status, overdue, as_json):
    """List cases with their status and warning colour (红 overdue, 黄 due within 2 working days)."""
    with db()() as session:
        rows = queries.list_cases(session, status=status, overdue_only=overdue)
    emit(
        rows,
        as_json,
        lambda rs: [
            f"{r['id']:>5}  {COLOURS[r['colour']]}  {r['number']}  {r['party']}  {r['status_label']}"
            f"{days_text(r['days_left'])}"
            for r in rs
        ],
    )


@group.command("suspend")
@click.argument("case_id", type=int)
@click.option("--user", "username", required=True)
@click.option("--from", "starts_on", type=DATE, required=True)
@click.option("--reason", required=True)
@click.option("--approver", required=True, help="agency head who approved the suspension")
@engine_errors
def case_suspend(case_id, username, starts_on, reason, approver):
    """Suspend the case (中止): the decision clock stops until it resumes."""
    adjustments.record(
        db(),
        case_id,
        user_id(username),
        "suspension",
        starts_on.date(),
        reason,
        approver_id=user_id(approver),
    )
    click.echo(f"案件 {case_id} 已中止")


@group.command("resume")
@click.argument("case_id", type=int)
@click.option("--user", "username", required=True)
@click.option("--on", "ends_on", type=DATE, required=True)
@engine_errors
def case_resume(case_id, username, ends_on):
    """End the open suspension or pending remedy of a case."""
    adjustments.close(db(), case_id, user_id(username), ends_on.date())
    click.echo(f"案件 {case_id} 已恢复计时")


@group.command("extend")
@click.argument("case_id", type=int)
@click.option("--user", "username", required=True)
@click.option("--days", type=int, required=True)
@click.option("--reason", required=True)
@click.option("--approver", required=True)
@engine_errors
def case_extend(case_id, username, days, reason, approver):
    """Extend the decision period by approved days."""
    adjustments.record(
        db(),
        case_id,
        user_id(username),
        "extension",
        today(),
        reason,
        days=days,
        approver_id=user_id(approver),
    )
    click.echo(f"案件 {case_id} 办案期限延长 {days} 日")


@group.command("remedy")
@click.argument("case_id", type=int)
@click.option("--user", "username", required=True)
@click.option("--from", "starts_on", type=DATE, required=True)
@click.option("--reason", required=True, help="e.g. 当事人申请行政复议")
@engine_errors
def case_remedy(case_id, username, starts_on, reason):
    """Record a pending reconsideration or lawsuit: late fees stop accruing meanwhile (art. 73)."""
    adjustments.record(db(), case_id, user_id(username), "remedy", starts_on.date(), reason)
    click.echo(f"案件 {case_id} 已登记复议或诉讼")
