"""Static files served by the platform itself, in every mode (offline intranets, no CDN).

Collected files under STATIC_ROOT win; otherwise the app folders are searched, so a fresh
checkout works without ``collectstatic``.
"""

from __future__ import annotations

import posixpath
from pathlib import Path

from django.conf import settings
from django.contrib.auth.decorators import login_not_required
from django.contrib.staticfiles import finders
from django.http import Http404, HttpRequest
from django.http.response import HttpResponseBase
from django.views.decorators.http import require_safe
from django.views.static import serve

_MAX_AGE = 3600


@login_not_required
@require_safe
def static_file(request: HttpRequest, path: str) -> HttpResponseBase:
    relative = posixpath.normpath(path).lstrip("/")
    if relative.startswith("..") or "\x00" in relative:
        raise Http404
    root = Path(settings.STATIC_ROOT) if settings.STATIC_ROOT else None
    if root is not None and (root / relative).is_file():
        response = serve(request, relative, document_root=str(root))
    else:
        found = finders.find(relative)
        if not found or isinstance(found, list):
            raise Http404
        located = Path(found)
        response = serve(request, located.name, document_root=str(located.parent))
    response["Cache-Control"] = f"public, max-age={_MAX_AGE}"
    return response


FAVICON = "gongkai/img/favicon.ico"  # the emblem (emblem.svg) as an icon file


@login_not_required
@require_safe
def favicon(request: HttpRequest) -> HttpResponseBase:
    """Browsers ask for /favicon.ico whatever the pages link; answer with the emblem."""
    return static_file(request, FAVICON)
