"""Register pages: list and record reviews and lawsuits, record their results."""

from __future__ import annotations

from django.apps import apps
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods, require_POST

from gongkai.web.accounts import permissions
from gongkai.web.agencies.models import Agency
from gongkai.web.core.errors import error_text
from gongkai.web.reviews import services
from gongkai.web.reviews.forms import ConcludeForm, ReviewForm
from gongkai.web.reviews.models import DisclosureReview


def _case(agency: Agency, number: str) -> object | None:
    """The platform's application with this number at this agency, if there is one."""
    if not number or not apps.is_installed("gongkai.web.cases"):
        return None
    case_model = apps.get_model("cases", "Case")
    return case_model.objects.filter(agency=agency, number=number).first()


@require_http_methods(["GET", "POST"])
def review_list(request: HttpRequest) -> HttpResponse:
    reviews = permissions.scope_queryset(
        DisclosureReview.objects.select_related("agency", "case"), request.user
    )
    agencies = permissions.editable_agencies(request.user).in_tree_order()
    form = ReviewForm(request.POST or None, agencies=agencies)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        number = data.pop("case_number").strip()
        try:
            review = services.record_review(
                by=request.user, case=_case(data["agency"], number), case_reference=number, **data
            )
            messages.success(request, f"已登记：{review}")
            return redirect("reviews:detail", pk=review.pk)
        except ValidationError as exc:
            form.add_error(None, error_text(exc))
    page = Paginator(reviews, 50).get_page(request.GET.get("page"))
    return render(
        request, "reviews/list.html", {"page": page, "form": form, "can_add": agencies.exists()}
    )


def review_detail(request: HttpRequest, pk: int) -> HttpResponse:
    review = permissions.get_scoped_object_or_404(
        DisclosureReview.objects.select_related("agency", "case"), request.user, pk=pk
    )
    context = {
        "review": review,
        "can_edit": permissions.can_edit(request.user, review.agency),
        "form": ConcludeForm(),
    }
    return render(request, "reviews/detail.html", context)


@require_POST
def review_conclude(request: HttpRequest, pk: int) -> HttpResponse:
    review = permissions.get_scoped_object_or_404(
        DisclosureReview.objects.select_related("case"), request.user, "edit", pk=pk
    )
    form = ConcludeForm(request.POST)
    if form.is_valid():
        try:
            services.conclude_review(review, by=request.user, **form.cleaned_data)
            messages.success(request, f"已登记结果：{review.result_label}。")
        except ValidationError as exc:
            messages.error(request, error_text(exc))
    else:
        messages.error(request, error_text(form))
    return redirect("reviews:detail", pk=pk)
