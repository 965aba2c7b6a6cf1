"""``caseflow campaign``: import the institution register, export the case ledger, print the summary,
coverage and complaints awaiting feedback."""

import sys
from pathlib import Path

import click
from flask.cli import AppGroup

from documents import work_summary
from engine.campaigns import complaints, coverage, importing, ledger, plans, report, spreadsheets, summary
from engine.clock import today
from engine.models import Agency, Campaign, User
from web.commands.common import DATE, db, emit, engine_errors, user_id

group = AppGroup("campaign", help="专项整治：机构台账、案件台账、工作统计")


def _agency(username: str) -> Agency:
    with db()() as session:
        return session.get(Agency, session.get(User, user_id(username)).agency_id)


@group.command("import-institutions")
@click.argument("path", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--user", "username", required=True)
@click.option("--valid-only", is_flag=True, help="有误的行跳过，只导入无误的行")
@click.option("--json", "as_json", is_flag=True)
@engine_errors
def import_institutions(path, username, valid_only, as_json):
    """Import institutions from a .csv or .xlsx file; nothing is imported while any row is invalid."""
    table = importing.read_table(path.name, path.read_bytes())
    rows = max(len([row for row in table if any(row)]) - 1, 0)
    # The bar goes to stderr, so that --json output on stdout stays parseable.
    with click.progressbar(length=2 * rows, label="检查并导入", file=sys.stderr) as bar:
        result = importing.import_institutions(
            db(), user_id(username), table, valid_only=valid_only, progress=bar.update, source=path.name
        )
    emit(result.as_dict(), as_json, _import_lines)
    if not result.imported:
        raise SystemExit(1)


def _import_lines(data: dict):
    for problem in data["problems"]:
        yield f"第{problem['row']}行 {problem['column']}：{problem['message']}"
    if data["imported"]:
        yield f"已导入：新增 {data['added']} 家，更新 {data['updated']} 家（共 {data['total']} 行）。"
    else:
        yield f"未导入：{data['total']} 行中 {len(data['problems'])} 处有误。"
        yield "改正后重新导入，或加 --valid-only 只导入无误的行。"


@group.command("ledger")
@click.option("--user", "username", required=True)
@click.option("--out", "out", required=True, type=click.Path(dir_okay=False, path_type=Path))
@click.option("--start", type=DATE)
@click.option("--end", type=DATE)
@click.option("--status", default="")
@click.option("--violation", default="")
def ledger_command(username, out, start, end, status, violation):
    """Export the case ledger (案件台账) to an .xlsx file."""
    agency = _agency(username)
    filters = ledger.Filters(
        start=start.date() if start else None,
        end=end.date() if end else None,
        status=status,
        violation=violation,
    )
    with db()() as session, out.open("wb") as stream:
        written = spreadsheets.write_ledger(session, agency.id, filters, stream)
    click.echo(f"已导出 {written} 件案件到 {out}")


@group.command("summary")
@click.option("--user", "username", required=True)
@click.option("--start", type=DATE, required=True)
@click.option("--end", type=DATE, required=True)
@click.option("--xlsx", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--pdf", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--json", "as_json", is_flag=True)
def summary_command(username, start, end, xlsx, pdf, as_json):
    """Print the figures of the work summary for a period; optionally write them as XLSX and PDF."""
    agency = _agency(username)
    with db()() as session:
        figures = summary.figures(session, agency.id, start.date(), end.date())
    if xlsx:
        with xlsx.open("wb") as stream:
            spreadsheets.write_summary(figures, agency.name, stream)
    if pdf:
        pdf.write_bytes(work_summary.render(report.work_summary(figures, agency.name)))
    emit(figures, as_json, lambda f: [text for section in report.sections(f) for text in section.paragraphs])


@group.command("coverage")
@click.option("--user", "username", required=True)
@click.option("--campaign", "campaign_id", type=int, help="专项行动编号；缺省为正在进行的行动")
@click.option("--json", "as_json", is_flag=True)
def coverage_command(username, campaign_id, as_json):
    """Inspection coverage by institution kind against the campaign's targets."""
    agency = _agency(username)
    with db()() as session:
        campaign = (
            session.get(Campaign, campaign_id) if campaign_id else plans.current(session, agency.id, today())
        )
        if campaign is None or campaign.agency_id != agency.id:
            raise click.ClickException("没有该专项行动")
        rows = coverage.groups(coverage.of_campaign(session, campaign)) + coverage.of_campaign(
            session, campaign
        )
    emit([row.as_dict() for row in rows], as_json, _coverage_lines)


def _coverage_lines(rows):
    for row in rows:
        percent = "—" if row["percent"] is None else f"{row['percent']}%"
        target = "—" if row["target"] is None else f"{row['target']}%"
        met = {True: "达标", False: "未达标", None: ""}[row["met"]]
        yield f"{row['label']}：{row['inspected']}/{row['registered']} = {percent}（目标 {target}）{met}"


@group.command("complaints")
@click.option("--user", "username", required=True)
@click.option("--overdue", is_flag=True, help="只列出逾期未反馈的实名举报")
@click.option("--json", "as_json", is_flag=True)
def complaints_command(username, overdue, as_json):
    """Complaints with their status and feedback deadline; reporters are never printed."""
    agency = _agency(username)
    with db()() as session:
        rows = complaints.listing(session, agency.id, complaints.Filters(overdue_only=overdue))
        data = [
            {
                "number": row["complaint"].number,
                "received_on": row["complaint"].received_on,
                "target": row["complaint"].target_name,
                "real_name": row["complaint"].real_name,
                "status": row["complaint"].status,
                "feedback_due_on": row["complaint"].feedback_due_on,
                "feedback_on": row["complaint"].feedback_on,
                "colour": row["colour"],
            }
            for row in rows
        ]
    emit(data, as_json, _complaint_lines)


def _complaint_lines(rows):
    for row in rows:
        feedback = "匿名" if not row["real_name"] else f"反馈期限 {row['feedback_due_on']}"
        if row["feedback_on"]:
            feedback = f"已于 {row['feedback_on']} 反馈"
        label = complaints.STATUS_LABELS.get(row["status"], row["status"])
        yield f"{row['number']}  {row['received_on']}  {row['target']}  {label}  {feedback}"
