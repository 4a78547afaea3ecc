"""Open data on the platform: publishing rebuilds the year's files on the queue; the files
downloaded from /open-data/ hold the published numbers, and nothing unpublished."""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import io
import json
import random
import re
from collections.abc import Callable
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse
from openpyxl import load_workbook

from gongkai import opendata
from gongkai.opendata import dictionary
from gongkai.web.annual import services as annual
from gongkai.web.annual.models import AnnualReportDraft, ReportVersion
from gongkai.web.opendata import services
from gongkai.web.opendata.models import BulkFile, BulkYear
from tests.web.annual.records import random_records
from tests.web.conftest import Tree, make_user

pytestmark = pytest.mark.django_db

YEAR = 2024
PUBLISH = (
    ("approve", "head"),
    ("submit", "handler"),
    ("accept", "supervisor"),
    ("publish", "head"),
)
Capture = Callable[..., Any]
SECTIONS = {
    "1": "本机关认真贯彻落实《中华人民共和国政府信息公开条例》，主动公开政府信息。",
    "5": "存在的主要问题是公开内容不够全面。下一步将完善公开目录。",
    "6": "本年度未收取信息处理费。",
}


def _people(tree: Tree, agency: Any, tag: str) -> dict[str, Any]:
    return {
        "handler": make_user(f"jb-{tag}", "handler", agency),
        "head": make_user(f"fz-{tag}", "head", agency),
        "supervisor": make_user(f"zg-{tag}", "supervisor", agency.parent),
    }


def _build(agency: Any, people: dict[str, Any], seed: int) -> AnnualReportDraft:
    source = random_records(agency.pk, random.Random(seed))
    draft = annual.build_report(agency, YEAR, by=people["handler"], source=source)
    return annual.edit_sections(draft, SECTIONS, by=people["handler"])  # no template text left


def _run(
    draft: AnnualReportDraft, people: dict[str, Any], steps: Any, capture: Capture
) -> AnnualReportDraft:
    with capture(execute=True):  # the publish enqueues the rebuild once committed
        for action, who in steps:
            draft = annual.perform(draft, action, by=people[who], today=dt.date(YEAR + 1, 1, 20))
    return draft


@pytest.fixture
def reports(
    tree: Tree, django_capture_on_commit_callbacks: Capture
) -> dict[str, AnnualReportDraft]:
    """Two published reports, a draft, an approved-then-withdrawn report, and a report
    published and then reopened for correction (its edited draft is not published)."""
    capture = django_capture_on_commit_callbacks
    made: dict[str, AnnualReportDraft] = {}
    for n, (key, agency) in enumerate(
        (
            ("dept", tree.city_dept),
            ("district", tree.district),
            ("draft", tree.street),
            ("withdrawn", tree.other_dept),
            ("reopened", tree.province_dept),
        )
    ):
        people = _people(tree, agency, key)
        draft = _build(agency, people, seed=n + 3)
        if key in ("dept", "district", "reopened"):
            draft = _run(draft, people, PUBLISH, capture)
        if key == "withdrawn":
            draft = _run(draft, people, (("approve", "head"), ("withdraw", "head")), capture)
        if key == "reopened":
            draft = annual.perform(draft, "correct", by=people["head"], comment="更正表三")
            draft = _build(agency, people, seed=99)  # new figures, not yet published
        made[key] = draft
    return made


def _get(client: Client, name: str) -> Any:
    response = client.get(reverse("opendata:file", args=[name]))
    assert response.status_code == 200, name
    return response


def _csv(content: bytes) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(content.decode("utf-8-sig"))))


def test_downloads_hold_the_published_numbers(
    client: Client, reports: dict[str, AnnualReportDraft]
) -> None:
    page = client.get(reverse("opendata:index"))  # public: no login
    assert page.status_code == 200
    html = page.content.decode()
    files = {f.kind: f for f in BulkFile.objects.filter(bulk_year__year=YEAR)}
    assert set(files) == {"jsonl", "csv", "xlsx"}
    jsonl = _get(client, files["jsonl"].name)
    csv_file = _get(client, files["csv"].name)
    xlsx = _get(client, files["xlsx"].name)
    assert jsonl["Content-Type"] == "application/jsonl; charset=utf-8"
    assert csv_file["Content-Type"] == "text/csv; charset=utf-8"
    assert xlsx["Content-Type"] == opendata.files.XLSX_TYPE
    assert "attachment" in xlsx["Content-Disposition"]
    # Checksums: of the bytes served, shown on the page, and in SHA256SUMS.
    sums = _get(client, opendata.SUMS_NAME).content.decode()
    for response, file in (
        (jsonl, files["jsonl"]),
        (csv_file, files["csv"]),
        (xlsx, files["xlsx"]),
    ):
        digest = hashlib.sha256(response.content).hexdigest()
        assert digest == file.sha256 and digest in html
        assert f"{digest}  {file.name}\n" in sums
    assert "3 份报告" in html and re.search(r"生成于 \d{4}年", html)

    versions = {k: d.versions.order_by("-number").first() for k, d in reports.items()}
    lines = [json.loads(line) for line in jsonl.content.decode().splitlines()]
    rows = _csv(csv_file.content)
    sheet = load_workbook(io.BytesIO(xlsx.content), read_only=True)["数据"]
    header, *cells = list(sheet.iter_rows(values_only=True))
    sheet_rows = [dict(zip(header, row, strict=True)) for row in cells]
    assert len(lines) == 3 and len(rows) == len(sheet_rows)
    for key in ("dept", "district", "reopened"):
        version = versions[key]
        assert version is not None
        agency_id = str(version.draft.agency_id)
        # What the annual report's public page offers for download (its canonical JSON).
        shown = client.get(reverse("annual:public_download", args=[version.pk, "json"]))
        page_data = json.loads(shown.content)
        line = next(x for x in lines if x["opendata"]["agency_id"] == agency_id)
        assert line["table3"] == page_data["table3"] and line["table4"] == page_data["table4"]
        assert line["opendata"]["version"] == 1 and line["published"] == "2025-01-20"
        for table, row, column, value in (
            ("table3", "new_received", "natural_person", page_data["table3"]["new_received"][0]),
            ("table3", "granted", "total", page_data["table3"]["granted"][6]),
            ("table4", "review", "total", page_data["table4"][4]),
            (
                "table2",
                "normative_documents",
                "in_force",
                page_data["table2"]["normative_documents"][2],
            ),
        ):
            item = f"{table}.{row}.{column}"
            in_csv = next(r for r in rows if r["agency_id"] == agency_id and r["item"] == item)
            in_xlsx = next(
                r for r in sheet_rows if r["agency_id"] == agency_id and r["item"] == item
            )
            assert int(in_csv["value"]) == in_xlsx["value"] == value, item
            assert in_csv["region"] == version.draft.agency.parent.name
    # The reopened report's new draft figures are not published: the files keep version 1.
    reopened = reports["reopened"]
    assert reopened.data["table3"] != versions["reopened"].data["table3"]  # type: ignore[union-attr]
    line = next(x for x in lines if x["opendata"]["agency_id"] == str(reopened.agency_id))
    assert line["table3"] == versions["reopened"].data["table3"]  # type: ignore[union-attr]


def test_nothing_unpublished_is_in_any_file(
    client: Client, reports: dict[str, AnnualReportDraft], tree: Tree
) -> None:
    assert not reports["draft"].versions.exists() and not reports["withdrawn"].versions.exists()
    for file in BulkFile.objects.filter(bulk_year__year=YEAR):
        text = bytes(file.content).decode("utf-8", "replace") if file.kind != "xlsx" else ""
        if file.kind == "xlsx":
            book = load_workbook(io.BytesIO(bytes(file.content)), read_only=True)
            text = " ".join(str(v) for row in book["数据"].iter_rows(values_only=True) for v in row)
        assert file.report_count == 3
        for hidden in (tree.street, tree.other_dept):
            assert hidden.name not in text, (file.kind, hidden.name)


def test_a_correction_replaces_the_version_in_the_files(
    reports: dict[str, AnnualReportDraft], tree: Tree, django_capture_on_commit_callbacks: Capture
) -> None:
    draft = reports["reopened"]
    people = {
        "handler": make_user("jb-2", "handler", tree.province_dept),
        "head": make_user("fz-2", "head", tree.province_dept),
        "supervisor": make_user("zg-2", "supervisor", tree.province),
    }
    _run(draft, people, PUBLISH, django_capture_on_commit_callbacks)
    second = ReportVersion.objects.get(draft=draft, number=2)
    jsonl = BulkFile.objects.get(bulk_year__year=YEAR, kind="jsonl")
    lines = [json.loads(x) for x in bytes(jsonl.content).decode().splitlines()]
    line = next(x for x in lines if x["opendata"]["agency_id"] == str(tree.province_dept.pk))
    assert line["opendata"]["version"] == 2 and line["table3"] == second.data["table3"]
    assert len(lines) == 3  # still one line per report


def test_the_dictionary_page_and_file_cover_every_column(client: Client, db: None) -> None:
    page = client.get(reverse("opendata:dictionary")).content.decode()
    for column in opendata.HEADERS:
        assert f'<td class="mono">{column}</td>' in page
    for entry in dictionary.item_entries():
        assert entry.name in page and entry.item in page
    file = _get(client, opendata.DICTIONARY_NAME)
    assert file["Content-Type"] == "text/csv; charset=utf-8"
    names = {row["名称"] for row in _csv(file.content)}
    assert set(opendata.HEADERS) <= names
    sums = _get(client, opendata.SUMS_NAME).content.decode()
    assert f"{hashlib.sha256(file.content).hexdigest()}  {opendata.DICTIONARY_NAME}" in sums


def test_unknown_files_are_404_an_empty_page_says_so_and_the_public_finds_it(
    client: Client, db: None
) -> None:
    assert (
        client.get(reverse("opendata:file", args=["gongkai-annual-reports-2024.csv"])).status_code
        == 404
    )
    assert client.get("/open-data/files/..%2Fsettings.py").status_code == 404
    assert "暂无已公开的年度报告" in client.get(reverse("opendata:index")).content.decode()
    public_home = client.get(reverse("portal:home")).content.decode()
    assert f'href="{reverse("opendata:index")}"' in public_home  # in the public navigation


def test_the_nightly_pass_builds_years_a_lost_task_left_out(tree: Tree) -> None:
    people = _people(tree, tree.city_dept, "n")
    draft = _build(tree.city_dept, people, seed=5)
    for action, who in PUBLISH:  # on_commit never fires here: as if the task was lost
        draft = annual.perform(draft, action, by=people[who], today=dt.date(YEAR + 1, 1, 20))
    assert not BulkYear.objects.exists() and services.stale_years() == [YEAR]
    assert services.rebuild_stale() == [YEAR]
    assert BulkYear.objects.get(year=YEAR).report_count == 1
    assert services.stale_years() == []


def test_a_rebuild_with_nothing_new_keeps_the_files(tree: Tree) -> None:
    people = _people(tree, tree.city_dept, "k")
    draft = _build(tree.city_dept, people, seed=6)
    for action, who in PUBLISH:
        draft = annual.perform(draft, action, by=people[who], today=dt.date(YEAR + 1, 1, 20))
    first = services.rebuild_year(YEAR)
    assert first is not None
    made = BulkFile.objects.get(bulk_year=first, kind="csv").generated_at
    again = services.rebuild_year(YEAR)  # e.g. the second of two tasks of a burst
    assert again is not None and again.generated_at == first.generated_at
    assert BulkFile.objects.get(bulk_year=first, kind="csv").generated_at == made
    forced = services.rebuild_year(YEAR, force=True)
    assert forced is not None and forced.generated_at > made


def test_a_busy_year_is_tried_again_later(db: None, monkeypatch: pytest.MonkeyPatch) -> None:
    from huey.contrib.djhuey import HUEY

    from gongkai.web.opendata import tasks

    def busy(year: int, **_: Any) -> None:
        raise services.Busy(year)

    monkeypatch.setattr(services, "rebuild_year", busy)
    before = len(HUEY.scheduled())
    tasks.rebuild_year_files(YEAR)
    waiting = HUEY.scheduled()
    assert len(waiting) == before + 1 and waiting[-1].args == (YEAR,)
    HUEY.storage.flush_schedule()


def test_the_build_command_reports_each_year(tree: Tree) -> None:
    from io import StringIO

    from django.core.management import call_command

    people = _people(tree, tree.district, "c")
    draft = _build(tree.district, people, seed=8)
    for action, who in PUBLISH:
        draft = annual.perform(draft, action, by=people[who], today=dt.date(YEAR + 1, 1, 20))
    out = StringIO()
    call_command("opendata_build", stdout=out)
    assert f"{YEAR} 年度：1 份已公开的报告" in out.getvalue()
    out = StringIO()
    call_command("opendata_build", stdout=out)
    assert "各年度的文件都是最新的" in out.getvalue()
