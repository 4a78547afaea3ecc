"""Agency pages: list and detail (scoped to what the user may see) and contact editing."""

from __future__ import annotations

from django.contrib import messages
from django.core.paginator import Paginator
from django.db.models import Min
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from gongkai.web.accounts import permissions
from gongkai.web.agencies import services
from gongkai.web.agencies.forms import AgencyContactForm, AgencyFilterForm
from gongkai.web.agencies.models import Agency
from gongkai.web.core.overview import agency_users, with_counts

PAGE_SIZE = 50


def agency_list(request: HttpRequest) -> HttpResponse:
    agencies = permissions.visible_agencies(request.user).in_tree_order()
    form = AgencyFilterForm(request.GET or None)
    if form.is_valid():
        if form.cleaned_data["q"]:
            agencies = agencies.filter(name__contains=form.cleaned_data["q"])
        if form.cleaned_data["kind"]:
            agencies = agencies.filter(kind=form.cleaned_data["kind"])
    top_level = agencies.aggregate(top=Min("level"))["top"] or 0
    page = Paginator(with_counts(agencies, top_level), PAGE_SIZE).get_page(request.GET.get("page"))
    context = {"form": form, "page": page, "total": page.paginator.count}
    # htmx search-as-you-type only needs the table back.
    template = "agencies/_table.html" if request.htmx else "agencies/list.html"  # type: ignore[attr-defined]
    return render(request, template, context)


def agency_detail(request: HttpRequest, pk: int) -> HttpResponse:
    agency = permissions.get_scoped_object_or_404(
        Agency.objects.select_related("parent"), request.user, "view", agency_field="", pk=pk
    )
    context = {
        "agency": agency,
        "ancestors": Agency.objects.ancestors_of(agency),
        "children": permissions.visible_agencies(request.user).filter(parent=agency),
        "members": agency_users(agency),
        "can_manage": permissions.can_manage(request.user, agency),
    }
    return render(request, "agencies/detail.html", context)


@require_http_methods(["GET", "POST"])
def agency_edit(request: HttpRequest, pk: int) -> HttpResponse:
    agency = permissions.get_scoped_object_or_404(
        Agency.objects.all(), request.user, "manage", agency_field="", pk=pk
    )
    form = AgencyContactForm(request.POST or None, instance=agency)
    if request.method == "POST" and form.is_valid():
        services.update_contact(
            agency, by=request.user, **{f: form.cleaned_data[f] for f in form.changed_data}
        )
        if request.htmx:  # type: ignore[attr-defined]
            response = render(
                request,
                "agencies/_contact.html",
                {"agency": agency, "can_manage": True, "saved": True},
            )
            return response
        messages.success(request, "联系信息已保存。")
        return redirect("agencies:detail", pk=agency.pk)
    template = "agencies/_contact_form.html" if request.htmx else "agencies/edit.html"  # type: ignore[attr-defined]
    return render(request, template, {"agency": agency, "form": form})


def agency_contact(request: HttpRequest, pk: int) -> HttpResponse:
    """The contact card alone (htmx: 'cancel' on the inline edit form)."""
    agency = permissions.get_scoped_object_or_404(
        Agency.objects.all(), request.user, "view", agency_field="", pk=pk
    )
    context = {"agency": agency, "can_manage": permissions.can_manage(request.user, agency)}
    return render(request, "agencies/_contact.html", context)
