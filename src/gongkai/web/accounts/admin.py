from __future__ import annotations

from django.contrib import admin
from django.contrib.auth import admin as auth_admin
from django.contrib.auth import forms as auth_forms

from gongkai.web.accounts.models import LoginFailure, User


class UserChangeForm(auth_forms.UserChangeForm):
    class Meta:
        model = User
        fields = "__all__"


class UserCreationForm(auth_forms.AdminUserCreationForm):
    class Meta:
        model = User
        fields = ("username", "full_name", "agency", "role")


@admin.register(User)
class UserAdmin(auth_admin.UserAdmin):
    form = UserChangeForm
    add_form = UserCreationForm
    list_display = ("username", "full_name", "agency", "role", "is_active", "last_login")
    list_filter = ("role", "is_active", "agency__kind")
    search_fields = ("username", "full_name", "agency__name")
    ordering = ("agency__path", "username")
    autocomplete_fields = ("agency",)
    filter_horizontal = ()
    fieldsets = (
        (None, {"fields": ("username", "password")}),
        ("个人信息", {"fields": ("full_name", "email", "phone")}),
        ("机关与角色", {"fields": ("agency", "role", "is_active")}),
        ("时间", {"fields": ("last_login", "date_joined")}),
    )
    add_fieldsets = (
        (
            None,
            {
                "classes": ("wide",),
                "fields": ("username", "full_name", "agency", "role", "password1", "password2"),
            },
        ),
    )
    readonly_fields = ("last_login", "date_joined")


@admin.register(LoginFailure)
class LoginFailureAdmin(admin.ModelAdmin):
    list_display = ("username", "ip_address", "at")
    search_fields = ("username", "ip_address")
    readonly_fields = ("username", "ip_address", "at")

    def has_add_permission(self, request: object) -> bool:
        return False
