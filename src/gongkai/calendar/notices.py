"""The override table: the State Council's holiday notices as an administrator loads them.

A notice (e.g. 国办发明电〔2024〕12号 for 2025) lists the days off and the make-up working
days of one year. Once a year's notice is loaded, that year's dates are final. Entries
override the ``chinesecalendar`` tables too, so a correction can be loaded before a new
package release. The platform keeps notices in its database and builds these plain
objects; files (JSON or CSV) load through :func:`load_notices`.

JSON: one notice object or a list of them::

    {"year": 2027, "document_number": "国办发明电〔2026〕…号",
     "loaded_at": "2026-11-10T09:00:00+08:00",
     "holidays": [{"name": "元旦", "days_off": ["2027-01-01", "…"], "workdays": ["…"]}]}

CSV (UTF-8, header row): ``year,document_number,loaded_at,name,date,kind`` with ``kind``
``off`` (放假) or ``work`` (调休上班); one row per date.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

BEIJING = dt.timezone(dt.timedelta(hours=8), "CST")


class NoticeError(ValueError):
    """A notice file or record is unusable; the message names the file and the place."""


@dataclass(frozen=True, slots=True)
class NoticeDay:
    date: dt.date
    working: bool  # True: a make-up working day (调休上班); False: a day off (放假)
    name: str  # the holiday it belongs to, e.g. 春节


@dataclass(frozen=True)
class HolidayNotice:
    year: int
    document_number: str  # e.g. 国办发明电〔2024〕12号
    loaded_at: dt.datetime
    days: tuple[NoticeDay, ...]

    def __post_init__(self) -> None:
        seen: dict[dt.date, NoticeDay] = {}
        for day in self.days:
            other = seen.get(day.date)
            if other is not None and other.working != day.working:
                raise NoticeError(
                    f"{self.document_number}：{day.date.isoformat()} 同时列为放假和调休上班"
                )
            seen[day.date] = day


def _loaded(notice: HolidayNotice) -> float:
    return notice.loaded_at.timestamp()  # works for naive and aware times alike


@dataclass(frozen=True)
class Overrides:
    """All loaded notices; a later-loaded notice wins where two list the same date."""

    notices: tuple[HolidayNotice, ...] = ()

    @property
    def years(self) -> frozenset[int]:
        return frozenset(n.year for n in self.notices)

    def notice_for(self, year: int) -> HolidayNotice | None:
        found = [n for n in self.notices if n.year == year]
        return max(found, key=_loaded) if found else None

    def plus(self, *notices: HolidayNotice) -> Overrides:
        return Overrides((*self.notices, *notices))


# ---- reading -------------------------------------------------------------------------


def _date(value: object, where: str) -> dt.date:
    if not isinstance(value, str):
        raise NoticeError(f"{where}：日期应为 YYYY-MM-DD 字符串，实为 {value!r}")
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise NoticeError(f"{where}：不是有效日期 {value!r}（应为 YYYY-MM-DD）") from None


def _datetime(value: object, where: str) -> dt.datetime:
    if not isinstance(value, str):
        raise NoticeError(f"{where}：载入时间应为 ISO 8601 字符串，实为 {value!r}")
    try:
        moment = dt.datetime.fromisoformat(value)
    except ValueError:
        raise NoticeError(f"{where}：不是有效的载入时间 {value!r}") from None
    # A time without zone is Beijing time, so naive and aware notices still compare.
    return moment if moment.tzinfo else moment.replace(tzinfo=BEIJING)


def _year(value: object, where: str) -> int:
    if isinstance(value, str) and value.strip().isdigit():
        value = int(value)
    if not isinstance(value, int) or isinstance(value, bool) or not 1949 <= value <= 2199:
        raise NoticeError(f"{where}：年份无效 {value!r}")
    return value


def _text(value: object, where: str) -> str:
    if not isinstance(value, str) or not value.strip():
        raise NoticeError(f"{where}：不能为空")
    return value.strip()


def notice_from_dict(data: Mapping[str, Any], where: str = "通知") -> HolidayNotice:
    """A notice from its JSON object (see the module docstring)."""
    if not isinstance(data, Mapping):
        raise NoticeError(f"{where}：应为 JSON 对象")
    year = _year(data.get("year"), f"{where} year")
    number = _text(data.get("document_number"), f"{where} document_number（通知文号）")
    loaded_at = _datetime(data.get("loaded_at"), f"{where} loaded_at")
    holidays = data.get("holidays")
    if not isinstance(holidays, list) or not holidays:
        raise NoticeError(f"{where} holidays：应为非空列表")
    days: list[NoticeDay] = []
    for i, holiday in enumerate(holidays):
        at = f"{where} holidays[{i}]"
        if not isinstance(holiday, Mapping):
            raise NoticeError(f"{at}：应为 JSON 对象")
        name = _text(holiday.get("name"), f"{at} name")
        for key, working in (("days_off", False), ("workdays", True)):
            values = holiday.get(key, [])
            if not isinstance(values, list):
                raise NoticeError(f"{at} {key}：应为日期列表")
            days.extend(
                NoticeDay(_date(v, f"{at} {key}[{j}]"), working, name) for j, v in enumerate(values)
            )
    return HolidayNotice(year, number, loaded_at, tuple(days))


def notice_to_dict(notice: HolidayNotice) -> dict[str, Any]:
    names: dict[str, dict[str, list[str]]] = {}
    for day in sorted(notice.days, key=lambda d: d.date):
        entry = names.setdefault(day.name, {"days_off": [], "workdays": []})
        entry["workdays" if day.working else "days_off"].append(day.date.isoformat())
    return {
        "year": notice.year,
        "document_number": notice.document_number,
        "loaded_at": notice.loaded_at.isoformat(),
        "holidays": [{"name": name, **lists} for name, lists in names.items()],
    }


_CSV_COLUMNS = ("year", "document_number", "loaded_at", "name", "date", "kind")
_KINDS = {"off": False, "放假": False, "work": True, "上班": True, "调休上班": True}


def notices_from_csv(text: str, where: str = "CSV") -> tuple[HolidayNotice, ...]:
    reader = csv.DictReader(io.StringIO(text))
    missing = [c for c in _CSV_COLUMNS if c not in (reader.fieldnames or ())]
    if missing:
        raise NoticeError(f"{where}：缺少列 {', '.join(missing)}（应有 {', '.join(_CSV_COLUMNS)}）")
    grouped: dict[tuple[int, str], tuple[dt.datetime, list[NoticeDay]]] = {}
    for line, row in enumerate(reader, start=2):
        at = f"{where} 第 {line} 行"
        year = _year(row["year"], f"{at} year")
        number = _text(row["document_number"], f"{at} document_number")
        loaded_at = _datetime(row["loaded_at"], f"{at} loaded_at")
        kind = (row["kind"] or "").strip()
        if kind not in _KINDS:
            raise NoticeError(f"{at} kind：应为 off 或 work，实为 {kind!r}")
        day = NoticeDay(
            _date(row["date"], f"{at} date"), _KINDS[kind], _text(row["name"], f"{at} name")
        )
        grouped.setdefault((year, number), (loaded_at, []))[1].append(day)
    if not grouped:
        raise NoticeError(f"{where}：没有数据行")
    return tuple(
        HolidayNotice(year, number, loaded_at, tuple(days))
        for (year, number), (loaded_at, days) in grouped.items()
    )


def load_notices(path: Path) -> tuple[HolidayNotice, ...]:
    """Notices from a ``.json`` or ``.csv`` file, or a clear :class:`NoticeError`."""
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise NoticeError(f"{path}：无法读取（{exc}）") from None
    if path.suffix.lower() == ".csv":
        return notices_from_csv(text, str(path))
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise NoticeError(f"{path}：不是有效的 JSON（第 {exc.lineno} 行：{exc.msg}）") from None
    items: Iterable[Any] = data if isinstance(data, list) else [data]
    return tuple(notice_from_dict(item, f"{path} [{i}]") for i, item in enumerate(items))


__all__ = [
    "BEIJING",
    "HolidayNotice",
    "NoticeDay",
    "NoticeError",
    "Overrides",
    "load_notices",
    "notice_from_dict",
    "notice_to_dict",
    "notices_from_csv",
]
