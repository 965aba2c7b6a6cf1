"""Amounts in yuan, written both in figures and in Chinese capitals (大写), as decisions must state them.

Capitals follow the People's Bank rules for 票据 so a figure cannot be altered by adding strokes:
壹拾 keeps its 壹, one 零 stands for any run of zeros inside the number, and 整 closes an amount
without 分. A zero 元 digit before 角 takes no 零 (贰仟元伍角), which those rules allow.
"""

from decimal import Decimal, InvalidOperation

CENT = Decimal("0.01")
CEILING = Decimal("1000000000000")
DIGITS = "零壹贰叁肆伍陆柒捌玖"
PLACES = ("仟", "佰", "拾", "")
GROUPS = ("亿", "万", "")


def as_amount(value) -> Decimal:
    """Return value (Decimal, int, str or JSON float) as yuan to the cent; refuse sub-cent precision."""
    try:
        amount = Decimal(str(value))
    except InvalidOperation:
        raise ValueError(f"not an amount: {value!r}") from None
    if amount != amount.quantize(CENT):
        raise ValueError(f"amount has more than two decimals: {value!r}")
    return amount.quantize(CENT)


def to_figures(value) -> str:
    """Write an amount as figures with two decimals, e.g. 110000.00."""
    return f"{as_amount(value):.2f}"


def to_chinese_capital(value) -> str:
    """Write an amount in Chinese capitals, e.g. 110000 → 壹拾壹万元整."""
    amount = as_amount(value)
    if amount < 0 or amount >= CEILING:
        raise ValueError(f"amount out of range for capitals: {value!r}")
    cents = int(amount * 100)
    yuan, jiao, fen = cents // 100, cents // 10 % 10, cents % 10
    if cents == 0:
        return "零元整"
    words = _integer_words(yuan) + "元" if yuan else ""
    if jiao:
        words += DIGITS[jiao] + "角"
    elif fen and yuan:
        words += "零"
    if fen:
        return words + DIGITS[fen] + "分"
    return words if jiao else words + "整"


def _integer_words(number: int) -> str:
    groups = (number // 10**8, number // 10**4 % 10**4, number % 10**4)
    words = ""
    for group, unit in zip(groups, GROUPS, strict=True):
        if group == 0:
            continue
        if words and group < 1000:
            words += "零"
        words += _group_words(group) + unit
    return words


def _group_words(group: int) -> str:
    words, pending_zero = "", False
    for digit, place in zip(f"{group:04d}", PLACES, strict=True):
        if digit == "0":
            pending_zero = bool(words)
            continue
        if pending_zero:
            words += "零"
            pending_zero = False
        words += DIGITS[int(digit)] + place
    return words

