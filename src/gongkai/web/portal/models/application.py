"""An application submitted on the portal, kept until the agency confirms receiving it.

Art. 31(三): for the internet channel the date of receipt is the day both parties confirm,
so a submission is not yet a case (a case always has a date of receipt and a due date).
Staff confirm it and the case is registered then, with the submission day as its
``submitted`` event and the confirmation day as its ``confirmed`` event. The fields are the
applicant's words exactly as submitted; after confirmation the case holds the working copy.
"""

from __future__ import annotations

from django.db import models

from gongkai.web.cases.choices import (
    APPLICANT_TYPE_CHOICES,
    APPLICATION_FIELDS,
    DELIVERY_CHOICES,
    FORM_CHOICES,
    ID_TYPE_CHOICES,
)
from gongkai.web.portal.models.pending import AwaitingStaff


class OnlineApplication(AwaitingStaff):
    agency = models.ForeignKey(
        "agencies.Agency",
        verbose_name="受理机关",
        on_delete=models.PROTECT,
        related_name="online_applications",
    )
    tracking_number = models.CharField("查询号", max_length=20, unique=True)
    access_code_hash = models.CharField("查询码（散列）", max_length=128)
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
    # set once, by services.confirm_receipt, with confirmed_at; declining it (spam, not an
    # application, sent twice …) shows 未受理 and the reason on the applicant's status page
    case = models.OneToOneField(
        "cases.Case",
        verbose_name="登记的案件",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="online_application",
    )

    # the reply date the applicant was mailed about (a reply after reopening: mailed again)
    reply_mailed_on = models.DateField("已通知答复日期", null=True, blank=True, editable=False)

    class Meta(AwaitingStaff.Meta):
        verbose_name = "网上申请"
        verbose_name_plural = "网上申请"
        indexes = (
            models.Index(fields=["agency", "case", "-submitted_at"], name="portal_app_inbox"),
        )

    def __str__(self) -> str:
        return self.tracking_number

    # the Case field names register() takes, in the order the form shows them
    CASE_FIELDS = APPLICATION_FIELDS

    def case_fields(self) -> dict[str, str]:
        return {name: getattr(self, name) for name in self.CASE_FIELDS}
