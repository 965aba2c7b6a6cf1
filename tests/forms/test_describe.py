import json
import re

import pytest

from forms import FORMS, choices, describe_form
from tests.forms.contract import all_fields, required_fields

CHINESE = re.compile(r"[\u4e00-\u9fff]")
FIELD_TYPES = {
    "text",
    "textarea",
    "date",
    "money",
    "int",
    "bool",
    "choice",
    "multichoice",
    "user",
    "users",
    "records",
    "texts",
}


def flatten(description):
    for entry in description:
        yield entry
        yield from flatten(entry.get("fields", []))


@pytest.mark.parametrize("form_key", sorted(FORMS))
def test_description_is_json_and_lists_the_contract_fields(form_key):
    description = describe_form(form_key)
    assert json.loads(json.dumps(description)) == description
    assert {entry["name"] for entry in description} == set(all_fields(form_key))


@pytest.mark.parametrize("form_key", sorted(FORMS))
def test_every_field_has_a_chinese_label_and_a_known_type(form_key):
    for entry in flatten(describe_form(form_key)):
        assert CHINESE.search(entry["label"]), entry["name"]
        assert entry["type"] in FIELD_TYPES
        assert entry["help"] == "" or CHINESE.search(entry["help"])


@pytest.mark.parametrize("form_key", sorted(FORMS))
def test_choices_are_given_exactly_for_choice_fields(form_key):
    for entry in flatten(describe_form(form_key)):
        offers_choices = entry["type"] in ("choice", "multichoice")
        assert (entry["choices"] is not None) == offers_choices
        for code, label in entry["choices"] or []:
            assert re.fullmatch(r"[a-z_]+", code) and CHINESE.search(label)


@pytest.mark.parametrize("form_key", sorted(FORMS))
def test_required_flags_match_the_contract(form_key):
    required = {entry["name"] for entry in describe_form(form_key) if entry["required"]}
    assert required == set(required_fields(form_key))


def test_fields_come_in_declaration_order():
    names = [entry["name"] for entry in describe_form("intake_record")]
    assert names == [
        "source",
        "source_ref",
        "received_on",
        "place",
        "summary",
        "recommendation",
        "recommendation_reason",
    ]


def test_defaults_are_given_as_stored_json():
    defaults = {entry["name"]: entry["default"] for entry in describe_form("investigation_conclusion")}
    assert defaults["discretion_tier"] == "general"
    assert defaults["fine_amount"] == 0 and type(defaults["fine_amount"]) is int
    assert defaults["penalty_types"] == []
    assert defaults["patient_harm"] is False
    assert defaults["facts"] is None
    hearing = {entry["name"]: entry["default"] for entry in describe_form("hearing_notice")}
    assert hearing["hearing_public"] is True


def test_choice_description_keeps_contract_order_and_labels():
    entry = next(e for e in describe_form("advance_notice") if e["name"] == "notice_service_method")
    assert entry["choices"] == [list(pair) for pair in choices.SERVICE_METHODS]
    assert entry["choices"][0] == ["direct", "直接送达"]


def test_records_describe_their_entry_fields():
    records = next(e for e in describe_form("investigation") if e["name"] == "records")
    assert [field["name"] for field in records["fields"]] == ["kind", "date", "place", "content"]
    assert records["fields"][0]["choices"] == [["onsite", "现场笔录"], ["inquiry", "询问笔录"]]


def test_unknown_form_key_is_a_key_error():
    with pytest.raises(KeyError):
        describe_form("legal_review_after_hearing")
