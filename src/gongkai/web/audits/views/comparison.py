"""A report of the project next to the same agency's previous year (gongkai.compare)."""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render

from gongkai.compare import Comparison, compare, render_comparison
from gongkai.compare.render import percent, rate, signed
from gongkai.report.canonical import loads
from gongkai.web.audits import permissions
from gongkai.web.audits.models import AuditReport


def _comparison(request: HttpRequest, pk: int, report_pk: int) -> tuple[AuditReport, Comparison]:
    project = permissions.project_for(request.user, pk)
    this = get_object_or_404(
        AuditReport.objects.select_related("previous"), document__project=project, pk=report_pk
    )
    if this.previous is None:
        raise Http404("该报告在本项目中没有上一年度的报告。")
    return this, compare(loads(this.previous.report_json), loads(this.report_json))


def comparison(request: HttpRequest, pk: int, report_pk: int) -> HttpResponse:
    this, result = _comparison(request, pk, report_pk)
    sections = [(s, percent(s.repeated)) for s in result.sections]
    changed = [
        (c, signed(c.change), rate(c.rate)) for c in result.cells if c.change not in (None, 0)
    ]
    context = {
        "project": this.document.project, "report": this, "comparison": result,
        "sections": sections, "changed": changed, "repeated": percent(result.repeated),
    }  # fmt: skip
    return render(request, "audits/comparison.html", context)


def comparison_pdf(request: HttpRequest, pk: int, report_pk: int) -> HttpResponse:
    this, result = _comparison(request, pk, report_pk)
    response = HttpResponse(render_comparison(result, "pdf"), content_type="application/pdf")
    name = f"comparison-{this.pk}.pdf"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response
