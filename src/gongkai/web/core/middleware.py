"""Chinese error pages even with DEBUG on (the demo runs with DEBUG on).

With DEBUG on, Django answers a 404, 403 or 500 with its technical English pages. Users of
the demo should see the platform's own pages instead: refused records of another agency
(:class:`OutOfScopeMiddleware`), and every other error (:class:`ChineseErrorPagesMiddleware`,
which uses Django's own error views, so the pages are those a production server shows).
``GONGKAI_TECHNICAL_ERRORS=1`` brings the technical pages back for development.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from django.conf import settings
from django.core.exceptions import BadRequest, PermissionDenied, SuspiciousOperation
from django.http import Http404, HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import render
from django.views import defaults

from gongkai.web.accounts.permissions import OutOfScope

logger = logging.getLogger("gongkai.web.errors")


class OutOfScopeMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_exception(self, request: HttpRequest, exception: Exception) -> HttpResponse | None:
        if isinstance(exception, OutOfScope):
            return render(request, "404.html", {"exception": str(exception)}, status=404)
        return None


def _replacing() -> bool:
    """Only with DEBUG on: without it Django already renders these pages itself."""
    return bool(settings.DEBUG and not getattr(settings, "GONGKAI_TECHNICAL_ERRORS", False))


class ChineseErrorPagesMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponseBase]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        response = self.get_response(request)
        # No URL matched: the 404 came from the resolver, so it is Django's technical page.
        if response.status_code == 404 and _replacing() and request.resolver_match is None:
            return defaults.page_not_found(request, Http404())
        return response

    def process_exception(
        self, request: HttpRequest, exception: Exception
    ) -> HttpResponseBase | None:
        if not _replacing():
            return None
        if isinstance(exception, Http404):
            return defaults.page_not_found(request, exception)
        if isinstance(exception, PermissionDenied):
            return defaults.permission_denied(request, exception)
        if isinstance(exception, (BadRequest, SuspiciousOperation)):
            return defaults.bad_request(request, exception)
        # the traceback still reaches the developer's console
        logger.error("未处理的异常：%s %s", request.method, request.path, exc_info=exception)
        return defaults.server_error(request)
