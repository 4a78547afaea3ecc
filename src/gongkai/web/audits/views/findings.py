"""A finding with the source text of its cell, the reviewer's decision, agency overrides."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_http_methods, require_POST

from gongkai.extract import ExtractionFault
from gongkai.extract.document import UnreadableError
from gongkai.extract.loaders import load_documents
from gongkai.extract.source_view import SourceLine, source_lines
from gongkai.web.agencies.models import Agency
from gongkai.web.audits import permissions
from gongkai.web.audits.forms import DispositionForm, MatchForm
from gongkai.web.audits.models import AuditFinding, AuditReport
from gongkai.web.audits.services import matching, review
from gongkai.web.core.errors import error_text


def _source(finding: AuditFinding) -> list[SourceLine]:
    report = finding.report
    if report is None or not finding.pointer:
        return []
    try:
        documents = load_documents(report.document.read_bytes(), report.document.name)
    except (
        UnreadableError,
        ExtractionFault,
        ValueError,
    ):  # the loaders' typed errors; the finding still shows
        return []
    if report.position >= len(documents):
        return []
    return source_lines(documents[report.position], finding.pointer)


@require_http_methods(["GET", "POST"])
def finding_detail(request: HttpRequest, pk: int, finding_pk: int) -> HttpResponse:
    project = permissions.project_for(request.user, pk)
    finding = get_object_or_404(
        AuditFinding.objects.select_related("report__document"), project=project, pk=finding_pk
    )
    decisions = review.history(finding)
    decision = next((d for d in decisions if d.current), None)
    initial = {"verdict": decision.verdict, "comment": decision.comment} if decision else None
    form = DispositionForm(request.POST or None, initial=initial)
    if request.method == "POST":
        project = permissions.project_for(request.user, pk, work=True)
        if form.is_valid():
            try:
                review.dispose(finding, by=request.user, **form.cleaned_data)
            except ValidationError as problem:
                messages.error(request, error_text(problem))
            else:
                messages.success(request, "已保存审核结论。")
                return redirect("audits:finding", pk=pk, finding_pk=finding.pk)
        else:
            messages.error(request, error_text(form))
    context = {
        "project": project, "finding": finding, "decision": decision, "history": decisions,
        "form": form,
        "source": _source(finding), "can_work": permissions.can_work_on(request.user, project),
    }  # fmt: skip
    return render(request, "audits/finding.html", context)


@require_POST
def report_match(request: HttpRequest, pk: int, report_pk: int) -> HttpResponse:
    project = permissions.project_for(request.user, pk, work=True)
    report = get_object_or_404(AuditReport, document__project=project, pk=report_pk)
    form = MatchForm(request.POST, agencies=Agency.objects.subtree(project.agency))
    if form.is_valid():
        matching.set_match(report, form.cleaned_data["agency"], by=request.user)
        messages.success(request, "已更新对应机关。")
    else:
        messages.error(request, error_text(form))
    return redirect("audits:detail", pk=pk)
