"""Reading only the cases that can count in a year changes nothing in table 3."""

from __future__ import annotations

import datetime as dt
import random
from typing import Any

import pytest

from gongkai.formats import FORMAT_2021
from gongkai.statistics import table3_for_year
from gongkai.web.cases.choices import OUTCOME_KEYS
from gongkai.web.cases.models import Case
from gongkai.web.cases.statistics import application_records

pytestmark = pytest.mark.django_db

APPLICANTS = ("natural_person", "commercial", "research", "social", "legal_service", "other_org")
OUTCOMES = [k for k in OUTCOME_KEYS if k in FORMAT_2021.table3.outcome_rows]


def _cases(agencies: list[Any], by: Any, count: int = 300) -> None:
    rng = random.Random(7)
    rows = []
    for n in range(count):
        received = dt.date(2020, 6, 1) + dt.timedelta(days=rng.randrange(6 * 365))
        kind = rng.random()
        replied = received + dt.timedelta(days=rng.randrange(1, 120))
        # open; replied with an outcome; a reply date without an outcome (not concluded)
        replied_on, outcome = (
            (None, "")
            if kind < 0.2
            else (replied, rng.choice(OUTCOMES))
            if kind < 0.9
            else (replied, "")
        )
        rows.append(
            Case(
                agency=agencies[n % len(agencies)],
                number=f"T{n}",
                channel="in_person",
                applicant_type=rng.choice(APPLICANTS),
                applicant_name="张三",
                id_type="id_card",
                id_number="110101199003071233",
                applicant_key=f"k{n}",
                description="文件",
                form_wanted="electronic",
                delivery_wanted="email",
                created_by=by,
                received=received,
                reply_due=received + dt.timedelta(days=28),
                replied_on=replied_on,
                outcome=outcome,
                state="running" if replied_on is None else "replied",
            )
        )
    Case.objects.bulk_create(rows)


def _cells(table: Any) -> dict[str, dict[str, list[str]]]:
    return {
        row: {col: sorted(ids) for col, ids in cols.items()}
        for row, cols in table.sources.to_dict().items()
    }


@pytest.mark.parametrize("year", [2020, 2021, 2022, 2023, 2024, 2025, 2026, 2027])
def test_year_filter_gives_the_same_table3(
    tree: Any, role_users: dict[str, Any], year: int
) -> None:
    agencies = [tree.city, tree.district, tree.street]
    _cases(agencies, role_users["handler"])
    ids = [a.pk for a in agencies]
    everything = list(application_records(ids))
    narrowed = list(application_records(ids, year=year))
    full = table3_for_year(everything, year)
    fast = table3_for_year(narrowed, year)
    assert fast.values == full.values
    assert _cells(fast) == _cells(full)  # the same cases behind every cell (read unordered)
    if 2021 <= year <= 2025:
        assert 0 < len(narrowed) < len(everything)  # the filter does narrow the read


def test_reply_date_without_outcome_is_still_read_as_open(
    tree: Any, role_users: dict[str, Any]
) -> None:
    _cases([tree.city], role_users["handler"], count=60)
    odd = Case.objects.filter(outcome="", replied_on__isnull=False).order_by("replied_on").first()
    assert odd is not None
    later = odd.replied_on.year + 1
    assert str(odd.pk) in {r.id for r in application_records([tree.city.pk], year=later)}
