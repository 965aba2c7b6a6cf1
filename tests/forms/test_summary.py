from forms import get_form
from tests.forms.payloads import MINIMAL_PAYLOADS


def errors(form_key, **changes):
    return get_form(form_key).validate({**MINIMAL_PAYLOADS[form_key], **changes})


def load(form_key, **changes):
    return get_form(form_key).load({**MINIMAL_PAYLOADS[form_key], **changes})


def test_onsite_fine_needs_an_amount():
    assert errors("onsite_decision", penalty_type="fine") == {
        "fine_amount": ["处罚种类包含罚款时，罚款金额须大于0"]
    }


def test_onsite_warning_refuses_an_amount():
    assert errors("onsite_decision", fine_amount="50") == {"fine_amount": ["未选择罚款时，罚款金额应为0"]}


def test_onsite_fine_with_amount_loads():
    loaded = load("onsite_decision", penalty_type="fine", fine_amount=200)
    assert loaded["fine_amount"] == 200 and loaded["payment_manner"] == "bank"


def test_refusal_to_sign_needs_a_note():
    assert errors("onsite_decision", party_signed=False) == {"refusal_note": ["当事人拒绝签收时必填"]}
    assert errors("onsite_decision", party_signed=False, refusal_note=" ") == {
        "refusal_note": ["当事人拒绝签收时必填"]
    }


def test_signed_decision_needs_no_refusal_note():
    assert load("onsite_decision")["refusal_note"] == ""


def test_onsite_decision_needs_two_distinct_officers():
    assert errors("onsite_decision", officer_ids=[3]) == {"officer_ids": ["至少需要2名不同人员"]}
    assert errors("onsite_decision", officer_ids=[3, 3]) == {"officer_ids": ["不能重复"]}


def test_payment_manner_outside_the_list_is_refused():
    assert errors("onsite_decision", payment_manner="cash") == {"payment_manner": ["取值不在可选范围内"]}


def test_payment_amount_refuses_three_decimals_and_negatives():
    assert errors("payment_record", paid_amount=20.005) == {"paid_amount": ["金额最多保留两位小数"]}
    assert errors("payment_record", paid_amount=-20) == {"paid_amount": ["金额不能为负数"]}


def test_filing_result_must_be_listed():
    assert errors("filing_acknowledgement", filing_result="ok") == {"filing_result": ["取值不在可选范围内"]}
