"""Extract documents: their reports stored with provenance, or their typed failures.

Results are written a chunk of documents at a time (one transaction, bulk inserts and
updates): a commit per document was most of the web path's cost. Progress therefore moves
chunk by chunk; each document still gets its own outcome, so a failed one shows its typed
error and the others of its chunk are stored as usual.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from django.db import transaction

from gongkai.extract import Extraction, Outcome
from gongkai.extract.pool import extract_many
from gongkai.report.canonical import dumps
from gongkai.web.audits.models import AuditDocument, AuditReport
from gongkai.web.audits.services.matching import AgencyIndex, index_for, match_agency

STORE_CHUNK = 16  # documents written per transaction


def _reports(
    document: AuditDocument, outcomes: list[Outcome], index: AgencyIndex
) -> list[AuditReport]:
    """The document's reports to insert; a reviewer's agency override survives a re-run."""
    manual = {r.position: r.matched_agency for r in document.reports.all() if r.match_manual}
    out: list[AuditReport] = []
    for position, outcome in enumerate(outcomes):
        if not isinstance(outcome, Extraction):
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
            stored.matched_agency = match_agency(document.project, report, index)
        out.append(stored)
    return out


def _set_state(document: AuditDocument, outcomes: list[Outcome]) -> None:
    """Failed only when nothing in the document could be read (its first failure's kind)."""
    failures = [o for o in outcomes if not isinstance(o, Extraction)]
    if failures and len(failures) == len(outcomes):
        document.state, document.error_kind = "failed", failures[0].kind
        document.error_message = "；".join(f.message for f in failures)[:2000]
    else:
        document.state, document.error_kind, document.error_message = "done", "", ""


def store_chunk(
    results: Sequence[tuple[AuditDocument, list[Outcome]]], index: AgencyIndex | None = None
) -> None:
    """Keep each document's reports or its typed failure, the whole chunk in one
    transaction; ``index``: the project's agency tree, read once by batch callers."""
    if not results:
        return
    tree = index_for(results[0][0].project) if index is None else index
    rows: list[AuditReport] = []
    for document, outcomes in results:
        rows.extend(_reports(document, outcomes, tree))
        _set_state(document, outcomes)
    # a re-run replaces earlier reports; findings keep their rows (SET_NULL) and fingerprints
    rerun = [d.pk for d, _ in results if d.reports.all()]  # prefetched by process_queued
    with transaction.atomic():
        if rerun:
            AuditReport.objects.filter(document_id__in=rerun).delete()
        AuditReport.objects.bulk_create(rows, batch_size=200)
        # one UPDATE per distinct outcome (most documents: done), cheaper than CASE per row
        by_state: dict[tuple[str, str, str], list[int]] = {}
        for document, _ in results:
            key = (document.state, document.error_kind, document.error_message)
            by_state.setdefault(key, []).append(document.pk)
        for (state, kind, message), pks in by_state.items():
            AuditDocument.objects.filter(pk__in=pks).update(
                state=state, error_kind=kind, error_message=message
            )


def _chunks(
    done: Iterable[tuple[int, list[Outcome]]], documents: dict[int, AuditDocument], size: int
) -> Iterable[list[tuple[AuditDocument, list[Outcome]]]]:
    chunk: list[tuple[AuditDocument, list[Outcome]]] = []
    for pk, outcomes in done:
        chunk.append((documents[pk], outcomes))
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def process_queued(
    document_ids: list[int],
    *,
    workers: int = 1,
    dask_address: str | None = None,
    chunk: int = STORE_CHUNK,
) -> list[AuditDocument]:
    """Extract those of the documents still queued (one query for all of them, the agency
    tree read once) and store them ``chunk`` documents per transaction as they finish.
    Raises ``PoolError`` when the pool cannot be used."""
    documents = (
        AuditDocument.objects.select_related("project__agency")
        .prefetch_related("reports__matched_agency")
        .filter(pk__in=document_ids, state="queued")
        .in_bulk()
    )
    if not documents:
        return []
    index = index_for(next(iter(documents.values())).project)
    items = [(pk, d.read_bytes(), d.name) for pk, d in documents.items()]
    done = extract_many(items, workers=workers, dask_address=dask_address)
    for results in _chunks(done, documents, chunk):
        store_chunk(results, index)
    return list(documents.values())
