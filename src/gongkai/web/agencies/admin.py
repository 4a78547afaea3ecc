from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import admin
from django.http import HttpRequest

from gongkai.web.agencies import services
from gongkai.web.agencies.models import Agency


class AgencyAdminForm(forms.ModelForm):
    website = forms.URLField(label="门户网站", required=False, assume_scheme="https")

    class Meta:
        model = Agency
        fields = "__all__"

    def clean_parent(self) -> Agency | None:
        parent: Agency | None = self.cleaned_data.get("parent")
        if parent is not None and self.instance.pk and parent.is_in_subtree_of(self.instance):
            raise forms.ValidationError("上级机关不能是该机关本身或它的下级机关。")
        return parent


@admin.register(Agency)
class AgencyAdmin(admin.ModelAdmin):
    form = AgencyAdminForm
    list_display = ("indented_name", "kind", "credit_code", "office_phone", "is_active")
    list_filter = ("kind", "level", "is_active")
    search_fields = ("name", "short_name", "credit_code")
    autocomplete_fields = ("parent",)
    readonly_fields = ("level", "path", "created_at", "updated_at")
    list_per_page = 100
    fieldsets = (
        (None, {"fields": ("name", "short_name", "kind", "parent", "credit_code", "is_active")}),
        (
            "政府信息公开工作机构",
            {
                "fields": (
                    "office_name",
                    "office_address",
                    "office_postcode",
                    "office_phone",
                    "office_email",
                    "office_hours",
                    "website",
                )
            },
        ),
        ("树结构", {"fields": ("level", "path", "created_at", "updated_at")}),
    )

    @admin.display(description="机关名称", ordering="path")
    def indented_name(self, agency: Agency) -> str:
        return "　" * agency.level + agency.name

    def save_model(self, request: HttpRequest, obj: Agency, form: Any, change: bool) -> None:
        if not change:
            services.add_agency(obj)
            return
        obj.save()
        if "parent" in form.changed_data:
            services.move_agency(obj, obj.parent)
