"""Form fields every app uses the same way."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from django import forms
from django.utils import timezone

from gongkai.calendar.labels import cn_date


class PastDateField(forms.DateField):
    """The day something happened: never after today. Records say what has happened; a
    date in the future is a slip of the keyboard (and the clock would count it)."""

    def __init__(
        self, *args: Any, today: Callable[[], dt.date] = timezone.localdate, **kwargs: Any
    ):
        super().__init__(*args, **kwargs)
        self.today = today

    def validate(self, value: Any) -> None:
        super().validate(value)
        today = self.today()
        if value and value > today:
            raise forms.ValidationError(
                f"{self.label or '日期'}{cn_date(value)}晚于今天（{cn_date(today)}），"
                "只能记录已经发生的事。"
            )
