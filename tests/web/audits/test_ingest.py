"""Documents go into a project (files, ZIPs, URLs), are extracted on the queue, matched to
the agency tree and checked; failures are typed and never stop the batch."""

from __future__ import annotations

import http.server
import threading
from collections.abc import Iterator
from typing import Any, ClassVar

import pytest
from django.core.exceptions import PermissionDenied

from gongkai.web.audits.models import AuditDocument, AuditFinding, AuditReport
from gongkai.web.audits.services import ingest
from tests.web.audits.reports import report_file, zip_of
from tests.web.conftest import Tree, make_user


@pytest.fixture
def auditor(tree: Tree) -> Any:
    return make_user("auditor", "supervisor", tree.city)


@pytest.fixture
def project(tree: Tree, auditor: Any) -> Any:
    return ingest.create_project(
        name="2023 年报审核", years=[2022, 2023], agency=tree.city, by=auditor
    )


def test_a_zip_of_two_years_is_extracted_matched_paired_and_checked(
    project: Any, auditor: Any, tree: Tree
) -> None:
    upload = zip_of({
        "东湖/2022.html": report_file("东湖区人民政府", 2022),
        "东湖/2023.html": report_file("东湖区人民政府", 2023, review_total=9),
        "说明.docx.tmp": b"not a report",
    })  # fmt: skip
    added = ingest.add_files(project, [("corpus.zip", upload)], by=auditor)
    assert sorted(d.name for d in added.documents) == ["东湖/2022.html", "东湖/2023.html"]
    assert set(project.documents.values_list("state", flat=True)) == {"done"}
    reports = {r.year: r for r in AuditReport.objects.filter(document__project=project)}
    assert reports[2022].matched_agency == tree.district
    assert reports[2023].previous == reports[2022]
    wrong = AuditFinding.objects.get(project=project, rule="B3", year=2023)
    assert wrong.location.startswith("表4") and wrong.actual == "9"
    assert wrong.pointer and wrong.finding_class == "report"


def test_the_same_bytes_are_stored_once_and_the_user_is_told(project: Any, auditor: Any) -> None:
    content = report_file("东湖区人民政府", 2023)
    ingest.add_files(project, [("a.html", content)], by=auditor)
    again = ingest.add_files(project, [("b.html", content), ("c.zip", zip_of({"d.html": content}))],
                             by=auditor)  # fmt: skip
    assert again.documents == [] and again.duplicates == ["b.html", "d.html"]
    assert project.documents.count() == 1


def test_a_failed_document_shows_its_typed_error_and_the_batch_goes_on(
    project: Any, auditor: Any
) -> None:
    ingest.add_files(project, [
        ("坏.pdf", b"%PDF-1.4 broken"),
        ("通知.txt", "关于召开会议的通知\n请各单位准时参加。".encode()),
        ("好.html", report_file("东湖区人民政府", 2023)),
    ], by=auditor)  # fmt: skip
    states = {d.name: (d.state, d.error_kind) for d in project.documents.all()}
    assert states["坏.pdf"] == ("failed", "unreadable")
    assert states["通知.txt"] == ("failed", "not_report")
    assert states["好.html"] == ("done", "")
    assert project.documents.get(name="坏.pdf").error_message


@pytest.mark.parametrize(
    ("members", "reason"),
    [({"../etc/passwd.txt": b"x"}, "不安全"), ({"/abs.txt": b"x"}, "不安全"),
     ({"bomb.txt": b"0" * 5_000_000}, "压缩炸弹")],
)  # fmt: skip
def test_zip_tricks_are_refused(project: Any, auditor: Any, members: dict[str, bytes],
                                reason: str) -> None:  # fmt: skip
    added = ingest.add_files(project, [("x.zip", zip_of(members))], by=auditor)
    assert added.documents == [] and reason in added.refused[0]
    assert not project.documents.exists()


def test_only_members_and_editors_of_the_agency_add_documents(project: Any, tree: Tree) -> None:
    outsider = make_user("outsider", "head", tree.other_city)
    with pytest.raises(PermissionDenied):
        ingest.add_files(project, [("a.html", report_file("东湖区人民政府", 2023))], by=outsider)


class _Reports(http.server.BaseHTTPRequestHandler):
    bodies: ClassVar[dict[str, tuple[str, bytes]]] = {}

    def do_GET(self) -> None:
        content_type, body = self.bodies.get(self.path, ("text/plain", b""))
        self.send_response(200 if body else 404)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: Any) -> None:
        pass


@pytest.fixture
def server() -> Iterator[str]:
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Reports)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()


def test_urls_are_fetched_stored_with_their_hash_and_checked(
    project: Any, auditor: Any, server: str, settings: Any
) -> None:
    settings.AUDITS_FETCH_ALLOW_PRIVATE = True  # the test server listens on 127.0.0.1
    _Reports.bodies = {
        "/2023.html": ("text/html; charset=utf-8", report_file("东湖区人民政府", 2023)),
        "/logo.png": ("image/png", b"\x89PNG...."),
    }
    ingest.add_urls(project, [f"{server}/2023.html", f"{server}/logo.png", f"{server}/gone.pdf"],
                    by=auditor)  # fmt: skip
    documents = {d.url.rsplit("/", 1)[-1]: d for d in AuditDocument.objects.filter(project=project)}
    fetched = documents["2023.html"]
    assert fetched.state == "done" and len(fetched.sha256) == 64 and fetched.size > 0
    assert fetched.content_type == "text/html"
    assert (
        documents["logo.png"].state == "failed"
        and "image/png" in documents["logo.png"].error_message
    )
    assert (
        documents["gone.pdf"].error_kind == "fetch" and "404" in documents["gone.pdf"].error_message
    )


def test_urls_inside_the_servers_network_are_refused(
    project: Any, auditor: Any, server: str
) -> None:
    _Reports.bodies = {"/2023.html": ("text/html", report_file("东湖区人民政府", 2023))}
    ingest.add_urls(project, [f"{server}/2023.html", "http://10.0.0.1/a.pdf", "file:///etc/passwd"],
                    by=auditor)  # fmt: skip
    documents = list(AuditDocument.objects.filter(project=project))
    assert documents and all(d.state == "failed" and not d.sha256 for d in documents)
    assert sum("内部网络" in d.error_message for d in documents) == 2


def test_a_redirect_into_the_servers_network_is_refused() -> None:
    from gongkai.extract.fetch import FetchProblem, _CheckedRedirects

    with pytest.raises(FetchProblem, match="内部网络"):
        _CheckedRedirects(allow_private=False).redirect_request(
            None, None, 302, "Found", {}, "http://127.0.0.1:8000/admin/"
        )
