"""Published annual reports → canonical reports with provenance.

``extract_file(path)`` reads one report; ``extract_path(path)`` every report a file holds
(a crawler CSV may hold many), each as an ``Extraction`` or a ``Failure``. The steps:
a loader turns bytes into a ``Document`` (``loaders``), the classifier decides whether it
is an annual report at all (``classify``), metadata and sections are read from the text
(``metadata``, ``sections``) and the tables by ``tables.read_tables``. Every value keeps
where it was read: ``report.extra["provenance"]``; what could not be read with certainty
is in ``extra["warnings"]`` and ``extra["ambiguous_cells"]``; the text printed before
section 一 (where reports state the 统计期限) is ``extra["preamble"]``.
"""

from __future__ import annotations

import json
import traceback
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from gongkai.extract.classify import Classification, classify
from gongkai.extract.document import Document, Provenance, TablesReading, UnreadableError
from gongkai.extract.loaders import load_documents, read_bytes
from gongkai.extract.metadata import read_metadata
from gongkai.extract.sections import PREAMBLE, read_sections
from gongkai.extract.tables import read_tables
from gongkai.report import SCHEMA, AnnualReport, ReportShapeError, dumps
from gongkai.report.canonical import from_dict
from gongkai.text import to_simplified


class NotAReportError(Exception):
    """The document is readable but is not a 政府信息公开工作年度报告 (message in Chinese)."""

    def __init__(self, message: str, classification: Classification | None = None) -> None:
        super().__init__(message)
        self.classification = classification


@dataclass
class Extraction:
    """One report read from a file; ``source`` names the file (and record: ``file#3``)."""

    report: AnnualReport
    source: str
    kind: str  # loader: txt, md, html, pdf, docx, json, csv, tsv; "canonical" for gongkai JSON
    encoding: str | None

    def to_json(self) -> str:
        """The canonical JSON object on one line (JSON Lines)."""
        return dumps(self.report, indent=None)


class ExtractionFault(Exception):
    """A defect in gongkai met while reading a document (not a fault of the input)."""


# unreadable: the input is broken or refused (exit status 2); not_report: readable, but not an
# annual report (3); internal: gongkai itself failed on it (4) — a defect to report upstream.
FailureKind = Literal["unreadable", "not_report", "internal"]


@dataclass
class Failure:
    """A file or record that gave no report, with the reason in Chinese."""

    source: str
    message: str
    kind: FailureKind = "unreadable"
    fault: str | None = None  # internal errors: the exception and the line that raised it

    @property
    def not_a_report(self) -> bool:
        return self.kind == "not_report"


Outcome = Extraction | Failure


def internal_failure(source: str, exc: BaseException, during: str = "提取") -> Failure:
    """The outcome of an unexpected exception: named as gongkai's fault, with its type and
    the line that raised it (for the bug report)."""
    detail = f"{type(exc).__name__}：{str(exc)[:200]}"
    frames = traceback.extract_tb(exc.__traceback__)
    where = f"{_short(frames[-1].filename)}:{frames[-1].lineno}" if frames else "?"
    message = f"{source}：{during}时出现内部错误（{detail}），请报告此问题"
    return Failure(source, message, "internal", f"{type(exc).__name__} at {where}")


def _short(filename: str) -> str:
    for marker in ("site-packages/", "src/"):
        if marker in filename:
            return filename.rsplit(marker, 1)[1]
    return Path(filename).name


def _plain(prov: Provenance | None) -> dict[str, Any] | None:
    return None if prov is None else prov.to_dict()


def _cell_provenance(reading: TablesReading) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for table, rows in reading.provenance.items():
        if table == "table4":
            out["table4"] = [_plain(p) for p in rows.get("table4", [])]
        else:
            out[table] = {key: [_plain(p) for p in provs] for key, provs in rows.items()}
    return out


def _used_rows(reading: TablesReading) -> set[tuple[int, int]]:
    """(grid, row) pairs the tables were read from: their text is not narrative."""
    return {
        (prov.table, prov.row)
        for rows in reading.provenance.values()
        for provs in rows.values()
        for prov in provs
        if prov is not None and prov.table is not None and prov.row is not None
    }


def extract_document(doc: Document) -> Extraction:
    """The report in a loaded document; NotAReportError when it is not an annual report."""
    verdict = classify(doc.text)  # loaders put table cells in the lines too
    if not verdict.is_report:
        raise NotAReportError(f"{doc.source}：{verdict.reason}", verdict)
    meta = read_metadata(doc)
    reading = read_tables(doc, meta.year)
    sections: dict[str, str] = {}
    section_provenance: dict[str, Any] = {}
    preamble: str | None = None
    for section in read_sections(doc, _used_rows(reading), preamble=True):
        if section.number == PREAMBLE:
            preamble = section.text
            section_provenance[PREAMBLE] = section.prov.to_dict()
        elif section.number not in sections:
            sections[section.number] = section.text
            section_provenance[section.number] = section.prov.to_dict()
    report = AnnualReport(
        agency=to_simplified(meta.agency.value) if meta.agency else None,
        year=meta.year,
        format=reading.format,
        published=meta.published,
        title=meta.title.value if meta.title else None,
        table2=reading.table2,
        table3=reading.table3,
        table4=reading.table4,
        sections=sections,
        labels=reading.labels,
    )
    report.extra = {
        "provenance": {
            **_cell_provenance(reading),
            "metadata": meta.provenance(),
            "sections": section_provenance,
        },
        "warnings": [*doc.warnings, *meta.warnings, *reading.warnings],
        "ambiguous_cells": [cell.to_dict() for cell in reading.ambiguous],
        "source": {"file": doc.source, "kind": doc.kind, "encoding": doc.encoding},
    }
    if preamble is not None:
        # The text before section 一 (title, legal basis, 统计期限…): rule D3 needs it.
        report.extra["preamble"] = preamble
    return Extraction(report, doc.source, doc.kind, doc.encoding)


def _canonical(data: bytes, name: str) -> Extraction | None:
    """A file that already is a gongkai canonical report is taken as it is."""
    if not data.lstrip().startswith(b"{") or SCHEMA.encode() not in data[:4096]:
        return None
    try:
        parsed = json.loads(data.decode("utf-8-sig"))
    except ValueError:  # not UTF-8, not JSON, or numbers too long: the loaders will say
        return None
    except RecursionError:
        raise UnreadableError(f"{name}：JSON 嵌套层数过深，不是规范 JSON 报告") from None
    if not isinstance(parsed, dict) or parsed.get("schema") != SCHEMA:
        return None
    try:
        report = from_dict(parsed)
    except ReportShapeError as exc:
        raise UnreadableError(f"{name}：规范 JSON 的结构有误（{exc}）") from None
    return Extraction(report, name, "canonical", "utf-8")


def iter_outcomes(data: bytes, name: str) -> Iterator[Outcome]:
    """Every report in a file's bytes, one at a time (a crawler dump may hold thousands);
    a file that gives none is one Failure."""
    try:
        canonical = _canonical(data, name)
        if canonical is not None:
            yield canonical
            return
        documents = load_documents(data, name)
    except UnreadableError as exc:
        yield Failure(name, str(exc))
        return
    except Exception as exc:  # a loader defect: this file fails, the caller's batch goes on
        yield internal_failure(name, exc)
        return
    for doc in documents:
        try:
            yield extract_document(doc)
        except NotAReportError as exc:
            yield Failure(doc.source, str(exc), "not_report")
        except UnreadableError as exc:
            yield Failure(doc.source, str(exc))
        except Exception as exc:  # one record's defect does not lose the file's other records
            yield internal_failure(doc.source, exc)


def iter_path(path: str | Path) -> Iterator[Outcome]:
    try:
        data = read_bytes(path)
    except UnreadableError as exc:
        yield Failure(str(path), str(exc))
        return
    yield from iter_outcomes(data, str(path))


def extract_all_bytes(data: bytes, name: str) -> list[Outcome]:
    return list(iter_outcomes(data, name))


def extract_path(path: str | Path) -> list[Outcome]:
    return list(iter_path(path))


def _single(outcomes: list[Outcome], name: str) -> Extraction:
    reports = [o for o in outcomes if isinstance(o, Extraction)]
    if len(reports) == 1:
        return reports[0]
    if len(reports) > 1:
        raise UnreadableError(
            f"{name}：文件中有 {len(reports)} 份年度报告，请用 extract_path 逐份读取"
        )
    failures = [o for o in outcomes if isinstance(o, Failure)]
    if len(failures) == 1 and failures[0].kind == "internal":
        raise ExtractionFault(failures[0].message)
    if len(failures) == 1 and not failures[0].not_a_report:
        raise UnreadableError(failures[0].message)
    if len(failures) == 1:
        raise NotAReportError(failures[0].message)
    raise NotAReportError(f"{name}：{len(failures)} 条记录中没有政府信息公开工作年度报告")


def extract_bytes(data: bytes, name: str) -> Extraction:
    """The one report in a file's bytes (UnreadableError / NotAReportError otherwise)."""
    return _single(extract_all_bytes(data, name), name)


def extract_file(path: str | Path) -> Extraction:
    return _single(extract_path(path), str(path))


__all__ = [
    "Document",
    "Extraction",
    "ExtractionFault",
    "Failure",
    "FailureKind",
    "NotAReportError",
    "Outcome",
    "UnreadableError",
    "extract_all_bytes",
    "extract_bytes",
    "extract_document",
    "extract_file",
    "extract_path",
    "iter_outcomes",
    "iter_path",
]
