"""Admin: read-only views for IT support (submissions are changed through services only)."""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.http import HttpRequest

from gongkai.web.portal.models import LookupFailure, OnlineApplication


class ReadOnlyAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


@admin.register(OnlineApplication)
class OnlineApplicationAdmin(ReadOnlyAdmin):
    # no personal data here: IT support sees the bookkeeping, the agency sees the case
    list_display = ("tracking_number", "agency", "submitted_at", "case", "confirmed_at")
    fields = ("tracking_number", "agency", "submitted_at", "submitted_on", "case", "confirmed_at")
    readonly_fields = fields
    list_filter = ("submitted_on",)
    search_fields = ("tracking_number",)


@admin.register(LookupFailure)
class LookupFailureAdmin(ReadOnlyAdmin):
    list_display = ("tracking_number", "ip_address", "at")
    search_fields = ("tracking_number", "ip_address")
