"""Demo step: a few thousand realistic applications over the last three years.

Every case is a full event log (every channel, applicant type, clock event and outcome;
some overdue, some waiting for correction or payment, some deemed withdrawn) validated by
``gongkai.clock`` and loaded through ``services.bulk_import``. Deterministic for a given day.
"""

from __future__ import annotations

import datetime as dt
import random
from typing import Any

from gongkai.calendar import WorkCalendar
from gongkai.clock import RECEIPT_RULES, Channel, EventType
from gongkai.web.accounts.models import User
from gongkai.web.agencies.demo import DEMO_AGENCIES, agencies_by_key
from gongkai.web.cases import clockbridge, services
from gongkai.web.cases.models import Case, Consultation, ExtensionRequest
from gongkai.web.core.demo import DemoReport, demo_step
from gongkai.web.workcalendar.services import work_calendar

STAFFED_CASES = 260  # agencies with demo accounts
OTHER_CASES = 55
YEARS = 3

_SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"
_GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍红鹏辉建国志强海燕晓东文博雨桐子涵浩然欣怡梓轩诗琪宇航思远佳怡嘉怡一鸣"
_ORGS = {
    "commercial": [
        "临川宏远建设工程有限公司",
        "江淮恒通物流有限公司",
        "安平县绿源农业科技有限公司",
        "临川市鑫达房地产开发有限公司",
        "东湖区百味餐饮管理有限公司",
    ],
    "research": ["江淮大学公共管理学院", "江淮省社会科学院", "临川职业技术学院法治研究中心"],
    "social": [
        "临川市绿色家园环保志愿者协会",
        "江淮省消费者权益保护基金会",
        "东湖区邻里互助服务中心",
    ],
    "legal_service": ["江淮正大律师事务所", "临川明理律师事务所", "安平县法律援助中心"],
    "other_org": [
        "临川市东湖区湖滨社区居民委员会",
        "江淮省个体劳动者协会",
        "西山区青石镇农民专业合作社",
    ],
}
_TOPICS = {
    "education": [
        "{year}年义务教育阶段学校招生划片范围",
        "{year}年中小学教师招聘考试成绩及录取名单公示文件",
        "{year}年学前教育专项资金分配文件",
        "民办学校年检结果",
    ],
    "land": [
        "{place}{year}年国有建设用地供应计划",
        "{place}某地块征收补偿安置方案及批复文件",
        "{place}控制性详细规划调整批复",
        "集体土地征收的农用地转用审批文件",
    ],
    "housing": [
        "{place}{year}年老旧小区改造项目清单及资金安排",
        "某住宅小区建设工程规划许可证及附图",
        "{year}年保障性租赁住房分配结果",
        "物业专项维修资金使用情况",
    ],
    "health": [
        "{year}年基本公共卫生服务项目资金使用情况",
        "某医院医疗废物处置监督检查记录",
        "{year}年医疗机构不良执业行为记分情况",
    ],
    "market": [
        "某食品企业{year}年抽检不合格处理结果",
        "{year}年特种设备安全监督检查情况",
        "某企业行政处罚决定书",
    ],
    "general": [
        "{year}年部门预算及三公经费决算说明",
        "{place}{year}年重大行政决策事项目录",
        "{year}年政府信息公开工作年度报告所涉申请办理情况",
        "某信访事项的处理意见书",
        "{year}年财政专项资金分配结果",
        "某道路改造工程立项批复及环评文件",
    ],
}
_AGENCY_TOPICS = {
    "jyt": "education",
    "jyj": "education",
    "zrzy": "land",
    "zjj": "housing",
    "wjw": "health",
    "scjgj": "market",
    "gjj": "housing",
}

_CHANNELS = [
    (Channel.ONLINE, 45),
    (Channel.IN_PERSON, 20),
    (Channel.REGISTERED_POST, 15),
    (Channel.ORDINARY_LETTER, 10),
    (Channel.FAX, 10),
]
_TYPES = [
    ("natural_person", 74),
    ("commercial", 10),
    ("research", 3),
    ("social", 3),
    ("legal_service", 6),
    ("other_org", 4),
]
_OUTCOMES = [
    ("granted", 38), ("partial", 10), ("denied_1", 1), ("denied_2", 1), ("denied_3", 1), ("denied_4", 2),
    ("denied_5", 2), ("denied_6", 2), ("denied_7", 1), ("denied_8", 2), ("unable_1", 18), ("unable_2", 4),
    ("not_processed_1", 3), ("not_processed_2", 3), ("not_processed_3", 1), ("not_processed_4", 1),
    ("not_processed_5", 1), ("other_3", 3),
]  # fmt: skip
_DETAILS = {
    "granted": {"provision_method": "电子邮件"},
    "partial": {
        "withheld_description": "涉及第三方个人信息和商业秘密的部分",
        "provision_method": "纸质复印件邮寄",
    },
    "unable_1": {
        "responsible_agency": "临川市住房和城乡建设局",
        "reply_detail": "经检索，本机关未制作或获取该信息。",
    },
    "other_3": {"reply_detail": "申请人在办理过程中撤回申请。"},
    "not_processed_2": {"reply_detail": "该申请与本机关已答复的申请内容相同。"},
}


def _pick(rng: random.Random, table: list[tuple[Any, int]]) -> Any:
    return rng.choices([k for k, _ in table], weights=[w for _, w in table])[0]


def _person(rng: random.Random) -> str:
    return rng.choice(_SURNAMES) + "".join(rng.choice(_GIVEN) for _ in range(rng.choice((1, 2))))


def _id_number(rng: random.Random, born: int) -> str:
    return f"9901{rng.randint(0, 99):02d}{born}{rng.randint(1, 12):02d}{rng.randint(1, 28):02d}{rng.randint(0, 999):03d}{rng.choice('0123456789X')}"


class _Builder:
    def __init__(self, rng: random.Random, calendar: WorkCalendar, today: dt.date) -> None:
        self.rng = rng
        self.cal = calendar
        self.today = today

    def wd(self, day: dt.date, n: int) -> dt.date:
        return self.cal.add_workdays(day, n)

    def case(
        self, agency: Any, key: str, received: dt.date, staff: list[User], importer: User
    ) -> services.ImportedCase | None:
        rng, today = self.rng, self.today
        actor = rng.choice(staff) if staff else importer
        head = next((u for u in staff if u.role == "head"), None)
        channel = _pick(rng, _CHANNELS)
        applicant_type = _pick(rng, _TYPES)
        person = _person(rng)
        org = rng.choice(_ORGS[applicant_type]) if applicant_type != "natural_person" else ""
        topic = next((t for k, t in _AGENCY_TOPICS.items() if k in key), "general")
        place = agency.name.split("人民政府")[0] if "人民政府" in agency.name else agency.name[:3]
        description = rng.choice(_TOPICS[topic]).format(
            year=received.year - rng.choice((0, 0, 1)), place=place
        )
        case = Case(
            agency=agency,
            channel=channel.value,
            oral=channel is Channel.IN_PERSON and rng.random() < 0.1,
            applicant_type=applicant_type,
            applicant_name=org or person,
            applicant_organisation="",
            legal_representative=person if org else "",
            id_type="credit_code" if org else "id_card",
            id_number=(
                f"91{rng.randint(10**15, 10**16 - 1)}"
                if org
                else _id_number(rng, rng.randint(1955, 2002))
            ),
            phone=f"13{rng.randint(100000000, 999999999)}",
            email=f"user{rng.randint(1000, 99999)}@example.com" if rng.random() < 0.6 else "",
            address=f"{place}{rng.choice(['人民路', '解放路', '湖滨路', '文昌路'])}{rng.randint(1, 300)}号",
            description=description,
            form_wanted=rng.choice(["paper", "electronic", "electronic"]),
            delivery_wanted=rng.choice(["email", "post", "pickup", "online"]),
            created_by=actor,
            handler=actor
            if staff and actor.role in ("handler", "head") and rng.random() < 0.9
            else None,
        )
        submitted = (
            received
            if channel is Channel.IN_PERSON
            else received - dt.timedelta(days=rng.choice((0, 0, 1, 2, 3)))
        )
        events: list[tuple[str, dt.date, dict[str, Any], Any]] = [
            ("registered", submitted, {"oral": case.oral}, actor),
            ("submitted", submitted, {}, actor),
        ]
        rule = RECEIPT_RULES[channel]
        if rule.event is not EventType.SUBMITTED:
            events.append((rule.event.value, received, {}, actor))
        if case.handler is not None:
            events.append(("assigned", received, {"name": str(case.handler)}, actor))
        consultations: list[Consultation] = []
        extensions: list[ExtensionRequest] = []
        due = self.wd(received, 20)
        cursor = received
        outcome = _pick(rng, _OUTCOMES)
        roll = rng.random()

        def add(
            kind: str, day: dt.date, data: dict[str, Any] | None = None, by: Any = None
        ) -> bool:
            if day > today:
                return False
            events.append((kind, day, data or {}, by or actor))
            return True

        concluded: str | None = None
        if roll < 0.12:  # correction
            asked = self.wd(received, rng.randint(1, 6))
            if not add(
                "correction_requested",
                asked,
                {"items": ["请写明所需信息的名称或文号", "请补充身份证明"][: rng.randint(1, 2)]},
            ):
                return self._done(case, events, consultations, extensions)
            limit = self.wd(asked, 15)
            if rng.random() < 0.7:
                back = self.wd(asked, rng.randint(2, 14))
                if not add("correction_received", back):
                    return self._done(case, events, consultations, extensions)
                due, cursor = self.wd(back, 20), back
                if rng.random() < 0.2:
                    outcome = "unable_3"
            else:
                day = limit + dt.timedelta(days=rng.randint(1, 6))
                if day <= today and rng.random() < 0.85:
                    add("replied", day, {"outcome": "other_1", "deemed_withdrawal": True})
                    concluded = "other_1"
                return self._finish(case, events, consultations, extensions, concluded)
        elif roll < 0.22:  # consultation
            sent = self.wd(cursor, rng.randint(2, 6))
            party = (
                rng.choice(["临川宏远建设工程有限公司", "江淮恒通物流有限公司", "相关权利人王某"])
                if rng.random() < 0.7
                else "临川市财政局"
            )
            if not add("consultation_sent", sent, {"party": party, "kind": "third_party"}):
                return self._done(case, events, consultations, extensions)
            remaining = self.cal.workdays_between(sent, due)
            consultation = Consultation(
                kind="third_party" if "局" not in party else "agency",
                party=party,
                sent_on=sent,
                limit=self.wd(sent, 15),
            )
            consultations.append(consultation)
            if rng.random() < 0.7:
                answered = self.wd(sent, rng.randint(3, 14))
                agrees = rng.random() < 0.4
                if add("consultation_answered", answered, {"party": party, "agrees": agrees}):
                    consultation.answered_on, consultation.agrees = answered, agrees
                    consultation.opinion = "同意公开" if agrees else "不同意公开，涉及商业秘密"
                    resume = answered
                    if not agrees and outcome == "granted":
                        outcome = rng.choice(["partial", "denied_4"])
                else:
                    return self._done(case, events, consultations, extensions)
            else:
                resume = self.wd(sent, 15)
            due = self.wd(resume, remaining)
        elif roll < 0.25:  # fee
            sent = self.wd(cursor, rng.randint(2, 8))
            pages = rng.randint(40, 400)
            from gongkai import fees

            quote = fees.quote("per-volume", pages)
            if not add(
                "fee_notice_sent",
                sent,
                {
                    "scheme": "per-volume",
                    "quantity": pages,
                    "amount": quote.amount,
                    "lines": quote.text_lines(),
                    "payment_method": "银行转账至临川市财政非税收入专户",
                },
            ):
                return self._done(case, events, consultations, extensions)
            remaining = self.cal.workdays_between(sent, due)
            if rng.random() < 0.6:
                paid = self.wd(sent, rng.randint(1, 15))
                if not add("fee_paid", paid):
                    return self._done(case, events, consultations, extensions)
                due = self.wd(paid, remaining)
            else:
                day = self.wd(sent, 20) + dt.timedelta(days=rng.randint(1, 5))
                if day <= today and rng.random() < 0.85:
                    add("replied", day, {"outcome": "other_2", "deemed_withdrawal": True})
                    concluded = "other_2"
                return self._finish(case, events, consultations, extensions, concluded)
        if rng.random() < 0.08 and head is not None:  # extension, approved by the head
            asked = max(
                due - dt.timedelta(days=rng.randint(3, 7)),
                max(e[1] for e in events) + dt.timedelta(days=1),
            )
            workdays = rng.choice((10, 15, 20))
            reason = rng.choice(
                [
                    "所需信息涉及多个科室，需要汇总检索",
                    "档案数量较大，需调取历史档案",
                    "需要会商相关部门",
                ]
            )
            if add("extension_requested", asked, {"workdays": workdays, "reason": reason}):
                approved = asked + dt.timedelta(days=1)
                request = ExtensionRequest(workdays=workdays, reason=reason, requested_by=actor)
                if add(
                    "extended",
                    approved,
                    {"workdays": workdays, "reason": reason, "approved_by": str(head)},
                    head,
                ):
                    request.decided_by, request.decided_on, request.approved = head, approved, True
                    due = self.cal.add_workdays(due, workdays)
                extensions.append(request)
        # the reply: mostly in time, a few late, a few never (overdue)
        late = rng.random()
        if received > today - dt.timedelta(days=35) and rng.random() < 0.6:
            return self._done(case, events, consultations, extensions)  # still being handled
        if late < 0.04 and due < today:
            return self._done(case, events, consultations, extensions)  # left overdue
        start = max(cursor, due - dt.timedelta(days=25))
        span = max(1, (due - start).days)
        day = start + dt.timedelta(days=rng.randint(1, span))
        if late < 0.09:
            day = due + dt.timedelta(days=rng.randint(1, 10))
        day = max(day, max(e[1] for e in events) + dt.timedelta(days=1))
        while not self.cal.is_workday(day):
            day += dt.timedelta(days=1)
        details = dict(_DETAILS.get(outcome, {}))
        if add("replied", day, {"outcome": outcome, **details}):
            concluded = outcome
        return self._finish(case, events, consultations, extensions, concluded)

    def _finish(
        self,
        case: Case,
        events: list[Any],
        consultations: list[Consultation],
        extensions: list[ExtensionRequest],
        concluded: str | None,
    ) -> services.ImportedCase:
        if concluded is not None:
            replied = events[-1][1]
            served = replied + dt.timedelta(days=self.rng.randint(0, 3))
            if served <= self.today:
                events.append(
                    (
                        "served",
                        served,
                        {"method": self.rng.choice(["email", "post", "in_person", "online"])},
                        events[-1][3],
                    )
                )
                archived = served + dt.timedelta(days=self.rng.randint(10, 40))
                if archived <= self.today and self.rng.random() < 0.8:
                    events.append(("archived", archived, {}, events[-1][3]))
        return self._done(case, events, consultations, extensions)

    def _done(
        self,
        case: Case,
        events: list[Any],
        consultations: list[Consultation],
        extensions: list[ExtensionRequest],
    ) -> services.ImportedCase:
        events.sort(key=lambda e: e[1])  # stable: same-day events keep their order
        return services.ImportedCase(case, events, consultations, extensions)


def _valid(item: services.ImportedCase, calendar: WorkCalendar) -> bool:
    rows = [(k, d, data, i + 1) for i, (k, d, data, _) in enumerate(item.events)]
    try:
        clockbridge.compute(item.case.channel, rows, calendar=calendar)
    except ValueError:  # CaseError: a generated log the clock refuses is left out
        return False
    return True


def build(
    agencies: dict[str, Any], today: dt.date, seed: int = 2019
) -> list[services.ImportedCase]:
    rng = random.Random(f"{seed}-{today.isoformat()}")
    calendar = work_calendar()
    builder = _Builder(rng, calendar, today)
    staff_by_agency: dict[int, list[User]] = {}
    for user in User.objects.filter(
        agency__in=agencies.values(), is_active=True, role__in=("handler", "head")
    ):
        staff_by_agency.setdefault(user.agency_id, []).append(user)  # type: ignore[arg-type]
    importer = User.objects.filter(role="admin").order_by("pk").first()
    assert importer is not None, "the demo accounts step creates the administrator first"
    items: list[services.ImportedCase] = []
    first = dt.date(today.year - YEARS, today.month, 1)
    span = (today - first).days
    for key, agency in agencies.items():
        staff = staff_by_agency.get(agency.pk, [])
        count = STAFFED_CASES if staff else OTHER_CASES
        days = sorted(first + dt.timedelta(days=rng.randint(0, span)) for _ in range(count))
        numbers: dict[int, int] = {}
        for received in days:
            while not calendar.is_workday(received):
                received += dt.timedelta(days=1)
            if received > today:
                continue
            item = builder.case(agency, key, received, staff, importer)
            if item is None or not _valid(item, calendar):
                continue
            numbers[received.year] = numbers.get(received.year, 0) + 1
            item.case.number = f"依申请〔{received.year}〕{numbers[received.year]}号"
            items.append(item)
    return items


@demo_step(order=40, title="依申请公开案件")
def cases(report: DemoReport) -> None:
    agencies = agencies_by_key()
    existing = Case.objects.filter(agency__in=agencies.values()).count()
    if existing:
        report.note(f"依申请公开案件：已有 {existing} 件（未重复生成）")
        return
    importer = User.objects.filter(role="admin").order_by("pk").first()
    items = build(agencies, services.today())
    loaded = services.bulk_import(items, importer)
    open_count = Case.objects.filter(agency__in=agencies.values(), replied_on__isnull=True).count()
    report.note(
        f"依申请公开案件：{loaded} 件（近三年，{len(agencies)} 个机关；未办结 {open_count} 件）"
    )


__all__ = ["DEMO_AGENCIES", "build", "cases"]
