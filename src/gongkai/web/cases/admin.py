"""Administration: case files are read-only here (changes go through the case pages and
their services, so the log and the audit trail stay complete); settings are editable."""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.http import HttpRequest

from gongkai.web.cases.models import AuditEntry, Case, CaseEvent, CaseSettings, LetterTemplate
from gongkai.web.core.admin_site import ReadOnlyAdmin


class CaseEventInline(admin.TabularInline):
    model = CaseEvent
    fields = ("seq", "date", "kind", "data", "actor", "recorded_at")
    readonly_fields = fields
    extra = 0
    can_delete = False

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


@admin.register(Case)
class CaseAdmin(ReadOnlyAdmin):
    list_display = ("number", "agency", "state", "received", "reply_due", "replied_on", "outcome")
    list_filter = ("state", "channel", "applicant_type")
    search_fields = ("number",)
    list_select_related = ("agency",)
    show_full_result_count = False
    inlines = (CaseEventInline,)
    exclude = ("applicant_key",)


@admin.register(AuditEntry)
class AuditEntryAdmin(ReadOnlyAdmin):
    list_display = ("at", "agency", "case", "actor", "action")
    list_filter = ("action",)
    list_select_related = ("agency", "case", "actor")
    show_full_result_count = False
    # IT support sees who changed what, not the applicants' personal data (case page rule)
    exclude = ("changes",)
    readonly_fields = ("changes_masked",)

    @admin.display(description="变更")
    def changes_masked(self, obj: AuditEntry) -> str:
        from gongkai.web.cases.changelog import masked_changes

        return masked_changes(obj)


@admin.register(CaseSettings)
class CaseSettingsAdmin(admin.ModelAdmin):
    list_display = ("agency", "review_body", "court", "number_prefix")


@admin.register(LetterTemplate)
class LetterTemplateAdmin(ReadOnlyAdmin):
    """Templates are edited on the 文书模板 page, where they are checked before saving."""

    staff_note = "此处仅供查看。文书模板请在“文书模板”页面编辑，保存前会检查模板。"

    list_display = ("agency", "letter_type", "updated_at", "updated_by")
