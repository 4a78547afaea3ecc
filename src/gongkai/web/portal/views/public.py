"""Public pages (no login): directory, agency page, application form, tracking."""

from __future__ import annotations

from urllib.parse import quote

from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.contrib.auth.hashers import check_password, make_password
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from gongkai.web.portal import directory, downloads, services, status, throttling
from gongkai.web.portal.forms import ApplicationForm, CorrectionForm, TrackForm
from gongkai.web.portal.models import OnlineApplication
from gongkai.web.portal.services import corrections
from gongkai.web.portal.views import access

NOT_FOUND = "查询号或查询码不正确，请核对后重新输入。"


@login_not_required
@require_GET
def home(request: HttpRequest) -> HttpResponse:
    query = request.GET.get("q", "").strip()[:60]
    return render(
        request,
        "portal/home.html",
        {"groups": directory.directory(query), "query": query},
    )


@login_not_required
@require_GET
def reports(request: HttpRequest) -> HttpResponse:
    """Every agency's published annual reports, linked to the annual app's public pages."""
    query = request.GET.get("q", "").strip()[:60]
    groups = directory.directory(query, directory.reporting_agencies())
    return render(request, "portal/reports.html", {"groups": groups, "query": query})


def _agency(pk: int) -> object:
    return get_object_or_404(directory.accepting_agencies(), pk=pk)


@login_not_required
@require_GET
def agency(request: HttpRequest, pk: int) -> HttpResponse:
    found = _agency(pk)
    has_reports = directory.reporting_agencies().filter(pk=pk).exists()
    return render(request, "portal/agency.html", {"agency": found, "has_reports": has_reports})


@login_not_required
@require_http_methods(["GET", "POST"])
def apply(request: HttpRequest, pk: int) -> HttpResponse:
    found = _agency(pk)
    form = ApplicationForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            result = services.submit(found, form.cleaned_data["token"], form.application_fields())
        except ValidationError as exc:
            form.add_error(None, "；".join(exc.messages))
        else:
            application = result.application
            if result.access_code is None:  # sent again long after: the code is needed
                messages.info(request, "该申请已经提交过，本次未重复提交。请凭查询号和查询码查询。")
                return redirect("portal:track")
            access.grant(request, application)
            access.keep_code(request, application, result.access_code)
            if result.repeated:
                messages.info(request, "该申请已经提交过，本次未重复提交。")
            return redirect("portal:submitted", tracking=application.tracking_number)
    status_code = 400 if request.method == "POST" else 200
    return render(request, "portal/apply.html", {"agency": found, "form": form}, status=status_code)


def _granted(request: HttpRequest, tracking: str) -> OnlineApplication | None:
    application = (
        OnlineApplication.objects.select_related("agency", "case", "case__agency")
        .filter(tracking_number=tracking)
        .first()
    )
    if application is None or not access.granted(request, application):
        return None
    return application


def _ask_for_code(request: HttpRequest) -> HttpResponse:
    messages.info(request, "请输入查询号和查询码查看办理进度。")
    return redirect("portal:track")


@never_cache
@login_not_required
@require_GET
def submitted(request: HttpRequest, tracking: str) -> HttpResponse:
    application = _granted(request, tracking)
    if application is None:
        return _ask_for_code(request)
    return render(
        request,
        "portal/submitted.html",
        {
            "application": application,
            "access_code": access.take_code(request, application),
            "status": status.public_status(application),
        },
    )


@never_cache
@login_not_required
@require_GET
def receipt(request: HttpRequest, tracking: str) -> HttpResponse:
    application = _granted(request, tracking)
    if application is None:
        return _ask_for_code(request)
    return render(
        request,
        "portal/receipt.html",
        {
            "application": application,
            "applicant": status.applicant_summary(application),
            "request_rows": status.request_summary(application),
            "status": status.public_status(application),
            "printed_at": timezone.localtime(),
        },
    )


@never_cache
@login_not_required
@require_http_methods(["GET", "POST"])
def track(request: HttpRequest) -> HttpResponse:
    form = TrackForm(request.POST if request.method == "POST" else None)
    code = 200
    if request.method == "POST":
        code = 400
        if form.is_valid():
            found = _look_up(request, form)
            if found is not None:
                return redirect("portal:status", tracking=found.tracking_number)
    context = {"form": form, "max_failures": throttling.max_failures()}
    context["lock_minutes"] = throttling.lock_minutes()
    return render(request, "portal/track.html", context, status=code)


def _look_up(request: HttpRequest, form: TrackForm) -> OnlineApplication | None:
    number = form.cleaned_data["tracking_number"]
    code = form.cleaned_data["access_code"]
    ip = throttling.client_ip(request)
    lock = throttling.lock(number, ip)
    if lock is not None:
        form.add_error(None, lock.message())
        return None
    application = OnlineApplication.objects.filter(tracking_number=number).first()
    if application is None:
        make_password(code)  # the same work as a real check: timing reveals nothing
        ok = False
    else:
        ok = check_password(code, application.access_code_hash)
    if not ok or application is None:
        throttling.record_failure(number, ip)
        form.add_error(None, NOT_FOUND)
        return None
    throttling.clear_failures(number, ip)
    access.grant(request, application)
    return application


@never_cache
@login_not_required
@require_GET
def case_status(request: HttpRequest, tracking: str) -> HttpResponse:
    application = _granted(request, tracking)
    if application is None:
        return _ask_for_code(request)
    return _status_page(request, application)


def _status_page(
    request: HttpRequest,
    application: OnlineApplication,
    correction_form: CorrectionForm | None = None,
    status_code: int = 200,
) -> HttpResponse:
    window = corrections.window(application)
    if window is not None and window.open and correction_form is None:
        correction_form = CorrectionForm()
    return render(
        request,
        "portal/status.html",
        {
            "application": application,
            "status": status.public_status(application),
            "applicant": status.applicant_summary(application),
            "request_rows": status.request_summary(application),
            "correction": window,
            "correction_form": correction_form,
        },
        status=status_code,
    )


@never_cache
@login_not_required
@require_POST
def submit_correction(request: HttpRequest, tracking: str) -> HttpResponse:
    """The applicant sends a correction (text and one optional file) from the status page."""
    application = _granted(request, tracking)
    if application is None:
        return _ask_for_code(request)
    form = CorrectionForm(request.POST, request.FILES)
    if form.is_valid():
        upload = form.cleaned_data["attachment"]
        attachment = corrections.Attachment(*upload) if upload else None
        try:
            result = corrections.submit(
                application, form.cleaned_data["token"], form.cleaned_data["text"], attachment
            )
        except ValidationError as exc:  # the form is closed or one already waits
            messages.error(request, "；".join(exc.messages))
        else:
            if result.repeated:
                messages.info(request, "该补正已经提交过，本次未重复提交。")
            else:
                messages.success(request, "补正材料已提交，等待机关确认收到。")
        return redirect("portal:status", tracking=application.tracking_number)
    window = corrections.window(application)
    if window is None or not window.open:  # no form to show the errors on
        messages.error(request, corrections.why_closed(window))
        return redirect("portal:status", tracking=application.tracking_number)
    return _status_page(request, application, form, status_code=400)


@never_cache
@login_not_required
@require_GET
def letter(request: HttpRequest, tracking: str, key: str, fmt: str) -> HttpResponse:
    application = _granted(request, tracking)
    if application is None:
        return _ask_for_code(request)
    if application.case is None:
        raise Http404("机关确认收到申请后才有文书。")
    try:
        found = downloads.letter_file(application.case, key, fmt)
    except downloads.NotAvailable as exc:
        messages.error(request, str(exc))
        return redirect("portal:status", tracking=tracking)
    response = HttpResponse(found.content, content_type=found.content_type)
    response["Content-Disposition"] = _attachment(found.name)
    response["Cache-Control"] = "private, no-store"
    return response


def _attachment(name: str) -> str:
    return (
        f"attachment; filename=\"letter.{name.rsplit('.', 1)[-1]}\"; filename*=UTF-8''{quote(name)}"
    )


@login_not_required
@require_POST
def leave(request: HttpRequest) -> HttpResponse:
    access.revoke_all(request)
    messages.success(request, "已退出查询。")
    return redirect("portal:home")
