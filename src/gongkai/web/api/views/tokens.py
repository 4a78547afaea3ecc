"""The staff page of API tokens: create (the secret shown once), list, revoke."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_http_methods, require_POST

from gongkai.web.accounts.throttling import client_ip
from gongkai.web.api import services
from gongkai.web.api.forms import TokenForm
from gongkai.web.api.permissions import may_hold_tokens, visible_tokens
from gongkai.web.core.errors import error_text
from gongkai.web.core.requests import StaffRequest


@require_http_methods(["GET", "POST"])
def token_list(request: StaffRequest) -> HttpResponse:
    user = request.user
    if not may_hold_tokens(user):
        raise PermissionDenied("只有负责人和主管可以管理接口令牌。")
    form = TokenForm(user, request.POST or None)
    issued = None
    if request.method == "POST" and form.is_valid():
        try:
            issued = services.create_token(
                name=form.cleaned_data["name"],
                scope=form.cleaned_data["scope"],
                by=user,
                ip=client_ip(request),
            )
        except ValidationError as exc:
            form.add_error(None, error_text(exc))
        else:
            form = TokenForm(user)
    tokens = visible_tokens(user).select_related("agency", "created_by", "revoked_by")
    context = {"form": form, "issued": issued, "tokens": tokens}
    response = render(request, "api/tokens.html", context)
    response["Cache-Control"] = "no-store"  # the page may hold a secret shown once
    return response


@require_POST
def token_revoke(request: StaffRequest, pk: int) -> HttpResponse:
    token = get_object_or_404(visible_tokens(request.user), pk=pk)
    try:
        services.revoke_token(token, by=request.user, ip=client_ip(request))
    except ValidationError as exc:
        messages.error(request, error_text(exc))
    else:
        messages.success(request, f"令牌“{token.name}”已吊销，使用它的请求将被拒绝。")
    return redirect("api:tokens")
