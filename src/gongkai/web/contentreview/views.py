"""Content review actions from the publishing pages: run, decide on a finding, override.

Each redirects back to the page of the reviewed object; runs are looked up in the user's
scope (an agency's runs are invisible to other agencies)."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.views.decorators.http import require_POST

from gongkai.web.accounts import permissions
from gongkai.web.contentreview import services
from gongkai.web.contentreview.forms import DecisionForm, OverrideForm
from gongkai.web.contentreview.models import ContentFinding, ReviewRun
from gongkai.web.contentreview.subjects import SUBJECTS
from gongkai.web.core.errors import error_text


def _back(run: ReviewRun) -> HttpResponse:
    return redirect(SUBJECTS[run.subject].url(run.object_id))


@require_POST
def run_review(request: HttpRequest, subject: str, object_id: int) -> HttpResponse:
    if subject not in SUBJECTS:
        raise Http404
    kind = SUBJECTS[subject]
    obj = permissions.get_scoped_object_or_404(
        kind.model._default_manager.all(), request.user, pk=object_id
    )
    if not kind.may_decide(request.user, obj):
        raise PermissionDenied("您无权运行内容审查。")
    run = services.review(subject, obj, by=request.user)
    count = run.findings.count()
    messages.success(
        request, f"内容审查完成，发现 {count} 个问题。" if count else "内容审查未发现问题。"
    )
    return redirect(kind.url(object_id))


@require_POST
def decide(request: HttpRequest, pk: int) -> HttpResponse:
    finding = permissions.get_scoped_object_or_404(
        ContentFinding.objects.select_related("run"),
        request.user,
        agency_field="run__agency",
        pk=pk,
    )
    form = DecisionForm(request.POST)
    if form.is_valid():
        try:
            services.decide(finding, by=request.user, **form.cleaned_data)
            messages.success(request, "已记录处理意见。")
        except ValidationError as exc:
            messages.error(request, error_text(exc))
    else:
        messages.error(request, error_text(form))
    return _back(finding.run)


@require_POST
def override(request: HttpRequest, pk: int) -> HttpResponse:
    run = permissions.get_scoped_object_or_404(ReviewRun.objects.all(), request.user, pk=pk)
    form = OverrideForm(request.POST)
    if form.is_valid():
        try:
            services.override(run, by=request.user, reason=form.cleaned_data["reason"])
            messages.success(request, "已同意发布，理由已记录。")
        except ValidationError as exc:
            messages.error(request, error_text(exc))
    else:
        messages.error(request, error_text(form))
    return _back(run)
