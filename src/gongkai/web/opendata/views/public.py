"""The public open-data pages (no login): each year's files, the data dictionary, the
checksums, and the files themselves. Only what the rebuild stored is served, and it holds
published versions only."""

from __future__ import annotations

from django.contrib.auth.decorators import login_not_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_safe

from gongkai import opendata
from gongkai.opendata import dictionary
from gongkai.opendata.files import DICTIONARY_TYPE
from gongkai.web.opendata import services
from gongkai.web.opendata.models import BulkFile

SUMS_TYPE = "text/plain; charset=utf-8"


@login_not_required
@require_safe
def index(request: HttpRequest) -> HttpResponse:
    dictionary_file = opendata.dictionary_file()
    years = services.years_with_files()
    context = {
        "years": years,
        "example_csv": opendata.file_name(years[0][0].year if years else 2024, "csv"),
        "dictionary": dictionary_file,
        "sums_name": opendata.SUMS_NAME,
    }
    return render(request, "opendata/index.html", context)


@login_not_required
@require_safe
def dictionary_page(request: HttpRequest) -> HttpResponse:
    context = {
        "columns": dictionary.column_entries(),
        "items": dictionary.item_entries(),
        "dictionary": opendata.dictionary_file(),
    }
    return render(request, "opendata/dictionary.html", context)


def _attachment(content: bytes, name: str, content_type: str, sha256: str) -> HttpResponse:
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    response["Content-Length"] = str(len(content))
    response["ETag"] = f'"{sha256}"'
    return response


@login_not_required
@require_safe
def download(request: HttpRequest, name: str) -> HttpResponse:
    if name == opendata.SUMS_NAME:
        response = HttpResponse(services.sha256sums(), content_type=SUMS_TYPE)
        response["Content-Disposition"] = f'inline; filename="{name}"'
        return response
    if name == opendata.DICTIONARY_NAME:
        file = opendata.dictionary_file()
        return _attachment(file.content, file.name, DICTIONARY_TYPE, file.sha256)
    stored = BulkFile.objects.filter(name=name).first()
    if stored is None:
        raise Http404("没有这个开放数据文件")
    return _attachment(bytes(stored.content), stored.name, stored.content_type, stored.sha256)
