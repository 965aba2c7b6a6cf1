"""The ``caseflow`` command line, one module per area."""

from flask import Flask

from web.commands import backup, campaigns, cases, documents, operations, setup, tasks, users


def init_app(app: Flask) -> None:
    for command in [
        *setup.COMMANDS,
        cases.group,
        tasks.group,
        documents.group,
        users.agency_group,
        users.group,
        campaigns.group,
        *operations.COMMANDS,
        *backup.COMMANDS,
    ]:
        app.cli.add_command(command)
