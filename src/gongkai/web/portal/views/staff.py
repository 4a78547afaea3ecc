"""Staff side of the portal: online applications waiting for their agency to confirm."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_POST

from gongkai.web.accounts import permissions
from gongkai.web.cases import queries
from gongkai.web.cases import services as case_services
from gongkai.web.cases.models import mask_name
from gongkai.web.portal import services
from gongkai.web.portal.forms import ConfirmForm, DeclineForm
from gongkai.web.portal.models import OnlineApplication


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
    return render(request, "portal/inbox.html", {"rows": rows, "today": services.today()})


@require_POST
def confirm(request: HttpRequest, pk: int) -> HttpResponse:
    application = permissions.get_scoped_object_or_404(
        OnlineApplication.objects.select_related("agency"), request.user, "edit", pk=pk
    )
    form = ConfirmForm(request.POST, prefix=f"a{pk}")
    if not form.is_valid():
        messages.error(request, "；".join(e for errors in form.errors.values() for e in errors))
        return redirect("portal:inbox")
    try:
        case = services.confirm_receipt(
            application, request.user, received_on=form.cleaned_data["received_on"]
        )
    except (ValidationError, case_services.DuplicateSubmission) as exc:
        text = "；".join(exc.messages) if isinstance(exc, ValidationError) else str(exc)
        messages.error(request, text)
        return redirect("portal:inbox")
    messages.success(
        request,
        f"已确认收到网上申请 {application.tracking_number}，登记为 {case.number}，"
        f"答复期限 {case.reply_due:%Y年%m月%d日}。",
    )
    return redirect("cases:detail", pk=case.pk)


@require_POST
def decline(request: HttpRequest, pk: int) -> HttpResponse:
    application = permissions.get_scoped_object_or_404(
        OnlineApplication.objects.select_related("agency"), request.user, "edit", pk=pk
    )
    form = DeclineForm(request.POST, prefix=f"d{pk}")
    if not form.is_valid():
        messages.error(request, "；".join(e for errors in form.errors.values() for e in errors))
        return redirect("portal:inbox")
    try:
        services.decline(application, request.user, reason=form.cleaned_data["reason"])
    except ValidationError as exc:
        messages.error(request, "；".join(exc.messages))
        return redirect("portal:inbox")
    messages.success(
        request, f"网上申请 {application.tracking_number} 已不予受理，申请人可查询理由。"
    )
    return redirect("portal:inbox")
