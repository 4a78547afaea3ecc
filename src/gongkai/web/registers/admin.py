from __future__ import annotations

from django.contrib import admin

from gongkai.web.registers.models import RegulatoryDocument, YearFigure


@admin.register(RegulatoryDocument)
class RegulatoryDocumentAdmin(admin.ModelAdmin):
    list_display = ("title", "kind", "document_number", "agency", "issued", "ended", "end_reason")
    list_filter = ("kind", "end_reason")
    search_fields = ("title", "document_number", "agency__name")
    date_hierarchy = "issued"
    autocomplete_fields = ("agency",)
    readonly_fields = ("created_by", "created_at", "updated_at")


@admin.register(YearFigure)
class YearFigureAdmin(admin.ModelAdmin):
    list_display = ("agency", "year", "licensing", "penalty", "coercion", "fees_10k_yuan", "source")
    list_filter = ("year",)
    search_fields = ("agency__name",)
    autocomplete_fields = ("agency",)
    readonly_fields = ("entered_by", "updated_at")
