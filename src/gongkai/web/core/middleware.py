"""Render the Chinese 404 page for out-of-scope objects even with DEBUG on.

With DEBUG on, Django shows its technical 404 page; for a refusal of another agency's
record users (and the demo) should see the platform's own page instead.
"""

from __future__ import annotations

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from gongkai.web.accounts.permissions import OutOfScope


class OutOfScopeMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_exception(self, request: HttpRequest, exception: Exception) -> HttpResponse | None:
        if isinstance(exception, OutOfScope):
            return render(request, "404.html", {"exception": str(exception)}, status=404)
        return None
