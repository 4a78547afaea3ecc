"""Annual-report tables from 1,000,000 cases and 2,000 agencies in PostgreSQL.

Targets: one agency-year's tables (2–4, with every cell's sources) under 200 ms; the whole
region's roll-up (all 2,000 agencies) under 5 s.

Builds (once) a PostgreSQL database ``gongkai_bench_annual``: a province of 2,000 agencies
(province → 20 cities → districts and departments → their offices), one million cases
received 2021–2025 (one department holds 1 %, a busy one), about 20,000 register entries,
10,000 reviews and the yearly figures, all loaded with COPY. Then it computes, through the
platform's own record source and the core statistics (``gongkai.web.annual.builder``):

- the 2024 tables of a typical agency and of the busy department (target 200 ms each,
  median of ``--repeat`` runs);
- the 2024 roll-up of the whole province (target 5 s, best of 3 runs);
- for information, the full ``build_report`` service of one agency (rules, JSON, save).

It also checks that the roll-up equals the cell-by-cell sum of 20 agencies' tables plus the
rest, i.e. that it really sums the subtree. Exits 1 when a target is missed.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/gongkai_bench_annual .venv/bin/python bench/annual_rollup.py
    … [--repeat 20] [--reseed] [--cases 1000000]
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import statistics
import sys
import time
from collections.abc import Callable
from typing import Any

from pgdjango import start_platform

DEFAULT_URL = "postgres://postgres@127.0.0.1:5432/gongkai_bench_annual"
AGENCY_TARGET_MS = 200.0
ROLLUP_TARGET_S = 5.0
YEAR = 2024
AGENCIES = 2000
BUSY_SHARE = 0.01
SEGMENT = 7


def _tree() -> list[tuple[int, str, str, int | None]]:
    """(id, name, kind, parent id) for 2,000 agencies, parents first."""
    rows: list[tuple[int, str, str, int | None]] = [(1, "江淮省人民政府", "government", None)]

    def add(name: str, kind: str, parent: int) -> int:
        rows.append((len(rows) + 1, name, kind, parent))
        return len(rows)

    for d in range(99):
        add(f"江淮省第{d + 1}厅", "department", 1)
    for c in range(20):
        city = add(f"第{c + 1}市人民政府", "government", 1)
        for d in range(40):
            add(f"第{c + 1}市第{d + 1}局", "department", city)
        for z in range(9):
            district = add(f"第{c + 1}市第{z + 1}区人民政府", "government", city)
            for o in range(5):
                add(f"第{c + 1}市第{z + 1}区第{o + 1}办事处", "township", district)
    return rows[:AGENCIES]


def _seed(total: int) -> None:
    from django.db import connection

    from gongkai.web.cases.choices import OUTCOME_KEYS

    started = time.perf_counter()
    tables = (
        "annual_reportevent, annual_reportversion, annual_annualreportdraft, annual_importedreport, "
        "reviews_disclosurereview, registers_regulatorydocument, registers_yearfigure, "
        "catalogue_disclosureitem, catalogue_cataloguecolumn, cases_caseevent, cases_consultation, "
        "cases_extensionrequest, cases_notification, cases_formsubmission, cases_auditentry, "
        "cases_casedocument, cases_case, accounts_user, agencies_agency"
    )
    with connection.cursor() as cursor:
        cursor.execute(f"TRUNCATE {tables} RESTART IDENTITY CASCADE")
    now = dt.datetime.now(dt.UTC)
    tree = _tree()
    paths: dict[int, str] = {}
    levels: dict[int, int] = {}
    with connection.cursor() as cursor:
        columns = "id, name, short_name, kind, parent_id, path, level, credit_code, office_name, office_address, office_postcode, office_phone, office_email, office_hours, website, is_active, created_at, updated_at"
        with cursor.connection.cursor().copy(
            f"COPY agencies_agency ({columns}) FROM STDIN"
        ) as copy:
            for pk, name, kind, parent in tree:
                paths[pk] = (paths[parent] if parent else "") + f"{pk:0{SEGMENT}d}"
                levels[pk] = levels[parent] + 1 if parent else 0
                copy.write_row(
                    (
                        pk,
                        name,
                        "",
                        kind,
                        parent,
                        paths[pk],
                        levels[pk],
                        "",
                        "",
                        "",
                        "",
                        "",
                        "",
                        "",
                        "",
                        True,
                        now,
                        now,
                    )
                )
        cursor.execute(
            "SELECT setval(pg_get_serial_sequence('agencies_agency', 'id'), %s)", [len(tree)]
        )
    from gongkai.web.accounts import services as accounts

    admin = accounts.create_user(
        username="admin",
        password="Bench-Password-2026",
        full_name="管理员",
        role="admin",
        agency=None,
    )
    rng = random.Random(2024)
    ids = [pk for pk, *_ in tree]
    busy = ids[120]  # a city department
    outcomes = sorted(OUTCOME_KEYS)
    applicants = ("natural_person",) * 9 + (
        "commercial",
        "research",
        "social",
        "legal_service",
        "other_org",
    )
    first, last = dt.date(2021, 1, 1), dt.date(2025, 12, 31)
    span = (last - first).days
    columns = (
        "agency_id, number, channel, oral, applicant_type, applicant_name, applicant_organisation, "
        "id_type, id_number, legal_representative, phone, email, address, postcode, applicant_key, "
        "description, purpose, form_wanted, delivery_wanted, handler_id, version, created_at, "
        "created_by_id, state, received, reply_due, overdue_from, replied_on, outcome, provisional, "
        "withdrawal_outcome, archived_on"
    )
    with connection.cursor() as cursor:
        with cursor.connection.cursor().copy(f"COPY cases_case ({columns}) FROM STDIN") as copy:
            for i in range(total):
                agency = busy if rng.random() < BUSY_SHARE else ids[i % len(ids)]
                received = first + dt.timedelta(days=rng.randrange(span + 1))
                replied = (
                    received + dt.timedelta(days=rng.randint(1, 40))
                    if rng.random() < 0.97
                    else None
                )
                outcome = rng.choice(outcomes) if replied else ""
                due = received + dt.timedelta(days=28)
                overdue_from = None if replied else due + dt.timedelta(days=1)  # the clock's
                copy.write_row((
                    agency, f"依申请〔{received.year}〕{i}号", "online", False, rng.choice(applicants),
                    "申请人", "", "id_card", "990100000000000000", "", "", "", "", "", f"k{i}",
                    "所需信息", "", "electronic", "email", None, 1, now, admin.pk,
                    "replied" if replied else "running", received, due, overdue_from,
                    replied, outcome, False, "", None,
                ))  # fmt: skip
        columns = "agency_id, kind, title, document_number, issued, published, effective, last_amended, amendment_note, ended, end_reason, end_basis, created_by_id, created_at, updated_at"
        with cursor.connection.cursor().copy(
            f"COPY registers_regulatorydocument ({columns}) FROM STDIN"
        ) as copy:
            for i in range(10 * len(ids)):
                issued = dt.date(2018, 1, 1) + dt.timedelta(days=rng.randrange(8 * 365))
                ended = (
                    issued + dt.timedelta(days=rng.randint(300, 2500))
                    if rng.random() < 0.3
                    else None
                )
                kind = "regulations" if rng.random() < 0.1 else "normative_documents"
                copy.write_row(
                    (
                        ids[i % len(ids)],
                        kind,
                        f"文件{i}",
                        "",
                        issued,
                        issued,
                        None,
                        None,
                        "",
                        ended,
                        "repealed" if ended else "",
                        "",
                        None,
                        now,
                        now,
                    )
                )
        columns = "agency_id, year, licensing, penalty, coercion, fees_10k_yuan, source, entered_by_id, updated_at"
        with cursor.connection.cursor().copy(
            f"COPY registers_yearfigure ({columns}) FROM STDIN"
        ) as copy:
            for agency in ids:
                for year in range(2021, 2026):
                    copy.write_row(
                        (
                            agency,
                            year,
                            rng.randint(0, 900),
                            rng.randint(0, 90),
                            rng.randint(0, 9),
                            rng.randint(0, 500) / 10,
                            "基准数据",
                            None,
                            now,
                        )
                    )
        columns = "agency_id, case_id, case_reference, kind, reference, body, applicant, filed, concluded, result, decision_note, reopened_case, created_by_id, created_at, updated_at"
        with cursor.connection.cursor().copy(
            f"COPY reviews_disclosurereview ({columns}) FROM STDIN"
        ) as copy:
            for i in range(5 * len(ids)):
                filed = first + dt.timedelta(days=rng.randrange(span))
                concluded = (
                    filed + dt.timedelta(days=rng.randint(30, 300)) if rng.random() < 0.9 else None
                )
                result = rng.choice(("upheld", "corrected", "other")) if concluded else ""
                kind = rng.choice(("review", "direct_suit", "suit_after_review"))
                copy.write_row(
                    (
                        ids[i % len(ids)],
                        None,
                        "",
                        kind,
                        "",
                        "",
                        "",
                        filed,
                        concluded,
                        result,
                        "",
                        False,
                        None,
                        now,
                        now,
                    )
                )
        for table in (
            "cases_case",
            "registers_regulatorydocument",
            "registers_yearfigure",
            "reviews_disclosurereview",
            "agencies_agency",
        ):
            # as autovacuum would after a load: statistics and the visibility map (without
            # it PostgreSQL cannot answer from an index alone)
            cursor.execute(f"VACUUM ANALYZE {table}")
    print(
        f"seeded {len(ids):,} agencies and {total:,} cases in {time.perf_counter() - started:.0f} s"
    )


def _timed(call: Callable[[], Any], repeat: int) -> tuple[float, Any]:
    result = call()  # warm: query plans, imports
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        result = call()
        times.append(time.perf_counter() - start)
    return statistics.median(times), result


def _sum_tables(parts: list[Any]) -> dict[str, Any]:
    total: dict[str, Any] = {"table3": {}, "table4": [0] * 15}
    for built in parts:
        for row, values in built.report.table3.items():
            target = total["table3"].setdefault(row, [0] * len(values))
            for i, value in enumerate(values):
                target[i] += value
        total["table4"] = [a + b for a, b in zip(total["table4"], built.report.table4, strict=True)]
    return total


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--repeat", type=int, default=20)
    parser.add_argument("--cases", type=int, default=1_000_000)
    parser.add_argument("--reseed", action="store_true")
    args = parser.parse_args()
    if not start_platform(DEFAULT_URL):
        return 2
    from django.db.models import Count

    from gongkai.web.accounts.models import User
    from gongkai.web.agencies.models import Agency
    from gongkai.web.annual import builder, ranking, services
    from gongkai.web.annual.sources import PlatformSource
    from gongkai.web.cases.models import Case

    if args.reseed or Case.objects.count() < args.cases or Agency.objects.count() < AGENCIES:
        _seed(args.cases)
    source = PlatformSource()
    root = Agency.objects.get(parent=None)
    all_ids = list(Agency.objects.subtree(root).values_list("pk", flat=True))
    by_size = dict(
        Case.objects.values("agency_id").annotate(n=Count("id")).values_list("agency_id", "n")
    )
    busy_id = max(by_size, key=by_size.__getitem__)
    typical_id = sorted(by_size, key=by_size.__getitem__)[len(by_size) // 2]
    print(
        f"{Case.objects.count():,} cases, {len(all_ids):,} agencies; typical agency {by_size[typical_id]:,} cases, busy {by_size[busy_id]:,}"
    )

    def tables_of(ids: list[int]) -> Any:
        return builder.build_tables(source, ids, YEAR, agency_name="基准", agency_kind="department")

    failed = False
    for label, agency_id in (("typical agency", typical_id), ("busy agency", busy_id)):
        seconds, _ = _timed(lambda agency_id=agency_id: tables_of([agency_id]), args.repeat)
        ok = seconds * 1000 < AGENCY_TARGET_MS
        failed |= not ok
        print(
            f"{label:>16}: tables 2–4 for {YEAR} in {seconds * 1000:6.1f} ms (target {AGENCY_TARGET_MS:.0f} ms) {'ok' if ok else 'MISSED'}"
        )

    runs = []
    rollup = None
    for _ in range(3):
        start = time.perf_counter()
        rollup = tables_of(all_ids)
        runs.append(time.perf_counter() - start)
    best = min(runs)
    ok = best < ROLLUP_TARGET_S
    failed |= not ok
    print(
        f"{'region roll-up':>16}: {len(all_ids):,} agencies in {best:.2f} s (target {ROLLUP_TARGET_S:.0f} s) {'ok' if ok else 'MISSED'}"
    )

    # The roll-up is the sum of its parts: 20 agencies one by one plus the rest together.
    sample = all_ids[:20]
    parts = [tables_of([pk]) for pk in sample] + [tables_of(all_ids[20:])]
    summed = _sum_tables(parts)
    assert rollup is not None
    assert summed["table3"] == rollup.report.table3 and summed["table4"] == rollup.report.table4, (
        "roll-up ≠ sum of parts"
    )
    print(
        f"{'check':>16}: roll-up equals the sum of its parts (table 3 total {rollup.report.table3['total'][-1]:,})"
    )

    user = User.objects.get(username="admin")
    agency = Agency.objects.get(pk=typical_id)
    seconds, _ = _timed(lambda: services.build_report(agency, YEAR, by=user), 5)
    print(f"{'(info) service':>16}: build_report incl. rules and save in {seconds * 1000:.0f} ms")

    subtree = Agency.objects.subtree(root).in_tree_order()
    seconds, result = _timed(lambda: ranking.places(subtree, YEAR, dt.date(YEAR + 1, 3, 1)), 3)
    print(
        f"{'(info) ranking':>16}: {len(result):,} agencies scored and ranked in {seconds * 1000:.0f} ms"
    )
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
