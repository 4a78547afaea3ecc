"""Demo step: columns and proactively disclosed items, mostly on time, a few late."""

from __future__ import annotations

import datetime as dt
import random

from django.utils import timezone

from gongkai.web.accounts.models import User
from gongkai.web.agencies.demo import agencies_by_key
from gongkai.web.catalogue import services
from gongkai.web.catalogue.models import DisclosureItem
from gongkai.web.core.demo import DemoReport, demo_step

COLUMNS = (
    ("政策文件", "01", ("关于进一步优化政务服务的实施意见", "行政规范性文件清理结果的公告")),
    ("机构职能", "02", ("机构职能及内设机构", "领导信息及分工")),
    ("财政预决算", "07", ("部门预算", "部门决算", "“三公”经费预算")),
    ("行政许可", "05", ("行政许可事项清单", "行政许可决定公示")),
    ("行政处罚", "06", ("行政处罚裁量基准", "行政处罚决定公示")),
    ("人事信息", "14", ("公开招聘工作人员公告", "拟录用人员名单公示")),
)


@demo_step(order=60, title="主动公开目录")
def catalogue(report: DemoReport) -> None:
    agencies = agencies_by_key()
    if DisclosureItem.objects.filter(agency__in=agencies.values()).exists():
        report.note("主动公开目录：已有（未重复生成）")
        return
    today = timezone.localdate()
    heads = {u.agency_id: u for u in User.objects.filter(role="head", agency__in=agencies.values())}
    made = published = 0
    for key, agency in agencies.items():
        head = heads.get(agency.pk)
        if head is None:
            continue  # the secrecy review needs the agency's head
        rng = random.Random(f"catalogue-{key}")
        columns = [
            services.create_column(agency=agency, name=n, category=c, by=head, order=i)
            for i, (n, c, _) in enumerate(COLUMNS)
        ]
        for month_back in range(18, -1, -1):
            formed = today - dt.timedelta(days=30 * month_back + rng.randint(0, 20))
            while formed.weekday() >= 5:
                formed -= dt.timedelta(days=1)
            index = rng.randrange(len(COLUMNS))
            _, category, titles = COLUMNS[index]
            item = services.register_item(
                agency=agency,
                title=f"{agency.display_name}{formed.year}年{rng.choice(titles)}",
                category=category,
                column=columns[index],
                issuing_body=agency.name,
                formed=formed,
                by=head,
                document_number=""
                if category in ("02", "07")
                else f"{agency.display_name[:2]}发〔{formed.year}〕{rng.randint(1, 60)}号",
            )
            made += 1
            if month_back == 0 and rng.random() < 0.5:
                continue  # just formed: waiting for the secrecy review
            services.approve_secrecy_review(item, by=head, note="经审查，不涉及国家秘密、工作秘密")
            late = rng.random() < 0.08
            delay = rng.randint(3, 15) if not late else rng.randint(32, 45)
            on = min(formed + dt.timedelta(days=delay), today)
            if on >= item.due and not late and on < today:
                on = item.due
            services.publish_item(
                item, on=on, by=head, url=f"https://{key}.example.gov.cn/zfxxgk/{item.pk}.html"
            )
            published += 1
    report.note(f"主动公开目录：{made} 条（已公开 {published} 条）")
