"""An application submitted on the portal, kept until the agency confirms receiving it.

Art. 31(三): for the internet channel the date of receipt is the day both parties confirm,
so a submission is not yet a case (a case always has a date of receipt and a due date).
Staff confirm it and the case is registered then, with the submission day as its
``submitted`` event and the confirmation day as its ``confirmed`` event. The fields are the
applicant's words exactly as submitted; after confirmation the case holds the working copy.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models

from gongkai.web.cases.choices import (
    APPLICANT_TYPE_CHOICES,
    APPLICATION_FIELDS,
    DELIVERY_CHOICES,
    FORM_CHOICES,
    ID_TYPE_CHOICES,
)


class OnlineApplication(models.Model):
    agency = models.ForeignKey(
        "agencies.Agency",
        verbose_name="受理机关",
        on_delete=models.PROTECT,
        related_name="online_applications",
    )
    tracking_number = models.CharField("查询号", max_length=20, unique=True)
    access_code_hash = models.CharField("查询码（散列）", max_length=128)
    # sha256 of the one-time form token: a form sent twice is recognised, never stored twice
    token_hash = models.CharField(max_length=64, unique=True, editable=False)
    submitted_at = models.DateTimeField("提交时间", auto_now_add=True)
    submitted_on = models.DateField("提交日期")
    # the applicant and the request, as submitted (Art. 29)
    applicant_type = models.CharField("申请人类型", max_length=20, choices=APPLICANT_TYPE_CHOICES)
    applicant_name = models.CharField("申请人姓名或名称", max_length=120)
    applicant_organisation = models.CharField("工作单位", max_length=120, blank=True)
    legal_representative = models.CharField("法定代表人或负责人", max_length=60, blank=True)
    id_type = models.CharField("证件类型", max_length=20, choices=ID_TYPE_CHOICES)
    id_number = models.CharField("证件号码", max_length=40)
    phone = models.CharField("联系电话", max_length=40, blank=True)
    email = models.EmailField("电子邮箱", blank=True)
    address = models.CharField("通信地址", max_length=200, blank=True)
    postcode = models.CharField("邮政编码", max_length=6, blank=True)
    description = models.TextField("所需政府信息的名称、文号或便于查询的其他特征描述")
    purpose = models.TextField("用途", blank=True)
    form_wanted = models.CharField("信息的指定提供载体形式", max_length=20, choices=FORM_CHOICES)
    delivery_wanted = models.CharField("获取信息的方式", max_length=20, choices=DELIVERY_CHOICES)
    # set once, by services.confirm_receipt
    case = models.OneToOneField(
        "cases.Case",
        verbose_name="登记的案件",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="online_application",
    )
    confirmed_at = models.DateTimeField("确认时间", null=True, blank=True)
    confirmed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="确认人",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )

    # set once, by services.decline: staff did not accept the submission (spam, not an
    # application, sent twice …); the applicant's status page shows 未受理 with the reason
    declined_at = models.DateTimeField("不予受理时间", null=True, blank=True)
    declined_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="处理人",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    decline_reason = models.TextField("不予受理理由", blank=True)

    class Meta:
        verbose_name = "网上申请"
        verbose_name_plural = "网上申请"
        ordering = ("-submitted_at", "-id")
        indexes = (
            models.Index(fields=["agency", "case", "-submitted_at"], name="portal_app_inbox"),
        )

    def __str__(self) -> str:
        return self.tracking_number

    @property
    def awaiting_confirmation(self) -> bool:
        return self.case_id is None and self.declined_at is None

    @property
    def declined(self) -> bool:
        return self.declined_at is not None

    # the Case field names register() takes, in the order the form shows them
    CASE_FIELDS = APPLICATION_FIELDS

    def case_fields(self) -> dict[str, str]:
        return {name: getattr(self, name) for name in self.CASE_FIELDS}
