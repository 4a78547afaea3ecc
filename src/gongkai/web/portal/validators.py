"""Checks of identity document numbers the applicant types (messages name the problem)."""

from __future__ import annotations

import datetime as dt

from gongkai.review.personal_data import id_check_char
from gongkai.web.agencies.validators import credit_code_problem


def id_card_problem(number: str) -> str | None:
    """Why ``number`` is not a valid 18-digit resident ID number, or None when it is."""
    if len(number) != 18:
        return f"居民身份证号码应为 18 位，实为 {len(number)} 位"
    if not number[:17].isdigit() or not (number[17].isdigit() or number[17] == "X"):
        return "居民身份证号码前 17 位应为数字，最后一位为数字或 X"
    try:
        dt.date(int(number[6:10]), int(number[10:12]), int(number[12:14]))
    except ValueError:
        return f"居民身份证号码中的出生日期 {number[6:14]} 不是有效日期"
    if number[17] != id_check_char(number[:17]):  # 居民身份证号码 GB 11643-1999
        return "居民身份证号码校验位不正确，请核对后重新填写"
    return None


# id_type → the check of its number (other document types are only required to be present)
NUMBER_CHECKS = {"id_card": id_card_problem, "credit_code": credit_code_problem}


def document_number_problem(id_type: str, number: str) -> str | None:
    check = NUMBER_CHECKS.get(id_type)
    return check(number) if check else None
