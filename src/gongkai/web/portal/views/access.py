"""Which submissions this browser may see: those it submitted or unlocked with the code.

The grant lives in the session (it ends with the browser, like a staff login); the access
code itself is never stored, only shown once after submitting.
"""

from __future__ import annotations

from django.http import HttpRequest

from gongkai.web.portal.models import OnlineApplication

GRANTS = "portal_access"
NEW_CODES = "portal_new_codes"
MAX_GRANTS = 20


def grant(request: HttpRequest, application: OnlineApplication) -> None:
    held = [pk for pk in request.session.get(GRANTS, []) if pk != application.pk]
    request.session[GRANTS] = [*held[-(MAX_GRANTS - 1) :], application.pk]


def granted(request: HttpRequest, application: OnlineApplication) -> bool:
    return application.pk in request.session.get(GRANTS, [])


def revoke_all(request: HttpRequest) -> None:
    request.session.pop(GRANTS, None)
    request.session.pop(NEW_CODES, None)


def keep_code(request: HttpRequest, application: OnlineApplication, code: str) -> None:
    codes = dict(request.session.get(NEW_CODES, {}))
    codes[application.tracking_number] = code
    request.session[NEW_CODES] = codes


def take_code(request: HttpRequest, application: OnlineApplication) -> str | None:
    """The new access code, once: it is gone from the session after this call."""
    codes = dict(request.session.get(NEW_CODES, {}))
    code: str | None = codes.pop(application.tracking_number, None)
    if code is not None:
        request.session[NEW_CODES] = codes
    return code
