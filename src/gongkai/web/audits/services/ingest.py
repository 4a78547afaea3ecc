"""Projects and their documents: uploaded files, ZIPs and URL lists, deduplicated by hash."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from django.core.exceptions import PermissionDenied
from django.db import transaction

from gongkai.extract import archive
from gongkai.extract.fetch import Fetched
from gongkai.web.accounts import permissions
from gongkai.web.agencies.models import Agency
from gongkai.web.audits.models import AuditDocument, AuditProject
from gongkai.web.audits.permissions import can_work_on

CHUNK = 16  # documents per queue task (one transaction each); several workers share a corpus


@dataclass
class Added:
    """What became of an upload: stored documents, duplicates of stored bytes, refusals."""

    documents: list[AuditDocument] = field(default_factory=list)
    duplicates: list[str] = field(default_factory=list)
    refused: list[str] = field(default_factory=list)


@transaction.atomic
def create_project(
    *, name: str, years: list[int], agency: Agency, by: Any, members: Iterable[Any] = ()
) -> AuditProject:
    if not permissions.can_edit(by, agency):
        raise PermissionDenied("您无权为该机关建立审核项目。")
    project = AuditProject.objects.create(
        name=name, years=sorted(set(years)), agency=agency, created_by=by
    )
    project.members.set([by, *members])
    return project


def _require(project: AuditProject, by: Any) -> None:
    if not can_work_on(by, project):
        raise PermissionDenied("您无权修改该项目。")


def _store(name: str, content: bytes, known: set[str], added: Added, pending: list[AuditDocument],
           project: AuditProject) -> None:  # fmt: skip
    digest = hashlib.sha256(content).hexdigest()
    if digest in known:
        added.duplicates.append(name)
        return
    known.add(digest)
    pending.append(AuditDocument(project=project, name=name[:255], content=content,
                                 sha256=digest, size=len(content)))  # fmt: skip


def add_files(project: AuditProject, files: Iterable[tuple[str, bytes]], *, by: Any) -> Added:
    """Store each file (a ZIP: its report files) and queue it for extraction."""
    _require(project, by)
    added = Added()
    known = set(project.documents.exclude(sha256="").values_list("sha256", flat=True))
    pending: list[AuditDocument] = []
    for name, content in files:
        if archive.is_zip(content):
            try:
                members = archive.unpack(content)
            except archive.ArchiveProblem as problem:
                added.refused.append(f"{name}：{problem}")
                continue
            for member in members:
                _store(member.name, member.content, known, added, pending, project)
        else:
            _store(name, content, known, added, pending, project)
    added.documents = AuditDocument.objects.bulk_create(pending, batch_size=100)
    _enqueue(added.documents)
    return added


def add_urls(project: AuditProject, urls: Iterable[str], *, by: Any) -> list[AuditDocument]:
    """One document per new URL, fetched by a task (the bytes are stored when they arrive)."""
    _require(project, by)
    known = set(project.documents.exclude(url="").values_list("url", flat=True))
    documents = [
        AuditDocument.objects.create(
            project=project, name=url.rsplit("/", 1)[-1][:255] or url, url=url, state="queued"
        )
        for url in dict.fromkeys(u.strip() for u in urls if u.strip())
        if url not in known
    ]
    from gongkai.web.audits import tasks  # the tasks module imports the services

    for document in documents:
        tasks.fetch_document(document.pk)
    return documents


def store_fetched(document: AuditDocument, fetched: Fetched) -> bool:
    """Keep the fetched bytes; False (and the document removed) when they are a duplicate."""
    if document.project.documents.filter(sha256=fetched.sha256).exclude(pk=document.pk).exists():
        document.state, document.error_kind = "failed", "fetch"
        document.error_message = "与项目中已有文件内容相同，未重复保存。"
        document.save(update_fields=["state", "error_kind", "error_message"])
        return False
    document.content, document.sha256 = fetched.content, fetched.sha256
    document.size, document.content_type = len(fetched.content), fetched.content_type
    document.save(update_fields=["content", "sha256", "size", "content_type"])
    return True


def fetch_failed(document: AuditDocument, message: str) -> None:
    document.state, document.error_kind, document.error_message = "failed", "fetch", message
    document.save(update_fields=["state", "error_kind", "error_message"])


def _enqueue(documents: list[AuditDocument]) -> None:
    from gongkai.web.audits import tasks

    ids = [document.pk for document in documents]
    for start in range(0, len(ids), CHUNK):  # a few documents per task: fewer round trips
        tasks.extract_documents(ids[start : start + CHUNK])


def rerun(project: AuditProject, *, by: Any) -> int:
    """Extract and check every stored document again; decisions are kept by fingerprint."""
    _require(project, by)
    documents = list(project.documents.exclude(sha256=""))
    project.documents.filter(pk__in=[d.pk for d in documents]).update(
        state="queued", error_kind="", error_message=""
    )
    _enqueue(documents)
    return len(documents)
