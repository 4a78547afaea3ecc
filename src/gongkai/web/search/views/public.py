"""Public search pages (no login): the search form with its results, and an entry's page.

Only the index is read here, and the index holds only published objects.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.contrib.auth.decorators import login_not_required
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils.safestring import SafeString, mark_safe

from gongkai.text.search import Query, highlight, parse_query
from gongkai.web.core.errors import error_text
from gongkai.web.search.forms import SearchForm
from gongkai.web.search.models import SearchEntry
from gongkai.web.search.query import search

PAGE_SIZE = 20


@dataclass(frozen=True)
class Hit:
    entry: SearchEntry
    title: SafeString
    snippet: SafeString


def _hit(entry: SearchEntry, query: Query) -> Hit:
    # highlight() escapes the text itself; only its <mark> tags are markup.
    return Hit(
        entry=entry,
        title=mark_safe(highlight(entry.title, query.words, width=None)),
        snippet=mark_safe(highlight(entry.excerpt, query.words)),
    )


@login_not_required
def search_page(request: HttpRequest) -> HttpResponse:
    form = SearchForm(request.GET or None)
    context: dict[str, object] = {"form": form, "searched": False}
    if form.is_bound and form.is_valid():
        query = parse_query(form.cleaned_data["q"])
        context["searched"] = bool(form.cleaned_data["q"].strip())
        context["query"] = query
        if context["searched"] and not query:
            context["error"] = "检索词中没有可检索的汉字、字母或数字。"
        results = search(query, form.filters())
        paginator: Paginator[SearchEntry] = Paginator(results, PAGE_SIZE)
        page = paginator.get_page(request.GET.get("page"))
        context["page"], context["more"] = page, results.more
        context["hits"] = [_hit(entry, query) for entry in page]
    elif form.is_bound:
        context["error"] = error_text(form)
    template = "search/_results.html" if request.htmx else "search/search.html"  # type: ignore[attr-defined]
    return render(request, template, context)


@login_not_required
def entry_page(request: HttpRequest, pk: int) -> HttpResponse:
    entry = get_object_or_404(SearchEntry.objects.select_related("agency"), pk=pk)
    return render(request, "search/entry.html", {"entry": entry})
