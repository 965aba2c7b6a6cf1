"""Documents issued by the steps: numbered in the step's transaction, immutable, verifiable."""

import io
from concurrent.futures import ThreadPoolExecutor
from threading import Barrier

import pytest
from pypdf import PdfReader
from sqlalchemy import func, select

from engine import issuing, numbering, runtime
from engine.models import Agency, Document, DocumentSequence
from tests.engine.walking import Walker


@pytest.fixture
def walker(db, people):
    return Walker(db, people)


def _documents(walker, case_id) -> list[Document]:
    with walker.db() as session:
        return list(
            session.scalars(select(Document).where(Document.case_id == case_id).order_by(Document.id))
        )


def _text(walker, document_id) -> str:
    with walker.db() as session:
        content = session.get(Document, document_id).content
    return "".join(page.extract_text() for page in PdfReader(io.BytesIO(content)).pages)


def _decided(walker) -> int:
    case_id = walker.to_notice()
    walker.walk(
        case_id,
        [("advance_notice", "handler1"), ("party_response", "handler1"), ("decision_approval", "head")],
    )
    return case_id


def test_steps_issue_their_documents_with_numbers_in_sequence(walker):
    first, second = _decided(walker), _decided(walker)
    decisions = [
        d for d in _documents(walker, first) + _documents(walker, second) if d.doc_type == "penalty_decision"
    ]
    assert [d.number for d in decisions] == ["示县卫医罚〔2026〕001号", "示县卫医罚〔2026〕002号"]
    types = [d.doc_type for d in _documents(walker, first)]
    assert types == [
        "case_intake_record",
        "registration_report",
        "onsite_record",
        "inquiry_record",
        "supervision_opinion",
        "investigation_final_report",
        "deliberation_record",
        "advance_notice",
        "hearing_right_notice",
        "penalty_decision",
    ]


def test_decision_pdf_carries_the_case_number_money_and_remedies(walker):
    case_id = _decided(walker)
    decision = next(d for d in _documents(walker, case_id) if d.doc_type == "penalty_decision")
    text = _text(walker, decision.id).replace("\n", "")
    for expected in (
        "示县卫医罚〔2026〕001号",
        "王某",
        "壹拾壹万元整",
        "十五日",
        "百分之三",
        "六十日",
        "示例县人民政府",
        "六个月",
        "示例县卫生健康委员会",
    ):
        assert expected in text, expected


def test_a_step_whose_document_cannot_be_made_takes_no_number_and_leaves_nothing(walker, db, people):
    case_id = walker.to_notice({"kind": "person", "name": "无地址当事人", "id_number": "411500199001019999"})
    walker.walk(case_id, [("advance_notice", "handler1"), ("party_response", "handler1")])
    before = [d.id for d in _documents(walker, case_id)]
    with pytest.raises(issuing.DocumentRefused, match="当事人住址"):
        walker.step(case_id, "decision_approval", "head")
    assert [d.id for d in _documents(walker, case_id)] == before
    assert walker.open_tasks(case_id) == ["decision_approval"]
    with db() as session:
        assert (
            session.scalar(
                select(DocumentSequence.last).where(DocumentSequence.doc_type == "penalty_decision")
            )
            is None
        )
    assert [d.number for d in _documents(walker, _decided(walker)) if d.doc_type == "penalty_decision"] == [
        "示县卫医罚〔2026〕001号"
    ]


def test_rendering_again_adds_a_version_with_the_same_number_and_keeps_the_old(walker, people):
    case_id = _decided(walker)
    old = next(d for d in _documents(walker, case_id) if d.doc_type == "penalty_decision")
    new = runtime.render_document(walker.db, case_id, "penalty_decision", people["handler1"])
    assert (new.version, new.number) == (2, old.number)
    assert new.sha256 != old.sha256 and new.verify_code != old.verify_code
    with walker.db() as session:
        assert issuing.find(session, old.sha256).version == 1
        assert issuing.find(session, new.verify_code).version == 2


def test_changed_byte_is_not_found_by_its_hash(walker):
    case_id = _decided(walker)
    with walker.db() as session:
        document = session.scalar(select(Document).where(Document.case_id == case_id).limit(1))
        tampered = bytearray(document.content)
        tampered[len(tampered) // 2] ^= 1
        assert issuing.find(session, issuing.sha256(bytes(document.content))) is not None
        assert issuing.find(session, issuing.sha256(bytes(tampered))) is None


def test_twenty_parallel_numberings_are_distinct_and_consecutive(db, people):
    barrier = Barrier(20)

    def take(_):
        barrier.wait()
        with runtime.transaction(db) as session:
            agency = session.scalar(select(Agency).where(Agency.code == "demo-county"))
            return numbering.next_number(session, agency, "penalty_decision", 2026)

    with ThreadPoolExecutor(20) as pool:
        numbers = list(pool.map(take, range(20)))
    assert sorted(numbers) == [f"示县卫医罚〔2026〕{i:03d}号" for i in range(1, 21)]
    with db() as session:
        assert session.scalar(select(func.count()).select_from(DocumentSequence)) == 1


def test_returned_decision_issues_no_decision_and_refusal_to_register_issues_its_record(walker):
    case_id = walker.to_notice()
    walker.walk(
        case_id,
        [
            ("advance_notice", "handler1"),
            ("party_response", "handler1"),
            ("decision_approval", "head", {"decision_result": "return", "decided_on": None}),
        ],
    )
    assert "penalty_decision" not in [d.doc_type for d in _documents(walker, case_id)]
    refused = walker.open()
    walker.walk(
        refused,
        [
            ("intake_record", "handler1"),
            ("registration_approval", "head", {"registration_decision": "not_register", "handler_ids": []}),
        ],
    )
    assert [d.doc_type for d in _documents(walker, refused)] == [
        "case_intake_record",
        "not_registered_record",
    ]
