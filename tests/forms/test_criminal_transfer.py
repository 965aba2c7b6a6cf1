from forms import get_form
from tests.forms.payloads import MINIMAL_PAYLOADS


def errors(form_key, **changes):
    return get_form(form_key).validate({**MINIMAL_PAYLOADS[form_key], **changes})


def test_task_force_needs_two_distinct_officers():
    assert errors("transfer_report", task_force_ids=[3]) == {"task_force_ids": ["至少需要2名不同人员"]}
    assert errors("transfer_report", task_force_ids=[]) == {"task_force_ids": ["至少需要2名不同人员"]}
    assert errors("transfer_report", task_force_ids=[3, 3]) == {"task_force_ids": ["不能重复"]}


def test_transfer_needs_at_least_one_ground():
    assert errors("transfer_report", transfer_grounds=[]) == {"transfer_grounds": ["至少选择1项"]}


def test_transfer_ground_outside_the_list_is_refused():
    assert errors("transfer_report", transfer_grounds=["fraud"]) == {
        "transfer_grounds": {0: ["取值不在可选范围内"]}
    }


def test_police_reason_defaults_to_empty_text():
    assert get_form("police_decision").load(MINIMAL_PAYLOADS["police_decision"])["police_reason"] == ""


def test_follow_up_must_be_listed():
    assert errors("refusal_follow_up", follow_up="appeal") == {"follow_up": ["取值不在可选范围内"]}
