"""Public pages (no login): an agency's published annual reports by year, and downloads.

Only published versions are ever shown here; drafts stay inside the platform.
"""

from __future__ import annotations

from django.contrib.auth.decorators import login_not_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render

from gongkai.web.agencies.models import Agency
from gongkai.web.annual.models import ReportVersion
from gongkai.web.annual.views.staff import EXPORTS, _download


@login_not_required
def public_reports(request: HttpRequest, agency_id: int) -> HttpResponse:
    agency = get_object_or_404(Agency, pk=agency_id, is_active=True)
    versions = (
        ReportVersion.objects.filter(draft__agency=agency)
        .select_related("draft")
        .order_by("-draft__year", "draft__scope", "-number")
    )
    years: dict[int, list[ReportVersion]] = {}
    for version in versions:
        years.setdefault(version.draft.year, []).append(version)
    context = {"agency": agency, "years": sorted(years.items(), reverse=True), "exports": EXPORTS}
    return render(request, "annual/public_list.html", context)


@login_not_required
def public_download(request: HttpRequest, version_id: int, target: str) -> HttpResponse:
    version = get_object_or_404(ReportVersion.objects.select_related("draft"), pk=version_id)
    if target not in EXPORTS:
        raise Http404
    report = version.report()
    suffix = f"（第{version.number}版）" if version.number > 1 else ""
    return _download(report, target, f"{report.title or version.draft}{suffix}")
