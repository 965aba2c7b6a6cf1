"""Set-up commands: migrate, deploy the diagrams, seed demo data."""

import click
from flask import current_app
from flask.cli import with_appcontext

from engine import calendar_store, runtime
from engine.migrate import upgrade
from web import demo
from web.commands.common import db, engine_errors


@click.command("init-db")
@with_appcontext
def init_db():
    """Migrate the database, load the holiday calendar and deploy the BPMN in bpmn/."""
    upgrade(current_app.config["DATABASE_URL"])
    with db().begin() as session:
        years = calendar_store.seed(session)
    deployment = runtime.deploy(db())
    click.echo(
        f"数据库已就绪；流程定义版本 {deployment.version}（{deployment.content_hash[:12]}）；"
        f"新载入 {years} 个年度的节假日安排"
    )


@click.command("deploy")
@with_appcontext
@engine_errors
def deploy():
    """Deploy bpmn/ as a new definition version if it changed."""
    deployment = runtime.deploy(db())
    click.echo(f"流程定义版本 {deployment.version}（{deployment.content_hash[:12]}）")


@click.command("demo")
@click.option("--cases/--no-cases", default=True, help="also walk a few demo cases to different steps")
@with_appcontext
def demo_command(cases):
    """Create the demo agency, one user per role, and demo cases."""
    created = demo.seed(db(), with_cases=cases)
    if not created["users"]:
        click.echo("演示数据已存在，未重复创建")
        return
    click.echo(
        f"演示数据已创建：{created['users']} 个用户，{created['cases']} 件案件；密码均为 {demo.PASSWORD}"
    )


COMMANDS = [init_db, deploy, demo_command]
