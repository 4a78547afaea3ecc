"""Project pages: the list (and creating one), a project with its documents, progress and
findings, uploads, URL lists and re-runs."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import Count
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.csrf import csrf_exempt, csrf_protect
from django.views.decorators.http import require_http_methods, require_POST

from gongkai.web.accounts import permissions as agency_permissions
from gongkai.web.agencies.models import Agency
from gongkai.web.audits import permissions
from gongkai.web.audits.forms import ProjectForm, UploadForm, UrlForm
from gongkai.web.audits.models import STATE_CHOICES, AuditProject, Disposition
from gongkai.web.audits.services import files, ingest
from gongkai.web.core.errors import error_text

_FORM_OVERHEAD = 1024 * 1024  # multipart boundaries, headers and the CSRF field


@require_http_methods(["GET", "POST"])
def project_list(request: HttpRequest) -> HttpResponse:
    agencies = agency_permissions.editable_agencies(request.user).in_tree_order()
    form = ProjectForm(request.POST or None, agencies=agencies)
    if request.method == "POST":
        if form.is_valid():
            data = form.cleaned_data
            project = ingest.create_project(
                name=data["name"], years=data["years"], agency=data["agency"], by=request.user
            )
            messages.success(request, f"已建立审核项目“{project.name}”。")
            return redirect("audits:detail", pk=project.pk)
        messages.error(request, error_text(form))
    projects = permissions.visible_projects(request.user).select_related("agency")
    projects = projects.annotate(document_count=Count("documents", distinct=True))
    return render(request, "audits/list.html", {"projects": projects, "form": form})


def _progress(project: AuditProject) -> list[tuple[str, str, int]]:
    counts = dict(project.documents.values_list("state").annotate(n=Count("pk")).order_by())
    return [(key, label, counts.get(key, 0)) for key, label in STATE_CHOICES]


def _progress_context(project: AuditProject) -> dict[str, object]:
    progress = _progress(project)
    busy = any(n for key, _, n in progress if key == "queued")
    return {"project": project, "progress": progress, "busy": busy,
            "total": sum(n for _, _, n in progress)}  # fmt: skip


def project_detail(request: HttpRequest, pk: int) -> HttpResponse:
    project = permissions.project_for(request.user, pk)
    show = request.GET.get("show", "current")
    findings = project.findings.select_related("report__document")
    findings = findings.filter(resolved_at__isnull=(show != "resolved"))
    decisions = {
        d.fingerprint: d for d in Disposition.objects.filter(project=project, current=True)
    }
    rows = [(f, decisions.get(f.fingerprint)) for f in findings]
    documents = project.documents.prefetch_related("reports__matched_agency")
    context = {
        **_progress_context(project),
        "documents": documents,
        "rows": rows,
        "show": show,
        "resolved_count": project.findings.filter(resolved_at__isnull=False).count(),
        "can_work": permissions.can_work_on(request.user, project),
        "upload_form": UploadForm(),
        "url_form": UrlForm(),
        "match_agencies": Agency.objects.subtree(project.agency).in_tree_order(),
    }
    return render(request, "audits/detail.html", context)


def project_progress(request: HttpRequest, pk: int) -> HttpResponse:
    """The htmx fragment polled while documents are queued or being extracted."""
    project = permissions.project_for(request.user, pk)
    return render(request, "audits/_progress.html", _progress_context(project))


@csrf_exempt  # checked by ``_upload`` once the size is known to be acceptable
@require_POST
def project_upload(request: HttpRequest, pk: int) -> HttpResponse:
    """Refuse an oversized request before its body is read (the CSRF check would read it),
    then parse and check it as usual."""
    declared = request.META.get("CONTENT_LENGTH") or "0"
    if not declared.isdigit() or int(declared) > files.MAX_UPLOAD_BYTES + _FORM_OVERHEAD:
        permissions.project_for(request.user, pk, work=True)
        limit = files.MAX_UPLOAD_BYTES // 1024 // 1024
        messages.error(request, f"一次上传的文件超过 {limit} MB 的上限，请分批上传。")
        return redirect("audits:detail", pk=pk)
    return _upload(request, pk)


@csrf_protect
def _upload(request: HttpRequest, pk: int) -> HttpResponse:
    project = permissions.project_for(request.user, pk, work=True)
    form = UploadForm(request.POST, request.FILES)
    if not form.is_valid():
        messages.error(request, error_text(form))
        return redirect("audits:detail", pk=pk)
    uploads = [
        (f.name or "未命名", f.chunks(files.CHUNK_BYTES)) for f in form.cleaned_data["documents"]
    ]
    added = ingest.add_files(project, uploads, by=request.user)
    messages.success(request, f"已加入 {len(added.documents)} 个文件，正在提取和审核。")
    if added.duplicates:
        names = "、".join(added.duplicates[:10])
        messages.warning(
            request, f"{len(added.duplicates)} 个文件与项目中已有文件内容相同，未重复保存：{names}"
        )
    for reason in added.refused:
        messages.error(request, reason)
    return redirect("audits:detail", pk=pk)


@require_POST
def project_urls(request: HttpRequest, pk: int) -> HttpResponse:
    project = permissions.project_for(request.user, pk, work=True)
    form = UrlForm(request.POST)
    if not form.is_valid():
        messages.error(request, error_text(form))
        return redirect("audits:detail", pk=pk)
    documents = ingest.add_urls(project, form.cleaned_data["urls"], by=request.user)
    messages.success(request, f"已加入 {len(documents)} 个网址，正在下载。")
    return redirect("audits:detail", pk=pk)


@require_POST
def project_rerun(request: HttpRequest, pk: int) -> HttpResponse:
    project = permissions.project_for(request.user, pk, work=True)
    try:
        count = ingest.rerun(project, by=request.user)
    except PermissionDenied as refusal:
        messages.error(request, str(refusal))
        return redirect("audits:detail", pk=pk)
    messages.success(request, f"已重新提取和审核 {count} 个文件；已有的审核结论按指纹保留。")
    return redirect("audits:detail", pk=pk)
