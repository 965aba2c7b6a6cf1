"""The discretion table's suggestion, beside the statutory range it cannot widen."""

from engine.discretion import suggest
from engine.specs import load_bundle, read_bundle

BUNDLE = load_bundle(read_bundle())


def test_ear_cleaning_shop_gets_the_general_tier_on_ten_thousand():
    result = suggest(
        BUNDLE,
        {
            "violation_code": "unlicensed_practice",
            "illegal_income": 2000,
            "months_practising": 2,
            "is_health_professional": False,
        },
    )
    assert (result["tier"], result["base"], result["fine_min"], result["fine_max"]) == (
        "general",
        "10000",
        "80000",
        "140000",
    )
    assert result["statutory"] == {
        "basis": "《基本医疗卫生与健康促进法》第九十九条第一款",
        "min": "50000",
        "max": "200000",
    }


def test_two_prior_penalties_suggest_transfer_and_harm_suggests_the_heavier_tier():
    assert (
        suggest(BUNDLE, {"violation_code": "unlicensed_practice", "prior_penalties": 2})["tier"] == "transfer"
    )
    heavier = suggest(
        BUNDLE, {"violation_code": "unlicensed_practice", "patient_harm": True, "illegal_income": 30000}
    )
    assert (heavier["tier"], heavier["fine_max"]) == ("heavier", "600000")


def test_other_violations_are_outside_this_table():
    assert suggest(BUNDLE, {"violation_code": "false_certificate"})["tier"] == "not_applicable"
