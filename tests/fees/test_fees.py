"""信息处理费 (国办函〔2020〕109号, spec §6): every band boundary, worked by hand."""

import datetime as dt

import pytest

from gongkai.fees import (
    ApplicationRecord,
    FeeError,
    FeeScheme,
    monthly_position,
    per_application_fee,
    per_volume_fee,
    quote,
)

# the applicant's n-th application this month: its fee, and the month's total so far
PER_APPLICATION_TABLE = [
    (1, 0, 0),
    (10, 0, 0),  # 1–10 free
    (11, 100, 100),  # first paid application
    (30, 100, 2000),  # 20 × 100
    (31, 200, 2200),  # 2000 + 1 × 200
    (40, 200, 4000),  # 2000 + 10 × 200
    (41, 300, 4300),  # 4000 + 1 × 300
    (50, 300, 7000),  # 4000 + 10 × 300
    (51, 400, 7400),  # 7000 + 1 × 400
]


@pytest.mark.parametrize(("position", "fee", "month_total"), PER_APPLICATION_TABLE)
def test_per_application(position, fee, month_total):
    quote_ = per_application_fee(position)
    assert quote_.amount == fee
    assert quote_.cumulative == month_total


# pages, fee
PER_VOLUME_TABLE = [
    (1, 0),
    (30, 0),  # ≤ 30 free
    (31, 10),  # 1 × 10
    (100, 700),  # 70 × 10
    (101, 720),  # 700 + 1 × 20
    (200, 2700),  # 700 + 100 × 20
    (201, 2740),  # 2700 + 1 × 40
    (250, 4700),  # 2700 + 50 × 40
]


@pytest.mark.parametrize(("pages", "fee"), PER_VOLUME_TABLE)
def test_per_volume(pages, fee):
    assert per_volume_fee(pages).amount == fee


def test_itemised_breakdown_for_the_notice():
    lines = per_volume_fee(101).text_lines()
    assert lines == [
        "第1—30页：免费",
        "第31—100页：70页 × 10 元 = 700 元",
        "第101页：1页 × 20 元 = 20 元",
        "合计 720 元",
    ]
    lines = per_application_fee(35).text_lines()
    assert "第31—35件：5件 × 200 元 = 1000 元" in lines
    assert lines[-1] == "本件为本月第 35 件，应收 200 元"
    assert "109号" in per_application_fee(35).basis


def test_one_scheme_per_quote():
    assert quote("per-volume", 31).scheme is FeeScheme.PER_VOLUME
    with pytest.raises(FeeError, match="未知的收费方式"):
        quote("per-both", 3)


@pytest.mark.parametrize("bad", [0, -1, True])
def test_quantity_must_be_positive(bad):
    with pytest.raises(FeeError):
        per_volume_fee(bad)


def test_position_counts_per_applicant_per_agency_per_calendar_month():
    D = dt.date.fromisoformat
    records = [
        ApplicationRecord("a", "张三", "市政府", D("2025-03-31")),
        ApplicationRecord("b", "张三", "市政府", D("2025-04-01")),  # a new month
        ApplicationRecord("c", "李四", "市政府", D("2025-04-02")),  # another applicant
        ApplicationRecord("d", "张三", "市教育局", D("2025-04-02")),  # another agency
        ApplicationRecord("e", "张三", "市政府", D("2025-04-03")),
    ]
    assert monthly_position(records, "a") == 1
    assert monthly_position(records, "e") == 2
    assert monthly_position(records, "d") == 1
    with pytest.raises(FeeError):
        monthly_position(records, "zzz")
