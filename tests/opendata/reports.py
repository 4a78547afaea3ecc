"""Complete reports of either national format, filled from the format tables."""

from __future__ import annotations

from datetime import date

from gongkai.formats import get_format
from gongkai.formats.national import APPLICANT_COLUMNS, TABLE4
from gongkai.opendata import PublishedReport
from gongkai.report import AnnualReport


def full_report(agency: str, year: int, fmt_id: str = "2021", *, seed: int = 1) -> AnnualReport:
    """Every cell of the format printed, each with a different number."""
    fmt = get_format(fmt_id)
    counter = iter(range(seed * 1000, seed * 1000 + 10_000))
    table2 = {row.key: [next(counter) for _ in row.columns] for row in fmt.table2.rows}
    table3 = {row.key: [next(counter) for _ in APPLICANT_COLUMNS] for row in fmt.table3.rows}
    table4 = [next(counter) for _ in range(TABLE4.size)]
    return AnnualReport(
        agency=agency, year=year, format=fmt_id, table2=table2, table3=table3, table4=table4
    )


def published(
    report: AnnualReport, ident: str, *, on: date = date(2025, 1, 20), region: str = "江淮省"
) -> PublishedReport:
    return PublishedReport(
        report=report,
        agency_id=ident,
        agency_name=report.agency or ident,
        region=region,
        agency_kind="department",
        published=on,
    )
