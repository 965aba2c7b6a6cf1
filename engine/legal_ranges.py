"""Statutory fine ranges per violation: the guard that no discretion table can override.

Discretion tables (DMN) are data an admin edits; a typo there must still not produce an unlawful
fine. The ranges below are the statute's, keyed by the violation codes of ``forms.choices``.
``B`` is the illegal income, counted as 10 000 元 when below that (基本医疗卫生与健康促进法 art. 99 and
the articles written after it).
"""

from dataclasses import dataclass
from decimal import Decimal

INCOME_FLOOR = Decimal(10_000)


@dataclass(frozen=True)
class FineRange:
    basis: str
    minimum: Decimal
    maximum: Decimal
    multiple: bool = False

    def bounds(self, illegal_income: Decimal) -> tuple[Decimal, Decimal]:
        if not self.multiple:
            return self.minimum, self.maximum
        base = max(illegal_income, INCOME_FLOOR)
        return self.minimum * base, self.maximum * base


def _multiple(basis: str, low: int, high: int) -> FineRange:
    return FineRange(basis, Decimal(low), Decimal(high), multiple=True)


def _fixed(basis: str, low: int, high: int) -> FineRange:
    return FineRange(basis, Decimal(low), Decimal(high))


UNLICENSED = _multiple("《基本医疗卫生与健康促进法》第九十九条第一款", 5, 20)

RANGES: dict[str, FineRange] = {
    "unlicensed_practice": UNLICENSED,
    "unlicensed_cosmetic": UNLICENSED,
    "non_physician_practice": _multiple("《医师法》第五十九条", 2, 10),
    "licence_lending": _multiple("《医师法》第五十四条", 2, 5),
    "institution_licence_trading": _multiple("《基本医疗卫生与健康促进法》第九十九条第二款", 5, 15),
    "department_leasing": _multiple("《基本医疗卫生与健康促进法》第一百条", 2, 10),
    "beyond_scope_institution": _fixed("《医疗机构管理条例》第四十六条", 10_000, 100_000),
    "beyond_scope_physician": _fixed("《医师法》第五十七条", 10_000, 30_000),
    "non_technical_staff": _fixed("《医疗机构管理条例》第四十七条", 10_000, 100_000),
    "false_certificate": _fixed("《医师法》第五十六条", 10_000, 30_000),
    "illegal_advertising": _fixed("《广告法》第五十八条", 100_000, 1_000_000),
}

PREGNANCY_BASIS = "《人口与计划生育法》第四十条"
PRICE_BASIS = "《价格违法行为行政处罚规定》第九条"


def fine_bounds(violation_code: str, illegal_income: Decimal) -> tuple[str, Decimal, Decimal] | None:
    """Return (basis, minimum, maximum) of the fine for a violation, or None where no range is coded."""
    if violation_code in RANGES:
        fine_range = RANGES[violation_code]
        return (fine_range.basis, *fine_range.bounds(illegal_income))
    if violation_code == "illegal_pregnancy_termination":
        if illegal_income >= INCOME_FLOOR:
            return PREGNANCY_BASIS, 2 * illegal_income, 6 * illegal_income
        return PREGNANCY_BASIS, Decimal(10_000), Decimal(30_000)
    if violation_code == "overcharging":
        if illegal_income > 0:
            return PRICE_BASIS, Decimal(0), 5 * illegal_income
        return PRICE_BASIS, Decimal(50_000), Decimal(500_000)
    return None


def check_fine(violation_code: str, fine: Decimal, illegal_income: Decimal, tier: str) -> str | None:
    """Return why a proposed fine is unlawful, or None.

    A reduced penalty (减轻, 行政处罚法 art. 32) may go below the minimum, never above the maximum.
    """
    if fine < 0:
        return "罚款金额不能为负数"
    if tier == "none" and fine > 0:
        return "裁量等次为“不予处罚”时不得处以罚款"
    bounds = fine_bounds(violation_code, illegal_income)
    if bounds is None or fine == 0:
        return None
    basis, low, high = bounds
    if fine > high:
        return f"罚款 {fine} 元超过{basis}规定的上限 {high} 元"
    if fine < low and tier != "reduced":
        return f"罚款 {fine} 元低于{basis}规定的下限 {low} 元（仅减轻处罚时可低于下限）"
    return None
