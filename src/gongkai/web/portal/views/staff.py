"""Staff side of the portal: online applications and corrections waiting for confirmation."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any
from urllib.parse import quote

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_POST

from gongkai.web.accounts import permissions
from gongkai.web.cases import queries
from gongkai.web.cases import services as case_services
from gongkai.web.cases.models import mask_name
from gongkai.web.core.errors import error_text
from gongkai.web.portal import services
from gongkai.web.portal.forms import (
    ConfirmForm,
    CorrectionConfirmForm,
    CorrectionDeclineForm,
    DeclineForm,
)
from gongkai.web.portal.models import OnlineApplication, OnlineCorrection
from gongkai.web.portal.services import corrections


def _pending(request: HttpRequest) -> object:
    return services.waiting(request.user).select_related("agency")


@require_GET
def inbox(request: HttpRequest) -> HttpResponse:
    rows = []
    for application in _pending(request).order_by("submitted_at")[:200]:  # type: ignore[attr-defined]
        personal = queries.can_see_personal(request.user, application)
        rows.append(
            {
                "application": application,
                "name": application.applicant_name
                if personal
                else mask_name(application.applicant_name, application.applicant_type),
                "form": ConfirmForm(prefix=f"a{application.pk}", today=services.today()),
                "decline_form": DeclineForm(prefix=f"d{application.pk}"),
            }
        )
    pending_corrections = (
        corrections.waiting(request.user)
        .select_related("application", "application__agency", "application__case")
        .defer("file_content")
        .order_by("submitted_at")[:200]
    )
    correction_rows = [
        {
            "correction": correction,
            "form": CorrectionConfirmForm(prefix=f"c{correction.pk}", today=services.today()),
            "decline_form": CorrectionDeclineForm(prefix=f"cd{correction.pk}"),
        }
        for correction in pending_corrections
    ]
    context = {"rows": rows, "correction_rows": correction_rows, "today": services.today()}
    return render(request, "portal/inbox.html", context)


def _decide(
    request: HttpRequest, form: forms.Form, act: Callable[[dict[str, Any]], HttpResponse]
) -> HttpResponse:
    """One staff decision on a pending submission; any refusal goes back to the inbox."""
    if not form.is_valid():
        messages.error(request, error_text(form))
        return redirect("portal:inbox")
    try:
        return act(form.cleaned_data)
    except ValidationError as exc:
        messages.error(request, error_text(exc))
    except (case_services.DuplicateSubmission, case_services.ConflictError) as exc:
        messages.error(request, str(exc))
    return redirect("portal:inbox")


def _application(request: HttpRequest, pk: int) -> OnlineApplication:
    return permissions.get_scoped_object_or_404(
        OnlineApplication.objects.select_related("agency"), request.user, "edit", pk=pk
    )


def _correction(request: HttpRequest, pk: int) -> OnlineCorrection:
    return permissions.get_scoped_object_or_404(
        OnlineCorrection.objects.select_related("application", "application__agency"),
        request.user,
        "edit",
        agency_field="application__agency",
        pk=pk,
    )


@require_POST
def confirm(request: HttpRequest, pk: int) -> HttpResponse:
    application = _application(request, pk)

    def act(data: dict[str, Any]) -> HttpResponse:
        case = services.confirm_receipt(application, request.user, received_on=data["received_on"])
        messages.success(
            request,
            f"已确认收到网上申请 {application.tracking_number}，登记为 {case.number}，"
            f"答复期限 {case.reply_due:%Y年%m月%d日}。",
        )
        return redirect("cases:detail", pk=case.pk)

    return _decide(request, ConfirmForm(request.POST, prefix=f"a{pk}"), act)


@require_POST
def decline(request: HttpRequest, pk: int) -> HttpResponse:
    application = _application(request, pk)

    def act(data: dict[str, Any]) -> HttpResponse:
        services.decline(application, request.user, reason=data["reason"])
        number = application.tracking_number
        messages.success(request, f"网上申请 {number} 已不予受理，申请人可查询理由。")
        return redirect("portal:inbox")

    return _decide(request, DeclineForm(request.POST, prefix=f"d{pk}"), act)


@require_POST
def confirm_correction(request: HttpRequest, pk: int) -> HttpResponse:
    correction = _correction(request, pk)

    def act(data: dict[str, Any]) -> HttpResponse:
        case = corrections.confirm(correction, request.user, received_on=data["received_on"])
        messages.success(
            request,
            f"已确认收到 {case.number} 的网上补正，"
            f"答复期限重新计算为 {case.reply_due:%Y年%m月%d日}。",
        )
        return redirect("cases:detail", pk=case.pk)

    return _decide(request, CorrectionConfirmForm(request.POST, prefix=f"c{pk}"), act)


@require_POST
def decline_correction(request: HttpRequest, pk: int) -> HttpResponse:
    correction = _correction(request, pk)

    def act(data: dict[str, Any]) -> HttpResponse:
        corrections.decline(correction, request.user, reason=data["reason"])
        number = correction.application.tracking_number
        messages.success(request, f"网上申请 {number} 的补正材料已不予接收，申请人可查询理由。")
        return redirect("portal:inbox")

    return _decide(request, CorrectionDeclineForm(request.POST, prefix=f"cd{pk}"), act)


@require_GET
def correction_file(request: HttpRequest, pk: int) -> HttpResponse:
    """The attachment of a pending correction, for staff to read before confirming."""
    correction = _correction(request, pk)
    if not correction.has_file:
        messages.error(request, "该补正没有附件。")
        return redirect("portal:inbox")
    response = HttpResponse(bytes(correction.file_content), content_type=correction.file_type)
    response["Content-Disposition"] = f"attachment; filename*=UTF-8''{quote(correction.file_name)}"
    response["Cache-Control"] = "private, no-store"
    response["X-Content-Type-Options"] = "nosniff"
    return response
