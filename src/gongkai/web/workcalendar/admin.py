from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.http import HttpRequest

from gongkai.web.workcalendar.models import CalendarOverride, HolidayNotice


class CalendarOverrideInline(admin.TabularInline):
    model = CalendarOverride
    extra = 3
    fields = ("date", "is_workday", "name")


@admin.register(HolidayNotice)
class HolidayNoticeAdmin(admin.ModelAdmin):
    list_display = ("document_number", "title", "year", "published_on", "loaded_at", "loaded_by")
    list_filter = ("year",)
    search_fields = ("document_number", "title")
    readonly_fields = ("loaded_at", "loaded_by")
    inlines = (CalendarOverrideInline,)

    def save_model(self, request: HttpRequest, obj: HolidayNotice, form: Any, change: bool) -> None:
        if not change:
            obj.loaded_by = request.user  # type: ignore[assignment]
        super().save_model(request, obj, form, change)


@admin.register(CalendarOverride)
class CalendarOverrideAdmin(admin.ModelAdmin):
    list_display = ("date", "name", "is_workday", "notice")
    list_filter = ("is_workday", "notice__year")
    date_hierarchy = "date"
    search_fields = ("name", "notice__document_number")
