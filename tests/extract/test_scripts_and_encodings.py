"""A report reads the same whichever script or encoding it comes in.

Every shared text report (txt, md, html; PDFs are binary and skipped) is converted to
traditional script with OpenCC (s2t, and s2tw for Big5) and encoded as GBK, Big5 and UTF-16
(with BOM); each form must give the tables, ambiguous cells, agency and year of the original.
"""

from __future__ import annotations

import codecs
import json
from collections.abc import Callable
from dataclasses import replace
from functools import cache
from pathlib import Path
from typing import Any

import opencc
import pytest

from gongkai.extract import extract_bytes, extract_document
from gongkai.extract.document import UnreadableError
from gongkai.extract.loaders import load_documents
from gongkai.extract.loaders.encoding import decode
from gongkai.text import to_simplified
from tests.extract.reports import Facts, report_text

SUFFIXES = (".txt", ".md", ".html")
COMPARED = ("table2", "table3", "table4")


@cache
def _converter(config: str) -> opencc.OpenCC:
    return opencc.OpenCC(config)


def traditional(text: str) -> str:
    """OpenCC's standard traditional forms (爲, 衆, 羣: Big5 has none of them)."""
    return str(_converter("s2t").convert(text))


def taiwan(text: str) -> str:
    """Taiwan's standard forms (為, 眾, 群), the ones Big5 encodes."""
    return str(_converter("s2tw").convert(text))


# Every form is encoded strictly: a character the encoding lacks fails the test, not a "?".
FORMS: dict[str, Callable[[str], bytes]] = {
    "traditional utf-8": lambda text: traditional(text).encode("utf-8"),
    "simplified gbk": lambda text: text.encode("gbk"),
    "traditional big5": lambda text: taiwan(text).encode("big5"),
    "traditional gbk": lambda text: traditional(text).encode("gbk"),
    "simplified utf-16": lambda text: text.encode("utf-16"),
    "simplified utf-16 big-endian": lambda text: codecs.BOM_UTF16_BE + text.encode("utf-16-be"),
    "simplified utf-16 without its mark": lambda text: text.encode("utf-16-le"),
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
    tables = {key: report[key] for key in (*COMPARED, "agency", "year")}
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


@pytest.mark.shared
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


class _CountyFacts(Facts):
    """A county bureau whose name has 乾 and whose fees are printed with their unit."""

    def table2(self) -> dict[str, list[str]]:
        return {**super().table2(), "fees": ["3.168万元"]}


def _county_report() -> str:
    return report_text(_CountyFacts(agency="乾县教育局"))


@pytest.mark.parametrize("form", FORMS)
def test_a_county_report_reads_the_same_in_every_form(form: str) -> None:
    original = extract_bytes(_county_report().encode("utf-8"), "乾县.txt").report
    converted = extract_bytes(FORMS[form](_county_report()), "乾县.txt").report
    assert original.agency == converted.agency == "乾县教育局"
    assert original.table2["fees"] == converted.table2["fees"] == ["3.168万元"]


def test_a_lone_surrogate_in_the_text_does_not_stop_extraction() -> None:
    doc = load_documents(_county_report().encode("utf-8"), "乾县.txt")[0]
    broken = replace(doc, lines=[replace(line, text=line.text + "\ud800") for line in doc.lines])
    assert extract_document(broken).report.agency.startswith("乾县教育局")


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_utf16_without_its_byte_order_mark_is_read(encoding: str) -> None:
    text = "乾縣教育局政府信息公開工作年度報告\n本年收費 3.168萬元。\n"
    decoded = decode(text.encode(encoding), "r.txt")
    assert (decoded.text, decoded.encoding) == (text, encoding)


def test_binary_data_is_still_not_taken_for_utf16() -> None:
    with pytest.raises(UnreadableError, match="二进制"):
        decode(bytes(range(256)) * 8, "r.bin")
