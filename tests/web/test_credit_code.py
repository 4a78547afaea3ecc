"""统一社会信用代码 validation (GB 32100-2015 check character)."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError

from gongkai.web.agencies.validators import (
    credit_code_check_char,
    credit_code_problem,
    validate_credit_code,
)

# Published codes of real organisations (their check characters were computed by the issuer).
REAL_CODES = (
    "11100000000013127D",
    "9144030071526726XG",
    "91330100799655058B",
    "91110000802100433B",
)


@pytest.mark.parametrize("code", REAL_CODES)
def test_real_codes_pass(code: str) -> None:
    assert credit_code_problem(code) is None
    assert credit_code_check_char(code[:17]) == code[17]


@pytest.mark.parametrize(
    ("code", "message"),
    [
        ("11100000000013127", "18 位"),
        ("11100000000013127DD", "18 位"),
        ("11100000000013127E", "第 18 位应为 D"),
        ("1110000000001312ID", "不允许的字符：I"),
        ("11100000000013127d", "不允许的字符：d"),
        ("11A00000000013127D", "行政区划代码"),
    ],
)
def test_bad_codes_say_why(code: str, message: str) -> None:
    problem = credit_code_problem(code)
    assert problem is not None and message in problem
    with pytest.raises(ValidationError):
        validate_credit_code(code)


def test_every_single_character_change_is_caught() -> None:
    code = REAL_CODES[1]
    alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY"
    for position in range(17):
        for char in alphabet:
            if char != code[position]:
                changed = code[:position] + char + code[position + 1 :]
                if changed[2:8].isdigit():
                    assert credit_code_problem(changed) is not None, changed


def test_check_char_zero_case() -> None:
    # When the weighted sum is a multiple of 31 the check character is "0", not "31".
    first17 = "00000000000000000"
    assert credit_code_check_char(first17) == "0"
