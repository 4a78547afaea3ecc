"""``gongkai demo``: a realistic province with every kind of agency and every role."""

from __future__ import annotations

import pytest

from gongkai.agency_kinds import AGENCY_KINDS, infer_kind
from gongkai.web.accounts.demo import DEMO_USERS
from gongkai.web.accounts.models import User
from gongkai.web.accounts.roles import ROLES
from gongkai.web.agencies.demo import DEMO_AGENCIES
from gongkai.web.agencies.models import Agency
from gongkai.web.agencies.validators import credit_code_problem
from gongkai.web.core.demo import DEMO_PASSWORD, demo_step, run_demo, steps

# The foundation's own steps; later apps' steps are tested by those apps.
FOUNDATION = ("江淮省机关", "演示账号")


@pytest.fixture
def demo(db: None):  # type: ignore[no-untyped-def]
    return run_demo(only=FOUNDATION)


def test_demo_builds_a_province_of_every_kind(demo) -> None:  # type: ignore[no-untyped-def]
    agencies = Agency.objects.all()
    assert agencies.count() >= 30
    assert {a.kind for a in agencies} == set(AGENCY_KINDS)
    assert Agency.objects.filter(parent=None).get().name == "江淮省人民政府"
    assert Agency.objects.filter(level__gte=3).exists()  # province → city → district → street
    for agency in agencies:
        assert credit_code_problem(agency.credit_code) is None, agency.name
        assert agency.office_phone and agency.office_address and agency.office_email


def test_demo_names_are_realistic(db: None) -> None:
    for demo in DEMO_AGENCIES:
        if demo.kind != "other":  # 事业单位 names look like departments
            assert infer_kind(demo.name) == demo.kind, demo.name


def test_demo_has_users_of_every_role_who_can_log_in(demo) -> None:  # type: ignore[no-untyped-def]
    assert {u.role for u in User.objects.all()} == set(ROLES)
    assert {c.username for c in demo.credentials} == {u.username for u in DEMO_USERS}
    for user in User.objects.filter(username__in=[u.username for u in DEMO_USERS]):
        assert user.check_password(DEMO_PASSWORD), user.username


def test_demo_is_idempotent(demo) -> None:  # type: ignore[no-untyped-def]
    counts = (Agency.objects.count(), User.objects.count())
    paths = list(Agency.objects.values_list("path", flat=True))
    User.objects.filter(username="admin").update(is_active=False)
    again = run_demo(only=FOUNDATION)
    assert (Agency.objects.count(), User.objects.count()) == counts
    assert list(Agency.objects.values_list("path", flat=True)) == paths
    assert User.objects.get(username="admin").is_active  # printed credentials work again
    assert "本次新建 0 个" in again.lines[0]


def test_steps_run_in_order_and_later_issues_can_add_some(db: None) -> None:
    seen: list[str] = []

    @demo_step(order=1_000_000, title="测试步骤")
    def extra(report) -> None:  # type: ignore[no-untyped-def]
        seen.append("extra")
        report.note("额外步骤")

    try:
        titles = [s.title for s in steps()]
        assert titles.index("江淮省机关") < titles.index("演示账号") < titles.index("测试步骤")
        assert run_demo(only=(*FOUNDATION, "测试步骤")).lines[-1] == "额外步骤" and seen == [
            "extra"
        ]
    finally:
        from gongkai.web.core import demo as registry

        registry._STEPS.pop(f"{extra.__module__}.{extra.__qualname__}")
