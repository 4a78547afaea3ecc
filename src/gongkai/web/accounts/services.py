"""The only code that writes users."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.hashers import identify_hasher
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction

from gongkai.web.accounts.models import AccountEvent, User
from gongkai.web.accounts.roles import ROLES
from gongkai.web.agencies.models import Agency


@transaction.atomic
def create_user(
    *,
    username: str,
    password: str,
    full_name: str,
    role: str,
    agency: Agency | None,
    prehashed: str | None = None,
    **fields: Any,
) -> User:
    """Create a user after checking the role, the agency and the password rules.

    ``prehashed`` is the stored hash of ``password`` when the caller already has it (the
    demo gives many accounts one password; hashing is deliberately slow).
    """
    user = User(username=username, full_name=full_name, role=role, agency=agency, **fields)
    _check_role(user)
    _set_password(user, password, prehashed)
    user.full_clean()
    user.save()
    return user


@transaction.atomic
def update_user(
    user: User, *, password: str | None = None, prehashed: str | None = None, **changes: Any
) -> User:
    for field, value in changes.items():
        setattr(user, field, value)
    _check_role(user)
    if password is not None:
        _set_password(user, password, prehashed)
    user.full_clean()
    user.save()
    return user


def _set_password(user: User, password: str, prehashed: str | None) -> None:
    validate_password(password, user)
    if prehashed is None:
        user.set_password(password)
    else:
        identify_hasher(prehashed)  # a stored hash, not a plain password by mistake
        user.password = prehashed


def _check_role(user: User) -> None:
    role = ROLES.get(user.role)
    if role is None:
        raise ValidationError({"role": f"未知的角色：{user.role}"})
    if role.needs_agency and user.agency_id is None:
        raise ValidationError({"agency": f"{role.label}必须属于一个机关。"})


@transaction.atomic
def change_password(user: User, new_password: str, *, ip: str | None = None) -> User:
    """The user sets a new password (checked against the rules); a reset's obligation to
    change it ends, and the change is in the audit trail."""
    _set_password(user, new_password, None)
    user.must_change_password = False
    user.save(update_fields=["password", "must_change_password"])
    AccountEvent.objects.create(user=user, actor=user, kind="password_changed", ip_address=ip)
    return user


@transaction.atomic
def reset_password(user: User, by: User, temporary_password: str, *, ip: str | None = None) -> User:
    """An administrator gives ``user`` a temporary password, to be changed at next login.
    The user's sessions end (Django ties them to the password hash)."""
    if not by.is_platform_admin:
        raise PermissionDenied("只有系统管理员可以重置密码。")
    _set_password(user, temporary_password, None)
    user.must_change_password = True
    user.save(update_fields=["password", "must_change_password"])
    AccountEvent.objects.create(user=user, actor=by, kind="password_reset", ip_address=ip)
    return user
