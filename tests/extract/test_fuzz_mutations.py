"""A seeded corpus of mutated reports in every format: each one gives a report or a typed
failure, and the rules run on every report read — never an internal error."""

from __future__ import annotations

import csv
import io
import json
from functools import cache

import pytest

from gongkai.extract import Extraction, Failure, extract_all_bytes, extract_bytes
from gongkai.report import dumps
from gongkai.rules import check
from tests.extract.mutations import mutants
from tests.extract.pdfs import render
from tests.extract.reports import report_docx, report_html, report_text

MUTANTS_PER_FORMAT = 40


def _dump(text: str) -> bytes:
    out = io.StringIO()
    csv.writer(out).writerows([["标题", "正文"], ["年度报告", text]])
    return out.getvalue().encode("utf-8")


@cache
def seeds() -> dict[str, bytes]:
    canonical = dumps(extract_bytes(report_text().encode(), "r.txt").report).encode("utf-8")
    return {
        "report.txt": report_text().encode("utf-8"),
        "report.md": report_text().replace("\n", "\n\n").encode("utf-8"),
        "report.html": report_html().encode("utf-8"),
        "report.docx": report_docx(),
        "report.pdf": render(report_html()),
        "report.json": canonical,
        "records.json": json.dumps([{"content": report_html()}], ensure_ascii=False).encode(),
        "records.csv": _dump(report_text()),
    }


@pytest.mark.parametrize("seed_name", list(seeds()))
def test_mutants_give_a_report_or_a_typed_failure(seed_name: str) -> None:
    internal: list[str] = []
    for name, data in mutants(seeds()[seed_name], seed_name, MUTANTS_PER_FORMAT, seed=11):
        for outcome in extract_all_bytes(data, name):
            if isinstance(outcome, Failure):
                assert outcome.message.strip(), name
                if outcome.kind == "internal":
                    internal.append(outcome.message)
            else:
                assert isinstance(outcome, Extraction)
                check(outcome.report)  # raises on a rule defect
    assert internal == []
