"""Two handlers, a department head, a legal reviewer and an agency head take one case from intake to
closure in Chromium, through the pages only, with one send-back; screenshots go to test-artifacts/web."""

from pathlib import Path

from playwright.sync_api import expect

from forms import describe_form
from forms.examples import EXAMPLES

ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts" / "web"


class Officer:
    """One signed-in browser context per officer, so each keeps its own session cookie."""

    def __init__(self, browser, base_url: str, username: str):
        self.page = browser.new_context(base_url=base_url, locale="zh-CN").new_page()
        self.page.goto("/login")
        self.page.fill('input[name="username"]', username)
        self.page.fill('input[name="password"]', "secret-pass")
        self.page.click('button[type="submit"]')
        expect(self.page.locator("h1")).to_have_text("待办")

    def claim(self, case_number: str, step: str) -> None:
        """Take the step of the case from 待认领 (the inbox only offers what duties allow)."""
        self.page.goto("/inbox?list=queue")
        row = self.page.locator("#tasks tr", has_text=case_number).filter(has_text=step)
        row.get_by_role("button", name="认领").click()
        expect(self.page.locator(".flash")).to_contain_text("已认领")

    def submit(self, form_key: str, data: dict) -> None:
        fill_form(self.page, describe_form(form_key), data)
        self.page.click("#complete")
        expect(self.page.locator(".flash")).to_contain_text("已办理")


def fill_form(page, fields, data: dict, prefix: str = "") -> None:
    for field in fields:
        if field["name"] in data:
            _fill(page, field, data[field["name"]], prefix + field["name"])


def _choose(page, field, value, name):
    page.select_option(f'select[name="{name}"]', str(value))


def _tick(page, field, value, name):
    page.check(f'input[name="{name}"][value="{"true" if value else "false"}"]')


def _tick_each(page, field, value, name):
    for box in page.locator(f'input[name="{name}"]').all():
        box.uncheck()
    for item in value:
        page.check(f'input[name="{name}"][value="{item}"]')


def _lines(page, field, value, name):
    page.fill(f'textarea[name="{name}"]', "\n".join(value))


def _entries(page, field, value, name):
    for index, entry in enumerate(value):
        if index:
            page.click(f'button.add-record[data-for="{name}"]')
        fill_form(page, field["fields"], entry, f"{name}-{index}-")


def _type(page, field, value, name):
    if value is not None:
        page.fill(f'[name="{name}"]', str(value))


FILLERS = {
    "choice": _choose,
    "user": _choose,
    "bool": _tick,
    "multichoice": _tick_each,
    "users": _tick_each,
    "texts": _lines,
    "records": _entries,
}


def _fill(page, field, value, name: str) -> None:
    FILLERS.get(field["type"], _type)(page, field, value, name)


def test_case_from_intake_to_closure_in_the_browser(browser, live_url, people, passwords):
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    h1, h2, dept, legal, head = (
        Officer(browser, live_url, name) for name in ("handler1", "handler2", "depthead", "legal", "head")
    )

    h1.page.goto("/cases/new")
    h1.page.select_option("#source", "complaint")
    h1.page.fill("#summary", "群众举报某采耳店为顾客采耳并收取费用。")
    h1.page.fill("#name", "王某（解放路采耳店）")
    h1.page.fill("#id_number", "411500199001011234")
    h1.page.fill("#address", "城关镇解放路18号")
    h1.page.click("#open-case")
    expect(h1.page.locator("h1")).to_contain_text("案件受理记录")
    case_number = h1.page.locator("h1 small").inner_text()
    expect(h1.page.locator('select[name="source"]')).to_have_value("complaint")
    h1.submit("intake_record", EXAMPLES["intake_record"])

    head.claim(case_number, "立案审批")
    head.submit(
        "registration_approval",
        {**EXAMPLES["registration_approval"], "handler_ids": [people["handler1"], people["handler2"]]},
    )
    steps = [
        (h1, "调查取证", "investigation", {}),
        (h2, "案件调查终结报告", "investigation_conclusion", {"complex_case": True}),
        (dept, "调查终结审核", "conclusion_review", {}),
        (dept, "合议", "deliberation", {}),
        (legal, "法制审核", "legal_review", {}),
        (h1, "行政处罚事先告知", "advance_notice", {}),
        (h1, "当事人陈述申辩", "party_response", {}),
        (head, "处罚决定审批", "decision_approval", {}),
        (h2, "送达", "service", {}),
        (h2, "执行", "execution", {}),
        (h1, "结案报告", "closure_report", {}),
    ]
    for officer, step, form_key, changes in steps:
        officer.claim(case_number, step)
        officer.submit(form_key, {**EXAMPLES[form_key], **changes})

    head.page.goto("/inbox?list=queue")
    head.page.screenshot(path=str(ARTIFACTS / "inbox.png"), full_page=True)
    head.claim(case_number, "结案审批")
    head.page.screenshot(path=str(ARTIFACTS / "task.png"), full_page=True)
    head.submit(
        "closure_approval",
        {"closure_result": "return", "closure_opinion": "缺少罚没款缴款凭证复印件，请补充后重新报送。"},
    )
    expect(head.page.locator("#timeline")).to_contain_text("缺少罚没款缴款凭证复印件")
    expect(head.page.locator("#diagram")).to_have_attribute("data-marked", "closure_report")
    head.page.screenshot(path=str(ARTIFACTS / "case.png"), full_page=True)

    h1.claim(case_number, "结案报告")
    expect(h1.page.locator("#send-back")).to_contain_text("缺少罚没款缴款凭证复印件")
    h1.submit("closure_report", EXAMPLES["closure_report"])
    head.claim(case_number, "结案审批")
    head.submit("closure_approval", EXAMPLES["closure_approval"])
    expect(head.page.locator("#open-tasks")).to_contain_text("本案已结案")
