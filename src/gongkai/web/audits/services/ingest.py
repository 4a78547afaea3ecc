"""Projects and their documents: uploaded files, ZIPs and URL lists, deduplicated by hash;
the bytes go to the file storage (``files``)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from django.core.exceptions import PermissionDenied
from django.db import transaction

from gongkai.extract import archive
from gongkai.extract.fetch import Fetched
from gongkai.extract.loaders.limits import MAX_FILE_BYTES
from gongkai.web.accounts import permissions
from gongkai.web.agencies.models import Agency
from gongkai.web.audits.models import AuditDocument, AuditProject
from gongkai.web.audits.permissions import can_work_on
from gongkai.web.audits.services import files

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


Upload = tuple[str, bytes | Iterable[bytes]]  # a file name and its bytes, or their chunks


class _Batch:
    """The documents an upload adds, deduplicated by hash against the project and itself."""

    def __init__(self, project: AuditProject) -> None:
        self.project = project
        self.known = set(project.documents.exclude(sha256="").values_list("sha256", flat=True))
        self.added = Added()
        self.pending: list[AuditDocument] = []

    def add(self, name: str, spooled: files.Spooled, pending: list[AuditDocument]) -> None:
        if spooled.sha256 in self.known:
            self.added.duplicates.append(name)
            spooled.discard()
            return
        self.known.add(spooled.sha256)
        pending.append(AuditDocument(project=self.project, name=name[:255],
                                     file=files.keep(spooled), sha256=spooled.sha256,
                                     size=spooled.size))  # fmt: skip

    def add_archive(self, name: str, spooled: files.Spooled) -> None:
        """The ZIP's report files, one member in memory at a time; a refused archive adds
        none of its members."""
        members: list[AuditDocument] = []
        known, duplicates = set(self.known), len(self.added.duplicates)
        try:
            with spooled.path.open("rb") as stream:
                for member in archive.members(stream):
                    self.add(member.name, files.spool([member.content], label=member.name),
                             members)  # fmt: skip
        except (archive.ArchiveProblem, files.TooLarge) as problem:
            self.known = known
            del self.added.duplicates[duplicates:]
            self.added.refused.append(f"{name}：{problem}")
            return
        finally:
            spooled.discard()
        self.pending.extend(members)


def _chunks(content: bytes | Iterable[bytes]) -> Iterable[bytes]:
    return [content] if isinstance(content, bytes) else content


def add_files(project: AuditProject, uploads: Iterable[Upload], *, by: Any) -> Added:
    """Store each file (a ZIP: its report files) and queue it for extraction. The bytes
    are streamed to the file storage chunk by chunk (``files``), never held whole."""
    _require(project, by)
    batch = _Batch(project)
    for name, content in uploads:
        try:
            spooled = files.spool(_chunks(content), label=name, limit=files.MAX_UPLOAD_BYTES)
        except files.TooLarge as problem:
            batch.added.refused.append(str(problem))
            continue
        with spooled.path.open("rb") as stream:
            is_zip = archive.is_zip(stream)
        if is_zip:
            batch.add_archive(name, spooled)
        elif spooled.size > MAX_FILE_BYTES:
            spooled.discard()
            batch.added.refused.append(
                f"{name}：文件过大（单个文件上限 {MAX_FILE_BYTES // 1024 // 1024} MB），未保存。"
            )
        else:
            batch.add(name, spooled, batch.pending)
    added = batch.added
    added.documents = AuditDocument.objects.bulk_create(batch.pending, batch_size=100)
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
    document.file, document.sha256 = files.keep_bytes(fetched.content, label=document.name)
    document.size, document.content_type = len(fetched.content), fetched.content_type
    document.save(update_fields=["file", "sha256", "size", "content_type"])
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
