"""Entry point of the ``caseflow`` console script: Flask's CLI group with the app factory."""

from flask.cli import FlaskGroup

from web import create_app

cli = FlaskGroup(create_app=lambda: create_app(), help="caseflow 卫生监督执法案件系统命令行")
