"""Agencies and officer accounts from the command line, as a province's IT department creates them."""

import json

import pytest
from sqlalchemy import func, select

from engine.models import Agency, AuditEvent, User
from tests.web.conftest import sign_in

PASSWORD = "县局执法人员2026！"


@pytest.fixture
def runner(app):
    return app.test_cli_runner()


def _ok(runner, *args, stdin=None):
    result = runner.invoke(args=list(args), input=stdin)
    assert result.exit_code == 0, result.output
    return result.output


def _refused(runner, *args, stdin=None) -> str:
    result = runner.invoke(args=list(args), input=stdin)
    assert result.exit_code != 0
    return result.output


def _add_agency(runner):
    return _ok(
        runner,
        "agency",
        "add",
        "dongxian",
        "--name",
        "东县卫生健康委员会",
        "--short-name",
        "东卫",
        "--region",
        "东县",
    )


def _add_handler(runner, username="zhang.wei", password=PASSWORD):
    return _ok(
        runner,
        *("user", "add", username, "--agency", "dongxian", "--name", "张伟", "--role", "handler"),
        *("--certificate", "执法证 D001", "--password-stdin"),
        stdin=password + "\n",
    )


def _count(db, model) -> int:
    with db() as session:
        return session.scalar(select(func.count()).select_from(model))


def test_an_agency_and_its_officer_are_created_and_the_officer_signs_in(runner, app, db):
    assert "东县卫生健康委员会" in _add_agency(runner)
    assert "张伟，承办人" in _add_handler(runner)
    assert sign_in(app.test_client(), "zhang.wei", PASSWORD).status_code == 302
    listed = json.loads(_ok(runner, "user", "list", "--agency", "dongxian", "--json"))
    assert listed == [
        {
            "username": "zhang.wei",
            "name": "张伟",
            "agency": "dongxian",
            "roles": ["handler"],
            "certificate_no": "执法证 D001",
            "active": True,
        }
    ]
    with db() as session:
        actions = session.scalars(select(AuditEvent.action).where(AuditEvent.case_id.is_(None))).all()
    assert ["agency.created", "user.created"] == [a for a in actions if a.split(".")[0] in ("agency", "user")]


def test_a_password_typed_at_the_prompt_must_be_confirmed(runner, app):
    _add_agency(runner)
    args = ("user", "add", "li.na", "--agency", "dongxian", "--name", "李娜", "--role", "dept_head")
    assert "Error" in _refused(runner, *args, stdin=f"{PASSWORD}\n另一个密码不一样的\n")
    _ok(runner, *args, stdin=f"{PASSWORD}\n{PASSWORD}\n")
    assert sign_in(app.test_client(), "li.na", PASSWORD).status_code == 302


@pytest.mark.parametrize(
    "change, message",
    [
        ({"--agency": "nowhere"}, "机关代码 nowhere 不存在"),
        ({"--certificate": ""}, "承办人须填写执法证号"),
        ({"password": "short"}, "密码至少 10 个字符"),
        ({"username": "handler1"}, "用户名 handler1 已存在"),
    ],
)
def test_a_refused_account_names_the_problem_and_creates_nothing(runner, db, change, message):
    _add_agency(runner)
    users_before = _count(db, User)
    options = {"--agency": "dongxian", "--certificate": "执法证 D002"} | {
        k: v for k, v in change.items() if k.startswith("--")
    }
    args = ["user", "add", change.get("username", "wang.fang"), "--name", "王芳", "--role", "handler"]
    for option, value in options.items():
        args += [option, value]
    output = _refused(runner, *args, "--password-stdin", stdin=change.get("password", PASSWORD) + "\n")
    assert message in output
    assert _count(db, User) == users_before


def test_an_agency_code_is_not_taken_twice(runner, db):
    _add_agency(runner)
    agencies = _count(db, Agency)
    assert "机关代码 dongxian 已存在" in _refused(
        runner, "agency", "add", "dongxian", "--name", "另一个机关", "--short-name", "另"
    )
    assert _count(db, Agency) == agencies


def test_a_deactivated_officer_can_neither_sign_in_nor_use_a_token(runner, app):
    _add_agency(runner)
    _add_handler(runner)
    token = _ok(runner, "user", "token", "zhang.wei").strip()
    api = app.test_client()
    assert api.get("/api/v1/tasks", headers={"Authorization": f"Bearer {token}"}).status_code == 200
    assert "撤销访问令牌 1 个" in _ok(runner, "user", "deactivate", "zhang.wei")
    assert api.get("/api/v1/tasks", headers={"Authorization": f"Bearer {token}"}).status_code == 401
    assert sign_in(app.test_client(), "zhang.wei", PASSWORD).status_code == 401
    assert "（已停用）" in _ok(runner, "user", "list", "--agency", "dongxian")


def test_a_new_password_replaces_the_old_one(runner, app):
    _add_agency(runner)
    _add_handler(runner)
    _ok(runner, "user", "password", "zhang.wei", "--password-stdin", stdin="新的密码也要够长才行\n")
    assert sign_in(app.test_client(), "zhang.wei", PASSWORD).status_code == 401
    assert sign_in(app.test_client(), "zhang.wei", "新的密码也要够长才行").status_code == 302
