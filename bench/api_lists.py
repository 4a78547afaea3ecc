"""Open-data API list endpoints over 2,000 agencies × 7 years of published reports in PostgreSQL.

Target: every list endpoint answers in under 100 ms at the 95th percentile (the whole Django
stack through the test client: middleware, throttle, query, JSON, ETag).

Builds (once) a PostgreSQL database ``gongkai_bench_api``: the province of 2,000 agencies of
``bench/annual_rollup.py``, one published report per agency and year 2019–2025 (14,000, a
tenth of them corrected once, so about 15,400 published versions, each with its canonical JSON
and its rule findings), 20,000 catalogue items (nine in ten published) and 20,000 register
documents. Then it requests each list endpoint with typical filters, the first page and a page
further on by cursor, ``--repeat`` times each, and reports the median and p95 per endpoint.
For information it also times the region roll-up of a city and of the whole province (first
request, then with the parsed versions kept in the process). Exits 1 when a target is missed.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/gongkai_bench_api .venv/bin/python bench/api_lists.py
    … [--repeat 30] [--reseed]
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import random
import statistics
import sys
import time
from typing import Any

from annual_rollup import _tree  # the same 2,000-agency province
from pgdjango import start_platform

DEFAULT_URL = "postgres://postgres@127.0.0.1:5432/gongkai_bench_api"
TARGET_MS = 100.0
YEARS = range(2019, 2026)
ITEMS = 20_000
DOCUMENTS = 20_000
SEGMENT = 7


def _report(agency: str, kind: str, year: int, rng: random.Random) -> dict[str, Any]:
    """A canonical report with plausible tables and the drafted sections."""
    from gongkai.drafting import draft_sections
    from gongkai.formats import format_for_year
    from gongkai.formats.national import APPLICANT_COLUMNS, TABLE4
    from gongkai.report import AnnualReport
    from gongkai.web.annual.builder import to_json

    fmt = format_for_year(year)
    report = AnnualReport(
        agency=agency,
        year=year,
        format=fmt.id,
        agency_kind=kind,
        title=f"{agency}{year}年政府信息公开工作年度报告",
        published=dt.date(year + 1, 1, 20),
        table2={r.key: [rng.randint(0, 40) for _ in r.columns] for r in fmt.table2.rows},
        table3={r.key: [rng.randint(0, 30) for _ in APPLICANT_COLUMNS] for r in fmt.table3.rows},
        table4=[rng.randint(0, 5) for _ in range(TABLE4.size)],
    )
    report.sections = draft_sections(report)
    return to_json(report)


def _seed() -> None:
    from django.db import connection, transaction

    from gongkai.rules import check
    from gongkai.web.agencies.models import Agency
    from gongkai.web.annual.models import AnnualReportDraft, ReportVersion
    from gongkai.web.catalogue.models import DisclosureItem
    from gongkai.web.registers.models import RegulatoryDocument

    started = time.perf_counter()
    tables = (
        "api_apitokenevent, api_apitoken, annual_reportevent, annual_reportversion, "
        "annual_annualreportdraft, catalogue_disclosureitem, registers_regulatorydocument, "
        "agencies_agency"
    )
    with connection.cursor() as cursor:
        cursor.execute(f"TRUNCATE {tables} RESTART IDENTITY CASCADE")
    tree = _tree()
    paths: dict[int, str] = {}
    agencies = []
    for pk, name, kind, parent in tree:
        paths[pk] = (paths[parent] if parent else "") + f"{pk:0{SEGMENT}d}"
        agencies.append(
            Agency(
                pk=pk,
                name=name,
                kind=kind,
                parent_id=parent,
                path=paths[pk],
                level=len(paths[pk]) // SEGMENT - 1,
                office_name="办公室",
                office_phone="0551-12345678",
            )
        )
    rng = random.Random(14)
    with transaction.atomic():
        Agency.objects.bulk_create(agencies, batch_size=1000)
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT setval(pg_get_serial_sequence('agencies_agency', 'id'), %s)", [len(tree)]
            )
        for year in YEARS:
            drafts, versions = [], []
            for pk, name, kind, _ in tree:
                data = _report(name, kind, year, rng)
                corrected = rng.random() < 0.1
                drafts.append(
                    AnnualReportDraft(
                        agency_id=pk,
                        year=year,
                        state="published",
                        data=data,
                        published_version=2 if corrected else 1,
                    )
                )
            AnnualReportDraft.objects.bulk_create(drafts, batch_size=500)
            for draft in drafts:
                findings = [f.to_dict() for f in check(draft.report(), None)]
                for number in range(1, draft.published_version + 1):
                    versions.append(
                        ReportVersion(
                            draft=draft,
                            number=number,
                            data=draft.data,
                            findings=findings,
                            note="更正表3数字" if number > 1 else "",
                            published_on=dt.date(year + 1, 1, 20 + number),
                        )
                    )
            ReportVersion.objects.bulk_create(versions, batch_size=500)
            print(f"  {year}: {len(drafts):,} reports, {len(versions):,} versions", flush=True)
        ids = [pk for pk, *_ in tree]
        day0 = dt.date(2019, 1, 1)
        items = []
        for i in range(ITEMS):
            formed = day0 + dt.timedelta(days=rng.randrange(7 * 365))
            published = formed + dt.timedelta(days=rng.randint(1, 25))
            items.append(
                DisclosureItem(
                    agency_id=ids[i % len(ids)],
                    index_number=f"{ids[i % len(ids)]}-{formed.year}-{i:05d}",
                    title=f"主动公开信息{i}",
                    category=f"{rng.randint(1, 15):02d}",
                    issuing_body="本机关",
                    formed=formed,
                    due=formed + dt.timedelta(days=28),
                    published=published if rng.random() < 0.9 else None,
                    secrecy_reviewed_at=dt.datetime(2020, 1, 1, tzinfo=dt.UTC),
                )
            )
        DisclosureItem.objects.bulk_create(items, batch_size=1000)
        documents = []
        for i in range(DOCUMENTS):
            issued = dt.date(2015, 1, 1) + dt.timedelta(days=rng.randrange(10 * 365))
            ended = (
                issued + dt.timedelta(days=rng.randint(300, 2500)) if rng.random() < 0.3 else None
            )
            documents.append(
                RegulatoryDocument(
                    agency_id=ids[i % len(ids)],
                    kind="regulations" if rng.random() < 0.1 else "normative_documents",
                    title=f"文件{i}",
                    issued=issued,
                    published=issued,
                    ended=ended,
                    end_reason="repealed" if ended else "",
                )
            )
        RegulatoryDocument.objects.bulk_create(documents, batch_size=1000)
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    print(f"seeded in {time.perf_counter() - started:.0f} s", flush=True)


def _seeded() -> bool:
    from gongkai.web.annual.models import ReportVersion

    return ReportVersion.objects.count() >= len(_tree()) * len(YEARS)


def _requests(client: Any) -> dict[str, list[str]]:
    """Each endpoint's URLs: typical filters, and a page further on by cursor."""
    city, district, department = 101, 142, 102  # a city government, a district, a department

    def later(url: str) -> list[str]:
        """The next page's URL, when there is one."""
        cursor = json.loads(client.get(url).content)["next_cursor"]
        return [f"{url}{'&' if '?' in url else '?'}cursor={cursor}"] if cursor else []

    groups = {
        "agencies": [
            "/api/v1/agencies",
            f"/api/v1/agencies?region={city}",
            "/api/v1/agencies?kind=township&limit=200",
            f"/api/v1/agencies?parent={city}",
        ],
        "reports": [
            "/api/v1/reports",
            "/api/v1/reports?year=2024",
            f"/api/v1/reports?region={city}&year=2023",
            f"/api/v1/reports?agency={department}",
            "/api/v1/reports?current=true&year=2025&limit=200",
        ],
        "catalogue": [
            "/api/v1/catalogue",
            "/api/v1/catalogue?category=07&year=2024",
            f"/api/v1/catalogue?region={city}",
            f"/api/v1/catalogue?agency={department}",
        ],
        "registers": [
            "/api/v1/registers/documents?at=2024-06-30",
            f"/api/v1/registers/documents?at=2022-01-01&region={city}",
            "/api/v1/registers/documents?kind=regulations",
        ],
        "statistics": [
            "/api/v1/statistics/agencies?year=2024",
            f"/api/v1/statistics/agencies?region={district}&year=2023",
            f"/api/v1/statistics/agencies?agency={department}",
        ],
    }
    for urls in groups.values():
        urls += later(urls[0]) + later(urls[1])
    return groups


_CPU: list[float] = []  # the web process's CPU time of each timed request (ms)


def _time(client: Any, url: str) -> float:
    start, cpu = time.perf_counter(), time.process_time()
    response = client.get(url)
    elapsed = (time.perf_counter() - start) * 1000
    _CPU.append((time.process_time() - cpu) * 1000)
    assert response.status_code == 200, (url, response.status_code, response.content[:200])
    return elapsed


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--repeat", type=int, default=30)
    parser.add_argument("--reseed", action="store_true")
    args = parser.parse_args()
    os.environ["GONGKAI_API_RATE"] = "100000000/m"  # the throttle is timed, never hit
    if not start_platform(DEFAULT_URL):
        return 2
    if args.reseed or not _seeded():
        _seed()
    from django.test import Client

    from gongkai.web.annual.models import ReportVersion

    client = Client()
    load = os.getloadavg()[0]
    print(
        f"{ReportVersion.objects.count():,} published versions; {args.repeat} runs per URL; "
        f"load average {load:.1f} on {os.cpu_count()} cores (wall times grow with the load)"
    )
    failed = False
    for name, urls in _requests(client).items():
        for u in urls:
            _time(client, u)  # warm: first query plans, parsed versions
        _CPU.clear()
        times = [_time(client, u) for _ in range(args.repeat) for u in urls]
        p95 = statistics.quantiles(times, n=20)[-1]
        cpu95 = statistics.quantiles(_CPU, n=20)[-1]
        verdict = "ok" if p95 < TARGET_MS else "MISSED"
        failed |= p95 >= TARGET_MS
        print(
            f"{name:<11} {len(urls)} URLs  median {statistics.median(times):6.1f} ms  "
            f"p95 {p95:6.1f} ms  (target {TARGET_MS:.0f})  {verdict}  "
            f"[web process CPU p95 {cpu95:5.1f} ms]"
        )
    for label, region in (("a city", 101), ("the province", 1)):
        from gongkai.web.api import statistics as api_statistics

        api_statistics._PARSED.clear()
        api_statistics._ROLLUPS.clear()
        url = f"/api/v1/statistics/regions/{region}?year=2024"
        first = _time(client, url)
        again = min(_time(client, url) for _ in range(3))
        print(f"roll-up of {label:<12} first {first:7.1f} ms, then {again:7.1f} ms (information)")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
