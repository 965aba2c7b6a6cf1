from decimal import Decimal

import pytest

from documents.money import as_amount, to_chinese_capital, to_figures


@pytest.mark.parametrize(("amount", "capitals"), [
    ("110000", "壹拾壹万元整"),
    ("2000.5", "贰仟元伍角"),
    ("10.05", "壹拾元零伍分"),
    ("100010", "壹拾万零壹拾元整"),
    ("0", "零元整"),
    ("0.00", "零元整"),
    ("10", "壹拾元整"),
    ("1", "壹元整"),
    ("200", "贰佰元整"),
    ("1001", "壹仟零壹元整"),
    ("1010", "壹仟零壹拾元整"),
    ("10000", "壹万元整"),
    ("10500", "壹万零伍佰元整"),
    ("105000", "壹拾万伍仟元整"),
    ("2000", "贰仟元整"),
    ("20000000", "贰仟万元整"),
    ("100000000", "壹亿元整"),
    ("100010000", "壹亿零壹万元整"),
    ("110000000", "壹亿壹仟万元整"),
    ("100000001", "壹亿零壹元整"),
    ("0.5", "伍角"),
    ("0.05", "伍分"),
    ("0.15", "壹角伍分"),
    ("1.55", "壹元伍角伍分"),
    ("1.05", "壹元零伍分"),
    ("1000.01", "壹仟元零壹分"),
    ("1680.32", "壹仟陆佰捌拾元叁角贰分"),
    ("999999999999.99", "玖仟玖佰玖拾玖亿玖仟玖佰玖拾玖万玖仟玖佰玖拾玖元玖角玖分"),
])
def test_to_chinese_capital(amount, capitals):
    assert to_chinese_capital(Decimal(amount)) == capitals


@pytest.mark.parametrize("stored", [110000, 110000.0, "110000", "110000.00", Decimal("110000.00")])
def test_capitals_and_figures_accept_every_stored_form(stored):
    assert to_chinese_capital(stored) == "壹拾壹万元整"
    assert to_figures(stored) == "110000.00"


def test_figures_keep_two_decimals():
    assert to_figures(Decimal("2000.5")) == "2000.50"
    assert to_figures(0) == "0.00"


@pytest.mark.parametrize("bad", [Decimal("-1"), Decimal("1000000000000"), Decimal("0.001"), "abc"])
def test_capitals_refuse_what_cannot_be_written(bad):
    with pytest.raises(ValueError):
        to_chinese_capital(bad)


def test_as_amount_rounds_nothing():
    with pytest.raises(ValueError, match="two decimals"):
        as_amount("10.005")

