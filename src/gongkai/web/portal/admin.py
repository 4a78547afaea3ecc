"""Admin: read-only views for IT support (submissions are changed through services only)."""

from __future__ import annotations

from django.contrib import admin

from gongkai.web.core.admin_site import ReadOnlyAdmin
from gongkai.web.portal.models import LookupFailure, OnlineApplication, OnlineCorrection


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


@admin.register(OnlineCorrection)
class OnlineCorrectionAdmin(ReadOnlyAdmin):
    # bookkeeping only: the text and the file are the applicant's, read in the case file
    list_display = ("application", "submitted_at", "file_size", "confirmed_at", "declined_at")
    fields = ("application", "submitted_at", "submitted_on", "file_size", "received_on")
    readonly_fields = fields
    search_fields = ("application__tracking_number",)
