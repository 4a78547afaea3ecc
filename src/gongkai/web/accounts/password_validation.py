"""Password rules whose messages Django's Chinese translation lacks."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.password_validation import MinimumLengthValidator
from django.core.exceptions import ValidationError


class ChineseMinimumLengthValidator(MinimumLengthValidator):
    def validate(self, password: str, user: Any = None) -> None:
        if len(password) < self.min_length:
            raise ValidationError(
                "密码太短，至少需要 %(min_length)d 个字符。",
                code="password_too_short",
                params={"min_length": self.min_length},
            )

    def get_help_text(self) -> str:
        return f"密码至少需要 {self.min_length} 个字符。"
