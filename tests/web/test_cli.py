"""A case from intake to closure with the ``caseflow`` command line alone."""

import json

import pytest


@pytest.fixture
def runner(app):
    return app.test_cli_runner()


def _run(runner, *args):
    result = runner.invoke(args=list(args))
    assert result.exit_code == 0, result.output
    return result.output


def _complete(runner, case_id, element_id, user, **changes):
    from forms.examples import EXAMPLES

    detail = json.loads(_run(runner, "case", "show", str(case_id), "--json"))
    task = next(t for t in detail["tasks"] if t["element_id"] == element_id and t["status"] == "open")
    data = {**EXAMPLES[task["form_key"]], **changes}
    return json.loads(
        _run(
            runner,
            "task",
            "complete",
            str(task["id"]),
            "--user",
            user,
            "--data",
            json.dumps(data, ensure_ascii=False),
            "--json",
        )
    )


def test_case_walked_from_intake_to_closure_with_the_cli(runner, people):
    opened = json.loads(
        _run(
            runner,
            "case",
            "open",
            "--user",
            "handler1",
            "--party-kind",
            "person",
            "--party-name",
            "王某",
            "--id-number",
            "411500199001011234",
            "--address",
            "城关镇解放路18号",
            "--json",
        )
    )
    case_id = opened["id"]
    queue = json.loads(_run(runner, "task", "list", "--user", "handler2", "--json"))["queue"]
    assert [t["element_id"] for t in queue] == ["intake_record"]
    first = queue[0]["id"]
    _run(runner, "task", "claim", str(first), "--user", "handler1")
    assert "intake_record" in _run(runner, "task", "list", "--user", "handler1")
    _complete(runner, case_id, "intake_record", "handler1")
    handlers = [people["handler1"], people["handler2"]]
    for element_id, user, changes in [
        ("registration_approval", "head", {"handler_ids": handlers}),
        ("investigation", "handler1", {}),
        ("investigation_conclusion", "handler2", {}),
        ("conclusion_review", "depthead", {}),
        ("deliberation", "depthead", {}),
        ("advance_notice", "handler1", {}),
        ("party_response", "handler1", {}),
        ("decision_approval", "head", {}),
        ("service", "handler1", {}),
        ("execution", "handler1", {}),
        ("closure_report", "handler1", {}),
    ]:
        _complete(runner, case_id, element_id, user, **changes)
    assert _complete(runner, case_id, "closure_approval", "head")["status"] == "closed"
    listed = json.loads(_run(runner, "case", "list", "--json"))
    assert [(c["id"], c["status"]) for c in listed] == [(case_id, "closed")]
    assert "发现 0 处异常" in _run(runner, "audit", "verify")


def test_refused_completion_prints_the_reason_and_exits_1(runner):
    opened = json.loads(
        _run(
            runner,
            "case",
            "open",
            "--user",
            "handler1",
            "--party-kind",
            "organization",
            "--party-name",
            "某诊所",
            "--json",
        )
    )
    task_id = opened["tasks"][0]["id"]
    result = runner.invoke(args=["task", "complete", str(task_id), "--user", "legal", "--data", "{}"])
    assert result.exit_code == 1
    assert "角色" in result.output
    result = runner.invoke(args=["task", "complete", str(task_id), "--user", "handler1", "--data", "{}"])
    assert result.exit_code == 1 and "received_on" in result.output


def test_task_show_describes_the_form_in_chinese(runner):
    opened = json.loads(
        _run(
            runner,
            "case",
            "open",
            "--user",
            "handler1",
            "--party-kind",
            "person",
            "--party-name",
            "王某",
            "--json",
        )
    )
    shown = json.loads(_run(runner, "task", "show", str(opened["tasks"][0]["id"]), "--json"))
    assert shown["form"][0]["label"] == "案件来源"
