"""Read and write the canonical JSON, validating its shape with precise messages."""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import IO, Any

from gongkai.files import MIB, FileRefused, read_bounded
from gongkai.formats import FORMATS, table2_row, table3_row
from gongkai.formats.national import APPLICANT_COLUMNS, TABLE4
from gongkai.report.cells import MAX_WHOLE_DIGITS, Cell
from gongkai.report.errors import ReportReadError, ReportShapeError
from gongkai.report.model import AnnualReport, Table

SCHEMA = "gongkai.annual-report/1"
MAX_REPORT_BYTES = 32 * MIB  # a canonical report is a few hundred KB

_MODEL_KEYS = {
    "schema", "agency", "year", "format", "published", "agency_kind", "title",
    "table2", "table3", "table4", "sections", "labels",
}  # fmt: skip
_TOO_LARGE = 10**MAX_WHOLE_DIGITS
# Decimal digits only: "²".isdigit() is true, but int("²") fails.
_YEAR_DIGITS = re.compile(r"^\s*[0-9０-９]{1,9}\s*$")
_DATE = re.compile(r"^\s*(\d{4})\s*[-年/.]\s*(\d{1,2})\s*[-月/.]\s*(\d{1,2})\s*日?\s*$")


# --- reading -----------------------------------------------------------------------------


def loads(text: str, *, source: str = "<string>") -> AnnualReport:
    try:
        data = json.loads(text, parse_float=Decimal)
    except json.JSONDecodeError as exc:
        raise ReportReadError(
            f"{source}: 不是有效的 JSON（第 {exc.lineno} 行第 {exc.colno} 列：{exc.msg}）"
        ) from None
    except RecursionError:
        raise ReportReadError(f"{source}: JSON 嵌套层数过深，不是规范 JSON 报告") from None
    except ValueError:  # json refuses integers beyond Python's int-string limit
        raise ReportReadError(f"{source}: JSON 中有位数过多的数字，不是规范 JSON 报告") from None
    return from_dict(data)


def load(path: str | Path) -> AnnualReport:
    path = Path(path)
    try:
        raw = read_bounded(path, MAX_REPORT_BYTES)
    except FileRefused as exc:
        raise ReportReadError(str(exc)) from None
    if not raw.strip():
        raise ReportReadError(f"{path}: 文件为空")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ReportReadError(f"{path}: 不是 UTF-8 编码的 JSON（第 {exc.start} 字节）") from None
    return loads(text, source=str(path))


def from_dict(data: object) -> AnnualReport:
    if not isinstance(data, Mapping):
        raise ReportShapeError("", f"年报 JSON 的顶层应是对象，实际是 {_kind(data)}")
    schema = data.get("schema", SCHEMA)
    if schema != SCHEMA:
        raise ReportShapeError("schema", f"is {schema!r}, expected {SCHEMA!r}")
    fmt_id = _optional(data, "format", str)
    if fmt_id is not None and fmt_id not in FORMATS:
        raise ReportShapeError("format", f"is {fmt_id!r}, expected one of {sorted(FORMATS)}")
    report = AnnualReport(
        agency=_optional(data, "agency", str),
        year=_optional(data, "year", int),
        format=fmt_id,
        published=_published(data.get("published")),
        agency_kind=_optional(data, "agency_kind", str),
        title=_optional(data, "title", str),
        extra={k: v for k, v in data.items() if k not in _MODEL_KEYS},
    )
    report.table2 = _table2(data.get("table2"), report)
    report.table3 = _table3(data.get("table3"))
    report.table4 = _table4(data.get("table4"))
    report.sections = _sections(data.get("sections"))
    report.labels = _labels(data.get("labels"))
    return report


def _kind(value: object) -> str:
    return {dict: "对象", list: "数组", str: "文本", bool: "布尔值", type(None): "null"}.get(
        type(value), type(value).__name__
    )


def _optional(data: Mapping[str, Any], key: str, typ: type) -> Any:
    value = data.get(key)
    if value is None:
        return None
    if typ is int and isinstance(value, str) and _YEAR_DIGITS.match(value):
        return int(value)
    if not isinstance(value, typ) or isinstance(value, bool):
        raise ReportShapeError(key, f"is {value!r}, expected {typ.__name__} or null")
    return value


def _published(value: object) -> date | None:
    if value is None or value == "":
        return None
    if isinstance(value, str):
        match = _DATE.match(value)
        if match:
            try:
                return date(*(int(g) for g in match.groups()))
            except ValueError:
                pass
    raise ReportShapeError("published", f"is {value!r}, expected a date such as 2022-01-20")


def _cell(value: object, path: str) -> Cell:
    if value is None or isinstance(value, str):
        return value
    if isinstance(value, bool):
        raise ReportShapeError(path, f"is {value!r}; expected a number, text or null")
    if isinstance(value, int | Decimal | float):
        # A printed decimal point stays a decimal.
        number = value if isinstance(value, int) else Decimal(str(value))
        if isinstance(number, Decimal) and not number.is_finite():
            raise ReportShapeError(path, f"is {value!r}; expected a finite number, text or null")
        if abs(number) >= _TOO_LARGE:
            # Such a number cannot be written back exactly (a float, or beyond the int-string
            # limit) and no real count or amount has it.
            raise ReportShapeError(
                path, f"is a number of more than {MAX_WHOLE_DIGITS} digits; no cell has one"
            )
        return number
    raise ReportShapeError(path, f"is {_kind(value)}; expected a number, text or null")


def _row(values: object, path: str, expected: int | None) -> list[Cell]:
    if not isinstance(values, list):
        raise ReportShapeError(path, f"is {_kind(values)}; expected a list of cell values")
    if expected is not None and len(values) != expected:
        raise ReportShapeError(path, f"has {len(values)} values, expected {expected}")
    return [_cell(v, f"{path}[{i}]") for i, v in enumerate(values)]


def _table(value: object, name: str) -> Mapping[str, object] | None:
    if value is None:
        return None
    if not isinstance(value, Mapping):
        raise ReportShapeError(name, f"is {_kind(value)}; expected an object of rows or null")
    return value


def _table2(value: object, report: AnnualReport) -> Table | None:
    rows = _table(value, "table2")
    if rows is None:
        return None
    table: Table = {}
    for key, values in rows.items():
        spec = table2_row(key, report.fmt)
        table[key] = _row(values, f"table2.{key}", len(spec.columns) if spec else None)
    return table


def _table3(value: object) -> Table | None:
    rows = _table(value, "table3")
    if rows is None:
        return None
    width = len(APPLICANT_COLUMNS)
    table: Table = {}
    for key, values in rows.items():
        known = table3_row(key) is not None
        table[key] = _row(values, f"table3.{key}", width if known else None)
    return table


def _table4(value: object) -> list[Cell] | None:
    if value is None:
        return None
    return _row(value, "table4", TABLE4.size)


def _sections(value: object) -> dict[str, str] | None:
    if value is None:
        return None
    if not isinstance(value, Mapping):
        raise ReportShapeError(
            "sections", f'is {_kind(value)}; expected an object such as {{"1": "…"}}'
        )
    sections: dict[str, str] = {}
    for key, text in value.items():
        if key not in {"1", "2", "3", "4", "5", "6"}:
            raise ReportShapeError(f"sections.{key}", 'is not a section number; expected "1" … "6"')
        if not isinstance(text, str):
            raise ReportShapeError(f"sections.{key}", f"is {_kind(text)}; expected text")
        sections[key] = text
    return sections


def _labels(value: object) -> dict[str, dict[str, str]]:
    if value is None:
        return {}
    if not isinstance(value, Mapping):
        raise ReportShapeError("labels", f"is {_kind(value)}; expected an object")
    labels: dict[str, dict[str, str]] = {}
    for table, rows in value.items():
        if not isinstance(rows, Mapping) or not all(isinstance(v, str) for v in rows.values()):
            raise ReportShapeError(
                f"labels.{table}", "expected an object of row key → printed label"
            )
        labels[str(table)] = {str(k): str(v) for k, v in rows.items()}
    return labels


# --- writing -----------------------------------------------------------------------------


def to_dict(report: AnnualReport) -> dict[str, Any]:
    data: dict[str, Any] = {
        "schema": SCHEMA,
        "agency": report.agency,
        "year": report.year,
        "format": report.format,
        "published": report.published.isoformat() if report.published else None,
    }
    if report.agency_kind is not None:
        data["agency_kind"] = report.agency_kind
    if report.title is not None:
        data["title"] = report.title
    data["table2"] = report.table2
    data["table3"] = report.table3
    data["table4"] = report.table4
    if report.sections is not None:
        data["sections"] = report.sections
    if report.labels:
        data["labels"] = report.labels
    data.update(report.extra)
    return data


def _encode(value: object) -> object:
    if isinstance(value, Decimal):
        if not value.is_finite() or abs(value) >= _TOO_LARGE:
            # No JSON number holds it (a float would write Infinity): its text, which
            # reads back as the text cell it then is, and B4 reports.
            return str(value)
        return (
            int(value)
            if value == value.to_integral_value() and value.as_tuple().exponent == 0
            else float(value)
        )
    if isinstance(value, date):
        return value.isoformat()
    raise TypeError(f"cannot encode {type(value).__name__}")


def dumps(report: AnnualReport, *, indent: int | None = 1) -> str:
    return json.dumps(to_dict(report), ensure_ascii=False, indent=indent, default=_encode)


def dump(report: AnnualReport, stream: IO[str]) -> None:
    stream.write(dumps(report))
    stream.write("\n")


def save(report: AnnualReport, path: str | Path) -> None:
    Path(path).write_text(dumps(report) + "\n", encoding="utf-8")
