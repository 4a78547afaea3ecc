"""How dates are written for staff: 2025年10月1日（星期三）, 10月11日（星期六）."""

from __future__ import annotations

import datetime as dt

WEEKDAYS = ("星期一", "星期二", "星期三", "星期四", "星期五", "星期六", "星期日")


def weekday(day: dt.date) -> str:
    return WEEKDAYS[day.weekday()]


def cn_date(day: dt.date, *, year: bool = True, weekday_name: bool = False) -> str:
    text = f"{day.year}年{day.month}月{day.day}日" if year else f"{day.month}月{day.day}日"
    return f"{text}（{weekday(day)}）" if weekday_name else text


def cn_span(first: dt.date, last: dt.date) -> str:
    """``2025年10月1日至8日``, ``2025年1月28日至2月4日``, ``2025年12月31日至2026年1月1日``."""
    if first == last:
        return cn_date(first)
    if first.year != last.year:
        return f"{cn_date(first)}至{cn_date(last)}"
    if first.month != last.month:
        return f"{cn_date(first)}至{last.month}月{last.day}日"
    return f"{cn_date(first)}至{last.day}日"


__all__ = ["WEEKDAYS", "cn_date", "cn_span", "weekday"]
