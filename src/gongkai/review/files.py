"""Review the documents of a file: annual reports as reports (R1–R4), anything else as text."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from gongkai.extract import Extraction, ExtractionFault, iter_outcomes
from gongkai.extract.document import UnreadableError
from gongkai.extract.loaders import load_documents, read_bytes
from gongkai.review.findings import ReviewFinding
from gongkai.review.review import review_report, review_text


@dataclass(frozen=True)
class ReviewedDocument:
    source: str
    is_report: bool  # an annual report: sections located, R4 applied
    findings: list[ReviewFinding]


def review_bytes(data: bytes, name: str) -> Iterator[ReviewedDocument]:
    """Every document in a file's bytes; UnreadableError when the file cannot be read."""
    not_reports: set[str] = set()
    for outcome in iter_outcomes(data, name):
        if isinstance(outcome, Extraction):
            yield ReviewedDocument(outcome.source, True, review_report(outcome.report))
        elif outcome.kind == "not_report":
            not_reports.add(outcome.source)
        elif outcome.kind == "internal":
            raise ExtractionFault(outcome.message)
        else:
            raise UnreadableError(outcome.message)
    if not_reports:  # a notice, a catalogue text…: reviewed as it reads
        for doc in load_documents(data, name):
            if doc.source in not_reports:
                yield ReviewedDocument(doc.source, False, review_text(doc.text))


def review_path(path: str | Path) -> list[ReviewedDocument]:
    return list(review_bytes(read_bytes(path), str(path)))
