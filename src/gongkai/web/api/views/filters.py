"""Checks of query parameters that pydantic cannot phrase for the user: a value outside a
fixed list, a date that does not parse. Each error names the parameter and what is allowed."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from ninja.errors import HttpError


def choice(name: str, value: str | None, allowed: Iterable[str]) -> str | None:
    options = list(allowed)
    if value is not None and value not in options:
        raise HttpError(400, f"参数 {name} 的取值“{value}”无效，可选：{'、'.join(options)}。")
    return value


def day(name: str, value: str | None, default: dt.date) -> dt.date:
    if value is None or value == "":
        return default
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise HttpError(400, f"参数 {name} 的取值“{value}”不是 YYYY-MM-DD 格式的日期。") from None
