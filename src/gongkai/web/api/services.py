"""The only code that writes tokens: create (secret shown once), revoke, and each use,
every one of them recorded in the token's audit trail."""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from gongkai.web.api.models import ApiToken, ApiTokenEvent
from gongkai.web.api.permissions import may_revoke, token_scopes

SECRET_PREFIX = "gk_"
PREFIX_LENGTH = 10


def secret_hash(secret: str) -> str:
    return hashlib.sha256(secret.encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class Issued:
    token: ApiToken
    secret: str  # shown to its creator once, never stored


@transaction.atomic
def create_token(*, name: str, scope: str, by: Any, ip: str | None = None) -> Issued:
    allowed = token_scopes(by)
    if not allowed:
        raise PermissionDenied("只有负责人和主管可以创建接口令牌。")
    if scope not in allowed:
        raise ValidationError(f"您不能创建数据范围为“{scope}”的令牌。")
    name = name.strip()
    if not name:
        raise ValidationError("请填写令牌的用途说明。")
    secret = SECRET_PREFIX + secrets.token_urlsafe(32)
    token = ApiToken.objects.create(
        name=name,
        agency_id=by.agency_id,
        scope=scope,
        prefix=secret[:PREFIX_LENGTH],
        secret_hash=secret_hash(secret),
        created_by=by,
    )
    ApiTokenEvent.objects.create(token=token, kind="created", actor=by, ip_address=ip)
    return Issued(token, secret)


@transaction.atomic
def revoke_token(token: ApiToken, *, by: Any, ip: str | None = None) -> ApiToken:
    token = ApiToken.objects.select_for_update().get(pk=token.pk)
    if not may_revoke(by, token):
        raise PermissionDenied("您无权吊销该令牌。")
    if token.revoked_at is not None:
        raise ValidationError("该令牌已经吊销。")
    token.revoked_at = timezone.now()
    token.revoked_by = by
    token.save(update_fields=["revoked_at", "revoked_by"])
    ApiTokenEvent.objects.create(token=token, kind="revoked", actor=by, ip_address=ip)
    return token


def authenticate(secret: str, *, path: str, ip: str | None) -> ApiToken | None:
    """The active token with this secret, its use recorded; None for an unknown, revoked
    or orphaned token (its creator deactivated)."""
    if not secret.startswith(SECRET_PREFIX):
        return None
    token = (
        ApiToken.objects.select_related("created_by", "created_by__agency", "agency")
        .filter(secret_hash=secret_hash(secret), revoked_at__isnull=True)
        .first()
    )
    if token is None or not token.created_by.is_active:
        return None
    now = timezone.now()
    ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)
    ApiTokenEvent.objects.create(token=token, kind="used", path=path[:300], ip_address=ip)
    return token
