"""The public verification page behind the QR code, and ``caseflow doc verify``."""

from sqlalchemy import select

from engine.models import Document
from tests.engine.walking import Walker


def _a_document(db, people):
    walker = Walker(db, people)
    case_id = walker.open()
    walker.step(case_id, "intake_record", "handler1")
    with db() as session:
        return session.scalar(select(Document).where(Document.case_id == case_id))


def test_verify_page_confirms_a_document_without_sign_in(app, db, people):
    document = _a_document(db, people)
    page = app.test_client().get(f"/verify/{document.verify_code}").get_data(as_text=True)
    assert "有效" in page and "案件受理记录" in page and "王某" in page
    assert "511502199001011234" not in page and "解放路" not in page


def test_unknown_code_is_not_confirmed(app):
    response = app.test_client().get("/verify/" + "0" * 64)
    assert response.status_code == 404 and "未找到" in response.get_data(as_text=True)


def test_cli_verify_accepts_the_stored_bytes_and_refuses_a_changed_byte(app, db, people, tmp_path):
    document = _a_document(db, people)
    runner = app.test_cli_runner()
    original = tmp_path / "doc.pdf"
    result = runner.invoke(args=["doc", "get", str(document.id), "--out", str(original)])
    assert result.exit_code == 0, result.output
    assert runner.invoke(args=["doc", "verify", str(original)]).exit_code == 0
    tampered = bytearray(original.read_bytes())
    tampered[len(tampered) // 2] ^= 1
    changed = tmp_path / "changed.pdf"
    changed.write_bytes(bytes(tampered))
    result = runner.invoke(args=["doc", "verify", str(changed)])
    assert result.exit_code == 1 and "核验未通过" in result.output


def test_cli_render_makes_the_next_version(app, db, people):
    document = _a_document(db, people)
    result = app.test_cli_runner().invoke(
        args=["doc", "render", str(document.case_id), "case_intake_record", "--user", "handler1"]
    )
    assert result.exit_code == 0 and "第2版" in result.output
