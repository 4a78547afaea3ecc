"""The oversight analytics page over an audit project of 5,000 reports in PostgreSQL.

Target: the analytics page (``/audits/<project>/analytics/``) p95 < 500 ms over 20 requests.

Builds (once) a PostgreSQL database ``gongkai_bench_audits``: a province of 25 cities with
40 departments each (1,000 agencies), one audit project holding 5,000 reports (each agency,
2021–2025) generated from the 2021 national format with a seeded generator — about 3 % of
the table-3 cells blank, as printed reports have them — stored as the extraction stores them
(``AuditReport.report_json``, matched to their agency), and about 3 findings per report,
some excused by a reviewer (decisions with a history: only the current one counts). Then,
as the project's supervisor through the Django test client:

- the first request after start (reads all 5,000 reports; information only);
- the page grouped by region (the default), by agency (1,000 table rows) and by year:
  median and p95 of ``--repeat`` requests (target p95 < 500 ms);
- for information, the SVG chart and the CSV export of the agency table.

Exits 1 when a target is missed.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/gongkai_bench_audits .venv/bin/python bench/audit_analytics.py
    … [--repeat 20] [--reseed] [--reports 5000]
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from collections.abc import Callable
from typing import Any

from pgdjango import measure, start_platform

DEFAULT_URL = "postgres://postgres@127.0.0.1:5432/gongkai_bench_audits"
TARGET_MS = 500.0
CITIES = 25
DEPARTMENTS = 40
YEARS = (2021, 2022, 2023, 2024, 2025)
BLANK_SHARE = 0.03
SEED = 12


def _report_json(rng: random.Random, agency: str, year: int) -> str:
    """A 2021-format report: random counts per applicant column, totals that add up."""
    import datetime as dt

    from gongkai.formats import FORMAT_2021
    from gongkai.report import AnnualReport, dumps

    rows: dict[str, list[Any]] = {}
    for row in FORMAT_2021.table3.rows:
        cells: list[Any] = [rng.choice((0, 0, 1, 2, 5, 12)) for _ in range(6)]
        cells.append(sum(cells))
        rows[row.key] = [None if rng.random() < BLANK_SHARE else c for c in cells]
    table4: list[Any] = []
    for _ in range(3):
        block = [rng.randint(0, 4) for _ in range(4)]
        table4 += [*block, sum(block)]
    report = AnnualReport(
        agency=agency,
        year=year,
        format="2021",
        published=dt.date(year + 1, 1, rng.randint(10, 28)) if rng.random() < 0.9 else None,
        table3=rows,
        table4=table4,
    )
    return dumps(report)


def _seed(total: int) -> None:
    from django.db import transaction

    from gongkai.web.accounts.models import User
    from gongkai.web.agencies.models import Agency
    from gongkai.web.agencies.services import create_agency
    from gongkai.web.audits.models import (
        AuditDocument,
        AuditFinding,
        AuditProject,
        AuditReport,
        Disposition,
    )

    rng = random.Random(SEED)
    print("seeding …", flush=True)
    with transaction.atomic():
        Disposition.objects.all().delete()
        AuditProject.objects.all().delete()
        User.objects.filter(username="bench-auditor").delete()
        for level in sorted(set(Agency.objects.values_list("level", flat=True)), reverse=True):
            Agency.objects.filter(level=level).delete()  # parents are protected
        root = create_agency(name="江淮省人民政府", kind="government")
        agencies = []
        for c in range(CITIES):
            city = create_agency(name=f"第{c + 1}市人民政府", kind="government", parent=root)
            for d in range(DEPARTMENTS):
                agencies.append(
                    create_agency(name=f"第{c + 1}市第{d + 1}局", kind="department", parent=city)
                )
        auditor = User.objects.create(
            username="bench-auditor", full_name="审核员", role="supervisor", agency=root
        )
        project = AuditProject.objects.create(
            name="全省年报审核", years=list(YEARS), agency=root, created_by=auditor
        )
        project.members.set([auditor])
        document = AuditDocument.objects.create(project=project, name="corpus.zip", state="done")
        pairs = [(a, y) for y in YEARS for a in agencies][:total]
        reports = AuditReport.objects.bulk_create(
            AuditReport(
                document=document,
                source=f"corpus.zip#{i}",
                position=i % 30000,
                kind="html",
                agency_name=agency.name,
                year=year,
                report_json=_report_json(rng, agency.name, year),
                matched_agency=agency,
            )
            for i, (agency, year) in enumerate(pairs)
        )
        findings = []
        for report in reports:
            for n in range(rng.choice((0, 1, 2, 3, 4, 5, 6))):
                findings.append(
                    AuditFinding(
                        project=project,
                        fingerprint=f"{report.pk}-{n}",
                        report=report,
                        agency_name=report.agency_name,
                        year=report.year,
                        rule=rng.choice(("A1", "B1", "C2")),
                        severity=rng.choice(("error", "warning", "warning")),
                        finding_class="report",
                        location="表三",
                        message="勾稽不符",
                    )
                )
        AuditFinding.objects.bulk_create(findings, batch_size=5000)
        # decisions with a history: some excused findings were first confirmed, and some
        # first excused are now confirmed (only the current decision counts)
        decided = [
            (f, verdict, current)
            for f in findings[::10]
            for verdict, current in (("report_error", False), ("justified", True))
        ] + [
            (f, verdict, current)
            for f in findings[5::20]
            for verdict, current in (("justified", False), ("report_error", True))
        ]
        Disposition.objects.bulk_create(
            Disposition(
                project=project,
                fingerprint=f.fingerprint,
                verdict=verdict,
                comment="有说明",
                decided_by=auditor,
                current=current,
            )
            for f, verdict, current in decided
        )
    print(f"seeded {len(reports):,} reports, {len(findings):,} findings", flush=True)


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--repeat", type=int, default=20)
    parser.add_argument("--reports", type=int, default=5000)
    parser.add_argument("--reseed", action="store_true")
    args = parser.parse_args()
    if not start_platform(DEFAULT_URL):
        return 2
    from django.test import Client

    from gongkai.web.accounts.models import User
    from gongkai.web.audits.models import AuditProject, AuditReport

    project = AuditProject.objects.filter(name="全省年报审核").first()
    count = AuditReport.objects.filter(document__project=project).count() if project else 0
    if args.reseed or project is None or count != args.reports:
        _seed(args.reports)
        project = AuditProject.objects.get(name="全省年报审核")
    print(f"{AuditReport.objects.filter(document__project=project).count():,} reports")
    client = Client()
    client.force_login(User.objects.get(username="bench-auditor"))
    base = f"/audits/{project.pk}/analytics/"

    def get(path: str) -> Callable[[], object]:
        def call() -> object:
            response = client.get(path)
            assert response.status_code == 200, (path, response.status_code)
            return response

        return call

    start = time.perf_counter()
    get(base)()
    print(f"first request (reads every report): {(time.perf_counter() - start) * 1000:.0f} ms")
    failed = False
    print(f"{'scenario':<28}{'median ms':>10}{'p95 ms':>10}{'CPU ms':>10}")
    for name, path in (
        ("page by region", base),
        ("page by agency", base + "?by=agency"),
        ("page by year", base + "?by=year"),
    ):
        timing = measure(get(path), args.repeat)
        ok = timing.p95 < TARGET_MS
        failed |= not ok
        print(f"{name:<28}{timing.columns()}  {'ok' if ok else 'SLOW'}")
    print("information only:")
    for name, path in (
        ("chart SVG by agency", base + "chart/summary.svg?by=agency"),
        ("trend chart SVG", base + "chart/trend.svg"),
        ("CSV by agency", base + "export/summary.csv?by=agency"),
    ):
        print(f"{name:<28}{measure(get(path), max(5, args.repeat // 4)).columns()}")
    print(f"target: page p95 < {TARGET_MS:.0f} ms: {'FAILED' if failed else 'met'}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
