"""Staff intake checks like the portal, the duplicate check takes long text, one date each."""

from __future__ import annotations

import re
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from gongkai.letters.context import withheld_part
from gongkai.web.cases import services
from gongkai.web.cases.models import Case, Consultation
from tests.web.conftest import PASSWORD

from .conftest import APPLICANT, D, register, serve

pytestmark = pytest.mark.django_db


def login(user: Any) -> Client:
    client = Client()
    assert client.login(username=user.username, password=PASSWORD)
    return client


def intake(**overrides: Any) -> dict[str, Any]:
    return {**APPLICANT, "channel": "in_person", "submitted_on": "2025-03-03"} | overrides


def test_staff_intake_refuses_a_bad_id_check_character(handler: Any) -> None:
    client = login(handler)
    response = client.post(reverse("cases:new"), intake(id_number="110101199003071234"))
    assert response.status_code == 200
    assert "居民身份证号码校验位不正确" in response.content.decode()
    assert not Case.objects.exists()


def test_staff_intake_takes_a_valid_id_in_lower_case(handler: Any) -> None:
    client = login(handler)
    response = client.post(reverse("cases:new"), intake(id_number=" 11010519491231002x "))
    assert response.status_code == 302, response.content.decode()
    assert Case.objects.get().id_number == "11010519491231002X"


def test_staff_intake_checks_a_credit_code(handler: Any) -> None:
    client = login(handler)
    response = client.post(
        reverse("cases:new"),
        intake(applicant_type="enterprise", id_type="credit_code", id_number="91350100M000100Y4A"),
    )
    assert response.status_code == 200 and not Case.objects.exists()
    assert "统一社会信用代码" in response.content.decode()


def test_the_duplicate_check_takes_a_5000_character_description(
    tree: Any, handler: Any, today: Any
) -> None:
    long = ("2024年临川市老旧小区改造项目的招标文件、中标通知书和合同" * 200)[:5000]
    earlier = register(tree.city, handler, description=long)
    today.day = D(2025, 4, 1)
    client = login(handler)
    data = {"applicant_name": "张三丰", "id_number": APPLICANT["id_number"], "description": long}
    response = client.post(reverse("cases:duplicates"), data, HTTP_HX_REQUEST="true")
    assert response.status_code == 200
    html = response.content.decode()
    assert "可能是重复申请" in html and earlier.number in html
    # a GET (the old way, which a long description overflowed) is not accepted
    assert client.get(reverse("cases:duplicates"), data).status_code == 405


def test_the_duplicate_check_keeps_csrf(handler: Any) -> None:
    client = Client(enforce_csrf_checks=True)
    assert client.login(username=handler.username, password=PASSWORD)
    response = client.post(reverse("cases:duplicates"), {"description": "x"})
    assert response.status_code == 403


def test_the_intake_page_asks_for_duplicates_by_post(handler: Any) -> None:
    html = login(handler).get(reverse("cases:new")).content.decode()
    assert f'hx-post="{reverse("cases:duplicates")}"' in html
    assert "hx-get" not in html


@pytest.mark.parametrize(
    "written",
    [
        "评标专家名单",
        "评标专家名单不予公开",
        "评标专家名单，依法不予公开。",
        "评标专家名单，不予以公开。",
        "评标专家名单，依法作不予公开处理（条例第十六条）",
        "不予公开的部分为：评标专家名单",
    ],
)
def test_the_partial_letter_says_not_disclosed_once(case: Case, handler: Any, written: str) -> None:
    services.reply(
        case,
        handler,
        version=case.version,
        date=D(2025, 3, 20),
        outcome_key="partial",
        withheld_description=written,
        withheld_reason="denied_6",
        provision_method="电子邮件",
    )
    from gongkai.web.cases import letters

    text = letters.fill(Case.objects.get(pk=case.pk), "reply_partial", D(2025, 3, 20)).as_text()
    sentence = text[text.index("其中，") :].split("\n")[0]
    assert sentence.startswith("其中，不予公开的部分为：评标专家名单。该部分信息属于")
    assert sentence.count("不予公开") == 2  # "不予公开的部分为" and the decision, once
    assert sentence.endswith("的规定，不予公开。可以公开的部分以电子邮件的方式向您提供。")


def test_withheld_part_keeps_text_that_is_not_a_refusal() -> None:
    assert withheld_part("依法应当公开的信息以外的部分") == "依法应当公开的信息以外的部分"
    assert withheld_part("不予公开") == "不予公开"


def _page(client: Client, case: Case) -> str:
    return client.get(reverse("cases:detail", args=[case.pk])).content.decode()


def test_a_superseded_due_date_is_history_and_the_current_one_stands_out(
    case: Case, handler: Any, head: Any
) -> None:
    services.request_extension(case, handler, version=case.version, workdays=15, reason="档案")
    case = Case.objects.get(pk=case.pk)
    extension = case.extensions.get()
    services.decide_extension(
        extension, head, version=case.version, approve=True, date=D(2025, 3, 10)
    )
    case = Case.objects.get(pk=case.pk)
    html = _page(login(handler), case)
    timeline = html[html.index('data-testid="timeline"') :]
    timeline = timeline[: timeline.index("</ol>")]
    current = f"{case.reply_due:%Y-%m-%d}"
    assert current != "2025-03-31"
    shown = re.findall(r'data-testid="current-due">→ 期限 ([\d-]+)', timeline)
    assert shown and set(shown) == {current}  # the current date only, wherever it is said
    assert "（已变更：期限 2025-03-31）" in timeline  # the original date, greyed as history
    assert timeline.count('class="due"') == len(shown)


def test_provisional_is_shown_only_while_the_clock_runs(
    tree: Any, handler: Any, today: Any
) -> None:
    # 2027: the State Council's holiday notice is not loaded, the dates are provisional
    today.day = D(2027, 3, 5)
    case = register(tree.city, handler, submitted_on=D(2027, 3, 1))
    client = login(handler)
    assert case.provisional
    assert 'data-testid="provisional"' in _page(client, case)
    services.reply(case, handler, version=case.version, date=D(2027, 3, 5), outcome_key="granted")
    case = Case.objects.get(pk=case.pk)
    html = _page(client, case)
    assert 'data-testid="provisional"' not in html and "期限为暂定" not in html
    assert "尚未载入国务院节假日安排通知" not in html.split('data-testid="timeline"')[0]
    assert 'data-testid="replied-on">2027年3月5日答复' in html
    listing = client.get(reverse("cases:list")).content.decode()
    assert "badge-provisional" not in listing


def test_the_consultation_limit_on_the_page_is_the_clocks(case: Case, handler: Any) -> None:
    services.send_consultation(
        case, handler, version=case.version, date=D(2025, 3, 5), party="临川建工集团"
    )
    serve(Case.objects.get(pk=case.pk), handler, "consultation_sent", D(2025, 3, 6))
    case = Case.objects.get(pk=case.pk)
    [(row, limit)] = services.consultation_limits(case, services.compute(case))
    assert limit is not None and row.limit == limit
    Consultation.objects.filter(pk=row.pk).update(limit=D(2025, 1, 1))  # a stale cache
    html = _page(login(handler), case)
    table = html[html.index('data-testid="consultations"') :]
    table = table[: table.index("</table>")]
    assert f"{limit:%Y-%m-%d}" in table and "2025-01-01" not in table
