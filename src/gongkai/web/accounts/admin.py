from __future__ import annotations

from django.contrib import admin
from django.contrib.auth import admin as auth_admin
from django.contrib.auth import forms as auth_forms
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect

from gongkai.web.accounts.models import AccountEvent, LoginFailure, User


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
        ("机关与角色", {"fields": ("agency", "role", "is_active", "must_change_password")}),
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
    readonly_fields = ("last_login", "date_joined", "must_change_password")

    def user_change_password(
        self, request: HttpRequest, id: str, form_url: str = ""
    ) -> HttpResponse:
        # The platform's reset: a temporary password, changed at next login, audited.
        return redirect("accounts:password_reset", int(id))


@admin.register(LoginFailure)
class LoginFailureAdmin(admin.ModelAdmin):
    list_display = ("username", "ip_address", "at")
    search_fields = ("username", "ip_address")
    readonly_fields = ("username", "ip_address", "at")

    def has_add_permission(self, request: object) -> bool:
        return False


@admin.register(AccountEvent)
class AccountEventAdmin(admin.ModelAdmin):
    list_display = ("at", "user", "kind", "actor", "ip_address")
    list_filter = ("kind",)
    search_fields = ("user__username", "actor__username")
    readonly_fields = ("user", "actor", "kind", "ip_address", "at")

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False
