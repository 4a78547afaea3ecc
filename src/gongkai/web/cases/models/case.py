"""A disclosure application (案件) and its cached, clock-derived columns."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q

from gongkai.web.cases.choices import (
    APPLICANT_TYPE_CHOICES,
    CHANNEL_CHOICES,
    DELIVERY_CHOICES,
    FORM_CHOICES,
    ID_TYPE_CHOICES,
    STATE_CHOICES,
)


class Case(models.Model):
    agency = models.ForeignKey(
        "agencies.Agency", verbose_name="受理机关", on_delete=models.PROTECT, related_name="cases"
    )
    number = models.CharField("编号", max_length=40)
    channel = models.CharField("提交渠道", max_length=20, choices=CHANNEL_CHOICES)
    oral = models.BooleanField("口头提出（工作人员代为填写）", default=False)
    # the applicant (Art. 29): personal data, visible to the agency's staff only
    applicant_type = models.CharField("申请人类型", max_length=20, choices=APPLICANT_TYPE_CHOICES)
    applicant_name = models.CharField("申请人姓名或名称", max_length=120)
    applicant_organisation = models.CharField("所在单位", max_length=120, blank=True)
    id_type = models.CharField("证件类型", max_length=20, choices=ID_TYPE_CHOICES)
    id_number = models.CharField("证件号码", max_length=40)
    legal_representative = models.CharField("法定代表人或负责人", max_length=60, blank=True)
    phone = models.CharField("联系电话", max_length=40, blank=True)
    email = models.EmailField("电子邮箱", blank=True)
    address = models.CharField("通信地址", max_length=200, blank=True)
    postcode = models.CharField("邮政编码", max_length=6, blank=True)
    # normalised name + id, for finding repeated applications (duplicate detection)
    applicant_key = models.CharField(max_length=180, editable=False, db_index=True)
    # the request
    description = models.TextField("所需政府信息的名称、文号或便于查询的其他特征描述")
    purpose = models.TextField("用途（选填）", blank=True)
    form_wanted = models.CharField("信息的指定提供载体形式", max_length=20, choices=FORM_CHOICES)
    delivery_wanted = models.CharField("获取信息的方式", max_length=20, choices=DELIVERY_CHOICES)
    handler = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="经办人",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="handled_cases",
    )
    version = models.PositiveIntegerField("版本", default=1)  # optimistic locking
    created_at = models.DateTimeField("登记时间", auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="登记人",
        on_delete=models.PROTECT,
        related_name="registered_cases",
    )
    # ---- cache: recomputed from the event log by services.refresh() only, for lists ----
    state = models.CharField("状态", max_length=24, choices=STATE_CHOICES, default="running")
    received = models.DateField("收到申请日期")
    reply_due = models.DateField("答复期限")
    replied_on = models.DateField("答复日期", null=True, blank=True)
    # the clock's verdict (ClockResult.overdue_from): the first day the case counts as
    # overdue while it stays unreplied, also when paused after the due date had passed;
    # None while the clock is stopped for the applicant, and once replied or withdrawn.
    # Every overdue filter and count is ``overdue_from <= today`` (queries.overdue_q).
    overdue_from = models.DateField("超期起算日", null=True, blank=True)
    outcome = models.CharField("办理结果", max_length=24, blank=True)
    provisional = models.BooleanField("期限为暂定", default=False)
    withdrawal_outcome = models.CharField("视为放弃申请（待确认）", max_length=24, blank=True)
    archived_on = models.DateField("归档日期", null=True, blank=True)
    # the day of the latest reopening after a 纠正 review result (None: never reopened)
    reopened_on = models.DateField("重新办理日期", null=True, blank=True)

    class Meta:
        verbose_name = "依申请公开案件"
        verbose_name_plural = "依申请公开案件"
        ordering = ("-received", "-id")
        constraints = (
            models.UniqueConstraint(fields=["agency", "number"], name="case_number_unique"),
            models.CheckConstraint(condition=Q(version__gte=1), name="case_version_positive"),
        )
        # Every list filter and dashboard count is one index range on these (see queries).
        indexes = (
            # overdue_from rides along so the dashboard tiles count overdue cases from the
            # index alone (queries.counts, queries.per_agency)
            models.Index(
                fields=["agency", "state", "reply_due"],
                name="case_agency_state_due",
                include=["overdue_from"],
            ),
            models.Index(fields=["agency", "-received", "-id"], name="case_agency_received"),
            models.Index(fields=["-received", "-id"], name="case_received"),
            models.Index(fields=["agency", "handler", "state"], name="case_agency_handler"),
            # The due date rides along (PostgreSQL INCLUDE) so late replies count from
            # the index alone (queries.timeliness).
            models.Index(
                fields=["agency", "replied_on", "outcome"],
                name="case_agency_replied",
                include=["reply_due"],
            ),
            models.Index(fields=["-replied_on", "-id"], name="case_replied"),
            models.Index(fields=["agency", "outcome", "received"], name="case_agency_outcome"),
            # Open cases overdue as of a day, of one agency or of many (a supervisor's
            # subtree, the ranking): the cases that can become overdue, in the order they
            # did, the agency checked in the index itself.
            models.Index(
                fields=["overdue_from", "agency"],
                condition=Q(overdue_from__isnull=False),
                name="case_overdue_from",
            ),
        )

    def __str__(self) -> str:
        return f"{self.number} {self.masked_name}"

    @property
    def masked_name(self) -> str:
        return mask_name(self.applicant_name, self.applicant_type)

    @property
    def is_open(self) -> bool:
        return self.replied_on is None

    @property
    def is_organisation(self) -> bool:
        return self.applicant_type != "natural_person"


def mask_name(name: str, applicant_type: str) -> str:
    """Lists show 张** for a person; organisations are public bodies of record, shown whole."""
    if applicant_type != "natural_person" or not name:
        return name
    return name[0] + "*" * max(1, len(name) - 1)


def mask_id(number: str) -> str:
    if len(number) <= 6:
        return "*" * len(number)
    return number[:3] + "*" * (len(number) - 7) + number[-4:]
