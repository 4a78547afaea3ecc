from __future__ import annotations

from django.contrib import admin

from gongkai.web.reviews.models import DisclosureReview


@admin.register(DisclosureReview)
class DisclosureReviewAdmin(admin.ModelAdmin):
    list_display = ("__str__", "agency", "kind", "filed", "concluded", "result", "reopened_case")
    list_filter = ("kind", "result")
    search_fields = ("reference", "applicant", "agency__name", "case_reference")
    date_hierarchy = "filed"
    autocomplete_fields = ("agency",)
    readonly_fields = ("created_by", "created_at", "updated_at")
