"""A large corpus is extracted on a process pool by ``audit_extract``, then checked once."""

from __future__ import annotations

from typing import Any

import pytest
from django.core.management import CommandError, call_command

from gongkai.web.audits.models import AuditDocument, AuditFinding, AuditReport
from gongkai.web.audits.services import files, ingest
from gongkai.web.audits.tasks import extract_documents
from tests.web.audits.reports import report_file
from tests.web.conftest import Tree, make_user


def _queued(project: Any, name: str, content: bytes) -> AuditDocument:
    stored, digest = files.keep_bytes(content, label=name)
    return AuditDocument.objects.create(project=project, name=name, file=stored, sha256=digest,
                                        size=len(content))  # fmt: skip


def test_queued_documents_are_extracted_on_a_process_pool_and_checked(tree: Tree) -> None:
    auditor = make_user("auditor", "supervisor", tree.city)
    project = ingest.create_project(name="大批量", years=[2022, 2023], agency=tree.city, by=auditor)
    _queued(project, "2022.html", report_file("东湖区人民政府", 2022))
    _queued(project, "2023.html", report_file("东湖区人民政府", 2023, review_total=9))
    _queued(project, "坏.pdf", b"%PDF-1.4 broken")
    call_command("audit_extract", project.pk, workers=2)
    states = dict(project.documents.values_list("name", "state"))
    assert states == {"2022.html": "done", "2023.html": "done", "坏.pdf": "failed"}
    this = AuditReport.objects.get(document__project=project, year=2023)
    assert this.previous is not None and this.matched_agency == tree.district
    assert AuditFinding.objects.filter(project=project, rule="B3", year=2023).exists()
    # a queue task arriving late for an extracted document does not extract it again
    assert extract_documents.call_local([this.document_id]) == "extracted=0"


def test_an_unknown_project_is_an_error(db: None) -> None:
    with pytest.raises(CommandError, match="没有编号"):
        call_command("audit_extract", 999)


def _writes(project: Any, tag: str, count: int, chunk: int) -> tuple[int, int]:
    """(queries, commits) of extracting ``count`` fresh documents ``chunk`` at a time."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from gongkai.web.audits.services.extraction import process_queued

    ids = [_queued(project, f"{tag}{i}.html", report_file(f"{tag}{i}区人民政府", 2023)).pk
           for i in range(count)]  # fmt: skip
    with CaptureQueriesContext(connection) as queries:
        process_queued(ids, chunk=chunk)
    sql = [q["sql"].upper() for q in queries.captured_queries]
    return len(sql), sum(s.startswith(("SAVEPOINT", "BEGIN")) for s in sql)


def test_results_are_written_per_chunk_not_per_document(tree: Tree) -> None:
    auditor = make_user("auditor", "supervisor", tree.city)
    project = ingest.create_project(name="分块", years=[2023], agency=tree.city, by=auditor)
    few, many = _writes(project, "甲", 2, chunk=16), _writes(project, "乙", 8, chunk=16)
    assert many == few  # the same statements for 8 documents as for 2: one chunk each
    _, commits = _writes(project, "丙", 8, chunk=4)
    assert commits == 2  # two chunks of four, each in its own transaction
    assert set(project.documents.values_list("state", flat=True)) == {"done"}
