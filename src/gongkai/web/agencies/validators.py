"""统一社会信用代码 (GB 32100-2015): 18 characters with a check character.

Layout: 1 registration authority · 2 organisation category · 3–8 administrative division
code · 9–17 organisation code · 18 check character. Letters I, O, Z, S and V are not used.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError

CREDIT_CODE_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
CREDIT_CODE_LENGTH = 18
# Weight of position i (0-based) is 3**i mod 31 (GB 32100-2015 §5.2).
_WEIGHTS = tuple(pow(3, i, 31) for i in range(CREDIT_CODE_LENGTH - 1))
_VALUE = {char: index for index, char in enumerate(CREDIT_CODE_ALPHABET)}


def credit_code_check_char(first17: str) -> str:
    """The check character for the first 17 characters of a credit code."""
    total = sum(_VALUE[c] * w for c, w in zip(first17, _WEIGHTS, strict=True))
    return CREDIT_CODE_ALPHABET[(31 - total % 31) % 31]


def credit_code_problem(code: str) -> str | None:
    """Why ``code`` is not a valid credit code, or None when it is."""
    if len(code) != CREDIT_CODE_LENGTH:
        return f"统一社会信用代码应为 18 位，实为 {len(code)} 位"
    bad = sorted({c for c in code if c not in _VALUE})
    if bad:
        return (
            f"统一社会信用代码含有不允许的字符：{'、'.join(bad)}（不使用 I、O、Z、S、V 和小写字母）"
        )
    if not code[2:8].isdigit():
        return "统一社会信用代码第 3–8 位应为行政区划代码（数字）"
    expected = credit_code_check_char(code[:17])
    if code[17] != expected:
        return f"统一社会信用代码校验码错误：第 18 位应为 {expected}，实为 {code[17]}"
    return None


def validate_credit_code(value: str) -> None:
    """Django validator wrapper around :func:`credit_code_problem`."""
    problem = credit_code_problem(value)
    if problem:
        raise ValidationError(problem, code="credit_code")
