"""Demo step: 规章 and 行政规范性文件 of the demo agencies, and their yearly table-2 figures."""

from __future__ import annotations

import datetime as dt
import random
from decimal import Decimal

from django.utils import timezone

from gongkai.web.accounts.models import User
from gongkai.web.agencies.demo import agencies_by_key
from gongkai.web.agencies.models import Agency
from gongkai.web.core.demo import DemoReport, demo_step
from gongkai.web.registers import services
from gongkai.web.registers.models import RegulatoryDocument, YearFigure

FIRST_YEAR = 2021  # enough history for the in-force counts of the demo years
# Only provincial and city governments make 规章 (《立法法》第九十三条).
RULE_MAKERS = ("jh", "lc")
_SUBJECTS = (
    "政府信息公开工作规定",
    "行政执法公示办法",
    "重大行政决策程序规定",
    "公共数据管理办法",
    "政务服务事项管理办法",
    "行政规范性文件管理办法",
    "财政专项资金管理办法",
    "安全生产监督管理办法",
    "优化营商环境若干措施",
    "社会信用体系建设实施意见",
    "城市管理综合执法办法",
    "教育收费管理办法",
)
_PREFIX = {"jh": "江淮", "lc": "临", "dh": "东", "xs": "西", "ap": "安"}


def _number(key: str, kind: str, year: int, n: int) -> str:
    area = _PREFIX.get(key.split("-")[0], "临")
    if kind == "regulations":
        return f"{area}政令第{year - 2000}{n:02d}号"
    return f"{area}{'政规' if '-' not in key else '规字'}〔{year}〕{n}号"


def demo_documents(key: str, agency: Agency, admin: User, today: dt.date) -> int:
    rng = random.Random(f"registers-{key}")
    made = 0
    for year in range(FIRST_YEAR, today.year + 1):
        kinds = ["normative_documents"] * rng.randint(0, 3)
        if key in RULE_MAKERS:
            kinds += ["regulations"] * rng.randint(1, 2)
        for n, kind in enumerate(kinds, start=1):
            issued = dt.date(year, rng.randint(1, 12), rng.randint(1, 28))
            if issued > today:
                continue
            title = f"{agency.name}{rng.choice(_SUBJECTS)}"
            doc = services.register_document(
                agency=agency,
                kind=kind,
                title=title,
                issued=issued,
                by=admin,
                document_number=_number(key, kind, year, n),
                published=issued + dt.timedelta(days=rng.randint(1, 15)),
                effective=issued + dt.timedelta(days=30),
            )
            made += 1
            # Normative documents are reviewed and often repealed or expire after some years.
            if rng.random() < 0.3:
                ended = issued + dt.timedelta(days=rng.randint(400, 2000))
                if ended <= today:
                    reason = "expired" if rng.random() < 0.4 else "repealed"
                    services.end_document(
                        doc, on=ended, reason=reason, by=admin, basis="清理规范性文件的决定"
                    )
            elif rng.random() < 0.2:
                amended = issued + dt.timedelta(days=rng.randint(200, 900))
                if amended <= today:
                    services.amend_document(
                        doc, on=amended, note="根据上位法修改部分条款", by=admin
                    )
    return made


def demo_figures(key: str, agency: Agency, admin: User, today: dt.date) -> None:
    rng = random.Random(f"figures-{key}")
    scale = 4 if "-" not in key else 1  # governments decide more than their offices
    for year in range(FIRST_YEAR, today.year + 1):  # this year: figures so far
        services.set_year_figures(
            agency=agency,
            year=year,
            by=admin,
            licensing=rng.randint(0, 900) * scale,
            penalty=rng.randint(0, 120) * scale,
            coercion=rng.randint(0, 12),
            fees_10k_yuan=Decimal(rng.randint(0, 3000)) / 100 if rng.random() < 0.4 else Decimal(0),
            source=f"演示数据：{year}年度业务系统统计（{rng.choice(('政务服务网', '执法监督平台', '财务系统'))}导出）",
        )


@demo_step(order=50, title="规章和规范性文件登记、年度统计数据")
def registers(report: DemoReport) -> None:
    agencies = agencies_by_key()
    admin = User.objects.filter(role="admin").order_by("pk").first()
    assert admin is not None, "the demo accounts step creates the administrator first"
    if RegulatoryDocument.objects.filter(agency__in=agencies.values()).exists():
        report.note("规章和规范性文件：已有（未重复生成）")
        return
    today = timezone.localdate()
    made = sum(demo_documents(key, agency, admin, today) for key, agency in agencies.items())
    for key, agency in agencies.items():
        demo_figures(key, agency, admin, today)
    figures = YearFigure.objects.filter(agency__in=agencies.values()).count()
    report.note(f"规章和规范性文件：{made} 件；年度统计数据：{figures} 条")
