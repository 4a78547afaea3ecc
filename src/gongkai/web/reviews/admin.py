"""Review and litigation records are read-only here: a result is recorded on the 复议诉讼
page, whose service reopens the original application after a 纠正 result."""

from __future__ import annotations

from django.contrib import admin

from gongkai.web.core.admin_site import ReadOnlyAdmin
from gongkai.web.reviews.models import DisclosureReview


@admin.register(DisclosureReview)
class DisclosureReviewAdmin(ReadOnlyAdmin):
    staff_note = (
        "此处仅供查看。复议、诉讼请在“复议诉讼”页面登记和审结："
        "结果为纠正的，平台据此重新办理原申请并记入案卷。"
    )
    list_display = ("__str__", "agency", "kind", "filed", "concluded", "result", "reopened_case")
    list_filter = ("kind", "result")
    search_fields = ("reference", "applicant", "agency__name", "case_reference")
    date_hierarchy = "filed"
