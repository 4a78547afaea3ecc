"""Staff pages: the list of reports, one report (tables, sections, findings, workflow),
the records behind a cell, exports, the import of last year's report, the overview."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.http import content_disposition_header
from django.views.decorators.http import require_POST

from gongkai.evaluation import CRITERIA
from gongkai.render import MEDIA_TYPES, RENDERERS
from gongkai.render import render as render_report
from gongkai.rules import RULES
from gongkai.web.accounts import permissions
from gongkai.web.annual import display, overview, ranking, services
from gongkai.web.annual.deadlines import report_deadline
from gongkai.web.annual.forms import ActionForm, BuildForm, ImportForm, SectionForm, YearForm
from gongkai.web.annual.models import AnnualReportDraft, ReportVersion
from gongkai.web.annual.models.report import severity_counts
from gongkai.web.annual.records import linked_records
from gongkai.web.annual.workflow import EDITABLE_STATES, available
from gongkai.web.core.errors import error_text
from gongkai.web.core.exports import table_download
from gongkai.web.core.requests import StaffRequest

EXPORTS = ("docx", "pdf", "html", "xlsx", "json")
SEVERITY_ORDER = {"error": 0, "warning": 1, "cannot-assess": 2, "info": 3}


def _draft(request: HttpRequest, pk: int, action: str = "view") -> AnnualReportDraft:
    return permissions.get_scoped_object_or_404(
        AnnualReportDraft.objects.select_related("agency", "agency__parent"),
        request.user,
        action,
        pk=pk,
    )


def _buildable(user: Any) -> Any:
    return permissions.editable_agencies(user).in_tree_order()


def report_list(request: HttpRequest) -> HttpResponse:
    drafts = permissions.scope_queryset(
        AnnualReportDraft.objects.select_related("agency"), request.user
    )
    year_form = YearForm(request.GET or None)
    if year_form.is_valid() and year_form.cleaned_data["year"]:
        drafts = drafts.filter(year=year_form.cleaned_data["year"])
    default_year = timezone.localdate().year - 1
    form = BuildForm(agencies=_buildable(request.user), initial={"year": default_year})
    context = {
        "drafts": drafts.order_by("-year", "agency__path", "scope")[:300],
        "form": form,
        "year_form": year_form,
    }
    return render(request, "annual/list.html", context)


@require_POST
def report_build(request: HttpRequest) -> HttpResponse:
    form = BuildForm(request.POST, agencies=_buildable(request.user))
    if not form.is_valid():
        messages.error(request, "请选择机关并填写报告年度。")
        return redirect("annual:list")
    try:
        draft = services.build_report(
            form.cleaned_data["agency"],
            form.cleaned_data["year"],
            by=request.user,
            scope=form.cleaned_data["scope"],
        )
    except ValidationError as exc:
        messages.error(request, error_text(exc))
        return redirect("annual:list")
    except PermissionDenied as exc:
        messages.error(request, str(exc))
        return redirect("annual:list")
    messages.success(request, "已根据业务记录生成年度报告。")
    return redirect("annual:detail", pk=draft.pk)


@require_POST
def report_rebuild(request: HttpRequest, pk: int) -> HttpResponse:
    draft = _draft(request, pk)
    try:
        services.build_report(draft.agency, draft.year, by=request.user, scope=draft.scope)
        messages.success(request, "已按最新记录重新计算表格并运行审核规则。")
    except (ValidationError, PermissionDenied) as exc:
        messages.error(request, error_text(exc) if isinstance(exc, ValidationError) else str(exc))
    return redirect("annual:detail", pk=pk)


def _findings(draft: AnnualReportDraft, findings: list[dict[str, Any]]) -> list[dict[str, Any]]:
    ordered = sorted(findings, key=lambda f: (SEVERITY_ORDER.get(f["severity"], 9), f["rule"]))
    return [
        {
            **f,
            "title": RULES[f["rule"]].title if f["rule"] in RULES else "",
            "url": display.finding_cell_url(draft.pk, f),
        }
        for f in ordered
    ]


def _sections(data: dict[str, Any]) -> list[tuple[str, str, str]]:
    from gongkai.formats import get_format

    fmt = get_format(data.get("format") or "2021")
    texts = data.get("sections") or {}
    return [(s.number, s.heading, texts.get(s.number, "")) for s in fmt.sections]


def report_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """The working draft, or (``?version=n``) a published version, read-only."""
    draft = _draft(request, pk)
    version = _version(draft, request)
    data, sources, findings = (
        (version.data, version.sources, version.findings)
        if version
        else (draft.data, draft.sources, draft.findings)
    )
    versions = list(draft.versions.select_related("published_by").order_by("-number"))
    can_edit = (
        version is None
        and draft.state in EDITABLE_STATES
        and services.can_work_on(request.user, draft.agency, draft.scope)
    )
    context = {
        "draft": draft,
        "version": version,
        "data": data,
        "grids": display.grids(
            draft.pk, data, sources, f"?version={version.number}" if version else ""
        ),
        "sections": _sections(data),
        "findings": _findings(draft, findings),
        "counts": severity_counts(findings),
        "transitions": [] if version else available(request.user, draft),
        "can_edit": can_edit,
        "events": draft.events.select_related("by"),
        "versions": versions,
        # The publication history is the one source of dates; the latest version is current.
        "current_version": versions[0] if versions else None,
        "exports": EXPORTS,
        "import_form": ImportForm(),
        "deadline": report_deadline(draft.agency.kind, draft.year),
    }
    return render(request, "annual/detail.html", context)


@require_POST
def section_edit(request: HttpRequest, pk: int, number: str) -> HttpResponse:
    draft = _draft(request, pk)
    form = SectionForm(request.POST)
    error = ""
    if form.is_valid():
        try:
            draft = services.edit_section(draft, number, form.cleaned_data["text"], by=request.user)
        except ValidationError as exc:
            error = error_text(exc)
    else:
        error = "正文过长。"
    if request.htmx:  # type: ignore[attr-defined]
        heading = next(h for n, h, _ in _sections(draft.data) if n == number)
        text = (draft.data.get("sections") or {}).get(number, "")
        context = {
            "draft": draft,
            "number": number,
            "heading": heading,
            "text": text,
            "can_edit": True,
            "saved": not error,
            "error": error,
            "findings": _findings(draft, draft.findings),
        }
        return render(request, "annual/_section.html", context)
    if error:
        messages.error(request, error)
    else:
        messages.success(request, "已保存，并重新运行了审核规则。")
    return redirect("annual:detail", pk=pk)


@require_POST
def report_action(request: HttpRequest, pk: int) -> HttpResponse:
    draft = _draft(request, pk)
    form = ActionForm(request.POST)
    if not form.is_valid():
        raise Http404
    try:
        draft = services.perform(
            draft,
            form.cleaned_data["action"],
            by=request.user,
            comment=form.cleaned_data["comment"],
        )
        messages.success(request, f"年度报告现在的状态：{draft.get_state_display()}。")
    except ValidationError as exc:
        messages.error(request, error_text(exc))
    return redirect("annual:detail", pk=pk)


@require_POST
def import_previous(request: HttpRequest, pk: int) -> HttpResponse:
    draft = _draft(request, pk)
    form = ImportForm(request.POST, request.FILES)
    if not form.is_valid():
        messages.error(request, "请选择要导入的文件。")
        return redirect("annual:detail", pk=pk)
    upload = form.cleaned_data["file"]
    try:
        imported = services.import_previous(
            draft.agency,
            upload.read(),
            upload.name,
            by=request.user,
            year=form.cleaned_data["year"] or draft.year - 1,
        )
        if draft.state in EDITABLE_STATES:
            services.build_report(draft.agency, draft.year, by=request.user, scope=draft.scope)
        messages.success(
            request, f"已导入 {imported.year} 年报告（{imported.filename}），并重新运行跨年度规则。"
        )
    except ValidationError as exc:
        messages.error(request, error_text(exc))
    return redirect("annual:detail", pk=pk)


def _version(draft: AnnualReportDraft, request: HttpRequest) -> ReportVersion | None:
    number = request.GET.get("version")
    if not number:
        return None
    if not number.isdigit():
        raise Http404
    version = draft.versions.filter(number=int(number)).first()
    if version is None:
        raise Http404("没有这个版本。")
    return version


def cell_records(request: HttpRequest, pk: int, table: str, row: str, column: int) -> HttpResponse:
    draft = _draft(request, pk)
    version = _version(draft, request)
    data, sources = (version.data, version.sources) if version else (draft.data, draft.sources)
    if table not in ("table2", "table3", "table4"):
        raise Http404
    found = display.find_cell(display.tables(draft.pk, data, sources), table, row, column)
    if found is None:
        raise Http404("没有这个单元格。")
    records = linked_records(request.user, sources, table, row, column)
    context = {
        "draft": draft,
        "version": version,
        "table": table,
        "row": found[0],
        "cell": found[1],
        "column": column,
        "records": records,
        "column_label": display.column_label(table, found[0], column),
    }
    return render(request, "annual/cell.html", context)


def _download(report: Any, target: str, name: str) -> HttpResponse:
    if target not in RENDERERS or target not in EXPORTS:
        raise Http404
    response = HttpResponse(render_report(report, target), content_type=MEDIA_TYPES[target])
    response["Content-Disposition"] = content_disposition_header(True, f"{name}.{target}")
    return response


def report_export(request: HttpRequest, pk: int, target: str) -> HttpResponse:
    draft = _draft(request, pk)
    version = _version(draft, request)
    report = version.report() if version else draft.report()
    suffix = (
        f"（第{version.number}版）" if version else "（草稿）" if draft.state != "published" else ""
    )
    return _download(report, target, f"{report.title or draft}{suffix}")


def _subtree_year(request: HttpRequest) -> tuple[YearForm, int, Any]:
    """The year asked for (default: last year) on the pages over an agency's subtree."""
    if permissions.role_of(request.user) is None or getattr(request.user, "agency", None) is None:
        raise PermissionDenied("汇总视图仅供机关用户使用。")
    form = YearForm(request.GET or None)
    today = timezone.localdate()
    return form, (form.cleaned_data["year"] if form.is_valid() else None) or today.year - 1, today


def report_overview(request: StaffRequest) -> HttpResponse:
    user = request.user
    form, year, today = _subtree_year(request)
    agencies = permissions.visible_agencies(user).in_tree_order()
    rows = overview.statuses(agencies, year, today)
    root = user.agency
    region = AnnualReportDraft.objects.filter(agency=root, year=year, scope="region").first()
    members = [r.draft for r in rows if r.draft is not None]
    missing = [r.agency for r in rows if r.draft is None]
    differences = overview.rollup_differences(region, members) if region and not missing else []
    context = {
        "year": year,
        "form": form,
        "rows": rows,
        "region": region,
        "missing": missing,
        "differences": differences,
        "not_submitted": sum(1 for r in rows if not r.submitted),
        "with_errors": sum(1 for r in rows if r.draft and r.draft.error_count),
        "overdue": sum(1 for r in rows if r.overdue),
        "today": today,
        "root": root,
        "can_build_region": root is not None and services.can_work_on(user, root, "region"),
    }
    return render(request, "annual/overview.html", context)


def report_ranking(request: StaffRequest) -> HttpResponse:
    """The agencies of the subtree ranked for a year by the published criteria."""
    form, year, today = _subtree_year(request)
    agencies = permissions.visible_agencies(request.user).in_tree_order()
    context = {
        "year": year,
        "form": form,
        "today": today,
        "root": request.user.agency,
        "places": ranking.places(agencies, year, today),
        "criteria": CRITERIA,
    }
    return render(request, "annual/ranking.html", context)


def ranking_export(request: HttpRequest, fmt: str) -> HttpResponse:
    """The ranking as a spreadsheet: place, agency, total, then points and reason per criterion."""
    _, year, today = _subtree_year(request)
    agencies = permissions.visible_agencies(request.user).in_tree_order()
    headers = ["名次", "机关", "总分"]
    for c in CRITERIA:
        headers += [f"{c.label}（{c.points}分）", f"{c.label}说明"]
    rows = (
        [p.position, p.agency.name, p.score.total]
        + [value for part in p.score.parts for value in (part.points, part.why)]
        for p in ranking.places(agencies, year, today)
    )
    return table_download(fmt, f"{year}年度排名", headers, rows, f"ranking-{year}")
