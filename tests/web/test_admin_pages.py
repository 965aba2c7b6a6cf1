"""The admin pages: versions and drafts, the modeler page, diff and migration pages; admins only. And the
discretion suggestion on the conclusion form, which the discretion table an admin edits feeds."""

import json
import re

import pytest

from engine import drafts
from engine.scripted import open_task_id
from engine.specs import read_bundle
from tests.engine.walking import Walker
from tests.web.conftest import post_form

MAIN = "administrative_penalty.bpmn"
DISCRETION = "discretion_unlicensed_practice.dmn"


def renamed(old: str, new: str) -> dict[str, str]:
    files = read_bundle()
    files[MAIN] = files[MAIN].replace(f'name="{old}"', f'name="{new}"', 1)
    return files


def modeler_data(page: str) -> dict:
    return json.loads(
        re.search(r'<script type="application/json" id="modeler-data">(.*?)</script>', page, re.S)[1]
    )


def test_versions_page_lists_who_deployed_each_version_and_the_drafts(signed_in, db, admin, case_id):
    drafts.deploy(db, renamed("送达", "送达当事人"), admin)
    drafts.save_draft(db, admin, read_bundle(), name="听证期限调整", comment="待法制科确认", base_version=2)
    page = signed_in("admin").get("/admin/definitions").get_data(as_text=True)
    versions = re.findall(
        r'<tr data-version="(\d+)">\s*<td>版本 \d+[^<]*(?:<span[^>]*>[^<]*</span>)?</td>\s*<td>([^<]*)', page
    )
    assert versions == [("2", "系统管理员"), ("1", "系统初始化")]
    assert "听证期限调整" in page and "待法制科确认" in page
    assert 'href="/admin/definitions/diff?old=1&amp;new=2"' in page


@pytest.mark.parametrize(
    "url",
    [
        "/admin/definitions",
        "/admin/definitions/1/edit",
        "/admin/definitions/diff",
        "/admin/migrations",
        "/admin/discretion",
    ],
)
def test_admin_pages_refuse_other_officers(signed_in, url):
    assert signed_in("head").get(url).status_code == 403


def test_menu_offers_the_admin_pages_to_admins_only(signed_in, admin):
    assert "流程管理" in signed_in("admin").get("/").get_data(as_text=True)
    assert "流程管理" not in signed_in("handler1").get("/").get_data(as_text=True)


def test_modeler_page_carries_the_whole_bundle_and_opens_the_file_asked_for(signed_in, admin):
    page = signed_in("admin").get(f"/admin/definitions/1/edit?file={DISCRETION}").get_data(as_text=True)
    data = modeler_data(page)
    assert data["files"] == read_bundle() and data["opened"] == DISCRETION and data["base_version"] == 1
    assert data["urls"]["deploy"] == "/api/v1/definitions"
    assert 'id="properties"' in page and "bpmn-js-properties-panel.umd.js" in page


def test_discretion_link_opens_the_table_of_the_newest_version(signed_in, db, admin):
    drafts.deploy(db, renamed("送达", "送达当事人"), admin)
    response = signed_in("admin").get("/admin/discretion")
    assert response.headers["Location"] == f"/admin/definitions/2/edit?file={DISCRETION}"


def test_draft_opens_in_the_modeler_and_is_deleted_from_the_list(signed_in, db, admin):
    draft = drafts.save_draft(db, admin, renamed("送达", "送达当事人"), name="改名", base_version=1)
    client = signed_in("admin")
    data = modeler_data(client.get(f"/admin/drafts/{draft['id']}/edit").get_data(as_text=True))
    assert (data["draft_id"], data["opened"], "送达当事人" in data["files"][MAIN]) == (
        draft["id"],
        MAIN,
        True,
    )
    post_form(client, f"/admin/drafts/{draft['id']}/delete", page_url="/admin/definitions")
    assert drafts.list_drafts(db) == []


def test_editor_assets_come_from_their_npm_packages_only(signed_in, admin):
    client = signed_in("admin")
    for path, status in [
        ("bpmn-js/dist/bpmn-modeler.production.min.js", 200),
        ("bpmn-js-properties-panel/dist/bpmn-js-properties-panel.umd.js", 200),
        ("dmn-js/dist/assets/dmn-js-decision-table.css", 200),
        ("echarts/package.json", 404),
        ("bpmn-js/dist/../package.json", 404),
    ]:
        with client.get(f"/admin/assets/{path}") as response:
            assert response.status_code == status, path


def test_diff_page_lists_the_changed_element(signed_in, db, admin):
    drafts.deploy(db, renamed("送达", "送达当事人"), admin)
    page = signed_in("admin").get("/admin/definitions/diff?old=1&new=2").get_data(as_text=True)
    changed = page.split('id="diff-changed"')[1]
    assert "<code>service</code>" in changed and "名称“送达”改为“送达当事人”" in changed
    assert "新增的元素（0）" in page and "删除的元素（0）" in page
    assert f"修改文件：{MAIN}" in page


def test_migration_page_dry_runs_then_moves_the_safe_case_only(signed_in, db, people, admin):
    walker = Walker(db, people)
    unsafe = walker.to_investigation()
    walker.walk(unsafe, [("investigation", "handler1"), ("investigation_conclusion", "handler2")])
    safe = walker.to_investigation()
    target, _created = drafts.deploy(db, renamed("案件调查终结报告", "调查终结报告"), admin)
    client = signed_in("admin")
    form = {"case_ids": [str(unsafe), str(safe)], "target_version": str(target.version)}

    dry = post_form(client, "/admin/migrations", form | {"action": "dry_run"}, page_url="/admin/migrations")
    assert results(dry) == {unsafe: "不能迁移", safe: "可以迁移"}
    assert "<code>investigation_conclusion</code>" in dry.get_data(as_text=True)
    moved = post_form(client, "/admin/migrations", form | {"action": "migrate"}, page_url="/admin/migrations")
    assert results(moved) == {unsafe: "不能迁移", safe: "已迁移"}
    assert "版本 2" in moved.get_data(as_text=True).split('id="running-cases"')[1]
    again = post_form(client, "/admin/migrations", form | {"action": "dry_run"}, page_url="/admin/migrations")
    assert results(again)[safe] == "不能迁移" and "目标版本不比当前版本新" in again.get_data(as_text=True)


def results(response) -> dict[int, str]:
    page = response.get_data(as_text=True)
    return {
        int(case): words
        for case, words in re.findall(
            r'<tr data-case="(\d+)"[^>]*>\s*<td>[^<]*</td>\s*<td>([^<]*)</td>', page
        )
    }


def conclusion_task_of(db, people) -> int:
    walker = Walker(db, people)
    case = walker.to_investigation()
    walker.step(case, "investigation", "handler1")
    return open_task_id(db, case, "investigation_conclusion")


@pytest.fixture
def conclusion_task(db, people):
    return conclusion_task_of(db, people)


EAR_CLEANING_SHOP = {
    "violation_code": "unlicensed_practice",
    "illegal_income": "2000",
    "months_practising": "2",
    "is_health_professional": "false",
}


def test_conclusion_page_shows_the_discretion_suggestion_and_updates_it(signed_in, conclusion_task):
    client = signed_in("handler2")
    page = client.get(f"/tasks/{conclusion_task}").get_data(as_text=True)
    assert 'id="discretion"' in page and "裁量基准表不适用于该违法行为" in page
    live = client.get(f"/tasks/{conclusion_task}/discretion", query_string=EAR_CLEANING_SHOP).json
    assert (live["tier"], live["tier_label"]) == ("general", "一般")
    assert live["fine_range"] == "80000 – 140000 元（基数 10000 元 × 8–14 倍）"
    assert live["statutory_range"] == "《基本医疗卫生与健康促进法》第九十九条第一款：50000 – 200000 元"


def test_other_steps_have_no_discretion_suggestion(signed_in, first_task_id):
    client = signed_in("handler1")
    assert 'id="discretion"' not in client.get(f"/tasks/{first_task_id}").get_data(as_text=True)
    assert client.get(f"/tasks/{first_task_id}/discretion").status_code == 404


def test_edited_discretion_table_suggests_for_cases_on_the_new_version_only(signed_in, db, people, admin):
    old_task = conclusion_task_of(db, people)
    files = read_bundle()
    files[DISCRETION] = files[DISCRETION].replace("<text>14</text>", "<text>12</text>", 1)
    drafts.deploy(db, files, admin)
    new_task = conclusion_task_of(db, people)
    client = signed_in("handler2")
    ranges = [
        client.get(f"/tasks/{task}/discretion", query_string=EAR_CLEANING_SHOP).json["fine_range"]
        for task in (old_task, new_task)
    ]
    assert ranges == [
        "80000 – 140000 元（基数 10000 元 × 8–14 倍）",
        "80000 – 120000 元（基数 10000 元 × 8–12 倍）",
    ]
