"""Operator commands: the timer worker, the audit check and the working-day calendar."""

import sys
import time

import click
from flask.cli import AppGroup, with_appcontext

from engine import audit, calendar_store, rendering, worker
from web.commands.common import DATE, db, user_id

RENDER_BATCH = 100


@click.command("worker")
@click.option("--once", is_flag=True, help="fire what is due and exit (for cron and tests)")
@click.option(
    "--now",
    type=click.DateTime(["%Y-%m-%dT%H:%M:%S", "%Y-%m-%d"]),
    help="treat this UTC time as now (replaying or testing)",
)
@click.option("--interval", type=float, default=30.0, help="seconds between timer rounds")
@click.option("--render-interval", type=float, default=1.0, help="seconds between looks for unrendered PDFs")
@with_appcontext
def worker_command(once, now, interval, render_interval):
    """Fire due BPMN timers exactly once, refresh task due dates and render the PDFs steps issued."""
    next_timers = 0.0
    while True:
        rendered = rendering.render_pending(db(), limit=None if once else RENDER_BATCH)
        if rendered:
            click.echo(f"生成文书 PDF {rendered} 份")
        if once or time.monotonic() >= next_timers:
            changed = worker.refresh_due_dates(db())
            fired = worker.fire_due_timers(db(), now)
            click.echo(f"触发定时器 {fired} 个；更新任务期限 {changed} 项")
            next_timers = time.monotonic() + interval
        if once:
            return
        if not rendered:
            time.sleep(render_interval)


audit_group = AppGroup("audit", help="审计日志")


@audit_group.command("verify")
def audit_verify():
    """Recompute the hash chains of the audit trail; exit 1 if any row was changed or removed."""
    with db()() as session:
        count, breaks = audit.verify(session)
    for item in breaks:
        click.echo(f"案件 {item.case_id} 第 {item.seq} 条：{item.reason}", err=True)
    click.echo(f"已校验 {count} 条审计记录，发现 {len(breaks)} 处异常")
    if breaks:
        sys.exit(1)


calendar_group = AppGroup("calendar", help="工作日历（法定节假日与调休）")


@calendar_group.command("show")
@click.argument("year", type=int)
def calendar_show(year):
    """List the holidays and adjusted working days of a year."""
    with db()() as session:
        rows = calendar_store.days_of_year(session, year)
        known = calendar_store.is_known(session, year)
    click.echo(f"{year} 年{'（已发布）' if known else '（未发布：仅按周末计算，期限标记为待确认）'}")
    for row in rows:
        click.echo(f"  {row.day.isoformat()}  {'上班' if row.is_workday else '休息'}  {row.note}")


@calendar_group.command("set")
@click.argument("day", type=DATE)
@click.option("--workday/--holiday", required=True)
@click.option("--note", default="")
@click.option("--user", "username", required=True)
def calendar_set(day, workday, note, username):
    """Mark a day as a holiday or an adjusted working day."""
    with db().begin() as session:
        calendar_store.set_day(session, day.date(), workday, note, user_id(username))
    click.echo(f"{day.date().isoformat()} 已设为{'工作日' if workday else '休息日'}")


@calendar_group.command("publish")
@click.argument("year", type=int)
@click.option("--user", "username", required=True)
def calendar_publish(year, username):
    """Mark a year's schedule as complete: its deadlines are then confirmed."""
    with db().begin() as session:
        calendar_store.publish_year(session, year, user_id(username))
    click.echo(f"{year} 年节假日安排已发布")


COMMANDS = [worker_command, audit_group, calendar_group]
