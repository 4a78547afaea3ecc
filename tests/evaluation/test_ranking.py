"""The supervisor's ranking: each criterion's points worked out by hand, ties, reasons."""

from __future__ import annotations

import datetime as dt

import pytest

from gongkai.evaluation import AgencyYear, ranked, score

D = dt.date
DEADLINE = D(2025, 1, 31)
AFTER = D(2025, 3, 1)  # the day the ranking is made


def year(**kw: object) -> AgencyYear:
    base: dict[str, object] = {
        "replied": 20,
        "replied_late": 0,
        "overdue_open": 0,
        "report_deadline": DEADLINE,
        "report_published": D(2025, 1, 20),
        "report_errors": 0,
        "report_warnings": 0,
    }
    return AgencyYear(**{**base, **kw})  # type: ignore[arg-type]


def points(agency_year: AgencyYear, today: dt.date = AFTER) -> dict[str, float]:
    return {p.criterion.key: p.points for p in score(agency_year, today).parts}


def test_a_faultless_year_scores_full_marks() -> None:
    result = score(year(), AFTER)
    assert (result.total, result.out_of) == (100, 100)


@pytest.mark.parametrize(
    ("kw", "key", "expected"),
    [
        ({"replied": 20, "replied_late": 5}, "on_time", 30.0),  # 40 × 15/20
        ({"replied": 3, "replied_late": 1}, "on_time", 26.7),  # 40 × 2/3, one decimal
        ({"replied": 0, "replied_late": 0}, "on_time", 40),  # nothing to answer late
        ({"overdue_open": 3}, "overdue", 5),  # 20 − 3 × 5
        ({"overdue_open": 9}, "overdue", 0),  # never below zero
        ({"report_published": DEADLINE}, "report_published", 20),  # on the last day
        ({"report_published": D(2025, 2, 1)}, "report_published", 10),  # a day late: half
        ({"report_published": None}, "report_published", 0),
        ({"report_errors": 2, "report_warnings": 3}, "report_consistent", 7),  # 20 − 10 − 3
        ({"report_errors": None, "report_warnings": None}, "report_consistent", 0),
    ],
)
def test_each_criterion(kw: dict[str, object], key: str, expected: float) -> None:
    assert points(year(**kw))[key] == expected


def test_every_part_says_why() -> None:
    parts = {p.criterion.key: p.why for p in score(year(replied_late=2), AFTER).parts}
    assert parts["on_time"] == "本年答复 20 件，其中超过答复期限 2 件"
    assert parts["report_published"] == "2025年1月20日公开，未超过期限 2025年1月31日"
    before = score(year(report_published=None), D(2025, 1, 10)).parts
    assert "尚未到期" in next(p.why for p in before if p.criterion.key == "report_published")


def test_equal_scores_share_a_place_and_keep_their_order() -> None:
    items = [("甲", 90.0), ("乙", 95.0), ("丙", 90.0), ("丁", 80.0)]
    assert ranked(items, key=lambda item: item[1]) == [
        (1, ("乙", 95.0)),
        (2, ("甲", 90.0)),
        (2, ("丙", 90.0)),
        (4, ("丁", 80.0)),
    ]


@pytest.mark.parametrize(
    "kw",
    [
        {"report_published": None, "report_errors": None, "report_warnings": None},  # none
        {"report_published": None, "report_errors": 0, "report_warnings": 0},  # a clean draft
    ],
)
@pytest.mark.parametrize("today", [D(2025, 1, 10), AFTER])  # before and after the deadline
def test_a_report_not_published_scores_nothing_on_every_report_criterion(
    kw: dict[str, object], today: dt.date
) -> None:
    result = score(year(**kw), today)
    report_parts = [p for p in result.parts if p.criterion.key.startswith("report_")]
    assert [p.points for p in report_parts] == [0, 0]
    assert all(p.why.startswith("未发布年度报告") for p in report_parts)
    assert result.total == 60  # the case criteria are untouched
