import dataclasses
import subprocess
import sys

import pytest

from documents import GENERATORS, MissingData, NotApplicable
from documents.examples import example
from documents.field_labels import FIELD_LABELS

DOCUMENT_TYPES = {
    "case_intake_record": "案件受理记录", "registration_report": "立案报告",
    "not_registered_record": "不予立案审批记录", "onsite_record": "现场笔录", "inquiry_record": "询问笔录",
    "evidence_preservation_decision": "证据先行登记保存决定书",
    "evidence_disposal_decision": "先行登记保存证据处理决定书", "supervision_opinion": "卫生监督意见书",
    "investigation_final_report": "案件调查终结报告", "deliberation_record": "合议记录",
    "legal_review_opinion": "法制审核意见书", "collective_discussion_record": "集体讨论记录",
    "advance_notice": "行政处罚事先告知书", "hearing_right_notice": "行政处罚听证告知书",
    "hearing_notice": "听证通知书",
    "hearing_record": "听证笔录", "hearing_report": "听证意见书", "statement_record": "陈述和申辩笔录",
    "penalty_decision": "行政处罚决定书", "no_penalty_decision": "不予行政处罚决定书",
    "onsite_penalty_decision": "当场行政处罚决定书", "service_receipt": "送达回执", "demand_letter": "催告书",
    "enforcement_application": "强制执行申请书", "case_transfer_letter": "案件移送书",
    "criminal_transfer_letter": "涉嫌犯罪案件移送书", "crime_investigation_report": "涉嫌犯罪案件调查报告",
    "closure_report": "结案报告",
}
REQUIRED_FIELDS = [(doc_type, key) for doc_type, generator in GENERATORS.items()
                   for key in generator.required]
NOT_APPLICABLE = [
    ("registration_report", {"registration_decision": "not_register"}),
    ("not_registered_record", {"registration_decision": "register"}),
    ("onsite_record", {"records": []}),
    ("inquiry_record", {"records": []}),
    ("evidence_preservation_decision", {"preservation_decision": "refuse"}),
    ("hearing_right_notice", {"hearing_right": False}),
    ("no_penalty_decision", {"no_penalty_result": "return"}),
]


def _with_fields(data, **changes):
    return dataclasses.replace(data, fields={**data.fields, **changes})


def test_registry_has_exactly_the_contract_document_types_with_their_titles():
    assert {doc_type: generator.title for doc_type, generator in GENERATORS.items()} == DOCUMENT_TYPES


def test_package_imports_no_web_database_or_engine_code():
    probe = ("import sys, documents, documents.examples; "
             "roots = {m.split('.')[0] for m in sys.modules}; "
             "print(sorted(roots & {'flask', 'sqlalchemy', 'engine', 'web'}))")
    run = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    imported = run.stdout
    assert imported.strip() == "[]"


@pytest.mark.parametrize(("doc_type", "key"), REQUIRED_FIELDS)
def test_each_required_field_when_empty_is_named_in_chinese(doc_type, key):
    data = _with_fields(example(doc_type), **{key: None})
    with pytest.raises(MissingData) as refused:
        GENERATORS[doc_type].render(data)
    assert FIELD_LABELS[key] in refused.value.labels
    assert DOCUMENT_TYPES[doc_type] in str(refused.value)


def test_all_gaps_are_named_at_once():
    data = _with_fields(example("penalty_decision"), facts="  ", penalty_basis="")
    data = dataclasses.replace(data, number=None, verify_url="")
    with pytest.raises(MissingData) as refused:
        GENERATORS["penalty_decision"].render(data)
    assert set(refused.value.labels) >= {"文号", "核验地址", "违法事实", "处罚依据"}
    assert "违法事实" in str(refused.value)


@pytest.mark.parametrize(("doc_type", "changes"), NOT_APPLICABLE)
def test_documents_the_case_does_not_call_for_are_refused(doc_type, changes):
    data = _with_fields(example(doc_type), **changes)
    assert not GENERATORS[doc_type].applies(data.fields)
    with pytest.raises(NotApplicable):
        GENERATORS[doc_type].render(data)


@pytest.mark.parametrize("doc_type", [t for t, g in GENERATORS.items() if g.min_officers])
def test_documents_officers_sign_need_their_certificates(doc_type):
    generator = GENERATORS[doc_type]
    data = example(doc_type)
    too_few = dataclasses.replace(data, officers=data.officers[:generator.min_officers - 1])
    uncertified_officers = tuple(dataclasses.replace(officer, certificate_no="") for officer in data.officers)
    uncertified = dataclasses.replace(data, officers=uncertified_officers)
    assert f"执法人员（至少{generator.min_officers}名）" in generator.missing(too_few)
    assert "执法人员执法证号" in generator.missing(uncertified)


@pytest.mark.parametrize(("doc_type", "signer"), [(t, s) for t, g in GENERATORS.items() for s in g.signers])
def test_documents_name_their_signers(doc_type, signer):
    data = dataclasses.replace(example(doc_type), **{signer: None})
    with pytest.raises(MissingData):
        GENERATORS[doc_type].render(data)
