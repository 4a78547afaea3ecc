"""Changing one's own password; an administrator's reset to a temporary password."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth import update_session_auth_hash
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_http_methods

from gongkai.web.accounts.forms import PasswordChangeForm, TemporaryPasswordForm
from gongkai.web.accounts.models import User
from gongkai.web.accounts.throttling import client_ip
from gongkai.web.core.requests import StaffRequest


@require_http_methods(["GET", "POST"])
def password_change(request: StaffRequest) -> HttpResponse:
    form = PasswordChangeForm(request.user, request.POST or None)
    if request.method == "POST" and form.is_valid():
        user = form.save(ip=client_ip(request))
        update_session_auth_hash(request, user)  # this session stays signed in
        messages.success(request, "密码已修改。")
        return redirect("core:home")
    return render(request, "accounts/password_change.html", {"form": form})


@require_http_methods(["GET", "POST"])
def password_reset(request: StaffRequest, pk: int) -> HttpResponse:
    if not request.user.is_platform_admin:
        raise PermissionDenied("只有系统管理员可以重置密码。")
    target = get_object_or_404(User, pk=pk)
    form = TemporaryPasswordForm(target, request.POST or None)
    if request.method == "POST" and form.is_valid():
        form.save(by=request.user, ip=client_ip(request))
        messages.success(
            request,
            f"已为 {target} 设置临时密码；其原有登录已失效，下次登录时须先修改密码。",
        )
        return redirect("admin:accounts_user_change", target.pk)
    return render(request, "accounts/password_reset.html", {"form": form, "target": target})
