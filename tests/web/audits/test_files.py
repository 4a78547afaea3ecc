"""Documents' bytes are files in the data folder named by SHA-256, streamed in chunks with
size limits; the migration moves bytes stored in the database to such files."""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.test import Client

from gongkai.web.audits.models import AuditDocument
from gongkai.web.audits.services import files, ingest
from tests.web.audits.reports import report_file, zip_of
from tests.web.conftest import PASSWORD, Tree, make_user


def _storage() -> Path:
    return Path(settings.DATA_DIR) / "audit-documents"


@pytest.fixture
def auditor(tree: Tree) -> Any:
    return make_user("auditor", "supervisor", tree.city)


@pytest.fixture
def project(tree: Tree, auditor: Any) -> Any:
    return ingest.create_project(name="审核", years=[2023], agency=tree.city, by=auditor)


def _incoming() -> list[Path]:
    return list((_storage() / "incoming").glob("*"))


def test_an_upload_is_a_file_named_by_its_hash_read_back_for_extraction(
    project: Any, auditor: Any
) -> None:
    content = report_file("东湖区人民政府", 2023)
    digest = hashlib.sha256(content).hexdigest()

    def chunks() -> Iterator[bytes]:  # what the view passes: the upload's chunks
        for start in range(0, len(content), 1000):
            yield content[start : start + 1000]

    ingest.add_files(project, [("2023.html", chunks())], by=auditor)
    document = AuditDocument.objects.get(project=project)
    assert document.file.name == f"{digest[:2]}/{digest}" and document.sha256 == digest
    assert (_storage() / digest[:2] / digest).read_bytes() == content
    assert document.read_bytes() == content and document.size == len(content)
    assert document.state == "done" and document.reports.count() == 1
    assert "content" not in {f.name for f in AuditDocument._meta.get_fields()}
    assert _incoming() == []


def test_the_same_bytes_in_two_projects_are_one_file(
    project: Any, auditor: Any, tree: Tree
) -> None:
    other = ingest.create_project(name="另一个", years=[2023], agency=tree.city, by=auditor)
    content = report_file("东湖区人民政府", 2023)
    ingest.add_files(project, [("a.html", content)], by=auditor)
    ingest.add_files(other, [("b.html", zip_of({"b.html": content}))], by=auditor)
    names = set(AuditDocument.objects.values_list("file", flat=True))
    assert len(names) == 1 and AuditDocument.objects.count() == 2
    assert _incoming() == []  # the ZIP itself and the second copy are not kept


def test_a_file_over_the_limit_is_refused_and_nothing_of_it_kept(
    project: Any, auditor: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(files, "MAX_UPLOAD_BYTES", 4096)
    big = (b"x" * 1000 for _ in range(10))  # 10 kB in chunks of 1 kB
    added = ingest.add_files(project, [("大文件.pdf", big)], by=auditor)
    assert added.documents == [] and "大文件.pdf：文件过大（上限 0 MB）" in added.refused[0]
    assert not project.documents.exists() and _incoming() == []


def test_a_single_report_over_32_mb_is_refused(project: Any, auditor: Any) -> None:
    chunk = b"0" * files.CHUNK_BYTES
    added = ingest.add_files(project, [("巨大.txt", (chunk for _ in range(33)))], by=auditor)
    assert "巨大.txt：文件过大（单个文件上限 32 MB）" in added.refused[0]
    assert not project.documents.exists() and _incoming() == []


def test_a_zip_refused_midway_adds_none_of_its_members(project: Any, auditor: Any) -> None:
    upload = zip_of({"a.html": report_file("东湖区人民政府", 2023), "../b.html": b"x"})
    added = ingest.add_files(project, [("批量.zip", upload)], by=auditor)
    assert added.documents == [] and "不安全" in added.refused[0]
    assert not project.documents.exists() and _incoming() == []


def test_an_oversized_request_is_refused_before_it_is_read(
    project: Any, auditor: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    from gongkai.web.audits.views import projects

    monkeypatch.setattr(projects, "_FORM_OVERHEAD", 0)
    monkeypatch.setattr(files, "MAX_UPLOAD_BYTES", 2048)
    client = Client()
    assert client.login(username=auditor.username, password=PASSWORD)
    response = client.post(
        f"/audits/{project.pk}/upload/",
        {"documents": [SimpleUploadedFile("a.html", report_file("东湖区人民政府", 2023))]},
        follow=True,
    )
    assert "一次上传的文件超过 0 MB 的上限" in response.content.decode()
    assert not project.documents.exists()


@pytest.mark.django_db(transaction=True)
def test_the_migration_moves_stored_bytes_to_files(tree: Tree) -> None:
    executor = MigrationExecutor(connection)
    executor.migrate([("audits", "0003_disposition_history")])
    old = executor.loader.project_state([("audits", "0003_disposition_history")]).apps
    user = make_user("auditor", "supervisor", tree.city)
    project = old.get_model("audits", "AuditProject").objects.create(
        name="旧项目", years=[2023], agency_id=tree.city.pk, created_by_id=user.pk
    )
    content = report_file("东湖区人民政府", 2023)
    Document = old.get_model("audits", "AuditDocument")
    Document.objects.create(project=project, name="旧.html", content=content, sha256="x",
                            size=len(content))  # fmt: skip
    Document.objects.create(project=project, name="未下载", url="http://example.cn/a.pdf")
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(executor.loader.graph.leaf_nodes())
    moved = AuditDocument.objects.get(name="旧.html")
    digest = hashlib.sha256(content).hexdigest()
    assert moved.file.name == f"{digest[:2]}/{digest}" and moved.sha256 == digest
    assert moved.read_bytes() == content
    assert not AuditDocument.objects.get(name="未下载").file
