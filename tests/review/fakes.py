"""Fictional personal data with valid check digits (never a real person's)."""

from __future__ import annotations

from gongkai.review.personal_data import id_check_char, luhn_valid


def fake_id(first17: str = "11010519491231002") -> str:
    return first17 + id_check_char(first17)


def fake_card(prefix: str = "622202000012345678") -> str:
    """A 19-digit card number whose last digit makes the Luhn sum right."""
    return next(prefix + str(d) for d in range(10) if luhn_valid(prefix + str(d)))
