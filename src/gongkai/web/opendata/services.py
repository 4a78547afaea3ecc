"""The only code that writes the open-data files: rebuild a year's set from the published
versions (the core :mod:`gongkai.opendata` makes the bytes), and schedule that rebuild."""

from __future__ import annotations

from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone

from gongkai import opendata
from gongkai.opendata import PublishedReport
from gongkai.web.annual.models import ReportVersion
from gongkai.web.opendata.models import BulkFile, BulkYear


def latest_versions(year: int) -> QuerySet[ReportVersion]:
    """The latest published version of each report of ``year``; drafts have none."""
    return (
        ReportVersion.objects.current()
        .filter(draft__year=year)
        .select_related("draft__agency__parent")
        .order_by("pk")
    )


def published_report(version: ReportVersion) -> PublishedReport:
    draft = version.draft
    agency = draft.agency
    region = agency.parent.name if agency.parent else agency.name  # a root is its own region
    return PublishedReport(
        report=version.report(),
        agency_id=str(agency.pk),
        agency_name=agency.name,
        region=region,
        agency_kind=agency.kind,
        published=version.published_on,
        scope=draft.scope,
        version=version.number,
    )


class Busy(Exception):
    """Another process is rebuilding the year now (the caller tries again later)."""


@transaction.atomic
def rebuild_year(year: int, *, force: bool = False) -> BulkYear | None:
    """Rebuild ``year``'s files unless they already hold exactly its latest published
    versions; a year left without published reports loses its files.

    The year's row is locked first, so what is read is everything committed before; a
    rebuild already running makes this one raise :class:`Busy` instead of holding a queue
    worker while a province's XLSX is written."""
    BulkYear.objects.get_or_create(year=year)
    bulk_year = BulkYear.objects.select_for_update(skip_locked=True).filter(year=year).first()
    if bulk_year is None:
        raise Busy(year)
    versions = list(latest_versions(year))
    ids = [v.pk for v in versions]
    if not ids:
        bulk_year.delete()
        return None
    if ids == bulk_year.version_ids and not force:
        return bulk_year
    reports = [published_report(v) for v in versions]
    now = timezone.now()
    for file in opendata.year_files(year, reports):
        BulkFile.objects.update_or_create(
            bulk_year=bulk_year,
            kind=file.kind,
            defaults={
                "name": file.name,
                "content": file.content,
                "size": file.size,
                "sha256": file.sha256,
                "report_count": file.reports,
                "generated_at": now,
            },
        )
    bulk_year.report_count = len(reports)
    bulk_year.generated_at = now
    bulk_year.version_ids = ids
    bulk_year.save()
    return bulk_year


def schedule_rebuild(year: int) -> None:
    """Rebuild ``year`` on the task queue once the current transaction has committed (the
    task must see the version just published)."""
    from gongkai.web.opendata.tasks import rebuild_year_files

    transaction.on_commit(lambda: rebuild_year_files(year))


def stale_years() -> list[int]:
    """Years whose files do not hold exactly their latest published versions (or that have
    no files yet, or files but no published report any more)."""
    years = set(ReportVersion.objects.values_list("draft__year", flat=True).distinct())
    made = dict(BulkYear.objects.values_list("year", "version_ids"))
    return sorted(
        year
        for year in years | set(made)
        if list(latest_versions(year).values_list("pk", flat=True)) != made.get(year)
    )


def rebuild_stale() -> list[int]:
    years = stale_years()
    for year in years:
        rebuild_year(year)
    return years


# --- reading ------------------------------------------------------------------------------


def years_with_files() -> list[tuple[BulkYear, list[BulkFile]]]:
    """Each year's files for the public page, without their bytes."""
    files = BulkFile.objects.defer("content").select_related("bulk_year")
    by_year: dict[int, list[BulkFile]] = {}
    for file in files:
        by_year.setdefault(file.bulk_year_id, []).append(file)
    order = list(opendata.KINDS)
    return [
        (year, sorted(by_year.get(year.pk, []), key=lambda f: order.index(f.kind)))
        for year in BulkYear.objects.filter(generated_at__isnull=False)
    ]


def sha256sums() -> str:
    """``sha256sum -c`` input for every file on the page, the data dictionary included."""
    pairs = list(BulkFile.objects.values_list("name", "sha256"))
    dictionary = opendata.dictionary_file()
    pairs.append((dictionary.name, dictionary.sha256))
    return opendata.sha256sums(pairs)
