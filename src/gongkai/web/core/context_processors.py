from __future__ import annotations

from typing import Any

from django.conf import settings
from django.http import HttpRequest

from gongkai.web.api.permissions import may_hold_tokens


def platform(request: HttpRequest) -> dict[str, Any]:
    user = getattr(request, "user", None)
    return {
        "platform_name": settings.PLATFORM_NAME,
        # the user box links the API token page for those who may create tokens
        "may_hold_api_tokens": user is not None and may_hold_tokens(user),
    }
