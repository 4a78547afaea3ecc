"""The records behind a cell, for the cell page: what each table's source ids point at."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.apps import apps
from django.urls import NoReverseMatch, reverse

from gongkai.web.accounts.permissions import scope_queryset
from gongkai.web.annual.builder import FIGURE_ROWS
from gongkai.web.annual.sources import CASES_APP
from gongkai.web.registers.models import RegulatoryDocument, YearFigure
from gongkai.web.reviews.models import DisclosureReview


@dataclass(frozen=True)
class LinkedRecord:
    id: str
    label: str
    detail: str
    agency: str
    url: str | None


def _url(name: str, pk: Any) -> str | None:
    try:
        return reverse(name, args=[pk])
    except NoReverseMatch:
        return None


def _pks(ids: list[str]) -> list[int]:
    return [int(i) for i in ids if str(i).isdigit()]


def _cases(user: Any, ids: list[str]) -> list[LinkedRecord]:
    if not apps.is_installed(CASES_APP):
        return [LinkedRecord(i, f"申请 {i}", "", "", None) for i in ids]
    from gongkai.web.cases.statistics import case_pk

    case_model = apps.get_model("cases", "Case")
    wanted = {i: case_pk(i) for i in ids}
    found = {
        c.pk: c
        for c in scope_queryset(
            case_model.objects.filter(pk__in=[p for p in wanted.values() if p is not None]), user
        ).select_related("agency")
    }
    out = []
    for i in ids:
        case = found.get(wanted[i])  # type: ignore[arg-type]
        if case is None:
            out.append(LinkedRecord(i, f"申请 {i}", "（无权查看或已删除）", "", None))
        elif str(i) != str(case.pk):  # a later handling of a reopened case
            detail = f"复议诉讼纠正后重新办理（{case.reopened_on} 起）"
            out.append(
                LinkedRecord(i, str(case), detail, case.agency.name, _url("cases:detail", case.pk))
            )
        else:
            replied = f"答复 {case.replied_on}" if case.replied_on else "尚未办结"
            detail = f"收到 {case.received} · {replied}"
            out.append(
                LinkedRecord(i, str(case), detail, case.agency.name, _url("cases:detail", case.pk))
            )
    return out


def _documents(user: Any, ids: list[str]) -> list[LinkedRecord]:
    docs = scope_queryset(RegulatoryDocument.objects.filter(pk__in=_pks(ids)), user).select_related(
        "agency"
    )
    return [
        LinkedRecord(
            str(d.pk),
            str(d),
            f"{d.get_kind_display()} · 印发 {d.issued}"
            + (f" · {d.get_end_reason_display()} {d.ended}" if d.ended else ""),
            d.agency.name,
            _url("registers:document", d.pk),
        )
        for d in docs
    ]


def _figures(user: Any, ids: list[int]) -> list[LinkedRecord]:
    entries = scope_queryset(YearFigure.objects.filter(pk__in=ids), user).select_related("agency")
    return [
        LinkedRecord(str(e.pk), f"{e.year} 年度统计数据", f"来源：{e.source}", e.agency.name, None)
        for e in entries
    ]


def _reviews(user: Any, ids: list[str]) -> list[LinkedRecord]:
    rows = scope_queryset(DisclosureReview.objects.filter(pk__in=_pks(ids)), user).select_related(
        "agency"
    )
    return [
        LinkedRecord(
            str(r.pk),
            str(r),
            f"立案 {r.filed} · {r.result_label}" + (f"（{r.concluded}）" if r.concluded else ""),
            r.agency.name,
            _url("reviews:detail", r.pk),
        )
        for r in rows
    ]


def linked_records(
    user: Any, sources: dict[str, Any], table: str, row: str, column: int
) -> list[LinkedRecord]:
    if table == "table2" and row in FIGURE_ROWS:
        return _figures(user, [int(i) for i in sources.get("figures", [])])
    cells = sources.get(table, {}) if table == "table4" else sources.get(table, {}).get(row, {})
    ids = [str(i) for i in cells.get(str(column), [])]
    if table == "table3":
        return _cases(user, ids)
    if table == "table2":
        return _documents(user, ids)
    return _reviews(user, ids)
