"""The demo generator: realistic logs the clock accepts, covering every channel, applicant
type and clock event, loaded in bulk with the same cached columns the services derive."""

from __future__ import annotations

from collections import Counter
from typing import Any

import pytest

from gongkai.clock import Channel, EventType
from gongkai.statistics import table3_for_year
from gongkai.web.cases import demo, services
from gongkai.web.cases.choices import APPLICANT_TYPE_LABELS
from gongkai.web.cases.models import Case
from gongkai.web.cases.statistics import application_records

from .conftest import D

pytestmark = pytest.mark.django_db


def test_demo_cases_cover_the_rules_and_feed_table_3(
    tree: Any, role_users: dict[str, Any], today: Any
) -> None:
    today.day = D(2026, 11, 20)
    agencies = {"lc": tree.city, "dh": tree.district, "lc-jyj": tree.city_dept}
    items = demo.build(agencies, today.day, seed=7)
    assert len(items) > 300
    kinds = Counter(kind for item in items for kind, *_ in item.events)
    assert {t.value for t in EventType} <= set(kinds)
    assert {item.case.channel for item in items} == {c.value for c in Channel}
    assert {item.case.applicant_type for item in items} == set(APPLICANT_TYPE_LABELS)
    loaded = services.bulk_import(items, role_users["admin"])
    assert loaded == len(items) == Case.objects.count()
    sample = Case.objects.order_by("?")[:20]
    for case in sample:  # the bulk cache equals what refresh derives from the stored log
        before = (case.state, case.reply_due, case.replied_on, case.outcome)
        services.refresh(case)
        assert (case.state, case.reply_due, case.replied_on, case.outcome) == before
    records = list(application_records([a.pk for a in agencies.values()]))
    table = table3_for_year(records, 2025).values
    for column in range(7):  # A1 holds by construction
        assert (
            table["new_received"][column] + table["carried_over"][column]
            == table["total"][column] + table["carried_forward"][column]
        )
    assert table["total"][6] > 0
