"""Catalogue pages: the staff list (limits, secrecy review, publication) and the public
catalogue of an agency (published items only, no login)."""

from __future__ import annotations

from collections.abc import Callable

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db.models import F, Q, QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_http_methods, require_POST

from gongkai.web.accounts import permissions
from gongkai.web.agencies.models import Agency
from gongkai.web.catalogue import services
from gongkai.web.catalogue.categories import ART20_ITEMS, CATEGORY_CHOICES
from gongkai.web.catalogue.forms import (
    ChangeForm,
    ColumnForm,
    ItemFilterForm,
    ItemForm,
    PublishForm,
    ReviewForm,
    ValidityForm,
)
from gongkai.web.catalogue.models import DisclosureItem
from gongkai.web.core.errors import error_text


def _filtered(items: QuerySet[DisclosureItem], form: ItemFilterForm) -> QuerySet[DisclosureItem]:
    if not form.is_valid():
        return items
    data = form.cleaned_data
    today = timezone.localdate()
    if data["category"]:
        items = items.filter(category=data["category"])
    if data["q"]:
        q = data["q"]
        items = items.filter(
            Q(title__contains=q) | Q(document_number__contains=q) | Q(index_number__contains=q)
        )
    status = data.get("status")
    if status == "pending":
        items = items.filter(published__isnull=True)
    elif status == "published":
        items = items.filter(published__isnull=False)
    elif status == "overdue":
        items = items.filter(Q(published__isnull=True, due__lt=today) | Q(published__gt=F("due")))
    return items


@require_http_methods(["GET", "POST"])
def item_list(request: HttpRequest) -> HttpResponse:
    agencies = permissions.editable_agencies(request.user).in_tree_order()
    items = permissions.scope_queryset(
        DisclosureItem.objects.select_related("agency", "column"), request.user
    )
    filters = ItemFilterForm(request.GET or None)
    form = ItemForm(request.POST or None, agencies=agencies)
    if request.method == "POST" and form.is_valid():
        try:
            item = services.register_item(by=request.user, **form.cleaned_data)
            messages.success(
                request, f"已登记，索引号 {item.index_number}，应于 {item.due} 前公开。"
            )
            return redirect("catalogue:detail", pk=item.pk)
        except ValidationError as exc:
            form.add_error(None, error_text(exc))
    page = Paginator(_filtered(items, filters), 50).get_page(request.GET.get("page"))
    today = timezone.localdate()
    context = {
        "page": page,
        "filters": filters,
        "form": form,
        "column_form": ColumnForm(agencies=agencies),
        "can_add": agencies.exists(),
        "today": today,
        "overdue_ids": {i.pk for i in page if i.overdue_on(today)},
    }
    return render(request, "catalogue/list.html", context)


@require_POST
def column_create(request: HttpRequest) -> HttpResponse:
    form = ColumnForm(request.POST, agencies=permissions.editable_agencies(request.user))
    if form.is_valid():
        try:
            services.create_column(by=request.user, **form.cleaned_data)
            messages.success(request, "已添加栏目。")
        except ValidationError as exc:
            messages.error(request, error_text(exc))
    else:
        messages.error(request, error_text(form))
    return redirect("catalogue:list")


def item_detail(request: HttpRequest, pk: int) -> HttpResponse:
    item = permissions.get_scoped_object_or_404(
        DisclosureItem.objects.select_related("agency", "column", "secrecy_reviewed_by"),
        request.user,
        pk=pk,
    )
    context = {
        "item": item,
        "can_edit": permissions.can_edit(request.user, item.agency),
        "can_approve": permissions.can_approve(request.user, item.agency),
        "overdue": item.overdue_on(timezone.localdate()),
        "publish_form": PublishForm(initial={"on": timezone.localdate()}),
        "review_form": ReviewForm(),
        "change_form": ChangeForm(),
        "validity_form": ValidityForm(initial={"validity": item.validity}),
    }
    return render(request, "catalogue/detail.html", context)


_ACTIONS: dict[str, tuple[type[forms.Form], Callable[..., object], str, str]] = {
    "review": (ReviewForm, services.approve_secrecy_review, "approve", "已完成保密审查。"),
    "publish": (PublishForm, services.publish_item, "edit", "已公开。"),
    "change": (ChangeForm, services.record_change, "edit", "已登记变更，重新计算公开期限。"),
    "validity": (ValidityForm, services.set_validity, "edit", "已更新效力状态。"),
}


@require_POST
def item_action(request: HttpRequest, pk: int, action: str) -> HttpResponse:
    if action not in _ACTIONS:
        return redirect("catalogue:detail", pk=pk)
    form_class, service, scope, done = _ACTIONS[action]
    item = permissions.get_scoped_object_or_404(
        DisclosureItem.objects.all(), request.user, scope, pk=pk
    )
    form = form_class(request.POST)
    if form.is_valid():
        try:
            service(item, by=request.user, **form.cleaned_data)
            messages.success(request, done)
        except ValidationError as exc:
            messages.error(request, error_text(exc))
    else:
        messages.error(request, error_text(form))
    return redirect("catalogue:detail", pk=pk)


@login_not_required
def public_catalogue(request: HttpRequest, agency_id: int) -> HttpResponse:
    agency = get_object_or_404(Agency, pk=agency_id, is_active=True)
    items = DisclosureItem.objects.filter(agency=agency, published__isnull=False).select_related(
        "column"
    )
    category = request.GET.get("category", "")
    if category in dict(CATEGORY_CHOICES):
        items = items.filter(category=category)
    q = request.GET.get("q", "").strip()[:60]
    if q:
        items = items.filter(
            Q(title__contains=q) | Q(document_number__contains=q) | Q(index_number__contains=q)
        )
    page = Paginator(items.order_by("-published", "-pk"), 30).get_page(request.GET.get("page"))
    context = {
        "agency": agency,
        "page": page,
        "categories": ART20_ITEMS,
        "category": category,
        "q": q,
    }
    return render(request, "catalogue/public.html", context)
