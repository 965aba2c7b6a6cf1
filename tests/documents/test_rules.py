"""The legal wording that depends on the case: party kind, hearing right, 复议 body, changed penalty."""

import dataclasses
from decimal import Decimal

import pytest

from documents import GENERATORS, Agency, MissingData
from documents.examples import CLINIC, example
from tests.documents.reading import full_text


def _render(doc_type, data=None, **fields):
    data = data or example(doc_type)
    return full_text(GENERATORS[doc_type].render(dataclasses.replace(data, fields={**data.fields, **fields})))


def test_organization_decision_names_credit_code_and_legal_representative():
    text = _render("penalty_decision", dataclasses.replace(example("penalty_decision"), party=CLINIC))
    assert "统一社会信用代码：92511500MA6ABCDE1X" in text
    assert "法定代表人（负责人）：赵某" in text
    assert "你单位的上述行为违反了" in text


def test_organization_decision_without_legal_representative_is_refused():
    data = dataclasses.replace(example("penalty_decision"),
                               party=dataclasses.replace(CLINIC, legal_representative=None, credit_code=""))
    with pytest.raises(MissingData) as refused:
        GENERATORS["penalty_decision"].render(data)
    assert {"法定代表人（负责人）", "统一社会信用代码"} <= set(refused.value.labels)


def test_reconsideration_body_given_in_fields_wins():
    text = _render("penalty_decision", reconsideration_body="示例市卫生健康委员会")
    assert "六十日内向示例市卫生健康委员会申请行政复议" in text


def test_reconsideration_body_defaults_to_the_level_read_from_the_agency_name():
    data = dataclasses.replace(example("penalty_decision"), agency=Agency("某某区卫生健康局", "某卫"))
    assert "六十日内向某某区人民政府申请行政复议" in _render("penalty_decision", data)


def test_unknown_reconsideration_body_is_refused():
    data = dataclasses.replace(example("penalty_decision"), agency=Agency("某某区综合行政执法局", "某执"))
    with pytest.raises(MissingData, match="行政复议机关"):
        GENERATORS["penalty_decision"].render(data)


def test_notice_without_hearing_right_leaves_out_the_hearing_window():
    text = _render("advance_notice", hearing_right=False)
    assert "陈述和申辩" in text
    assert "五个工作日" not in text and "听证" not in text


def test_decision_reports_how_the_party_answered():
    assert "提出了陈述、申辩意见" in _render("penalty_decision", party_response="statement")
    assert "举行了听证" in _render("penalty_decision", party_response="hearing_request")
    assert "明确表示放弃陈述、申辩和听证的权利" in _render("penalty_decision", party_response="waived")


def test_decision_uses_the_fine_revised_after_review():
    text = _render("penalty_decision", penalty_changed=True, revised_fine_amount=80000)
    assert "罚款人民币80000.00元（大写：捌万元整）" in text
    assert "110000.00" not in text


def test_warning_only_decision_has_no_payment_paragraph():
    text = _render("penalty_decision", penalty_types=["warning"], fine_amount=0, confiscation_amount=0,
                   discretion_reason="")
    assert "（一）警告。" in text
    assert "十五日" not in text and "加处罚款" not in text
    assert "六十日" in text and "六个月" in text


@pytest.mark.parametrize(("fields", "label"), [
    ({"fine_amount": 0}, "罚款金额"),
    ({"confiscation_amount": 0}, "没收违法所得金额"),
    ({"discretion_reason": ""}, "裁量理由"),
])
def test_penalty_amounts_and_reasons_are_required(fields, label):
    data = example("penalty_decision")
    with pytest.raises(MissingData) as refused:
        GENERATORS["penalty_decision"].render(dataclasses.replace(data, fields={**data.fields, **fields}))
    assert label in refused.value.labels


@pytest.mark.parametrize("stored", [110000, "110000", 110000.0, Decimal("110000.00")])
def test_amounts_in_any_stored_form_print_the_same(stored):
    assert "罚款人民币110000.00元（大写：壹拾壹万元整）" in _render("penalty_decision", fine_amount=stored)


def test_no_penalty_for_minor_violation_cites_article_33():
    assert "第三十三条第一款" in _render("no_penalty_decision", no_penalty_ground=True)


def test_onsite_decision_collected_on_the_spot_has_no_late_fee():
    text = _render("onsite_penalty_decision", payment_manner="on_site")
    assert "当场收缴" in text and "加处罚款" not in text


def test_onsite_decision_records_a_refusal_to_sign():
    note = "当事人拒绝签字，由两名执法人员在场见证"
    text = _render("onsite_penalty_decision", party_signed=False, refusal_note=note)
    assert f"当事人拒绝签收：{note}" in text
    with pytest.raises(MissingData, match="拒绝签收"):
        _render("onsite_penalty_decision", party_signed=False, refusal_note="")


def test_onsite_warning_has_no_amount():
    text = _render("onsite_penalty_decision", penalty_type="warning", fine_amount=0)
    assert "当场作出如下行政处罚：警告。" in text
    assert "罚款人民币" not in text and "加处罚款" not in text


def test_demand_states_the_late_fee_it_is_given_and_the_total():
    text = _render("demand_letter", late_fee="3300.00")
    assert "加处罚款人民币3300.00元（大写：叁仟叁佰元整）" in text
    assert "以上合计人民币115300.00元" in text


def test_demand_for_a_fine_needs_its_late_fee():
    with pytest.raises(MissingData, match="加处罚款金额"):
        _render("demand_letter", late_fee=None)


def test_demand_for_confiscated_income_alone_has_no_late_fee():
    text = _render("demand_letter", penalty_types=["confiscate_income"], fine_amount=0, late_fee=None)
    assert "加处罚款人民币" not in text
    assert "以上合计人民币2000.00元" in text


def test_summary_procedure_onsite_record_comes_from_the_decision():
    data = example("onsite_penalty_decision")
    text = _render("onsite_record", data)
    assert "检查时间2026年3月1日" in text and "被检查人示例县城关镇某某诊所" in text
    assert "诊所未在显著位置公示诊疗科目。" in text
