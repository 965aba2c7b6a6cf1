from forms import get_form
from tests.forms.payloads import FULL_PAYLOADS, MINIMAL_PAYLOADS


def errors(form_key, **changes):
    return get_form(form_key).validate({**MINIMAL_PAYLOADS[form_key], **changes})


def load(form_key, **changes):
    return get_form(form_key).load({**MINIMAL_PAYLOADS[form_key], **changes})


def test_intake_summary_needs_ten_characters():
    assert errors("intake_record", summary="无证行医") == {"summary": ["至少需要填写10个字"]}


def test_registration_needs_cause_date_and_handlers():
    assert errors("registration_approval", registration_decision="register") == {
        "handler_ids": ["同意立案时必填"],
        "cause": ["同意立案时必填"],
        "registered_on": ["同意立案时必填"],
    }


def test_registration_needs_two_distinct_handlers():
    full = FULL_PAYLOADS["registration_approval"]
    assert errors("registration_approval", **{**full, "handler_ids": [3]}) == {
        "handler_ids": ["至少需要2名不同人员"]
    }
    assert errors("registration_approval", **{**full, "handler_ids": [3, 3]}) == {"handler_ids": ["不能重复"]}


def test_refused_registration_needs_no_handlers():
    loaded = load("registration_approval")
    assert loaded["handler_ids"] == [] and loaded["cause"] == "" and loaded["registered_on"] is None


def test_investigation_records_are_checked_entry_by_entry():
    record = {"kind": "onsite", "date": "2024-03-06", "place": "某村", "content": "现场有输液架"}
    bad_records = [record, {**record, "kind": "photo", "date": "3月6日"}, {**record, "by": 1}]
    assert errors("investigation", records=bad_records) == {
        "records": {
            1: {"kind": ["取值不在可选范围内"], "date": ["日期格式不正确，应为YYYY-MM-DD"]},
            2: {"by": ["未知字段，表单不接受此项"]},
        }
    }


def test_investigation_records_dump_dates_as_strings():
    schema = get_form("investigation")
    stored = schema.dump(schema.load(FULL_PAYLOADS["investigation"]))
    assert stored["records"][0]["date"] == "2024-03-06"


def test_penalty_proposal_needs_penalty_types():
    assert errors("investigation_conclusion", proposal="penalty") == {
        "penalty_types": ["拟给予行政处罚时必填"]
    }


def test_fine_in_penalty_types_needs_a_fine_amount():
    changes = {"proposal": "penalty", "penalty_types": ["warning", "fine"]}
    assert errors("investigation_conclusion", **changes) == {
        "fine_amount": ["处罚种类包含罚款时，罚款金额须大于0"]
    }


def test_fine_amount_without_fine_is_refused():
    changes = {"proposal": "penalty", "penalty_types": ["warning"], "fine_amount": 500}
    assert errors("investigation_conclusion", **changes) == {"fine_amount": ["未选择罚款时，罚款金额应为0"]}


def test_warning_alone_needs_no_fine_amount():
    loaded = load("investigation_conclusion", proposal="penalty", penalty_types=["warning"])
    assert loaded["fine_amount"] == 0 and loaded["discretion_tier"] == "general"


def test_penalty_types_refuse_repeats_and_unknown_codes():
    assert errors("investigation_conclusion", penalty_types=["warning", "warning"]) == {
        "penalty_types": ["不能重复"]
    }
    assert errors("investigation_conclusion", penalty_types=["detention"]) == {
        "penalty_types": {0: ["取值不在可选范围内"]}
    }


def test_conclusion_returned_needs_an_opinion():
    expected = {"conclusion_review_opinion": ["退回时必填"]}
    assert errors("conclusion_review", conclusion_review_result="return") == expected
    blank = {"conclusion_review_result": "return", "conclusion_review_opinion": "  "}
    assert errors("conclusion_review", **blank) == expected


def test_approved_conclusion_needs_no_opinion():
    assert load("conclusion_review")["conclusion_review_opinion"] == ""


def test_approved_decision_needs_a_decision_date():
    assert errors("decision_approval", decision_result="approve") == {
        "decided_on": ["同意作出处罚决定时必填"]
    }


def test_returned_decision_needs_no_date():
    assert load("decision_approval")["decided_on"] is None


def test_hearing_presider_must_be_a_user_id():
    assert errors("hearing_notice", presider_id="王主任") == {"presider_id": ["人员编号无效"]}


def test_deferral_needs_at_least_one_instalment():
    assert errors("deferral_approval", instalments=0) == {"instalments": ["不能小于1"]}
    assert load("deferral_approval")["instalments"] == 1


def test_party_response_date_is_optional():
    assert load("party_response")["response_received_on"] is None


def test_statement_review_money_keeps_cents():
    schema = get_form("statement_review")
    loaded = schema.load({**MINIMAL_PAYLOADS["statement_review"], "revised_fine_amount": "8000.5"})
    assert schema.dump(loaded)["revised_fine_amount"] == 8000.5


def test_execution_refuses_three_decimal_payment():
    assert errors("execution", paid_amount="100.123") == {"paid_amount": ["金额最多保留两位小数"]}
