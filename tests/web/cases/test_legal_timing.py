"""The case flow keeps the clock's legal timing: service of notices is recorded and starts
the addressee's period, a late step is announced before staff take it and flagged after,
Art. 35 deferral, the ordinary letter's arrival, and a reopening with the decision's period.

Received in person 2025-03-03 (Monday) → due 2025-03-31 (清明节 4月4日至6日放假).
"""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from gongkai.web.cases import services
from gongkai.web.cases.models import Case, CaseEvent
from gongkai.web.reviews import services as review_services
from tests.web.conftest import PASSWORD

from .conftest import D, register

pytestmark = pytest.mark.django_db


def login(user: Any) -> Client:
    client = Client()
    assert client.login(username=user.username, password=PASSWORD)
    return client


def page(user: Any, case: Case) -> str:
    return login(user).get(reverse("cases:detail", args=[case.pk])).content.decode()


def act(user: Any, case: Case, key: str, **fields: Any) -> Any:
    case.refresh_from_db()
    data = {f"{key}-version": case.version, f"{key}-token": f"{key}-{case.version}"}
    data |= {f"{key}-{name}": value for name, value in fields.items()}
    return login(user).post(reverse("cases:action", args=[case.pk, key]), data, follow=True)


def test_the_correction_limit_starts_when_the_notice_is_served(
    handler: Any, case: Case, today: Any
) -> None:
    act(handler, case, "correction", date="2025-03-06", items="写明文号")
    case.refresh_from_db()
    html = page(handler, case)
    assert 'data-testid="unserved"' in html and "发出补正告知" in html
    notice = CaseEvent.objects.get(case=case, kind="correction_requested")
    today.day = D(2025, 3, 10)
    act(handler, case, "notice_service", date="2025-03-10", notice=notice.seq, method="post")
    # 15 working days from the day after 3/10: 3/11–14 (4), 3/17–21 (9), 3/24–28 (14), 3/31
    assert services.compute(case).correction_limit == D(2025, 3, 31)
    served = CaseEvent.objects.get(case=case, kind="notice_served")
    assert served.data["notice"] == "correction_requested" and served.data["method"] == "post"
    html = page(handler, case)
    assert 'data-testid="unserved"' not in html and "邮寄送达" in html


def test_the_correction_letter_states_the_date_only_once_served(
    handler: Any, case: Case, today: Any
) -> None:
    from gongkai.letters import render_letter
    from gongkai.web.cases import letters

    def render_text(key: str, context: Any) -> str:
        return render_letter(key, context).as_text()

    services.request_correction(
        case, handler, version=case.version, date=D(2025, 3, 6), items=["写明文号"]
    )
    _, before = letters.context(case, "correction", D(2025, 3, 6))
    assert before.correction_due_date is None
    text = render_text("correction", before)
    assert (
        "自收到本告知书之日起15个工作日内" in text and "即" not in text.split("个工作日内")[1][:2]
    )
    case.refresh_from_db()
    notice = CaseEvent.objects.get(case=case, kind="correction_requested")
    services.record_notice_service(
        case, handler, version=case.version, date=D(2025, 3, 10), notice=notice.seq, method="post"
    )
    _, after = letters.context(case, "correction", D(2025, 3, 6))
    assert after.correction_due_date == services.compute(case).correction_limit == D(2025, 3, 31)
    assert "2025年3月31日" in render_text("correction", after)


def test_a_late_extension_is_announced_before_and_flagged_after(
    handler: Any, head: Any, case: Case, today: Any
) -> None:
    today.day = D(2025, 4, 2)  # the reply period ended on 3/31
    html = page(handler, case)
    assert 'data-testid="late-warning-extension_request"' in html
    assert "第三十三条第二款" in html
    request = services.request_extension(
        case, handler, version=case.version, workdays=10, reason="档案量大"
    )
    response = act(head, case, "extension_decide", date="2025-04-02", approve="1", ref=request.pk)
    html = response.content.decode()
    assert "属逾期步骤" in html and 'data-testid="late-steps"' in html
    case.refresh_from_db()
    assert case.reply_due == D(2025, 3, 31)  # nothing moved
    assert case.overdue_from == D(2025, 4, 1)
    overdue = services.compute(case)
    assert overdue.overdue is True and overdue.late_steps[0].type.value == "extended"


def test_two_extensions_within_the_total(handler: Any, head: Any, case: Case, today: Any) -> None:
    for day in ("2025-03-25", "2025-04-10"):
        today.day = D.fromisoformat(day)
        case.refresh_from_db()
        request = services.request_extension(
            case, handler, version=case.version, workdays=10, reason="档案量大"
        )
        case.refresh_from_db()
        services.decide_extension(
            request, head, version=case.version, approve=True, date=D.fromisoformat(day)
        )
    case.refresh_from_db()
    # 3/31 + 10 → 4/15; + 10 → 4/16–18, 4/21–25, 4/27 (调休上班), 4/28
    assert case.reply_due == D(2025, 4, 28)
    with pytest.raises(Exception, match="合计最长20个工作日"):
        services.request_extension(case, handler, version=case.version, workdays=1, reason="还要延")


def test_art35_deferral_by_the_head(handler: Any, head: Any, case: Case) -> None:
    assert 'data-testid="action-deferral"' not in page(handler, case)  # the head decides
    act(head, case, "deferral", date="2025-03-14", until="2025-05-30", reason="申请量大，理由合理")
    case.refresh_from_db()
    assert case.reply_due == D(2025, 5, 30)
    assert "第三十五条" in page(handler, case)


def test_an_ordinary_letter_confirmed_late_is_flagged(tree: Any, handler: Any) -> None:
    case = register(
        tree.city,
        handler,
        channel="ordinary_letter",
        submitted_on=D(2025, 3, 1),
        arrived_on=D(2025, 3, 3),
        received_on=D(2025, 3, 5),
    )
    assert case.received == D(2025, 3, 5)
    [late] = services.compute(case).late_steps
    assert "第三十一条第（二）项" in late.rule
    assert "第三十一条第（二）项" in page(handler, case)


def test_reopening_uses_the_period_of_the_decision(
    tree: Any, handler: Any, case: Case, today: Any
) -> None:
    services.reply(case, handler, version=case.version, date=D(2025, 3, 20), outcome_key="granted")
    case.refresh_from_db()
    review = review_services.record_review(
        agency=tree.city,
        by=handler,
        kind="review",
        filed=D(2025, 4, 10),
        reference="临复〔2025〕7号",
        body="临川市人民政府",
        applicant="张三丰",
        case=case,
    )
    today.day = D(2025, 6, 10)
    review_services.conclude_review(
        review,
        result="corrected",
        on=D(2025, 6, 2),
        served_on=D(2025, 6, 3),
        period=15,
        unit="workdays",
        by=handler,
    )
    case.refresh_from_db()
    # 15 working days from 6/3: 6/4–6 (3), 6/9–13 (8), 6/16–20 (13), 6/23–24 (15)
    assert case.is_open and case.reply_due == D(2025, 6, 24)
    assert "临复〔2025〕7号" in page(handler, case)


def test_the_late_correction_policy_is_a_deployment_setting(
    handler: Any, case: Case, settings: Any
) -> None:
    # notice 3/13, one working day after Art. 30's 7 days; corrected 3/20
    services.request_correction(
        case, handler, version=case.version, date=D(2025, 3, 13), items=["写明文号"]
    )
    case.refresh_from_db()
    services.receive_correction(case, handler, version=case.version, date=D(2025, 3, 20))
    assert services.compute(case).reply_due == D(2025, 3, 31)  # default: no restart
    settings.GONGKAI_LATE_CORRECTION_RESTARTS = True
    # 3/20 + 20: 3/21 (1), 3/24–28 (6), 3/31–4/3 (10), 4/7–11 (15), 4/14–18 (20)
    assert services.compute(case).reply_due == D(2025, 4, 18)
