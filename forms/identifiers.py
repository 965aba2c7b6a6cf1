"""Check digits of the identifiers a register holds, so a mistyped code is caught at import, not in court.

统一社会信用代码 (GB 32100-2015): 18 characters from a 31-character alphabet, the last a check
character over the first 17 (weights 3^i mod 31).
"""

CREDIT_CODE_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
CREDIT_CODE_WEIGHTS = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)


def credit_code_check_char(first17: str) -> str:
    """The check character that completes the first 17 characters of a credit code."""
    total = sum(
        CREDIT_CODE_ALPHABET.index(ch) * w for ch, w in zip(first17, CREDIT_CODE_WEIGHTS, strict=True)
    )
    return CREDIT_CODE_ALPHABET[(31 - total % 31) % 31]


def credit_code_problem(code: str) -> str | None:
    """Why ``code`` is not a valid unified social credit code, or None if it is."""
    if len(code) != 18:
        return "统一社会信用代码应为18位"
    if any(ch not in CREDIT_CODE_ALPHABET for ch in code):
        return "统一社会信用代码含有无效字符（不使用I、O、S、V、Z）"
    if credit_code_check_char(code[:17]) != code[17]:
        return "统一社会信用代码校验位不正确"
    return None
