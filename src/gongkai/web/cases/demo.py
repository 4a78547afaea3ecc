"""Demo step: a few thousand realistic applications over the last three years.

Every case is a full event log (every channel, applicant type, clock event and outcome;
some overdue, some waiting for correction or payment, some deemed withdrawn) validated by
``gongkai.clock`` and loaded through ``services.bulk_import``. Every notice whose period
runs from service (correction, consultation, fee, extension, deferral) gets its
``notice_served`` event, and the limits the generator assumes count from that day. The
first agency with demo accounts also gets a handful of hand-made cases, one per legal
situation the clock handles (a late extension, service by post, a reopening …), each
described as 【演示】. Deterministic for a given day.
"""

from __future__ import annotations

import datetime as dt
import random
from typing import Any

from gongkai import fees
from gongkai.calendar import WorkCalendar, cn_date, statutory_holidays
from gongkai.clock import RECEIPT_RULES, Channel, ClockResult, EventType
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
_DETAILS: dict[str, dict[str, Any]] = {
    "granted": {"provision_method": "电子邮件"},
    "partial": {
        "withheld_description": "涉及第三方个人信息和商业秘密的部分",
        "withheld_reason": "denied_4",  # 保护第三方合法权益 (Art. 15)
        "provision_method": "纸质复印件邮寄",
    },
    "denied_2": {"prohibiting_law": "《中华人民共和国保守国家秘密法》第三十条"},
    "unable_1": {
        "responsible_agency": "临川市住房和城乡建设局",
        "reply_detail": "经检索，本机关未制作或获取该信息。",
    },
    "other_3": {"reply_detail": "申请人在办理过程中撤回申请。"},
    "not_processed_2": {"reply_detail": "该申请与本机关已答复的申请内容相同。"},
    "not_processed_3": {
        "publication_access": "《临川市人民政府公报》，可在临川市图书馆政府信息查阅点查阅，"
        "或登录临川市人民政府门户网站“政府公报”栏目获取",
    },
}
# How a notice to the applicant is served, by the way they asked to get the information.
_SERVICE_BY_DELIVERY = {
    "email": "email",
    "post": "post",
    "pickup": "in_person",
    "inspect": "in_person",
    "online": "online",
    "fax": "fax",
}
_EXTENSION_REASONS = (
    "所需信息涉及多个科室，需要汇总检索",
    "档案数量较大，需调取历史档案",
    "需要会商相关部门",
)
_DEFERRAL_REASON = (
    "申请公开的信息数量明显超过合理范围（涉及近五年全部项目档案），"
    "申请人说明了用于课题研究的理由，理由合理，无法在答复期限内答复"
)


def _pick(rng: random.Random, table: list[tuple[Any, int]]) -> Any:
    return rng.choices([k for k, _ in table], weights=[w for _, w in table])[0]


def _person(rng: random.Random) -> str:
    return rng.choice(_SURNAMES) + "".join(rng.choice(_GIVEN) for _ in range(rng.choice((1, 2))))


def _id_number(rng: random.Random, born: int) -> str:
    return f"9901{rng.randint(0, 99):02d}{born}{rng.randint(1, 12):02d}{rng.randint(1, 28):02d}{rng.randint(0, 999):03d}{rng.choice('0123456789X')}"


def _rows(events: list[Any]) -> list[clockbridge.Row]:
    return [(k, d, data, i + 1) for i, (k, d, data, _) in enumerate(events)]


class _Builder:
    def __init__(self, rng: random.Random, calendar: WorkCalendar, today: dt.date) -> None:
        self.rng = rng
        self.cal = calendar
        self.today = today

    def wd(self, day: dt.date, n: int) -> dt.date:
        return self.cal.add_workdays(day, n)

    def service(self, sent: dt.date, method: str) -> dt.date:
        """The day a notice sent on ``sent`` reaches its addressee: the same day, unless by
        post (1–4 days)."""
        if method == "post":
            return sent + dt.timedelta(days=self.rng.randint(1, 4))
        return sent

    def clock(self, channel: str, events: list[Any]) -> ClockResult:
        """The clock's view of the log so far (no as-of day: the generator decides)."""
        return clockbridge.compute(channel, _rows(events), calendar=self.cal)

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
        if channel is Channel.ORDINARY_LETTER:  # confirmed with the applicant the same day
            events.append(("arrived", received, {}, actor))
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
        # notices to the applicant go the way they asked to get the information
        method = _SERVICE_BY_DELIVERY.get(case.delivery_wanted, "post")

        def add(
            kind: str, day: dt.date, data: dict[str, Any] | None = None, by: Any = None
        ) -> bool:
            if day > today:
                return False
            events.append((kind, day, data or {}, by or actor))
            return True

        def serve(notice: str, sent: dt.date, how: str, party: str = "") -> dt.date | None:
            """Record the notice's service; None while it has not reached its addressee."""
            served = self.service(sent, how)
            data: dict[str, Any] = {"notice": notice, "method": how}
            if party:
                data["party"] = party
            return served if add("notice_served", served, data) else None

        def done() -> services.ImportedCase:
            return self._done(case, events, consultations, extensions)

        concluded: str | None = None
        paused = False  # a correction, consultation or fee notice moved the due date
        if roll < 0.12:  # correction
            asked = self.wd(received, rng.randint(1, 6))
            if not add(
                "correction_requested",
                asked,
                {"items": ["请写明所需信息的名称或文号", "请补充身份证明"][: rng.randint(1, 2)]},
            ):
                return done()
            served = serve("correction_requested", asked, method)
            if served is None:
                return done()  # the notice is on its way: the limit has not started
            limit = self.wd(served, 15)  # 自收到本告知书之日起 (Art. 30)
            if rng.random() < 0.7:
                back = self.wd(served, rng.randint(1, 14))
                if not add("correction_received", back):
                    return done()
                cursor = back
                if rng.random() < 0.2:
                    outcome = "unable_3"
            else:
                day = limit + dt.timedelta(days=rng.randint(1, 6))
                if day <= today and rng.random() < 0.85:
                    add(
                        "replied",
                        day,
                        {
                            "outcome": "other_1",
                            "deemed_withdrawal": True,
                            "reply_detail": f"补正期限{cn_date(limit)}届满，申请人无正当理由"
                            "逾期未补正，视为放弃申请（第三十条）",
                        },
                    )
                    concluded = "other_1"
                return self._finish(case, events, consultations, extensions, concluded)
            paused = True
        elif roll < 0.22:  # consultation
            sent = self.wd(cursor, rng.randint(2, 6))
            party = (
                rng.choice(["临川宏远建设工程有限公司", "江淮恒通物流有限公司", "相关权利人王某"])
                if rng.random() < 0.7
                else "临川市财政局"
            )
            kind = "agency" if "局" in party else "third_party"  # Art. 34 or Art. 32
            if not add(
                "consultation_sent", sent, {"party": party, "kind": kind, "consultee": kind}
            ):
                return done()
            # the limit is the clock's, from service (set when the log is validated)
            consultation = Consultation(kind=kind, party=party, sent_on=sent)
            consultations.append(consultation)
            how = "online" if kind == "agency" else rng.choice(["post", "post", "in_person"])
            served = serve("consultation_sent", sent, how, party)
            if served is None:
                return done()
            if rng.random() < 0.7:
                answered = self.wd(served, rng.randint(2, 14))
                agrees = rng.random() < 0.4
                if add("consultation_answered", answered, {"party": party, "agrees": agrees}):
                    consultation.answered_on, consultation.agrees = answered, agrees
                    consultation.opinion = "同意公开" if agrees else "不同意公开，涉及商业秘密"
                    if not agrees and outcome == "granted":
                        outcome = rng.choice(["partial", "denied_4"])
                else:
                    return done()
            elif self.wd(served, 15) > today:
                return done()  # the party still has time to answer
            paused = True
        elif roll < 0.25:  # fee
            sent = self.wd(cursor, rng.randint(2, 8))
            pages = rng.randint(40, 400)
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
                return done()
            served = serve("fee_notice_sent", sent, method)
            if served is None:
                return done()
            limit = self.wd(served, 20)  # 自收到收费通知的次日起 (国办函〔2020〕109号)
            if rng.random() < 0.6:
                paid = self.wd(served, rng.randint(1, 15))
                if not add("fee_paid", paid):
                    return done()
            else:
                day = limit + dt.timedelta(days=rng.randint(1, 5))
                if day <= today and rng.random() < 0.85:
                    add(
                        "replied",
                        day,
                        {
                            "outcome": "other_2",
                            "deemed_withdrawal": True,
                            "reply_detail": f"缴费期限{cn_date(limit)}届满，申请人逾期未缴纳"
                            "信息处理费，视为放弃申请（国办函〔2020〕109号）",
                        },
                    )
                    concluded = "other_2"
                return self._finish(case, events, consultations, extensions, concluded)
            paused = True
        if paused:
            due = self.clock(case.channel, events).reply_due
        extend = rng.random()
        if extend < 0.08 and head is not None:  # extension, approved by the head
            asked = max(
                due - dt.timedelta(days=rng.randint(3, 7)),
                max(e[1] for e in events) + dt.timedelta(days=1),
            )
            workdays = rng.choice((10, 15, 20))
            reason = rng.choice(_EXTENSION_REASONS)
            approved = asked + dt.timedelta(days=1)
            # in time only: the late ones are the showcase's (a late extension moves nothing)
            if approved <= due and add(
                "extension_requested", asked, {"workdays": workdays, "reason": reason}
            ):
                request = ExtensionRequest(workdays=workdays, reason=reason, requested_by=actor)
                if add(
                    "extended",
                    approved,
                    {"workdays": workdays, "reason": reason, "approved_by": str(head)},
                    head,
                ):
                    request.decided_by, request.decided_on, request.approved = head, approved, True
                    serve("extended", approved, method)
                    due = self.clock(case.channel, events).reply_due
                extensions.append(request)
        elif extend < 0.095 and not paused:  # Art. 35: a later date for a very large volume
            decided = max(
                due - dt.timedelta(days=rng.randint(3, 10)),
                max(e[1] for e in events) + dt.timedelta(days=1),
            )
            until = self.wd(due, rng.randint(10, 30))
            if decided <= due and add(
                "deferred", decided, {"until": until.isoformat(), "reason": _DEFERRAL_REASON}
            ):
                serve("deferred", decided, method)
                due = until
        # the reply: mostly in time, a few late, a few never (overdue)
        late = rng.random()
        if received > today - dt.timedelta(days=35) and rng.random() < 0.6:
            return done()  # still being handled
        if late < 0.04 and due < today:
            return done()  # left overdue
        start = max(cursor, due - dt.timedelta(days=25))
        span = max(1, (due - start).days)
        day = start + dt.timedelta(days=rng.randint(1, span))
        if late < 0.09:
            day = due + dt.timedelta(days=rng.randint(1, 10))
        day = max(day, max(e[1] for e in events) + dt.timedelta(days=1))
        while not self.cal.is_workday(day):
            day += dt.timedelta(days=1)
        details = dict(_DETAILS.get(outcome, {}))
        if outcome == "not_processed_2":  # the earlier, identical application's reply
            earlier = received - dt.timedelta(days=rng.randint(30, 200))
            details["previous_reply_date"] = earlier.isoformat()
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
    """Whether the clock accepts the log; the consultation rows get the clock's limits (from
    service, as ``services.refresh_consultations`` keeps them)."""
    rows = _rows(item.events)
    try:
        result = clockbridge.compute(item.case.channel, rows, calendar=calendar)
    except ValueError:  # CaseError: a generated log the clock refuses is left out
        return False
    sent = [seq for kind, _, _, seq in rows if kind == EventType.CONSULTATION_SENT.value]
    for row, seq in zip(item.consultations, sent, strict=False):
        row.limit = result.limit_of(seq)
    return True


# ---- showcase: one hand-made case per legal situation ------------------------------------

SHOWCASE_MARK = "【演示】"
_Made = tuple[services.ImportedCase, dt.date]  # a showcase case file and its receipt


class _Showcase:
    """Hand-made cases in one staffed agency, dated from ``today`` so they stay meaningful:
    each shows one rule of the clock, and its description says which (【演示】…)."""

    def __init__(
        self, builder: _Builder, agency: Any, handler: User, head: User, today: dt.date
    ) -> None:
        self.cal = builder.cal
        self.agency = agency
        self.handler = handler
        self.head = head
        self.today = today
        self.count = 0

    def back(self, workdays: int) -> dt.date:
        """The working day ``workdays`` working days before today."""
        return self.cal.add_workdays(self.today, -workdays)

    def wd(self, day: dt.date, n: int) -> dt.date:
        return self.cal.add_workdays(day, n)

    def case(self, title: str, what: str, request: str, channel: Channel = Channel.ONLINE) -> Case:
        self.count += 1
        n = self.count
        return Case(
            agency=self.agency,
            channel=channel.value,
            oral=False,
            applicant_type="natural_person",
            applicant_name=("演示申请人" + "甲乙丙丁戊己庚辛壬癸"[(n - 1) % 10]),
            applicant_organisation="",
            legal_representative="",
            id_type="id_card",
            id_number=f"99010119800101{n:03d}0",
            phone=f"1390000{n:04d}",
            email=f"demo{n}@example.com",
            address=f"临川市人民路{n}号",
            description=f"{SHOWCASE_MARK}{title}：{what}。申请公开：{request}",
            form_wanted="electronic",
            delivery_wanted="email",
            created_by=self.handler,
            handler=self.handler,
        )

    def opening(self, channel: Channel, received: dt.date) -> list[Any]:
        """Registration, submission and receipt on ``received`` (the channel's rule)."""
        by = self.handler
        events: list[Any] = [
            ("registered", received, {"oral": False}, by),
            ("submitted", received, {}, by),
        ]
        rule = RECEIPT_RULES[channel]
        if rule.event is not EventType.SUBMITTED:
            events.append((rule.event.value, received, {}, by))
        events.append(("assigned", received, {"name": str(by)}, by))
        return events

    def extension(
        self, events: list[Any], asked: dt.date, decided: dt.date, workdays: int, reason: str
    ) -> ExtensionRequest:
        events.append(
            ("extension_requested", asked, {"workdays": workdays, "reason": reason}, self.handler)
        )
        data = {"workdays": workdays, "reason": reason, "approved_by": str(self.head)}
        events.append(("extended", decided, data, self.head))
        events.append(self.served("extended", decided, "email"))
        return ExtensionRequest(
            workdays=workdays,
            reason=reason,
            requested_by=self.handler,
            decided_by=self.head,
            decided_on=decided,
            approved=True,
        )

    def served(self, notice: str, day: dt.date, method: str, party: str = "") -> Any:
        data: dict[str, Any] = {"notice": notice, "method": method}
        if party:
            data["party"] = party
        return ("notice_served", day, data, self.handler)

    def item(
        self,
        received: dt.date,
        case: Case,
        events: list[Any],
        consultations: list[Consultation] | None = None,
        extensions: list[ExtensionRequest] | None = None,
    ) -> _Made:
        """The case file and its date of receipt (which numbers it)."""
        events.sort(key=lambda e: e[1])  # stable: same-day events keep their order
        return services.ImportedCase(case, events, consultations or [], extensions or []), received

    def cases(self) -> list[_Made]:
        return [
            self.late_extension(),
            self.late_correction(),
            self.late_fee(),
            self.correction_by_post(),
            self.agency_consultation_unserved(),
            self.deferral(),
            self.reopened(),
            self.letter_confirmed_late(),
            self.spring_festival(),
            self.two_extensions(),
        ]

    # (1) an extension decided after the due date: it moves nothing, the case stays overdue
    def late_extension(self) -> _Made:
        received = self.back(26)
        due = self.wd(received, 20)
        case = self.case(
            "延期决定晚于答复期限",
            f"答复期限{cn_date(due)}届满后才经负责人批准延长10个工作日，延期不发生效力，"
            "答复期限不变，案件仍属超期",
            "2025年城区道路改造工程立项批复文件",
        )
        events = self.opening(Channel.ONLINE, received)
        reason = "所需信息涉及多个科室，需要汇总检索"
        request = self.extension(events, self.wd(due, 1), self.wd(due, 2), 10, reason)
        return self.item(received, case, events, extensions=[request])

    # (2) a correction notice sent after the due date: no restart, no deemed withdrawal
    def late_correction(self) -> _Made:
        received = self.back(27)
        due = self.wd(received, 20)
        case = self.case(
            "补正告知晚于答复期限",
            f"答复期限{cn_date(due)}届满后才发出补正告知，不重新计算答复期限，"
            "逾期不补正也不视为放弃申请，案件仍属超期",
            "某小区物业专项维修资金使用情况",
        )
        events = self.opening(Channel.ONLINE, received)
        asked = self.wd(due, 3)
        items = ["请写明所需信息的名称或文号"]
        events.append(("correction_requested", asked, {"items": items}, self.handler))
        events.append(self.served("correction_requested", asked, "email"))
        return self.item(received, case, events)

    # (3) a fee notice sent after the due date: no pause, no deemed withdrawal
    def late_fee(self) -> _Made:
        received = self.back(28)
        due = self.wd(received, 20)
        case = self.case(
            "收费通知晚于答复期限",
            f"答复期限{cn_date(due)}届满后才发出收费通知，不暂停计算答复期限，"
            "逾期未缴费也不视为放弃申请，案件仍属超期",
            "2021年至2025年全部建设工程规划许可证及附图",
        )
        events = self.opening(Channel.ONLINE, received)
        sent = self.wd(due, 2)
        quote = fees.quote("per-volume", 180)
        data = {
            "scheme": "per-volume",
            "quantity": 180,
            "amount": quote.amount,
            "lines": quote.text_lines(),
            "payment_method": "银行转账至临川市财政非税收入专户",
        }
        events.append(("fee_notice_sent", sent, data, self.handler))
        events.append(self.served("fee_notice_sent", sent, "email"))
        return self.item(received, case, events)

    # (4) a correction notice served by post days after it was sent: the limit counts from
    # service
    def correction_by_post(self) -> _Made:
        received = self.back(9)
        asked = self.wd(received, 2)
        served = asked + dt.timedelta(days=5)
        limit = self.wd(served, 15)
        case = self.case(
            "补正告知邮寄送达",
            f"补正告知书于{cn_date(asked)}寄出、{cn_date(served)}送达申请人，"
            f"补正期限自送达之日起计算至{cn_date(limit)}（而非自寄出之日起）",
            "有关部门2025年作出的一份行政处罚决定",
            Channel.REGISTERED_POST,
        )
        events = self.opening(Channel.REGISTERED_POST, received)
        items = ["请写明行政处罚决定书的文号或作出日期", "请写明被处罚人名称"]
        events.append(("correction_requested", asked, {"items": items}, self.handler))
        events.append(self.served("correction_requested", served, "post"))
        return self.item(received, case, events)

    # (5) another agency consulted (Art. 34), the letter's service not yet recorded
    def agency_consultation_unserved(self) -> _Made:
        received = self.back(6)
        sent = self.back(1)
        party = "临川市财政局"
        case = self.case(
            "征求其他机关意见（待登记送达）",
            f"所需信息由本机关与{party}共同制作，于{cn_date(sent)}发函征求其意见（第三十四条），"
            "答复期限暂停计算；征求意见函尚未登记送达，对方15个工作日的期限尚未起算",
            "2025年本市财政专项资金分配结果的联合发文",
        )
        events = self.opening(Channel.ONLINE, received)
        data = {"party": party, "kind": "agency", "consultee": "agency"}
        events.append(("consultation_sent", sent, data, self.handler))
        consultation = Consultation(kind="agency", party=party, sent_on=sent)
        return self.item(received, case, events, consultations=[consultation])

    # (6) Art. 35: a later, reasonable due date for a clearly excessive volume
    def deferral(self) -> _Made:
        received = self.back(15)
        decided = self.back(3)
        until = self.wd(self.wd(received, 20), 25)
        case = self.case(
            "确定延迟答复的合理期限（第三十五条）",
            f"申请公开的数量明显超过合理范围，申请人说明的理由合理，于{cn_date(decided)}"
            f"确定延迟至{cn_date(until)}答复并告知申请人",
            "2019年以来全部建设项目的环境影响评价文件及批复",
        )
        events = self.opening(Channel.ONLINE, received)
        data = {"until": until.isoformat(), "reason": _DEFERRAL_REASON}
        events.append(("deferred", decided, data, self.handler))
        events.append(self.served("deferred", decided, "email"))
        return self.item(received, case, events)

    # (7) a replied case reopened after a review that set its own period
    def reopened(self) -> _Made:
        received = self.back(90)
        replied = self.wd(received, 14)
        reopened = self.back(4)
        period = 15
        due = self.wd(reopened, period)
        decision = f"临川市人民政府行政复议决定书（临复〔{reopened.year}〕8号）"
        case = self.case(
            "复议纠正后重新办理",
            f"原答复为不予公开，{decision}责令重新答复，并限{period}个工作日内作出；"
            f"{cn_date(reopened)}收到决定书，重新答复期限至{cn_date(due)}",
            "某企业环境违法行为的行政处罚决定书",
        )
        events = self.opening(Channel.ONLINE, received)
        events.append(("replied", replied, {"outcome": "denied_4"}, self.handler))
        events.append(("served", replied, {"method": "email"}, self.handler))
        events.append(("archived", self.wd(replied, 10), {}, self.handler))
        data = {
            "reason": "行政复议决定纠正原答复，重新办理",
            "decision": decision,
            "period": period,
            "unit": "workdays",
        }
        events.append(("reopened", reopened, data, self.handler))
        events.append(("assigned", reopened, {"name": str(self.handler)}, self.handler))
        return self.item(received, case, events)

    # (8) an ordinary letter confirmed two days after it arrived (Art. 31(二))
    def letter_confirmed_late(self) -> _Made:
        arrived = self.back(5)
        confirmed = self.wd(arrived, 2)
        case = self.case(
            "平常信函到达两日后才确认",
            f"平常信函于{cn_date(arrived)}到达，{cn_date(confirmed)}才与申请人确认；"
            "收到申请之日以确认之日为准，迟延确认作为晚办的步骤标出",
            "2025年本区学前教育专项资金分配文件",
            Channel.ORDINARY_LETTER,
        )
        by = self.handler
        events: list[Any] = [
            ("registered", arrived, {"oral": False}, by),
            ("submitted", arrived - dt.timedelta(days=3), {}, by),
            ("arrived", arrived, {}, by),
            ("confirmed", confirmed, {}, by),
            ("assigned", confirmed, {"name": str(by)}, by),
        ]
        return self.item(confirmed, case, events)

    # (9) a due date across the Spring Festival of a year without the State Council's notice
    def spring_festival(self) -> _Made:
        received = self.back(10)
        decided = self.back(2)
        year, festival = self._provisional_festival()
        # ten working days from the eve of the holiday, counted by the provisional calendar
        until = self.wd(festival[0] - dt.timedelta(days=1), 10)
        case = self.case(
            f"答复期限跨越{year}年春节（暂定日历）",
            f"确定延迟至{cn_date(until)}答复（第三十五条）；{year}年节假日安排尚未公布，"
            f"春节假期（{cn_date(festival[0])}起）按《全国年节及纪念日放假办法》推算，"
            "期限为暂定，通知公布后以通知为准",
            "2016年至2025年全部国有建设用地供应计划及执行情况",
        )
        events = self.opening(Channel.ONLINE, received)
        data = {"until": until.isoformat(), "reason": _DEFERRAL_REASON}
        events.append(("deferred", decided, data, self.handler))
        events.append(self.served("deferred", decided, "email"))
        return self.item(received, case, events)

    def _provisional_festival(self) -> tuple[int, list[dt.date]]:
        """The next Spring Festival at least a month away in a provisional year."""
        year = self.today.year
        while True:
            days = sorted(d for d, h in statutory_holidays(year).items() if h.name == "春节")
            if not self.cal.is_final(year) and days and days[0] > self.today + dt.timedelta(30):
                return year, days
            year += 1

    # (10) two extensions, 10 + 10 working days: the 20 days of Art. 33 in total
    def two_extensions(self) -> _Made:
        received = self.back(22)
        first = self.wd(received, 12)
        second = self.back(1)
        due = self.wd(self.wd(self.wd(received, 20), 10), 10)
        case = self.case(
            "两次延期（10+10个工作日）",
            f"经负责人同意先后两次延长答复期限各10个工作日，合计20个工作日（第三十三条第二款），"
            f"答复期限至{cn_date(due)}",
            "2024年至2025年本市保障性租赁住房分配结果及审核材料",
        )
        events = self.opening(Channel.ONLINE, received)
        requests = [
            self.extension(events, first, first, 10, "档案数量较大，需调取历史档案"),
            self.extension(events, second, second, 10, "需要会商相关部门"),
        ]
        return self.item(received, case, events, extensions=requests)


def _numbered(
    item: services.ImportedCase, received: dt.date, numbers: dict[int, int]
) -> services.ImportedCase:
    """The agency's next number of the year (依申请〔year〕N号)."""
    numbers[received.year] = numbers.get(received.year, 0) + 1
    item.case.number = f"依申请〔{received.year}〕{numbers[received.year]}号"
    return item


def build(
    agencies: dict[str, Any], today: dt.date, seed: int = 2019
) -> list[services.ImportedCase]:
    rng = random.Random(f"{seed}-{today.isoformat()}")
    calendar = work_calendar()
    builder = _Builder(rng, calendar, today)
    staff_by_agency: dict[int, list[User]] = {}
    for user in User.objects.filter(
        agency__in=agencies.values(), is_active=True, role__in=("handler", "head")
    ).order_by("pk"):
        staff_by_agency.setdefault(user.agency_id, []).append(user)  # type: ignore[arg-type]
    importer = User.objects.filter(role="admin").order_by("pk").first()
    assert importer is not None, "the demo accounts step creates the administrator first"
    items: list[services.ImportedCase] = []
    first = dt.date(today.year - YEARS, today.month, 1)
    span = (today - first).days
    showcased = False
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
            items.append(_numbered(item, received, numbers))
        handler = next((u for u in staff if u.role == "handler"), None)
        head = next((u for u in staff if u.role == "head"), None)
        if not showcased and handler is not None and head is not None:
            showcased = True  # numbered after the generated cases of their year
            for item, received in _Showcase(builder, agency, handler, head, today).cases():
                if _valid(item, calendar):
                    items.append(_numbered(item, received, numbers))
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
