"""Applying online (Art. 29) and the agency confirming receipt (Art. 31(三))."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.test import Client

from gongkai.web.cases.models import Case, FormSubmission
from gongkai.web.portal import services
from gongkai.web.portal.models import OnlineApplication
from tests.web.conftest import make_user
from tests.web.portal.conftest import CREDIT_CODE, FORM, D, apply_url, post_application, submitted

pytestmark = pytest.mark.django_db


def test_submit_keeps_one_application_awaiting_confirmation(tree: Any, handler: Any) -> None:
    response = post_application(Client(), tree.city)
    assert response.status_code == 302
    application = OnlineApplication.objects.get()
    assert response["Location"] == f"/portal/track/{application.tracking_number}/submitted/"
    assert application.agency == tree.city
    assert application.applicant_type == "natural_person"
    assert application.submitted_on == D(2025, 3, 3)
    assert application.case is None  # no date of receipt until both parties confirm
    assert Case.objects.count() == 0


def test_confirming_registers_exactly_one_online_case(tree: Any, handler: Any, today: Any) -> None:
    application, _ = submitted(tree.city)
    today.day = D(2025, 3, 5)
    case = services.confirm_receipt(application, handler, received_on=D(2025, 3, 4))
    assert Case.objects.count() == 1
    assert case.agency == tree.city
    assert case.channel == "online"
    assert case.applicant_type == "natural_person"
    assert case.applicant_name == "张三明"
    kinds = list(case.events.order_by("seq").values_list("kind", "date"))
    assert ("submitted", D(2025, 3, 3)) in kinds
    assert ("confirmed", D(2025, 3, 4)) in kinds
    assert case.received == D(2025, 3, 4)
    application.refresh_from_db()
    assert application.case == case
    assert application.confirmed_by == handler


def test_organisation_applicant_type_is_the_table3_column(tree: Any, handler: Any) -> None:
    response = post_application(
        Client(),
        tree.city,
        applicant_kind="organisation",
        organisation_type="legal_service",
        applicant_name="临川明理律师事务所",
        id_type="credit_code",
        id_number=CREDIT_CODE.lower(),
        legal_representative="李四",
    )
    assert response.status_code == 302
    application = OnlineApplication.objects.get()
    assert application.applicant_type == "legal_service"
    assert application.id_number == CREDIT_CODE  # normalised
    case = services.confirm_receipt(application, handler)
    assert case.applicant_type == "legal_service"
    assert case.legal_representative == "李四"


def test_double_submit_stores_one_application_and_shows_the_same_code(
    tree: Any, handler: Any
) -> None:
    client = Client()
    page = client.get(apply_url(tree.city))
    data = {"token": page.context["form"].initial["token"], **FORM}
    first = client.post(apply_url(tree.city), data)
    shown = client.get(first["Location"]).context["access_code"]
    second = client.post(apply_url(tree.city), data)
    assert second.status_code == 302 and second["Location"] == first["Location"]
    assert OnlineApplication.objects.count() == 1
    again = client.get(second["Location"])
    assert again.context["access_code"] == shown
    assert "未重复提交" in again.content.decode()


def test_double_confirmation_registers_one_case(tree: Any, handler: Any, head: Any) -> None:
    application, _ = submitted(tree.city)
    services.confirm_receipt(application, handler)
    stale = OnlineApplication.objects.get(pk=application.pk)
    stale.case = None  # a second clerk's page, loaded before the first confirmed
    with pytest.raises(ValidationError, match="已确认收到"):
        services.confirm_receipt(stale, head)
    assert Case.objects.count() == 1
    assert FormSubmission.objects.filter(token=f"portal-{application.pk}").count() == 1


def test_confirmation_needs_the_agencys_staff(tree: Any, handler: Any) -> None:
    application, _ = submitted(tree.city)
    outsider = make_user("handler-other", "handler", tree.other_city)
    with pytest.raises(PermissionDenied):
        services.confirm_receipt(application, outsider)
    with pytest.raises(ValidationError, match="不能早于提交日期"):
        services.confirm_receipt(application, handler, received_on=D(2025, 3, 1))
    with pytest.raises(ValidationError, match="不能晚于今天"):
        services.confirm_receipt(application, handler, received_on=D(2025, 3, 4))
    assert Case.objects.count() == 0


def test_agency_without_staff_does_not_take_online_applications(tree: Any, handler: Any) -> None:
    client = Client()
    assert client.get(apply_url(tree.other_dept)).status_code == 404
    with pytest.raises(ValidationError, match="暂不接受网上申请"):
        submitted(tree.other_dept)


def test_a_forged_token_is_refused(tree: Any, handler: Any) -> None:
    response = Client().post(apply_url(tree.city), {"token": "x", **FORM})
    assert response.status_code == 400
    assert "表单已失效" in response.content.decode()
    assert OnlineApplication.objects.count() == 0


@pytest.mark.parametrize(
    ("overrides", "field", "message"),
    [
        ({"applicant_name": ""}, "applicant_name", "请填写姓名或名称。"),
        ({"id_type": ""}, "id_type", "请选择身份证明类型"),
        ({"id_number": "110105194912310021"}, "id_number", "校验位不正确"),
        ({"id_number": "11010519491331002X"}, "id_number", "不是有效日期"),
        ({"phone": "", "email": "", "delivery_wanted": "pickup"}, "phone", "联系电话或电子邮箱"),
        ({"description": "文件"}, "description", "不少于 10 个字"),
        ({"delivery_wanted": "post", "address": ""}, "address", "请填写通信地址"),
        ({"delivery_wanted": "email", "email": ""}, "email", "请填写电子邮箱"),
        ({"form_wanted": "paper", "delivery_wanted": "email"}, "delivery_wanted", "纸质载体"),
        ({"form_wanted": ""}, "form_wanted", "载体形式"),
        ({"declaration": ""}, "declaration", "申请声明"),
        ({"applicant_kind": "organisation"}, "organisation_type", "选择组织类型"),
        (
            {"applicant_kind": "organisation", "organisation_type": "commercial"},
            "id_type",
            "统一社会信用代码",
        ),
        ({"email": "not-an-address"}, "email", "电子邮箱格式不正确"),
        ({"postcode": "1234"}, "postcode", "6 位数字"),
    ],
)
def test_validation_errors_in_chinese(
    tree: Any, handler: Any, overrides: dict[str, str], field: str, message: str
) -> None:
    response = post_application(Client(), tree.city, **overrides)
    assert response.status_code == 400
    errors = response.context["form"].errors
    assert field in errors, errors
    assert any(message in e for e in errors[field]), errors[field]
    assert "申请未提交" in response.content.decode()
    assert OnlineApplication.objects.count() == 0


def test_credit_code_is_checked(tree: Any, handler: Any) -> None:
    response = post_application(
        Client(),
        tree.city,
        applicant_kind="organisation",
        organisation_type="commercial",
        applicant_name="临川某某有限公司",
        id_type="credit_code",
        id_number="91350100M000100Y44",
    )
    assert response.status_code == 400
    assert "校验码错误" in response.context["form"].errors["id_number"][0]


def test_posts_need_the_csrf_token(tree: Any, handler: Any) -> None:
    client = Client(enforce_csrf_checks=True)
    page = client.get(apply_url(tree.city))
    data = {"token": page.context["form"].initial["token"], **FORM}
    assert client.post(apply_url(tree.city), data).status_code == 403
    assert (
        client.post("/portal/track/", {"tracking_number": "x", "access_code": "y"}).status_code
        == 403
    )
    assert OnlineApplication.objects.count() == 0
    data["csrfmiddlewaretoken"] = page.context["csrf_token"]
    assert client.post(apply_url(tree.city), data).status_code == 302
    assert OnlineApplication.objects.count() == 1


def test_a_form_sent_again_much_later_does_not_open_the_application(
    tree: Any, handler: Any
) -> None:
    client = Client()
    page = client.get(apply_url(tree.city))
    data = {"token": page.context["form"].initial["token"], **FORM}
    client.post(apply_url(tree.city), data)
    application = OnlineApplication.objects.get()
    earlier = application.submitted_at - services.RESUBMIT_WINDOW - dt.timedelta(minutes=1)
    OnlineApplication.objects.filter(pk=application.pk).update(submitted_at=earlier)
    stranger = Client()  # e.g. the same cached form page, on another day
    response = stranger.post(apply_url(tree.city), data)
    assert response.status_code == 302 and response["Location"] == "/portal/track/"
    assert OnlineApplication.objects.count() == 1
    assert stranger.get(f"/portal/track/{application.tracking_number}/").status_code == 302
