"""Queue jobs of the audits app: fetch a URL, extract a document, check the project.

The web enqueues; workers run these. When a project's last document is extracted, the
check of the whole project runs (cross-year rules need every year's report).
"""

from __future__ import annotations

from django.conf import settings
from huey.contrib.djhuey import db_task

from gongkai.extract.fetch import FetchProblem, fetch
from gongkai.web.audits.models import AuditDocument, AuditProject
from gongkai.web.audits.services import checking, extraction, ingest


@db_task()
def extract_documents(document_ids: list[int]) -> str:
    """Extract a chunk of a project's documents; those no longer queued (extracted by the
    pool command, or by a repeated task) are skipped. The last chunk checks the project."""
    documents = extraction.process_queued(document_ids)
    if documents and not checking.pending(documents[0].project):
        check_project(documents[0].project_id)
    return f"extracted={len(documents)}"


def _allow_private() -> bool:
    """Intranet deployments (and tests) may fetch from private addresses; others may not."""
    return bool(getattr(settings, "AUDITS_FETCH_ALLOW_PRIVATE", False))


@db_task()
def fetch_document(document_id: int) -> str:
    document = AuditDocument.objects.select_related("project").filter(pk=document_id).first()
    if document is None:
        return "gone"
    try:
        fetched = fetch(document.url, allow_private=_allow_private())
    except FetchProblem as problem:
        ingest.fetch_failed(document, str(problem))
        return "failed"
    if ingest.store_fetched(document, fetched):
        extract_documents([document.pk])
    return document.state


@db_task()
def check_project(project_id: int) -> str:
    project = AuditProject.objects.filter(pk=project_id).first()
    if project is None:
        return "gone"
    run = checking.check_project(project)
    return f"reports={run.reports} findings={run.current} new={run.new} resolved={run.resolved}"
