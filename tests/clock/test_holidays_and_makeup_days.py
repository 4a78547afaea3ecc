"""Holidays and 调休: make-up Saturdays/Sundays are working days and count.

Notices: 2025 — 国办发明电〔2024〕12号 (春节 1月28日至2月4日放假，1月26日（星期日）、
2月8日（星期六）上班; 劳动节 5月1日至5日放假，4月27日（星期日）上班; 国庆节、中秋节
10月1日至8日放假，9月28日（星期日）、10月11日（星期六）上班).
2024 — 国办发明电〔2023〕7号 (春节 2月10日至17日放假，2月4日（星期日）、2月18日（星期日）
上班; 中秋节 9月15日至17日放假，9月14日（星期六）上班; 国庆节 10月1日至7日放假，
9月29日（星期日）、10月12日（星期六）上班).
"""

import pytest

from gongkai.clock import ClockSettings

from .builders import D, ev, in_person, run

# received (in person), reply due — with the count
HOLIDAY_TABLE = [
    pytest.param(
        "2025-01-20",
        # 1/21–24 (4), 1/26 Sun make-up (5), 1/27 (6), 1/28–2/4 off, 2/5–7 (9),
        # 2/8 Sat make-up (10), 2/10–14 (15), 2/17–21 (20)
        "2025-02-21",
        id="spring-festival-2025-both-makeup-days",
    ),
    pytest.param(
        "2025-01-27",
        # 1/28–2/4 off, 2/5–7 (3), 2/8 Sat make-up (4), 2/10–14 (9), 2/17–21 (14),
        # 2/24–28 (19), 3/3 (20)
        "2025-03-03",
        id="spring-festival-2025-received-on-the-eve",
    ),
    pytest.param(
        "2024-02-02",
        # 2/4 Sun make-up (1), 2/5–9 (6; 除夕 2/9 is a working day), 2/10–17 off,
        # 2/18 Sun make-up (7), 2/19–23 (12), 2/26–3/1 (17), 3/4–6 (20)
        "2024-03-06",
        id="spring-festival-2024-sunday-makeups",
    ),
    pytest.param(
        "2025-09-26",
        # 9/28 Sun make-up (1), 9/29–30 (3), 10/1–8 off, 10/9–10 (5), 10/11 Sat make-up (6),
        # 10/13–17 (11), 10/20–24 (16), 10/27–30 (20)
        "2025-10-30",
        id="national-day-with-mid-autumn-2025",
    ),
    pytest.param(
        "2024-09-13",
        # 9/14 Sat make-up (1), 9/15–17 off, 9/18–20 (4), 9/23–27 (9), 9/29 Sun make-up (10),
        # 9/30 (11), 10/1–7 off, 10/8–11 (15), 10/12 Sat make-up (16), 10/14–17 (20)
        "2024-10-17",
        id="mid-autumn-then-national-day-2024",
    ),
    pytest.param(
        "2025-04-21",
        # 4/22–25 (4), 4/27 Sun make-up (5), 4/28–30 (8), 5/1–5 off, 5/6–9 (12),
        # 5/12–16 (17), 5/19–21 (20)
        "2025-05-21",
        id="labour-day-2025",
    ),
]


@pytest.mark.parametrize(("received", "due"), HOLIDAY_TABLE)
def test_reply_due_across_holidays(received, due):
    assert in_person(received).reply_due == D(due)


def test_receipt_on_a_makeup_sunday():
    # 2025-09-28 is a Sunday declared a working day. Counting starts the next working day:
    # 9/29–30 (2), 10/1–8 off, 10/9–10 (4), 10/11 Sat (5), 10/13–17 (10), 10/20–24 (15),
    # 10/27–31 (20)
    result = run("online", ev("submitted", "2025-09-27"), ev("confirmed", "2025-09-28"))
    assert result.received == D("2025-09-28")
    assert result.reply_due == D("2025-10-31")


def test_receipt_on_a_makeup_sunday_counted_that_day_when_the_policy_is_off():
    # Policy off: the make-up Sunday itself is day 1, so everything moves one day earlier.
    settings = ClockSettings(count_from_next_day=False)
    result = in_person("2025-09-28", settings=settings)
    assert result.reply_due == D("2025-10-30")


def test_receipt_on_a_holiday_counts_from_the_next_working_day():
    # 2025-10-03 is a day off: 10/9–10 (2), 10/11 (3), 10/13–17 (8), 10/20–24 (13),
    # 10/27–31 (18), 11/3–4 (20)
    assert in_person("2025-10-03").reply_due == D("2025-11-04")


def test_timeline_explains_the_holiday_and_the_makeup_days():
    steps = in_person("2025-09-26").timeline()
    holiday = [s for s in steps if s.kind == "holiday"]
    assert len(holiday) == 1
    assert holiday[0].date == D("2025-10-01") and holiday[0].end == D("2025-10-08")
    text = holiday[0].text
    assert "国庆节、中秋节放假，不计入" in text
    assert "9月28日（星期日）" in text and "10月11日（星期六）" in text and "调休上班，计入" in text
