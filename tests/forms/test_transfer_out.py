from forms import get_form
from tests.forms.payloads import MINIMAL_PAYLOADS


def errors(form_key, **changes):
    return get_form(form_key).validate({**MINIMAL_PAYLOADS[form_key], **changes})


def test_receiving_agency_type_must_be_listed():
    assert errors("transfer_out_draft", receiving_agency_type="police") == {
        "receiving_agency_type": ["取值不在可选范围内"]
    }


def test_optional_texts_default_to_empty():
    draft = get_form("transfer_out_draft").load(MINIMAL_PAYLOADS["transfer_out_draft"])
    receipt = get_form("transfer_out_receipt").load(MINIMAL_PAYLOADS["transfer_out_receipt"])
    assert draft["materials"] == "" and receipt["receiving_note"] == ""


def test_receipt_date_must_be_iso():
    assert errors("transfer_out_receipt", receipt_on="2024年4月2日") == {
        "receipt_on": ["日期格式不正确，应为YYYY-MM-DD"]
    }
