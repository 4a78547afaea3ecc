from __future__ import annotations

from django.contrib import admin

from gongkai.web.catalogue.models import CatalogueColumn, DisclosureItem


@admin.register(CatalogueColumn)
class CatalogueColumnAdmin(admin.ModelAdmin):
    list_display = ("name", "agency", "category", "order")
    search_fields = ("name", "agency__name")
    autocomplete_fields = ("agency",)


@admin.register(DisclosureItem)
class DisclosureItemAdmin(admin.ModelAdmin):
    list_display = (
        "index_number",
        "title",
        "agency",
        "category",
        "formed",
        "due",
        "published",
        "validity",
    )
    list_filter = ("category", "validity")
    search_fields = ("index_number", "title", "document_number", "agency__name")
    date_hierarchy = "formed"
    autocomplete_fields = ("agency",)
    readonly_fields = (
        "due",
        "due_provisional",
        "secrecy_reviewed_by",
        "secrecy_reviewed_at",
        "created_by",
        "created_at",
        "updated_at",
    )
