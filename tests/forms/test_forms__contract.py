import json

import pytest

from forms import get_form
from tests.forms.contract import FORM_FIELDS, all_fields, required_fields
from tests.forms.payloads import FULL_PAYLOADS, MINIMAL_PAYLOADS

FORM_KEYS = sorted(FORM_FIELDS)
REQUIRED_PAIRS = [(key, name) for key in FORM_KEYS for name in required_fields(key)]


def load_errors(form_key, payload):
    return get_form(form_key).validate(payload)


def test_every_form_has_an_example_payload():
    assert set(MINIMAL_PAYLOADS) == set(FORM_FIELDS)


@pytest.mark.parametrize("form_key", FORM_KEYS)
def test_schema_declares_exactly_the_contract_fields(form_key):
    assert set(get_form(form_key).fields) == set(all_fields(form_key))


@pytest.mark.parametrize("form_key", FORM_KEYS)
def test_required_flags_follow_the_contract(form_key):
    schema = get_form(form_key)
    required = {name for name, field in schema.fields.items() if field.required}
    assert required == set(required_fields(form_key))


@pytest.mark.parametrize("form_key", FORM_KEYS)
def test_full_payload_dumps_to_json_with_every_field(form_key):
    schema = get_form(form_key)
    stored = schema.dump(schema.load(FULL_PAYLOADS[form_key]))
    assert set(stored) == set(all_fields(form_key))
    assert json.loads(json.dumps(stored)) == stored


@pytest.mark.parametrize("form_key", FORM_KEYS)
def test_stored_data_loads_back_to_the_same_values(form_key):
    schema = get_form(form_key)
    loaded = schema.load(FULL_PAYLOADS[form_key])
    assert schema.load(schema.dump(loaded)) == loaded


@pytest.mark.parametrize("form_key", FORM_KEYS)
def test_minimal_payload_fills_every_field_with_its_default(form_key):
    schema = get_form(form_key)
    stored = schema.dump(schema.load(MINIMAL_PAYLOADS[form_key]))
    assert set(stored) == set(all_fields(form_key))
    json.dumps(stored)


@pytest.mark.parametrize(("form_key", "name"), REQUIRED_PAIRS)
def test_missing_required_field_is_named_in_chinese(form_key, name):
    payload = {k: v for k, v in MINIMAL_PAYLOADS[form_key].items() if k != name}
    assert load_errors(form_key, payload) == {name: ["必填项"]}


@pytest.mark.parametrize(("form_key", "name"), REQUIRED_PAIRS)
def test_required_field_given_null_is_refused(form_key, name):
    payload = {**MINIMAL_PAYLOADS[form_key], name: None}
    assert load_errors(form_key, payload) == {name: ["不能为空值"]}


@pytest.mark.parametrize("form_key", FORM_KEYS)
def test_unknown_field_is_refused(form_key):
    payload = {**FULL_PAYLOADS[form_key], "remark": "多余的字段"}
    assert load_errors(form_key, payload) == {"remark": ["未知字段，表单不接受此项"]}


@pytest.mark.parametrize("form_key", FORM_KEYS)
def test_blank_required_strings_are_refused(form_key):
    payload = dict(MINIMAL_PAYLOADS[form_key])
    blanked = [name for name, value in payload.items() if isinstance(value, str)]
    payload.update({name: "   " for name in blanked})
    errors = load_errors(form_key, payload)
    assert set(errors) == set(blanked)
    assert all("必填项" in errors[name][0] for name in blanked)
