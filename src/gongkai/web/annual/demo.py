"""Demo step: annual reports generated from the demo records, through the whole workflow.

Agencies with a head on the platform have published their reports for the last two full
years (one a little late); the others have drafts only, so the supervisors' overview shows
who has not submitted. The current year is being drafted. 临川市 and 东湖区 have roll-ups.
"""

from __future__ import annotations

import datetime as dt
import random
from typing import Any

from django.utils import timezone

from gongkai.web.accounts.models import User
from gongkai.web.agencies.demo import agencies_by_key
from gongkai.web.agencies.models import Agency
from gongkai.web.annual import services
from gongkai.web.annual.models import AnnualReportDraft
from gongkai.web.core.demo import DemoReport, demo_step

PUBLISHED_STEPS = (
    ("approve", "head"),
    ("submit", "head"),
    ("accept", "supervisor"),
    ("publish", "head"),
)
REGION_KEYS = ("lc", "dh")


_WORK = (
    "主动公开方面，围绕机构职能、政策文件、财政预决算等重点领域及时发布信息，政策文件同步发布解读材料。",
    "主动公开方面，重点做好行政许可、行政处罚结果的公开，做到应公开尽公开。",
    "依申请公开方面，规范登记、审核、办理、答复和归档各环节，严格按法定期限答复。",
    "依申请公开方面，完善答复文书模板，对不予公开的答复逐一说明理由和依据。",
    "政府信息管理方面，落实公开前保密审查，动态更新主动公开目录。",
    "政府信息管理方面，开展行政规范性文件清理，及时公布清理结果和现行有效文件目录。",
    "平台建设方面，优化政府信息公开专栏，完善检索功能，提升移动端浏览体验。",
    "平台建设方面，整合各类公开栏目，实现政务公开专栏与政务服务平台互联互通。",
    "监督保障方面，将政务公开纳入年度绩效考核，组织业务培训，接受社会监督。",
    "监督保障方面，建立政务公开工作台账，定期检查栏目更新情况并通报结果。",
)
_PROBLEMS = (
    "部分栏目更新不够及时",
    "政策解读形式较为单一",
    "依申请公开答复文书的说理还需加强",
    "基层工作人员业务能力有待提高",
    "公开内容的准确性审核还不够严格",
    "公众参与渠道还不够丰富",
)
_FIXES = (
    "建立栏目更新台账，明确责任人和更新时限",
    "丰富图解、问答、视频等解读形式",
    "统一答复文书模板并加强法制审核",
    "组织专题培训和案例研讨",
    "落实信息发布三级审核制度",
    "拓展政民互动渠道，及时回应社会关切",
)


def section_one(agency: Agency, year: int) -> str:
    rng = random.Random(f"s1-{agency.pk}-{year}")
    picked = sorted(rng.sample(range(len(_WORK)), 5))
    return (
        f"{year}年，{agency.name}深入贯彻落实《中华人民共和国政府信息公开条例》，坚持以公开为常态、"
        "不公开为例外，不断提升政务公开质量。" + "".join(_WORK[i] for i in picked)
    )


def section_five(agency: Agency, year: int) -> str:
    rng = random.Random(f"s5-{agency.pk}-{year}")
    problems = rng.sample(_PROBLEMS, 3)
    fixes = rng.sample(_FIXES, 3)
    numbered = "；".join(f"{n}是{p}" for n, p in zip("一二三", problems, strict=True))
    return (
        f"{year}年本机关政府信息公开工作仍存在一些不足：{numbered}。下一步，将{'，'.join(fixes)}。"
    )


def section_six(draft: AnnualReportDraft) -> str:
    """No template text left (rule E7): the fee sentence follows table 3's 逾期未缴费 row."""
    unpaid = ((draft.data.get("table3") or {}).get("other_2") or [0])[-1] or 0
    fee = (
        f"本年度有 {unpaid} 件申请因申请人逾期未按收费通知要求缴纳信息处理费，按撤回申请处理；"
        "信息处理费按《政府信息公开信息处理费管理办法》计收。"
        if unpaid
        else "本年度未收取信息处理费。"
    )
    return fee + "本机关无其他需要报告的事项。"


def _supervisor_above(agency: Agency, supervisors: list[User]) -> User | None:
    above = [
        u
        for u in supervisors
        if u.agency is not None and u.agency_id != agency.pk and agency.is_in_subtree_of(u.agency)
    ]
    return max(above, key=lambda u: u.agency.level) if above else None  # type: ignore[union-attr]


def _write(draft: AnnualReportDraft, by: Any) -> AnnualReportDraft:
    texts = {
        "1": section_one(draft.agency, draft.year),
        "5": section_five(draft.agency, draft.year),
        "6": section_six(draft),
    }
    return services.edit_sections(draft, texts, by=by)


def _publish(
    draft: AnnualReportDraft, people: dict[str, User | None], day: dt.date
) -> AnnualReportDraft:
    for action, role in PUBLISHED_STEPS:
        user = people[role]
        if user is None:
            return draft
        draft = services.perform(draft, action, by=user, today=day)
    return draft


@demo_step(order=70, title="政府信息公开工作年度报告")
def annual_reports(report: DemoReport) -> None:
    agencies = agencies_by_key()
    if AnnualReportDraft.objects.filter(agency__in=agencies.values()).exists():
        report.note("年度报告：已有（未重复生成）")
        return
    today = timezone.localdate()
    admin = User.objects.filter(role="admin").order_by("pk").first()
    heads = {u.agency_id: u for u in User.objects.filter(role="head", agency__in=agencies.values())}
    supervisors = list(User.objects.filter(role="supervisor").select_related("agency"))
    rng = random.Random("annual")
    full_years = (today.year - 2, today.year - 1)
    published = drafts = 0
    for key, agency in agencies.items():
        head = heads.get(agency.pk)
        people = {"head": head, "supervisor": _supervisor_above(agency, supervisors)}
        for year in full_years:
            draft = _write(services.build_report(agency, year, by=head or admin), head or admin)
            drafts += 1
            if head is not None:
                late = key == "lc-gxq" and year == full_years[0]  # one report published late (E1)
                day = (
                    dt.date(year + 1, 2, 10) if late else dt.date(year + 1, 1, rng.randint(12, 28))
                )
                draft = _publish(draft, people, day)
                published += draft.state == "published"
        if head is not None and key != "lc-gxq":
            current = _write(services.build_report(agency, today.year, by=head), head)
            drafts += 1
            if key == "jh-jyt":
                services.perform(current, "approve", by=head)
    for key in REGION_KEYS:
        agency = agencies[key]
        own = next((u for u in supervisors if u.agency_id == agency.pk), None)
        if own is None:
            continue
        for year in full_years:
            region = _write(services.build_report(agency, year, by=own, scope="region"), own)
            drafts += 1
            if year == full_years[0]:
                region = _publish(
                    region,
                    {"head": own, "supervisor": _supervisor_above(agency, supervisors)},
                    dt.date(year + 1, 3, 20),
                )
                published += region.state == "published"
    report.note(f"年度报告：{drafts} 份（已公开 {published} 份）")
