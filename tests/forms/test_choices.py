import re

import pytest

from forms import choices

CHINESE = re.compile(r"[\u4e00-\u9fff]")
ENUMS = {name: value for name, value in vars(choices).items() if name.isupper() and isinstance(value, tuple)}


def test_violations_hold_the_contract_codes_in_order():
    assert [code for code, _ in choices.VIOLATIONS] == [
        "unlicensed_practice",
        "non_physician_practice",
        "licence_lending",
        "institution_licence_trading",
        "department_leasing",
        "beyond_scope_institution",
        "beyond_scope_physician",
        "non_technical_staff",
        "false_certificate",
        "illegal_pregnancy_termination",
        "unlicensed_cosmetic",
        "illegal_advertising",
        "overcharging",
        "other",
    ]
    assert dict(choices.VIOLATIONS)["licence_lending"] == "医师出租、出借、转让执业证书（挂证）"


def test_penalty_types_hold_the_contract_codes():
    assert [code for code, _ in choices.PENALTY_TYPES] == [
        "warning",
        "fine",
        "confiscate_income",
        "confiscate_items",
        "suspend",
        "revoke_licence",
        "order_stop",
    ]


@pytest.mark.parametrize("name", sorted(ENUMS))
def test_enum_codes_are_unique_with_chinese_labels(name):
    pairs = ENUMS[name]
    codes = [code for code, _ in pairs]
    assert len(codes) == len(set(codes))
    assert all(re.fullmatch(r"[a-z_]+", code) for code in codes)
    assert all(CHINESE.search(label) for _, label in pairs)
