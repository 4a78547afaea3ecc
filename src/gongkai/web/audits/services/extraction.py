"""Extract one document: its reports stored with provenance, or its typed failure."""

from __future__ import annotations

from django.db import transaction

from gongkai.extract import Extraction, Outcome, extract_all_bytes
from gongkai.report.canonical import dumps
from gongkai.web.agencies.models import Agency
from gongkai.web.audits.models import AuditDocument, AuditReport
from gongkai.web.audits.services.matching import match_agency


def process_document(document: AuditDocument) -> None:
    store_outcomes(document, extract_all_bytes(bytes(document.content), document.name))


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
