"""A case from intake to closure with the ``caseflow`` command line alone."""

import json

import pytest

from forms.examples import EXAMPLES

CLOSING_STEPS = [
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
]


@pytest.fixture
def runner(app):
    return app.test_cli_runner()


def _run(runner, *args):
    result = runner.invoke(args=list(args))
    assert result.exit_code == 0, result.output
    return result.output


def _json(runner, *args):
    return json.loads(_run(runner, *args, "--json"))


def _open(runner, name, kind="person", *extra):
    return _json(
        runner, "case", "open", "--user", "handler1", "--party-kind", kind, "--party-name", name, *extra
    )


def _complete(runner, case_id, element_id, user, **changes):
    detail = _json(runner, "case", "show", str(case_id))
    task = next(t for t in detail["tasks"] if t["element_id"] == element_id and t["status"] == "open")
    data = json.dumps({**EXAMPLES[task["form_key"]], **changes}, ensure_ascii=False)
    return _json(runner, "task", "complete", str(task["id"]), "--user", user, "--data", data)


def test_case_walked_from_intake_to_closure_with_the_cli(runner, people):
    case_id = _open(
        runner, "王某", "person", "--id-number", "411500199001011234", "--address", "城关镇解放路18号"
    )["id"]
    queue = _json(runner, "task", "list", "--user", "handler2")["queue"]
    assert [t["element_id"] for t in queue] == ["intake_record"]
    _run(runner, "task", "claim", str(queue[0]["id"]), "--user", "handler1")
    assert "intake_record" in _run(runner, "task", "list", "--user", "handler1")
    _complete(runner, case_id, "intake_record", "handler1")
    _complete(
        runner, case_id, "registration_approval", "head", handler_ids=[people["handler1"], people["handler2"]]
    )
    for element_id, user, changes in CLOSING_STEPS:
        _complete(runner, case_id, element_id, user, **changes)
    assert _complete(runner, case_id, "closure_approval", "head")["status"] == "closed"
    assert [(c["id"], c["status"]) for c in _json(runner, "case", "list")] == [(case_id, "closed")]
    assert "发现 0 处异常" in _run(runner, "audit", "verify")
    documents = _json(runner, "doc", "list", str(case_id))
    assert "行政处罚决定书" in [d["title"] for d in documents]


def test_refused_completion_prints_the_reason_and_exits_1(runner):
    task_id = _open(runner, "某诊所", "organization")["tasks"][0]["id"]
    result = runner.invoke(args=["task", "complete", str(task_id), "--user", "legal", "--data", "{}"])
    assert result.exit_code == 1
    assert "角色" in result.output
    result = runner.invoke(args=["task", "complete", str(task_id), "--user", "handler1", "--data", "{}"])
    assert result.exit_code == 1 and "received_on" in result.output


def test_task_show_describes_the_form_in_chinese(runner):
    shown = _json(runner, "task", "show", str(_open(runner, "王某")["tasks"][0]["id"]))
    assert shown["form"][0]["label"] == "案件来源"


def test_overdue_list_carries_colour_and_days_left(runner):
    late, fresh = _open(runner, "王某")["id"], _open(runner, "李某")["id"]
    _complete(runner, late, "intake_record", "handler1", received_on="2026-09-24")
    overdue = _json(runner, "case", "list", "--overdue")
    assert [(c["id"], c["colour"]) for c in overdue] == [(late, "red")]
    assert overdue[0]["days_left"] < 0
    assert {c["id"]: c["colour"] for c in _json(runner, "case", "list")}[fresh] in ("green", "yellow")
    queue = _json(runner, "task", "list", "--user", "head")["queue"]
    assert (queue[0]["due_on"], queue[0]["colour"]) == ("2026-10-08", "red")


def test_worker_renders_the_pdfs_app_servers_left_to_it(runner, monkeypatch, tmp_path):
    monkeypatch.setenv("CASEFLOW_RENDER", "worker")
    case_id = _open(runner, "王某")["id"]
    _complete(runner, case_id, "intake_record", "handler1")
    [pending] = _json(runner, "doc", "list", str(case_id))
    assert pending["sha256"] is None

    assert "生成文书 PDF 1 份" in _run(runner, "worker", "--once")
    [rendered] = _json(runner, "doc", "list", str(case_id))
    _run(runner, "doc", "get", str(rendered["id"]), "--out", str(tmp_path / "record.pdf"))
    assert "核验通过" in _run(runner, "doc", "verify", str(tmp_path / "record.pdf"))
