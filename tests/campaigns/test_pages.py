"""The campaign pages in a browser's shoes: sign-in, the agency's own records only, forms that post,
downloads, and the reporter shown to complaint handlers only."""

import io
import json
import re

import pytest
from openpyxl import Workbook, load_workbook
from sqlalchemy import select

from engine.campaigns import complaint_workflow, inspections
from engine.models import Complaint, ComplaintTask, CorrectionOrder, Finding, Inspection, Institution
from tests.campaigns.conftest import REPORTER, complaint_form, credit_code
from tests.web.conftest import post_form

PAGES = [
    "/campaigns/",
    "/campaigns/summary",
    "/campaigns/institutions",
    "/campaigns/institutions/new",
    "/campaigns/institutions/import",
    "/campaigns/plans",
    "/campaigns/inspections",
    "/campaigns/inspections/new",
    "/campaigns/complaints",
    "/campaigns/complaints/new",
    "/campaigns/transfers",
    "/campaigns/transfers/new",
    "/campaigns/ledger",
    "/campaigns/credit",
    "/campaigns/credit/scores/new",
]


@pytest.mark.parametrize("url", PAGES)
def test_every_page_needs_sign_in_and_renders_for_an_officer(app, signed_in, people, url):
    response = app.test_client().get(url)
    assert response.status_code == 302 and "/login" in response.headers["Location"]
    page = signed_in("depthead" if url.startswith("/campaigns/plans") else "handler1").get(url)
    assert page.status_code == 200
    assert "专项行动看板" in page.get_data(as_text=True)


def test_an_institution_is_registered_through_the_form(signed_in, people, db):
    client = signed_in("handler1")
    form = {"name": "城关镇王氏诊所", "kind": "clinic", "ownership": "individual", "credit_code": "bad"}
    refused = post_form(client, "/campaigns/institutions/new", form, "/campaigns/institutions/new")
    assert refused.status_code == 422 and "统一社会信用代码应为18位" in refused.get_data(as_text=True)
    saved = post_form(
        client,
        "/campaigns/institutions/new",
        {**form, "credit_code": credit_code(4)},
        "/campaigns/institutions/new",
    )
    assert saved.status_code == 302
    page = client.get(saved.headers["Location"]).get_data(as_text=True)
    assert "城关镇王氏诊所" in page and credit_code(4) in page


def _xlsx(rows) -> bytes:
    workbook = Workbook()
    for row in rows:
        workbook.active.append(row)
    output = io.BytesIO()
    workbook.save(output)
    return output.getvalue()


def test_an_upload_with_a_bad_row_imports_nothing_until_valid_rows_only_is_ticked(signed_in, people, db):
    client = signed_in("handler1")
    content = _xlsx(
        [["机构名称", "机构类别", "所有制"], ["甲诊所", "诊所", "个体"], ["乙诊所", "宠物医院", "个体"]]
    )

    def upload(**extra):
        data = {"file": (io.BytesIO(content), "台账.xlsx"), **extra}
        return post_form(
            client,
            "/campaigns/institutions/import",
            data,
            "/campaigns/institutions/import",
            content_type="multipart/form-data",
        )

    refused = upload()
    assert refused.status_code == 422
    text = refused.get_data(as_text=True)
    assert "未导入任何数据" in text and re.search(
        r"<td>3</td><td>机构类别</td><td>取值不在可选范围内</td>", text
    )
    assert upload(valid_only="1").status_code == 200
    with db() as session:
        assert session.scalars(select(Institution.name)).all() == ["甲诊所"]


def test_another_agencys_records_answer_not_found(app, signed_in, people, db, county):
    complaint = complaint_workflow.register(db, people["handler1"], complaint_form())
    form = {
        "institution_id": county["hospital"],
        "inspected_on": "2026-03-20",
        "templates": ["charging"],
        "officer_ids": [people["handler1"], people["handler2"]],
    }
    inspection = inspections.record(db, people["handler1"], form, {"charging.prices_displayed": "未公示"})
    outsider = signed_in("outsider")
    for url in (
        f"/campaigns/institutions/{county['hospital']}",
        f"/campaigns/complaints/{complaint.id}",
        f"/campaigns/inspections/{inspection.id}",
    ):
        assert outsider.get(url).status_code == 404
        assert signed_in("handler1").get(url).status_code == 200


def test_the_complaint_page_shows_the_reporter_to_its_handlers_only(signed_in, people, db):
    client = signed_in("handler1")
    data = {**complaint_form(), "real_name": "true"}
    created = post_form(client, "/campaigns/complaints/new", data, "/campaigns/complaints/new")
    assert created.status_code == 302
    url = created.headers["Location"]
    for name, sees in (("handler1", True), ("depthead", True), ("handler3", False), ("head", False)):
        page = signed_in(name).get(url).get_data(as_text=True)
        assert (REPORTER["reporter_name"] in page) is sees and (REPORTER["reporter_phone"] in page) is sees
        assert ('id="reporter-shielded"' in page) is not sees
    for name in ("handler1", "handler3"):
        listing = signed_in(name).get("/campaigns/complaints").get_data(as_text=True)
        assert REPORTER["reporter_name"] not in listing


def test_a_complaint_step_is_completed_from_its_page(signed_in, people, db):
    complaint = complaint_workflow.register(db, people["handler1"], complaint_form())
    with db() as session:
        task_id = session.scalar(select(ComplaintTask.id).where(ComplaintTask.complaint_id == complaint.id))
    client = signed_in("handler2")
    page_url = f"/campaigns/complaints/{complaint.id}"
    refused = post_form(
        client, f"/campaigns/complaint-tasks/{task_id}", {"acceptance_decision": "accept"}, page_url
    )
    assert refused.status_code == 422 and "acceptance_reason" in refused.get_data(as_text=True)
    done = post_form(
        client,
        f"/campaigns/complaint-tasks/{task_id}",
        {"acceptance_decision": "accept", "acceptance_reason": "属本机关职责"},
        page_url,
    )
    assert done.status_code == 302
    with db() as session:
        assert session.get(Complaint, complaint.id).status == "verification"
    assert "调查核实" in client.get(page_url).get_data(as_text=True)


def test_an_inspection_is_recorded_and_its_finding_gets_an_order_and_a_case(signed_in, people, db, county):
    client = signed_in("handler1")
    form = {
        "institution_id": str(county["private"]),
        "inspected_on": "2026-03-20",
        "officer_ids": [str(people["handler1"]), str(people["handler2"])],
        "templates": "charging",
        "fail-charging.prices_displayed": "1",
        "note-charging.prices_displayed": "未公示医疗服务价格",
    }
    checklist = f"/campaigns/inspections/new?institution_id={county['private']}&templates=charging"
    assert "药品、医用材料及医疗服务价格按要求公示" in client.get(checklist).get_data(as_text=True)
    saved = post_form(client, "/campaigns/inspections/new", form, checklist)
    assert saved.status_code == 302
    with db() as session:
        finding = session.scalar(select(Finding))
    shown = saved.headers["Location"]
    assert post_form(client, f"/campaigns/findings/{finding.id}/order", {}, shown).status_code == 302
    with db() as session:
        order = session.scalar(select(CorrectionOrder))
    pdf = client.get(f"/campaigns/orders/{order.id}.pdf")
    assert pdf.mimetype == "application/pdf" and pdf.data.startswith(b"%PDF")
    case_form = client.get(f"/campaigns/findings/{finding.id}/case").get_data(as_text=True)
    assert "示例县仁爱医院" in case_form and "未公示医疗服务价格" in case_form
    opened = post_form(
        client,
        f"/campaigns/findings/{finding.id}/case",
        {
            "party_kind": "organization",
            "party_name": "示例县仁爱医院",
            "violation_code": "overcharging",
            "facts": "未公示医疗服务价格。",
            "party_credit_code": credit_code(3),
        },
        f"/campaigns/findings/{finding.id}/case",
    )
    assert opened.status_code == 302 and "/cases/" in opened.headers["Location"]
    with db() as session:
        assert session.scalar(select(Inspection.id)) and session.get(Finding, finding.id).case_id


def test_ledger_and_summary_download_as_xlsx_and_pdf(signed_in, people, db):
    client = signed_in("handler1")
    ledger = client.get("/campaigns/ledger.xlsx?status=closed")
    assert ledger.mimetype.endswith("spreadsheetml.sheet")
    assert load_workbook(io.BytesIO(ledger.data))["案件台账"].max_row == 1
    summary = client.get("/campaigns/summary.xlsx?start=2026-01-01&end=2026-12-31")
    assert load_workbook(io.BytesIO(summary.data))["工作情况统计"]["A1"].value.endswith("工作情况统计")
    pdf = client.get("/campaigns/summary.pdf?start=2026-01-01&end=2026-12-31")
    assert pdf.mimetype == "application/pdf" and pdf.data.startswith(b"%PDF")
    assert client.get("/campaigns/summary?start=2026-13-01").status_code == 400


def test_the_dashboard_embeds_its_chart_data_and_serves_echarts(signed_in, people, campaign, county):
    client = signed_in("handler1")
    page = client.get(f"/campaigns/?campaign={campaign.id}").get_data(as_text=True)
    charts = json.loads(
        re.search(r'<script type="application/json" id="chart-data">(.*?)</script>', page, re.S)[1]
    )
    kinds = dict(zip(charts["coverage"]["kinds"], charts["coverage"]["detail"], strict=True))
    assert (kinds["二级以上公立医院"], kinds["民营医院"], kinds["诊所"]) == ("0/1", "0/1", "0/4")
    assert charts["coverage"]["target"][:5] == [100] * 5
    with client.get("/campaigns/assets/echarts/echarts.min.js") as script:
        assert script.status_code == 200 and b"echarts" in script.data[:2000]
    assert client.get("/campaigns/assets/echarts/echarts.js").status_code == 404
