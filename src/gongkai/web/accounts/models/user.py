"""Platform users: every user belongs to one agency (administrators may not) and has a role."""

from __future__ import annotations

from typing import Any, ClassVar

from django.contrib.auth.models import AbstractBaseUser, PermissionsMixin, UserManager
from django.contrib.auth.validators import UnicodeUsernameValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone

from gongkai.web.accounts.roles import ROLE_CHOICES, ROLES, Role


class PlatformUserManager(UserManager["User"]):
    def create_superuser(
        self, username: str, email: str | None = None, password: str | None = None, **extra: Any
    ) -> User:
        extra["role"] = "admin"
        return self._create_user(username, email, password, **extra)

    def _create_user(
        self, username: str, email: str | None, password: str | None, **extra: Any
    ) -> User:
        user = self.model(username=username, email=self.normalize_email(email or ""), **extra)
        user.set_password(password)
        user.save(using=self._db)
        return user


class User(AbstractBaseUser, PermissionsMixin):
    username = models.CharField(
        "用户名",
        max_length=64,
        unique=True,
        validators=[UnicodeUsernameValidator()],
        help_text="字母、数字和 @/./+/-/_，登录时使用。",
        error_messages={"unique": "该用户名已被使用。"},
    )
    full_name = models.CharField("姓名", max_length=60)
    email = models.EmailField("电子邮箱", blank=True)
    phone = models.CharField("电话", max_length=40, blank=True)
    agency = models.ForeignKey(
        "agencies.Agency",
        verbose_name="所属机关",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="users",
    )
    role = models.CharField("角色", max_length=16, choices=ROLE_CHOICES, default="handler")
    is_active = models.BooleanField("在用", default=True)
    # set by an administrator's reset: the temporary password must be replaced at next login
    must_change_password = models.BooleanField("须修改密码", default=False)
    date_joined = models.DateTimeField("创建时间", default=timezone.now)

    # The role decides access to the administration site; the flags are not stored twice.
    is_superuser = property(lambda self: self.role == "admin")

    objects = PlatformUserManager()

    USERNAME_FIELD = "username"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS: ClassVar[list[str]] = ["full_name"]

    class Meta:
        verbose_name = "用户"
        verbose_name_plural = "用户"
        ordering = ("agency__path", "username")
        constraints = (
            models.CheckConstraint(
                condition=Q(role="admin") | Q(agency__isnull=False),
                name="user_agency_required_unless_admin",
                violation_error_message="除系统管理员外，每个用户都必须属于一个机关。",
            ),
        )

    def __str__(self) -> str:
        return f"{self.full_name}（{self.username}）" if self.full_name else self.username

    @property
    def role_info(self) -> Role:
        return ROLES[self.role]

    @property
    def is_staff(self) -> bool:
        return self.role == "admin"

    @property
    def is_platform_admin(self) -> bool:
        return self.role == "admin"

    def get_full_name(self) -> str:
        return self.full_name

    def get_short_name(self) -> str:
        return self.full_name or self.username
