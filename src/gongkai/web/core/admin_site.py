"""The administration site: only users with the 系统管理员 role may enter.

:class:`ReadOnlyAdmin` is for the records that the platform's own pages change through
their services (case files, review results, the catalogue, the registers …): the admin
shows them to IT support but refuses every add, change and delete, and says where the
record is handled instead.
"""

from __future__ import annotations

from typing import Any

from django.contrib import admin, messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect


class GongkaiAdminSite(admin.AdminSite):
    site_header = "政务公开工作平台 · 系统管理"
    site_title = "系统管理"
    index_title = "系统管理"

    def has_permission(self, request: HttpRequest) -> bool:
        user = request.user
        return bool(user.is_active and getattr(user, "is_platform_admin", False))

    def password_change(  # type: ignore[override]  # a redirect, not the admin's form
        self, request: HttpRequest, extra_context: dict[str, Any] | None = None
    ) -> HttpResponse:
        # One password change for everyone: the platform's, which is audited.
        return redirect("accounts:password_change")


class ReadOnlyAdmin(admin.ModelAdmin):
    """View only. ``staff_note`` names the staff page where the record is changed."""

    staff_note = "此处仅供查看；请在平台的业务页面办理，以便经过校验并留下记录。"

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def _note(self, request: HttpRequest) -> None:
        if request.method == "GET" and self.staff_note:
            self.message_user(request, self.staff_note, messages.INFO)

    def changelist_view(
        self, request: HttpRequest, extra_context: dict[str, Any] | None = None
    ) -> HttpResponse:
        self._note(request)
        return super().changelist_view(request, extra_context)

    def change_view(
        self,
        request: HttpRequest,
        object_id: str,
        form_url: str = "",
        extra_context: dict[str, Any] | None = None,
    ) -> HttpResponse:
        self._note(request)
        return super().change_view(request, object_id, form_url, extra_context)
