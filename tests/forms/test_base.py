import decimal

import pytest
from marshmallow import ValidationError

from forms.base import check_fine_amount, require_when


def test_require_when_names_every_empty_field():
    data = {"cause": "", "handler_ids": [], "registered_on": None, "registration_opinion": "同意"}
    with pytest.raises(ValidationError) as raised:
        require_when("同意立案", data, "cause", "handler_ids", "registered_on", "registration_opinion")
    assert raised.value.messages == {
        "cause": ["同意立案时必填"],
        "handler_ids": ["同意立案时必填"],
        "registered_on": ["同意立案时必填"],
    }


def test_require_when_accepts_zero_and_false_as_given():
    require_when("测试", {"amount": decimal.Decimal("0"), "signed": False}, "amount", "signed")


@pytest.mark.parametrize(
    ("fine_chosen", "amount", "message"),
    [
        (True, "0", "处罚种类包含罚款时，罚款金额须大于0"),
        (False, "100", "未选择罚款时，罚款金额应为0"),
    ],
)
def test_fine_amount_must_follow_the_choice_of_a_fine(fine_chosen, amount, message):
    with pytest.raises(ValidationError) as raised:
        check_fine_amount(fine_chosen, {"fine_amount": decimal.Decimal(amount)})
    assert raised.value.messages == [message]
    assert raised.value.field_name == "fine_amount"


@pytest.mark.parametrize(("fine_chosen", "amount"), [(True, "0.01"), (False, "0")])
def test_fine_amount_in_step_passes(fine_chosen, amount):
    check_fine_amount(fine_chosen, {"fine_amount": decimal.Decimal(amount)})
