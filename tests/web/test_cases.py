"""Opening a case from a clue, the case page (diagram, timeline, clocks), evidence files and comments."""

import hashlib
import io
import re
from datetime import date, datetime

from sqlalchemy import func, select

from engine import runtime
from engine.models import AttachmentBlob, Document, Party
from tests.engine.walking import PERSON
from tests.web.conftest import post_form

PDF = b"%PDF-1.7\n" + b"1 0 obj\n<<>>\nendobj\n" * 4


def _upload(client, case_id, name, content, description="现场照片"):
    return post_form(
        client,
        f"/cases/{case_id}/attachments",
        {"file": (io.BytesIO(content), name), "description": description},
        page_url=f"/cases/{case_id}",
        content_type="multipart/form-data",
    )


def test_clue_opens_a_case_and_prefills_the_intake_record(signed_in, db):
    client = signed_in("handler1")
    form = {
        "source": "inspection",
        "summary": "日常监督检查发现无证采耳",
        "kind": "person",
        "name": "王某",
        "id_number": "411500199001011234",
    }
    response = post_form(client, "/cases/new", form, page_url="/cases/new")
    task_page = client.get(response.headers["Location"]).get_data(as_text=True)
    assert "案件受理记录" in task_page and 'value="inspection" selected' in task_page
    assert ">日常监督检查发现无证采耳</textarea>" in task_page


def test_party_search_reuses_a_known_party_of_the_agency_only(signed_in, db, people):
    runtime.open_case(db, user_id=people["handler1"], party=dict(PERSON))
    runtime.open_case(db, user_id=people["outsider"], party={"kind": "person", "name": "王某邻县"})
    client = signed_in("handler2")
    page = client.get("/cases/new", query_string={"q": "王某"}).get_data(as_text=True)
    assert PERSON["name"] in page and "王某邻县" not in page
    party_id = re.search(r'name="party_id" value="(\d+)"', page).group(1)
    post_form(client, "/cases/new", {"party_id": party_id, "source": "complaint"}, page_url="/cases/new")
    with db() as session:
        assert session.scalar(select(func.count()).select_from(Party)) == 2


def test_incomplete_new_party_is_refused_with_the_reason(signed_in):
    response = post_form(
        signed_in("handler1"), "/cases/new", {"kind": "person", "name": ""}, page_url="/cases/new"
    )
    assert response.status_code == 422 and "当事人信息不完整" in response.get_data(as_text=True)


def test_case_page_marks_the_current_step_and_lists_the_timeline(signed_in, case_id):
    client = signed_in("legal")
    page = client.get(f"/cases/{case_id}").get_data(as_text=True)
    assert "data-current='[\"intake_record\"]'" in page
    assert "登记案件" in page and "案件受理记录" in page
    xml = client.get(f"/cases/{case_id}/diagram.bpmn").get_data(as_text=True)
    assert 'id="administrative_penalty"' in xml and 'id="intake_record"' in xml


def test_evidence_is_stored_once_by_its_hash_and_downloaded_unchanged(signed_in, db, case_id):
    client = signed_in("handler1")
    assert _upload(client, case_id, "询问录音.pdf", PDF).status_code == 302
    _upload(client, case_id, "询问录音副本.pdf", PDF)
    with db() as session:
        assert session.scalar(select(func.count()).select_from(AttachmentBlob)) == 1
    page = client.get(f"/cases/{case_id}").get_data(as_text=True)
    assert "询问录音副本.pdf" in page and hashlib.sha256(PDF).hexdigest()[:16] in page
    attachment_id = re.search(r'href="/attachments/(\d+)"', page).group(1)
    download = client.get(f"/attachments/{attachment_id}")
    assert download.data == PDF and download.headers["Content-Disposition"].startswith("attachment")


def test_evidence_type_comes_from_the_content(app, signed_in, db, case_id):
    client = signed_in("handler1")
    assert "不支持的文件类型" in client.get(
        _upload(client, case_id, "照片.png", b"MZ\x90\x00 not an image").headers["Location"]
    ).get_data(as_text=True)
    assert "扩展名与内容不符" in client.get(
        _upload(client, case_id, "照片.jpg", PDF).headers["Location"]
    ).get_data(as_text=True)
    app.config["ATTACHMENT_MAX_BYTES"] = 10
    assert "文件过大" in client.get(_upload(client, case_id, "a.pdf", PDF).headers["Location"]).get_data(
        as_text=True
    )
    with db() as session:
        assert session.scalar(select(func.count()).select_from(AttachmentBlob)) == 0


def test_comments_appear_on_the_case_page(signed_in, case_id):
    client = signed_in("depthead")
    post_form(
        client, f"/cases/{case_id}/comments", {"body": "请核实经营时长。"}, page_url=f"/cases/{case_id}"
    )
    page = client.get(f"/cases/{case_id}").get_data(as_text=True)
    assert "请核实经营时长。" in page and "王强" in page.split('id="comments"')[1]


def test_issued_documents_are_listed_and_downloadable(signed_in, db, people, case_id):
    with db.begin() as session:
        session.add(
            Document(
                case_id=case_id,
                agency_id=1,
                doc_type="registration_report",
                title="立案报告",
                number="示卫立〔2026〕1号",
                sha256=hashlib.sha256(PDF).hexdigest(),
                verify_code="0" * 64,
                size=len(PDF),
                content=PDF,
                issued_on=date(2026, 3, 4),
                created_by_id=people["handler1"],
                rendered_at=datetime(2026, 3, 4, 2, 0),
            )
        )
    client = signed_in("legal")
    page = client.get(f"/cases/{case_id}").get_data(as_text=True)
    assert "立案报告" in page and "示卫立〔2026〕1号" in page
    document_id = re.search(r'href="/documents/(\d+)"', page).group(1)
    assert client.get(f"/documents/{document_id}").data == PDF
    assert signed_in("outsider").get(f"/documents/{document_id}").status_code == 404
