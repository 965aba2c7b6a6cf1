"""Deployments scripted through /api/v1: a valid bundle becomes the next version, every broken one comes
back with its problems in Chinese and deploys nothing, and only admins may touch the procedure."""

import io

import pytest

from engine import drafts, runtime
from engine.errors import Forbidden
from engine.specs import read_bundle
from tests.engine.walking import PERSON, Walker

MAIN = "administrative_penalty.bpmn"
GATEWAY_BRANCH = (
    '<bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">next_step == "preserve_evidence"'
    "</bpmn:conditionExpression>"
)


@pytest.fixture
def api(app, tokens, admin_token):
    client = app.test_client()
    everyone = {**tokens, "admin": admin_token}

    def call(user, method, url, **kwargs):
        return client.open(
            url, method=method, headers={"Authorization": f"Bearer {everyone[user]}"}, **kwargs
        )

    return call


def changed(old: str, new: str, name: str = MAIN) -> dict[str, str]:
    files = read_bundle()
    assert old in files[name]
    files[name] = files[name].replace(old, new, 1)
    return files


def without(name: str) -> dict[str, str]:
    files = read_bundle()
    del files[name]
    return files


def with_doctype(doctype: str, use: str) -> dict[str, str]:
    files = read_bundle()
    declaration, rest = files[MAIN].split("\n", 1)
    files[MAIN] = f"{declaration}\n{doctype}\n{rest}".replace('name="送达"', f'name="{use}"', 1)
    return files


# Each entity expands to ten of the one before: lol9 is a billion "lol"s if a parser expands it.
BILLION_LAUGHS = (
    '<!DOCTYPE lolz [<!ENTITY lol0 "lol">'
    + "".join(f'<!ENTITY lol{i} "{f"&lol{i - 1};" * 10}">' for i in range(1, 10))
    + "]>"
)


BROKEN = {
    "bad XML": (
        lambda: changed("</bpmn:definitions>", "</bpmn:definition>"),
        MAIN,
        "",
        "XML 格式错误",
    ),
    "XXE": (
        lambda: with_doctype('<!DOCTYPE x [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>', "&xxe;"),
        MAIN,
        "",
        "不允许 DOCTYPE 或实体声明",
    ),
    "entity bomb": (lambda: with_doctype(BILLION_LAUGHS, "&lol9;"), MAIN, "", "实体膨胀"),
    "missing condition": (
        lambda: changed(GATEWAY_BRANCH, ""),
        MAIN,
        "flow_gw_investigation_to_preservation_approval",
        "既没有条件也不是默认出口",
    ),
    "lane without a role": (
        lambda: changed('name="法制审核">', 'name="临时岗位">'),
        MAIN,
        "legal_review",
        "泳道“临时岗位”没有对应的角色",
    ),
    "unknown form": (
        lambda: changed('value="intake_record"', 'value="intake_record_v2"'),
        MAIN,
        "intake_record",
        "表单“intake_record_v2”未注册",
    ),
    "sandbox escape in a condition": (
        lambda: changed(
            'next_step == "preserve_evidence"', "().__class__.__bases__[0].__subclasses__() != []"
        ),
        MAIN,
        "flow_gw_investigation_to_preservation_approval",
        "不能在受限求值器中运行",
    ),
    "process new cases start on": (
        lambda: without("summary_procedure.bpmn"),
        "",
        "summary_procedure",
        "缺少新案件启动所用的流程",
    ),
    "file name with a path": (
        lambda: {**read_bundle(), "../../etc/cron.d/x.bpmn": "<x/>"},
        "../../etc/cron.d/x.bpmn",
        "",
        "不含路径",
    ),
}


def versions(api) -> list[int]:
    return [row["version"] for row in api("admin", "GET", "/api/v1/definitions").json]


def test_valid_bundle_is_validated_then_deployed_as_the_next_version(api, case_id):
    files = changed('name="送达"', 'name="送达当事人"')
    checked = api("admin", "POST", "/api/v1/definitions/validate", json={"files": files})
    assert checked.status_code == 200 and checked.json["valid"] and checked.json["newest_version"] == 1
    assert [(c["id"], c["what"]) for c in checked.json["changes"]["changed"]] == [
        ("service", "名称“送达”改为“送达当事人”")
    ]
    assert versions(api) == [1]

    deployed = api("admin", "POST", "/api/v1/definitions", json={"files": files})
    assert deployed.status_code == 201
    assert (deployed.json["version"], deployed.json["created"], deployed.json["created_by"]) == (
        2,
        True,
        "系统管理员",
    )
    listed = api("admin", "GET", "/api/v1/definitions").json
    assert [(row["version"], row["running_cases"]) for row in listed] == [(2, 0), (1, 1)]
    again = api("admin", "POST", "/api/v1/definitions", json={"files": files})
    assert (again.status_code, again.json["version"], again.json["created"]) == (200, 2, False)
    assert api("admin", "GET", "/api/v1/definitions/2").json["files"][MAIN] == files[MAIN]


def test_bundle_uploaded_as_multipart_files_deploys(api):
    """As ``curl -F files=@a.bpmn -F files=@b.dmn ...`` sends it: many parts under one field name."""
    files = changed('name="送达"', 'name="送达当事人"')
    parts = {"files": [(io.BytesIO(text.encode("utf-8")), name) for name, text in files.items()]}
    deployed = api("admin", "POST", "/api/v1/definitions", data=parts, content_type="multipart/form-data")
    assert deployed.status_code == 201 and deployed.json["version"] == 2


@pytest.mark.parametrize("broken", BROKEN.values(), ids=BROKEN.keys())
def test_broken_bundle_returns_its_problems_and_deploys_nothing(api, broken):
    make_files, file, element_id, reason = broken
    for url in ("/api/v1/definitions/validate", "/api/v1/definitions"):
        response = api("admin", "POST", url, json={"files": make_files()})
        assert response.status_code == 422 and response.json["code"] == "definition_invalid"
        problems = response.json["details"]["problems"]
        assert any(
            p["file"] == file and p["element_id"] == element_id and reason in p["reason"] for p in problems
        ), problems
    assert versions(api) == [1]


def test_problem_names_the_element_it_is_about(api):
    response = api("admin", "POST", "/api/v1/definitions", json={"files": BROKEN["unknown form"][0]()})
    assert response.json["details"]["problems"] == [
        {
            "file": MAIN,
            "element_id": "intake_record",
            "name": "案件受理记录",
            "reason": "用户任务的表单“intake_record_v2”未注册",
        }
    ]


def test_request_without_files_is_refused(api):
    response = api("admin", "POST", "/api/v1/definitions", json={"bundle": {}})
    assert response.status_code == 422 and "files" in response.json["details"]["problems"][0]["reason"]


ADMIN_ENDPOINTS = [
    ("GET", "/api/v1/definitions"),
    ("GET", "/api/v1/definitions/1"),
    ("GET", "/api/v1/definitions/1/diff/1"),
    ("POST", "/api/v1/definitions/validate"),
    ("POST", "/api/v1/definitions"),
    ("GET", "/api/v1/definitions/drafts"),
    ("POST", "/api/v1/definitions/drafts"),
    ("DELETE", "/api/v1/definitions/drafts/1"),
    ("POST", "/api/v1/migrations"),
]


@pytest.mark.parametrize(("method", "url"), ADMIN_ENDPOINTS)
def test_non_admins_are_refused(api, method, url):
    response = api("head", method, url, json={"files": read_bundle()})
    assert (response.status_code, response.json["code"]) == (403, "forbidden")
    assert versions(api) == [1]


def test_engine_refuses_a_deployment_by_a_non_admin_too(db, people, api):
    with pytest.raises(Forbidden):
        drafts.deploy(db, changed('name="送达"', 'name="送达当事人"'), people["head"])
    assert versions(api) == [1]


def test_diff_between_versions_lists_added_removed_and_changed_elements(api):
    api("admin", "POST", "/api/v1/definitions", json={"files": changed('name="送达"', 'name="送达当事人"')})
    diff = api("admin", "GET", "/api/v1/definitions/1/diff/2").json
    assert (diff["from_version"], diff["to_version"], diff["added"], diff["removed"]) == (1, 2, [], [])
    assert [c["id"] for c in diff["changed"]] == ["service"]
    assert diff["files"] == {"added": [], "removed": [], "changed": [MAIN]}
    assert api("admin", "GET", "/api/v1/definitions/1/diff/9").status_code == 404


def test_edited_discretion_table_shows_as_a_changed_file(api):
    files = changed("<text>14</text>", "<text>12</text>", name="discretion_unlicensed_practice.dmn")
    checked = api("admin", "POST", "/api/v1/definitions/validate", json={"files": files}).json
    assert checked["changes"]["changed"] == []
    assert checked["changes"]["files"]["changed"] == ["discretion_unlicensed_practice.dmn"]


def test_draft_is_kept_without_validation_and_deleted(api):
    files = BROKEN["unknown form"][0]()
    created = api(
        "admin",
        "POST",
        "/api/v1/definitions/drafts",
        json={"files": files, "name": "改表单", "base_version": 1},
    )
    assert created.status_code == 201 and created.json["base_version"] == 1
    draft_id = created.json["id"]
    updated = api(
        "admin",
        "PUT",
        f"/api/v1/definitions/drafts/{draft_id}",
        json={"files": read_bundle(), "name": "改表单", "comment": "改回"},
    )
    assert (updated.json["comment"], updated.json["base_version"]) == ("改回", 1)
    assert [d["name"] for d in api("admin", "GET", "/api/v1/definitions/drafts").json] == ["改表单"]
    assert api("admin", "GET", f"/api/v1/definitions/drafts/{draft_id}").json["files"] == read_bundle()
    assert api("admin", "DELETE", f"/api/v1/definitions/drafts/{draft_id}").status_code == 204
    assert api("admin", "GET", f"/api/v1/definitions/drafts/{draft_id}").status_code == 404


def test_draft_with_a_file_name_outside_the_bundle_is_refused(api):
    response = api(
        "admin", "POST", "/api/v1/definitions/drafts", json={"files": {"../x.bpmn": "<x/>"}, "name": "x"}
    )
    assert response.status_code == 422 and "不含路径" in response.json["details"]["problems"][0]["reason"]


def test_migration_refuses_an_unsafe_case_and_moves_a_safe_one(api, db, people):
    walker = Walker(db, people)
    unsafe = walker.to_investigation()
    walker.walk(unsafe, [("investigation", "handler1"), ("investigation_conclusion", "handler2")])
    safe = walker.to_investigation()
    files = changed('name="案件调查终结报告"', 'name="调查终结报告"')
    target = api("admin", "POST", "/api/v1/definitions", json={"files": files}).json["version"]
    request = {"case_ids": [unsafe, safe], "target_version": target}

    dry = api("admin", "POST", "/api/v1/migrations", json=request | {"dry_run": True}).json
    assert [(r["moved"], r["blocking"]) for r in dry["results"]] == [
        (False, ["investigation_conclusion"]),
        (False, []),
    ]
    assert dry["results"][1]["reason"] == "可以迁移（试运行，未作变更）"
    assert [c["deployment_version"] for c in cases(api, unsafe, safe)] == [1, 1]

    moved = api("admin", "POST", "/api/v1/migrations", json=request).json["results"]
    assert [(r["case_id"], r["moved"]) for r in moved] == [(unsafe, False), (safe, True)]
    assert [c["deployment_version"] for c in cases(api, unsafe, safe)] == [1, target]


def cases(api, *case_ids) -> list[dict]:
    return [api("handler1", "GET", f"/api/v1/cases/{case_id}").json for case_id in case_ids]


def test_migration_of_another_agencys_case_is_not_found(api, db, people):
    theirs = runtime.open_case(db, user_id=people["outsider"], party=dict(PERSON)).id
    response = api("admin", "POST", "/api/v1/migrations", json={"case_ids": [theirs], "target_version": 1})
    assert response.status_code == 404


def test_openapi_document_describes_scripted_deployment(api):
    spec = api("admin", "GET", "/api/v1/openapi.json").json
    assert {
        "/api/v1/definitions",
        "/api/v1/definitions/validate",
        "/api/v1/definitions/{version}/diff/{other}",
        "/api/v1/migrations",
    } <= set(spec["paths"])
    deploy = spec["paths"]["/api/v1/definitions"]["post"]["requestBody"]["content"]
    assert {"application/json", "multipart/form-data"} <= set(deploy)
