"""Demo step: reconsiderations and lawsuits about some of the demo cases' decisions."""

from __future__ import annotations

import datetime as dt
import random

from django.apps import apps
from django.utils import timezone

from gongkai.web.accounts.models import User
from gongkai.web.agencies.demo import agencies_by_key
from gongkai.web.core.demo import DemoReport, demo_step
from gongkai.web.reviews import services
from gongkai.web.reviews.models import DisclosureReview

_CONTESTED = ("denied_", "unable_", "not_processed_", "partial")
_RESULTS = ("upheld", "upheld", "upheld", "corrected", "other")


@demo_step(order=55, title="行政复议和行政诉讼")
def reviews(report: DemoReport) -> None:
    agencies = agencies_by_key()
    if DisclosureReview.objects.filter(agency__in=agencies.values()).exists():
        report.note("行政复议和行政诉讼：已有（未重复生成）")
        return
    if not apps.is_installed("gongkai.web.cases"):
        report.note("行政复议和行政诉讼：未安装案件应用，跳过")
        return
    case_model = apps.get_model("cases", "Case")
    admin = User.objects.filter(role="admin").order_by("pk").first()
    today = timezone.localdate()
    rng = random.Random("reviews")
    made = 0
    contested = case_model.objects.filter(
        agency__in=agencies.values(), replied_on__isnull=False
    ).exclude(outcome="")
    for case in contested.select_related("agency").order_by("pk"):
        if not case.outcome.startswith(_CONTESTED) or rng.random() > 0.12:
            continue
        kind = rng.choice(("review", "review", "direct_suit", "suit_after_review"))
        if case.replied_on is None:  # excluded by the query; said for the type checker
            continue
        filed = case.replied_on + dt.timedelta(days=rng.randint(10, 60))
        if filed > today:
            continue
        body = {"review": f"{case.agency.name.split('人民政府')[0]}人民政府"}.get(
            kind, "临川市东湖区人民法院"
        )
        review = services.record_review(
            agency=case.agency,
            kind=kind,
            filed=filed,
            by=admin,
            reference=f"（{filed.year}）临{'复' if kind == 'review' else '0102行初'}{made + 1}号",
            body=body,
            applicant=case.applicant_name,
            case=case,
        )
        made += 1
        decided = filed + dt.timedelta(days=rng.randint(45, 160))
        if decided <= today:
            result = rng.choice(_RESULTS)
            note = "责令重新作出答复" if result == "corrected" else ""
            services.conclude_review(review, result=result, on=decided, by=admin, note=note)
    report.note(f"行政复议和行政诉讼：{made} 件")
