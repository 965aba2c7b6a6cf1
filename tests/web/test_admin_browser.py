"""An admin renames a task in the bpmn-js modeler and deploys; a case opened afterwards shows the new
name while a case opened before keeps the old one. Screenshot: test-artifacts/web/modeler.png."""

import re

from playwright.sync_api import expect

from tests.web.test_browser import ARTIFACTS, Officer


def test_task_renamed_in_the_modeler_is_seen_by_new_cases_only(browser, live_url, admin, case_id, passwords):
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    admin_page = Officer(browser, live_url, "admin").page
    admin_page.on("dialog", lambda dialog: dialog.accept())
    admin_page.goto("/admin/definitions/1/edit")
    expect(admin_page.locator("body")).to_have_class("modeler-ready")
    expect(admin_page.locator(".bjs-powered-by")).to_be_visible()

    admin_page.locator('.djs-element[data-element-id="intake_record"]').first.click()
    admin_page.locator(".bio-properties-panel-group-header", has_text="常规").click()
    admin_page.fill("#bio-properties-panel-name", "案件受理登记")
    expect(admin_page.locator('#file-tabs a[data-file="administrative_penalty.bpmn"]')).to_have_class(
        re.compile(r"\bdirty\b")
    )
    admin_page.click("#validate")
    expect(admin_page.locator("#status")).to_contain_text("校验通过")
    expect(admin_page.locator("#changes")).to_contain_text("名称“案件受理记录”改为“案件受理登记”")
    admin_page.screenshot(path=str(ARTIFACTS / "modeler.png"))
    admin_page.click("#deploy")
    expect(admin_page.locator("#status")).to_contain_text("已部署为版本 2")

    handler = Officer(browser, live_url, "handler1").page
    handler.goto("/cases/new")
    handler.fill("#name", "李某（新街口诊所）")
    handler.fill("#id_number", "411500199202021234")
    handler.click("#open-case")
    expect(handler.locator("h1")).to_contain_text("案件受理登记")
    handler.goto(f"/cases/{case_id}")
    expect(handler.locator("#open-tasks")).to_contain_text("案件受理记录")
    expect(handler.locator("#open-tasks")).not_to_contain_text("案件受理登记")
