"""The only code that writes the registers: documents and the yearly figures."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction

from gongkai.web.accounts import permissions
from gongkai.web.agencies.models import Agency
from gongkai.web.registers.figures_import import FigureRow, read_figures_xlsx
from gongkai.web.registers.models import RegulatoryDocument, YearFigure
from gongkai.web.search import services as search_index

MANUAL_SOURCE = "手工录入"
_GIVEN = ("agency", "created_by")


def _require_edit(by: Any, agency: Agency) -> None:
    if not permissions.can_edit(by, agency):
        raise PermissionDenied("您无权修改该机关的登记。")


@transaction.atomic
def register_document(
    *,
    agency: Agency,
    kind: str,
    title: str,
    issued: dt.date,
    by: Any,
    document_number: str = "",
    published: dt.date | None = None,
    effective: dt.date | None = None,
) -> RegulatoryDocument:
    _require_edit(by, agency)
    doc = RegulatoryDocument(
        agency=agency,
        kind=kind,
        title=title.strip(),
        document_number=document_number.strip(),
        issued=issued,
        published=published,
        effective=effective,
        created_by=by if getattr(by, "pk", None) else None,
    )
    doc.full_clean(exclude=_GIVEN)  # the objects passed in exist; no look-up needed
    doc.save()
    search_index.index_regulatory_document(doc)
    return doc


@transaction.atomic
def amend_document(
    doc: RegulatoryDocument, *, on: dt.date, note: str, by: Any
) -> RegulatoryDocument:
    """Record an amendment: the document stays the same one (still counted once)."""
    _require_edit(by, doc.agency)
    if doc.ended is not None:
        raise ValidationError("已废止或失效的文件不能再修订。")
    if on < doc.issued:
        raise ValidationError("修订日期不能早于印发日期。")
    doc.last_amended = on
    doc.amendment_note = note.strip()
    doc.full_clean(exclude=_GIVEN)
    doc.save(update_fields=["last_amended", "amendment_note", "updated_at"])
    search_index.index_regulatory_document(doc)
    return doc


@transaction.atomic
def end_document(
    doc: RegulatoryDocument, *, on: dt.date, reason: str, by: Any, basis: str = ""
) -> RegulatoryDocument:
    """Repeal (废止) or record the expiry (失效) of a document; it leaves 现行有效 on ``on``."""
    _require_edit(by, doc.agency)
    if doc.ended is not None:
        raise ValidationError(f"该文件已于 {doc.ended} {doc.get_end_reason_display()}。")
    doc.ended, doc.end_reason, doc.end_basis = on, reason, basis.strip()
    doc.full_clean(exclude=_GIVEN)
    doc.save(update_fields=["ended", "end_reason", "end_basis", "updated_at"])
    search_index.index_regulatory_document(doc)
    return doc


@transaction.atomic
def set_year_figures(
    *,
    agency: Agency,
    year: int,
    by: Any,
    licensing: int | None,
    penalty: int | None,
    coercion: int | None,
    fees_10k_yuan: Decimal | None,
    source: str = MANUAL_SOURCE,
) -> YearFigure:
    """Enter (or replace) an agency's figures for a year, noting where they come from."""
    _require_edit(by, agency)
    figure = YearFigure.objects.filter(agency=agency, year=year).first() or YearFigure(
        agency=agency, year=year
    )
    figure.licensing, figure.penalty, figure.coercion = licensing, penalty, coercion
    figure.fees_10k_yuan = fees_10k_yuan
    figure.source = source.strip() or MANUAL_SOURCE
    figure.entered_by = by if getattr(by, "pk", None) else None
    figure.full_clean(exclude=("agency", "entered_by"), validate_unique=False)
    figure.save()
    return figure


def _agency_for_row(row: FigureRow, default: Agency | None) -> Agency:
    if row.agency_name:
        agency = Agency.objects.filter(name=row.agency_name).first()
        if agency is None:
            raise ValidationError(f"{row.where}：找不到机关“{row.agency_name}”")
        return agency
    if default is None:
        raise ValidationError(f"{row.where}：未填写机关名称")
    return default


@transaction.atomic
def import_year_figures(
    data: bytes, *, filename: str, by: Any, default_agency: Agency | None = None
) -> list[YearFigure]:
    """Import figures from an XLSX sheet; all rows or none (the first problem is reported)."""
    rows = read_figures_xlsx(data, filename)
    saved: list[YearFigure] = []
    for row in rows:
        agency = _agency_for_row(row, default_agency)
        if not permissions.can_edit(by, agency):
            raise PermissionDenied(f"{row.where}：您无权修改“{agency.name}”的数据")
        saved.append(
            set_year_figures(
                agency=agency,
                year=row.year,
                by=by,
                licensing=row.licensing,
                penalty=row.penalty,
                coercion=row.coercion,
                fees_10k_yuan=row.fees_10k_yuan,
                source=f"导入：{filename} {row.where}",
            )
        )
    return saved
