"""Agencies as a tree stored with a materialised path.

``path`` is the concatenation of the zero-padded primary keys from the root down to the
agency itself (7 digits each), so a whole subtree is one indexed range query
``low <= path < high`` — the same on SQLite and PostgreSQL, with no recursive walk. Only
digits are used, so every database collation orders paths like plain strings.
"""

from __future__ import annotations

from typing import Any

from django.db import models
from django.db.models import Q

from gongkai.agency_kinds import AGENCY_KINDS
from gongkai.web.agencies.validators import validate_credit_code

SEGMENT_WIDTH = 7
MAX_DEPTH = 36
KIND_CHOICES = [(kind.key, kind.label) for kind in AGENCY_KINDS.values()]


def path_segment(pk: int) -> str:
    if not 0 < pk < 10**SEGMENT_WIDTH:
        raise ValueError(f"agency id {pk} does not fit a {SEGMENT_WIDTH}-digit path segment")
    return f"{pk:0{SEGMENT_WIDTH}d}"


def subtree_bounds(path: str) -> tuple[str, str]:
    """The half-open range ``[low, high)`` of the paths in the subtree rooted at ``path``."""
    head, last = path[:-SEGMENT_WIDTH], int(path[-SEGMENT_WIDTH:])
    # Incrementing the last segment keeps the length: ids stay below 10**SEGMENT_WIDTH - 1.
    return path, head + f"{last + 1:0{SEGMENT_WIDTH}d}"


def path_ids(path: str) -> list[int]:
    """The primary keys from the root down to the agency the path belongs to."""
    return [int(path[i : i + SEGMENT_WIDTH]) for i in range(0, len(path), SEGMENT_WIDTH)]


class AgencyQuerySet(models.QuerySet["Agency"]):
    def subtree(self, root: Agency, *, include_self: bool = True) -> AgencyQuerySet:
        return self.filter(in_subtree_q(root, include_self=include_self))

    def ancestors_of(self, agency: Agency) -> AgencyQuerySet:
        return self.filter(pk__in=path_ids(agency.path)[:-1]).order_by("level")

    def in_tree_order(self) -> AgencyQuerySet:
        return self.order_by("path")


def in_subtree_q(root: Agency, *, prefix: str = "", include_self: bool = True) -> Q:
    """A filter for rows whose agency (reached through ``prefix``, e.g. ``"agency__"``) lies
    in ``root``'s subtree."""
    low, high = subtree_bounds(root.path)
    q = Q(**{f"{prefix}path__gte": low, f"{prefix}path__lt": high})
    if not include_self:
        q &= ~Q(**{f"{prefix}pk": root.pk})
    return q


class Agency(models.Model):
    name = models.CharField("机关名称", max_length=120)
    short_name = models.CharField("简称", max_length=60, blank=True)
    kind = models.CharField("机关类型", max_length=32, choices=KIND_CHOICES)
    parent = models.ForeignKey(
        "self",
        verbose_name="上级机关",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
    )
    path = models.CharField("树路径", max_length=SEGMENT_WIDTH * MAX_DEPTH, editable=False)
    level = models.PositiveSmallIntegerField("层级", default=0, editable=False)
    credit_code = models.CharField(
        "统一社会信用代码", max_length=18, blank=True, validators=[validate_credit_code]
    )
    office_name = models.CharField(
        "政府信息公开工作机构", max_length=120, blank=True, help_text="例如：办公室（政务公开科）"
    )
    office_address = models.CharField("办公地址", max_length=200, blank=True)
    office_postcode = models.CharField("邮政编码", max_length=6, blank=True)
    office_phone = models.CharField("联系电话", max_length=40, blank=True)
    office_email = models.EmailField("电子邮箱", blank=True)
    office_hours = models.CharField("办公时间", max_length=120, blank=True)
    website = models.URLField("门户网站", blank=True)
    is_active = models.BooleanField("在用", default=True)
    created_at = models.DateTimeField("创建时间", auto_now_add=True)
    updated_at = models.DateTimeField("更新时间", auto_now=True)

    objects = AgencyQuerySet.as_manager()

    class Meta:
        verbose_name = "机关"
        verbose_name_plural = "机关"
        ordering = ("path",)
        indexes = (models.Index(fields=["path"], name="agency_path_idx"),)
        constraints = (
            models.UniqueConstraint(fields=["path"], name="agency_path_unique"),
            models.UniqueConstraint(
                fields=["parent", "name"], name="agency_name_unique_per_parent"
            ),
            models.UniqueConstraint(
                fields=["name"], condition=Q(parent__isnull=True), name="agency_root_name_unique"
            ),
            models.UniqueConstraint(
                fields=["credit_code"],
                condition=~Q(credit_code=""),
                name="agency_credit_code_unique",
            ),
        )

    def __str__(self) -> str:
        return self.name

    @property
    def kind_info(self) -> Any:
        return AGENCY_KINDS[self.kind]

    @property
    def report_deadline(self) -> str:
        month, day = self.kind_info.deadline
        return f"次年 {month} 月 {day} 日前"

    @property
    def display_name(self) -> str:
        return self.short_name or self.name

    def is_in_subtree_of(self, root: Agency) -> bool:
        low, high = subtree_bounds(root.path)
        return low <= self.path < high

    def ancestor_ids(self) -> list[int]:
        return path_ids(self.path)[:-1]

    def contact_lines(self) -> list[tuple[str, str]]:
        """The disclosure office's contact details as they appear on letters and reports."""
        fields = (
            ("政府信息公开工作机构", self.office_name),
            ("办公地址", self.office_address),
            ("邮政编码", self.office_postcode),
            ("联系电话", self.office_phone),
            ("电子邮箱", self.office_email),
            ("办公时间", self.office_hours),
            ("门户网站", self.website),
        )
        return [(label, value) for label, value in fields if value]
