"""Bearer-token authentication of the private endpoints (``Authorization: Bearer gk_…``)."""

from __future__ import annotations

from django.http import HttpRequest
from ninja.security import HttpBearer

from gongkai.web.accounts.throttling import client_ip
from gongkai.web.api import services
from gongkai.web.api.models import ApiToken


class TokenAuth(HttpBearer):
    openapi_description = "工作人员在“接口令牌”页面创建的令牌：Authorization: Bearer gk_…"

    def authenticate(self, request: HttpRequest, token: str) -> ApiToken | None:
        return services.authenticate(token, path=request.get_full_path(), ip=client_ip(request))
