"""Register pages: 规章和行政规范性文件 (list, register, amend, repeal) and yearly figures."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db.models import Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods, require_POST

from gongkai.web.accounts import permissions
from gongkai.web.agencies.models import AgencyQuerySet
from gongkai.web.core.errors import error_text
from gongkai.web.registers import services
from gongkai.web.registers.forms import (
    AmendForm,
    DocumentFilterForm,
    DocumentForm,
    EndForm,
    FiguresForm,
    FiguresImportForm,
)
from gongkai.web.registers.models import RegulatoryDocument, YearFigure


def _editable(request: HttpRequest) -> AgencyQuerySet:
    return permissions.editable_agencies(request.user).in_tree_order()


@require_http_methods(["GET", "POST"])
def document_list(request: HttpRequest) -> HttpResponse:
    docs = permissions.scope_queryset(
        RegulatoryDocument.objects.select_related("agency"), request.user
    )
    filters = DocumentFilterForm(request.GET or None)
    if filters.is_valid():
        data = filters.cleaned_data
        if data["kind"]:
            docs = docs.filter(kind=data["kind"])
        if data["in_force_on"]:
            docs = docs.in_force_on(data["in_force_on"])
        if data["q"]:
            docs = docs.filter(
                Q(title__contains=data["q"]) | Q(document_number__contains=data["q"])
            )
    editable = _editable(request)
    form = DocumentForm(request.POST or None, agencies=editable)
    if request.method == "POST" and form.is_valid():
        try:
            doc = services.register_document(by=request.user, **form.cleaned_data)
            messages.success(request, f"已登记：{doc}")
            return redirect("registers:document", pk=doc.pk)
        except ValidationError as exc:
            form.add_error(None, error_text(exc))
    page = Paginator(docs, 50).get_page(request.GET.get("page"))
    context = {
        "page": page,
        "filters": filters,
        "form": form,
        "can_add": editable.exists(),
    }
    return render(request, "registers/documents.html", context)


def document_detail(request: HttpRequest, pk: int) -> HttpResponse:
    doc = permissions.get_scoped_object_or_404(
        RegulatoryDocument.objects.select_related("agency"), request.user, pk=pk
    )
    context = {
        "doc": doc,
        "can_edit": permissions.can_edit(request.user, doc.agency),
        "amend_form": AmendForm(),
        "end_form": EndForm(),
    }
    return render(request, "registers/document.html", context)


@require_POST
def document_amend(request: HttpRequest, pk: int) -> HttpResponse:
    doc = permissions.get_scoped_object_or_404(
        RegulatoryDocument.objects.all(), request.user, "edit", pk=pk
    )
    form = AmendForm(request.POST)
    if form.is_valid():
        try:
            services.amend_document(doc, by=request.user, **form.cleaned_data)
            messages.success(request, "已登记修订。")
        except ValidationError as exc:
            messages.error(request, error_text(exc))
    else:
        messages.error(request, error_text(form))
    return redirect("registers:document", pk=pk)


@require_POST
def document_end(request: HttpRequest, pk: int) -> HttpResponse:
    doc = permissions.get_scoped_object_or_404(
        RegulatoryDocument.objects.all(), request.user, "edit", pk=pk
    )
    form = EndForm(request.POST)
    if form.is_valid():
        try:
            services.end_document(doc, by=request.user, **form.cleaned_data)
            messages.success(request, f"已登记{doc.get_end_reason_display()}。")
        except ValidationError as exc:
            messages.error(request, error_text(exc))
    else:
        messages.error(request, error_text(form))
    return redirect("registers:document", pk=pk)


@require_http_methods(["GET", "POST"])
def figures(request: HttpRequest) -> HttpResponse:
    entries = permissions.scope_queryset(
        YearFigure.objects.select_related("agency", "entered_by"), request.user
    )
    editable = _editable(request)
    form = FiguresForm(request.POST or None, agencies=editable)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.set_year_figures(
                by=request.user,
                **{k: v for k, v in data.items() if k != "source"},
                source=data["source"] or services.MANUAL_SOURCE,
            )
            messages.success(request, f"已保存 {data['agency']} {data['year']} 年的统计数据。")
            return redirect("registers:figures")
        except ValidationError as exc:
            form.add_error(None, error_text(exc))
    context = {
        "entries": entries[:300],
        "form": form,
        "import_form": FiguresImportForm(),
        "can_add": editable.exists(),
    }
    return render(request, "registers/figures.html", context)


@require_POST
def figures_import(request: HttpRequest) -> HttpResponse:
    form = FiguresImportForm(request.POST, request.FILES)
    if not form.is_valid():
        messages.error(request, "请选择 XLSX 文件。")
        return redirect("registers:figures")
    upload = form.cleaned_data["file"]
    agency = getattr(request.user, "agency", None)
    try:
        saved = services.import_year_figures(
            upload.read(), filename=upload.name, by=request.user, default_agency=agency
        )
        messages.success(request, f"已从 {upload.name} 导入 {len(saved)} 行统计数据。")
    except ValidationError as exc:
        messages.error(request, error_text(exc))
    except PermissionDenied as exc:
        messages.error(request, str(exc))
    return redirect("registers:figures")
