"""A report reads the same whichever script or encoding it comes in.

Every shared text report (txt, md, html; PDFs are binary and skipped) is converted to
traditional script with OpenCC s2t and encoded as GBK, Big5 and UTF-16; each form must give
the tables and ambiguous cells of the original.
"""

from __future__ import annotations

import codecs
import json
from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import Any

import opencc
import pytest

from gongkai.extract import extract_bytes
from gongkai.text import to_simplified

pytestmark = pytest.mark.shared

SUFFIXES = (".txt", ".md", ".html")
COMPARED = ("table2", "table3", "table4")


@cache
def _s2t() -> opencc.OpenCC:
    return opencc.OpenCC("s2t")


def traditional(text: str) -> str:
    return str(_s2t().convert(text))


def _encode_each(text: str, original: str, encoding: str) -> bytes:
    """``text`` in ``encoding``; a character it lacks is written as the original's (Big5 has no
    simplified-only characters, but s2t leaves a few characters that Big5 lacks as they are)."""
    try:
        return text.encode(encoding)
    except UnicodeEncodeError:
        pass
    out = bytearray()
    for ch, was in zip(text, original, strict=True):
        try:
            out += ch.encode(encoding)
        except UnicodeEncodeError:
            out += was.encode(encoding, errors="xmlcharrefreplace")
    return bytes(out)


FORMS: dict[str, Callable[[str], bytes]] = {
    "traditional utf-8": lambda text: traditional(text).encode("utf-8"),
    "simplified gbk": lambda text: _encode_each(text, text, "gbk"),
    "traditional big5": lambda text: _encode_each(traditional(text), text, "big5"),
    "simplified utf-16": lambda text: codecs.BOM_UTF16_LE + text.encode("utf-16-le"),
    "traditional utf-16": lambda text: traditional(text).encode("utf-16"),
}


def _inputs() -> list[str]:
    from tests.conftest import SHARED_DATA

    reports = SHARED_DATA / "reports"
    if not reports.is_dir():
        return []
    names = []
    for truth in sorted(reports.glob("*.truth.json")):
        stem = truth.name.removesuffix(".truth.json")
        if json.loads(truth.read_text("utf-8")).get("is_annual_report") is False:
            continue
        names += [stem + s for s in SUFFIXES if (reports / (stem + s)).exists()]
    return names


def _simplified(value: Any) -> Any:
    """Text cells keep the script they were printed in; they are compared simplified."""
    if isinstance(value, str):
        return to_simplified(value)
    if isinstance(value, list):
        return [_simplified(v) for v in value]
    if isinstance(value, dict):
        return {k: _simplified(v) for k, v in value.items()}
    return value


def _tables(data: bytes, name: str) -> dict[str, Any]:
    report = json.loads(extract_bytes(data, name).to_json())
    tables = {key: report[key] for key in COMPARED}
    tables["ambiguous"] = report.get("extra", {}).get("ambiguous_cells")
    return _simplified(tables)


def _rows(table: dict[str, Any] | list[Any] | None) -> dict[str, Any]:
    if isinstance(table, list):
        return {str(i): value for i, value in enumerate(table)}
    return table or {}


@cache
def _original(path: Path) -> tuple[str, dict[str, Any]]:
    data = path.read_bytes()
    return data.decode("utf-8-sig"), _tables(data, path.name)


@pytest.mark.parametrize("form", FORMS)
@pytest.mark.parametrize("name", _inputs() or ["(none)"])
def test_every_script_and_encoding_gives_the_same_tables(
    shared_data: Path, name: str, form: str
) -> None:
    text, expected = _original(shared_data / "reports" / name)
    got = _tables(FORMS[form](text), name)
    differences = {
        f"{table}.{row}": (_rows(got[table]).get(row), want)
        for table in COMPARED
        for row, want in _rows(expected[table]).items()
        if _rows(got[table]).get(row) != want
    }
    assert differences == {}
    assert got == expected
