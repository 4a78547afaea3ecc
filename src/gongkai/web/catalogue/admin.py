"""Catalogue entries are read-only here: registration, the secrecy review, publication and
validity go through the 主动公开 pages, whose services compute the Art. 26 due date and
keep the review before publication."""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.http import HttpRequest

from gongkai.web.catalogue.models import CatalogueColumn, DisclosureItem
from gongkai.web.core.admin_site import ReadOnlyAdmin


@admin.register(CatalogueColumn)
class CatalogueColumnAdmin(admin.ModelAdmin):
    """A column may be renamed or reordered here; its agency and category are fixed once
    it exists (the entries filed under it were registered for that agency and category)."""

    list_display = ("name", "agency", "category", "order")
    search_fields = ("name", "agency__name")
    autocomplete_fields = ("agency",)

    def get_readonly_fields(self, request: HttpRequest, obj: Any = None) -> Any:
        return ("agency", "category") if obj is not None else ()


@admin.register(DisclosureItem)
class DisclosureItemAdmin(ReadOnlyAdmin):
    staff_note = (
        "此处仅供查看。主动公开信息请在“主动公开”页面登记、保密审查、发布和标注效力，"
        "平台据此计算第二十六条规定的公开期限。"
    )
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
