"""Extract documents: their reports stored with provenance, or their typed failures."""

from __future__ import annotations

from django.db import transaction

from gongkai.extract import Extraction, Outcome
from gongkai.extract.pool import extract_many
from gongkai.report.canonical import dumps
from gongkai.web.agencies.models import Agency
from gongkai.web.audits.models import AuditDocument, AuditReport
from gongkai.web.audits.services.matching import candidates, match_agency


def store_outcomes(
    document: AuditDocument, outcomes: list[Outcome], agencies: list[Agency] | None = None
) -> None:
    """Keep a document's reports (manual agency overrides survive) or its typed failure;
    ``agencies``: the project's tree, when a batch has read it once for all its documents."""
    with transaction.atomic():
        earlier = list(document.reports.all())  # prefetched by batch callers
        manual = {r.position: r.matched_agency for r in earlier if r.match_manual}
        if earlier:  # a re-run; findings keep their rows (SET_NULL) and fingerprints
            document.reports.all().delete()
        failures = []
        for position, outcome in enumerate(outcomes):
            if not isinstance(outcome, Extraction):
                failures.append(outcome)
                continue
            report = outcome.report
            stored = AuditReport(
                document=document, source=outcome.source[:300], position=position,
                kind=outcome.kind, agency_name=(report.agency or "")[:200], year=report.year,
                report_json=dumps(report, indent=None),
            )  # fmt: skip
            if position in manual:
                stored.matched_agency, stored.match_manual = manual[position], True
            else:
                stored.matched_agency = match_agency(
                    document.project, report.agency, report.year, agencies
                )
            stored.save()
        if failures and len(failures) == len(outcomes):
            first = failures[0]
            document.state, document.error_kind = "failed", first.kind
            document.error_message = "；".join(f.message for f in failures)[:2000]
        else:
            document.state, document.error_kind, document.error_message = "done", "", ""
        document.save(update_fields=["state", "error_kind", "error_message"])


def process_queued(
    document_ids: list[int], *, workers: int = 1, dask_address: str | None = None
) -> list[AuditDocument]:
    """Extract those of the documents still queued (one query for all of them, the agency
    tree read once) and store each as it finishes, in its own transaction, so progress
    shows document by document. Raises ``PoolError`` when the pool cannot be used."""
    documents = (
        AuditDocument.objects.select_related("project__agency")
        .prefetch_related("reports__matched_agency")
        .filter(pk__in=document_ids, state="queued")
        .in_bulk()
    )
    if not documents:
        return []
    agencies = candidates(next(iter(documents.values())).project)
    items = [(pk, bytes(d.content), d.name) for pk, d in documents.items()]
    for pk, outcomes in extract_many(items, workers=workers, dask_address=dask_address):
        store_outcomes(documents[pk], outcomes, agencies)
    return list(documents.values())
