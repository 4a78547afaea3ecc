"""Demo: online applications at 临川市教育局 — two waiting for confirmation, one confirmed."""

from __future__ import annotations

import hashlib

from gongkai.web.accounts.models import User
from gongkai.web.agencies.demo import agencies_by_key
from gongkai.web.core.demo import DemoReport, demo_step
from gongkai.web.portal import codes, services

_PERSON = {
    "applicant_type": "natural_person",
    "applicant_name": "王晓明",
    "id_type": "id_card",
    "id_number": "11010519491231002X",
    "phone": "13912345678",
    "email": "wangxm@example.com",
    "form_wanted": "electronic",
    "delivery_wanted": "email",
}
_FIRM = {
    "applicant_type": "legal_service",
    "applicant_name": "临川明理律师事务所",
    "legal_representative": "李明理",
    "id_type": "credit_code",
    "id_number": "91350100M000100Y43",
    "phone": "0791-86660000",
    "address": "临川市滨江路88号",
    "postcode": "330100",
    "form_wanted": "paper",
    "delivery_wanted": "post",
}
# (stable key, applicant, request, confirm now?)
DEMO_APPLICATIONS = (
    ("school-fees", _PERSON, "2025年临川市义务教育阶段学校收费项目及标准的文件", True),
    ("school-plan", _PERSON, "临川市2024—2026年中小学校布局规划及其批复文件", False),
    ("tender", _FIRM, "临川市教育局2025年校舍维修工程招标公告及中标结果", False),
)


def _token(key: str) -> str:
    """A fixed form token per demo application: running the demo twice stores nothing new."""
    return hashlib.sha256(f"gongkai-demo-portal:{key}".encode()).hexdigest()[:32]


@demo_step(order=45, title="网上申请")
def portal(report: DemoReport) -> None:
    agency = agencies_by_key().get("lc-jyj")
    clerk = User.objects.filter(username="lcjyj-jingban").first()
    if agency is None or clerk is None:
        report.note("网上申请：缺少临川市教育局或其经办人，未生成")
        return
    shown = []
    for key, applicant, description, confirm in DEMO_APPLICATIONS:
        token = _token(key)
        result = services.submit(agency, token, {**applicant, "description": description})
        if confirm and result.application.case is None:
            services.confirm_receipt(result.application, clerk)
        shown.append(f"{result.application.tracking_number} / {codes.access_code(token)}")
    report.note(
        "网上申请：临川市教育局 3 件（1 件已确认登记，2 件待确认）；"
        "查询号 / 查询码：" + "；".join(shown)
    )
