"""The administration site: only users with the 系统管理员 role may enter."""

from __future__ import annotations

from django.contrib import admin
from django.http import HttpRequest


class GongkaiAdminSite(admin.AdminSite):
    site_header = "政务公开工作平台 · 系统管理"
    site_title = "系统管理"
    index_title = "系统管理"

    def has_permission(self, request: HttpRequest) -> bool:
        user = request.user
        return bool(user.is_active and getattr(user, "is_platform_admin", False))
