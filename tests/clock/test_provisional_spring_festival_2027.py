"""春节 2027, worked out by hand, before the State Council's notice for 2027 is loaded.

《全国年节及纪念日放假办法》 as amended by 国务院令第795号 (in force 2025-01-01), 第二条:
春节 4 days, 农历除夕、正月初一至初三. 正月初一 2027 is Saturday 2月6日 (lunar year 2026's
腊月 has 29 days, so 除夕 is 腊月廿九, Friday 2月5日):

    2/5 Fri 除夕 · 2/6 Sat 初一 · 2/7 Sun 初二 · 2/8 Mon 初三

第六条: 初一 and 初二 fall on a Saturday and a Sunday, so each gives a day in lieu on the next
weekday that is not a holiday: Tue 2/9 and Wed 2/10. Off 2/5–2/10; 2/11 is a working day.

An application handed in on Monday 2027-01-25; counting starts the next day:
1/26–29 (4), 2/1–4 (8), [2/5–2/10 off], 2/11–12 (10), 2/15–19 (15), 2/22–26 (20):
due Friday 2027-02-26. (Weekends and fixed-date holidays only, as before, gave 2/22.)
"""

import datetime as dt

from gongkai.calendar import HolidayNotice, NoticeDay, WorkCalendar
from gongkai.clock import compute, parse_case

D = dt.date.fromisoformat

CASE = {"channel": "in_person", "events": [{"type": "submitted", "date": "2027-01-25"}]}

# A notice for 2027 as an administrator would load it. FICTITIOUS test data, not the State
# Council's real arrangement: 春节 2/5–2/11 off with Sunday 1/31 and Saturday 2/20 working.
NOTICE_2027 = HolidayNotice(
    year=2027,
    document_number="测试用虚构通知〔2026〕9号",
    loaded_at=dt.datetime(2026, 11, 12, 10, 0),
    days=(
        *(NoticeDay(D(f"2027-02-{day:02d}"), False, "春节") for day in (5, 6, 7, 8, 9, 10, 11)),
        NoticeDay(D("2027-01-31"), True, "春节"),
        NoticeDay(D("2027-02-20"), True, "春节"),
    ),
)


def test_provisional_due_date_skips_the_spring_festival():
    result = compute(parse_case(CASE))
    assert result.received == D("2027-01-25")
    assert result.reply_due == D("2027-02-26")
    assert result.provisional is True
    assert result.provisional_years == (2027,)


def test_timeline_names_the_spring_festival_and_its_basis():
    result = compute(parse_case(CASE))
    (holiday,) = [s for s in result.timeline() if s.kind == "holiday"]
    assert (holiday.date, holiday.end) == (D("2027-02-05"), D("2027-02-10"))
    assert holiday.text.startswith("春节放假，不计入（暂定，尚未载入当年国务院通知")
    assert "《全国年节及纪念日放假办法》（2024年修订，国务院令第795号）第二条" in holiday.text
    assert "2月9日（星期二）、2月10日（星期三）为适逢周六、周日的节日的补假日（第六条" in (
        holiday.text
    )
    assert "调休" in holiday.text
    (note,) = [s for s in result.timeline() if s.kind == "provisional"]
    assert note.text.startswith("2027年尚未载入国务院节假日安排通知")
    assert "农历" in note.text and "第六条" in note.text and "调休" in note.text


def test_the_calendar_days_are_provisional_with_their_basis():
    result = compute(parse_case(CASE))
    calendar = result.calendar
    days = {d: calendar.day(D(d)) for d in ("2027-02-05", "2027-02-08", "2027-02-10")}
    for info in days.values():
        assert info.provisional and info.name == "春节" and not info.working
        assert "《全国年节及纪念日放假办法》" in info.source
    assert "第二条" in days["2027-02-05"].source and not days["2027-02-05"].in_lieu
    assert "第六条" in days["2027-02-10"].source and days["2027-02-10"].in_lieu
    assert calendar.is_workday(D("2027-02-11"))


def test_loading_the_notice_replaces_the_provisional_year():
    # With the (test) notice: 1/26–29 (4), 1/31 Sun working (5), 2/1–4 (9), [2/5–2/11 off],
    # 2/12 (10), 2/15–19 (15), 2/20 Sat working (16), 2/22–25 (20): due Thursday 2/25.
    calendar = WorkCalendar().with_notices(NOTICE_2027)
    result = compute(parse_case(CASE), calendar=calendar)
    assert result.reply_due == D("2027-02-25")
    assert result.provisional is False
    assert not [s for s in result.timeline() if s.kind == "provisional"]
    (holiday,) = [s for s in result.timeline() if s.kind == "holiday"]
    assert (holiday.date, holiday.end) == (D("2027-02-05"), D("2027-02-11"))
    assert "暂定" not in holiday.text
    assert "1月31日（星期日）、2月20日（星期六）调休上班，计入" in holiday.text
    # the notice is complete: the provisional 清明 (4/5) is no longer a day off
    assert calendar.is_workday(D("2027-04-05"))
    assert calendar.day(D("2027-02-09")).source == "测试用虚构通知〔2026〕9号"


def test_a_provisional_date_is_pending_only_until_the_reply():
    assert compute(parse_case(CASE)).provisional_pending is True
    replied = {
        **CASE,
        "events": [
            *CASE["events"],
            {"type": "replied", "date": "2027-02-10", "outcome": "granted"},
        ],
    }
    result = compute(parse_case(replied))
    assert result.provisional is True  # the counting still used an estimated calendar
    assert result.provisional_pending is False  # but nothing is left for it to move
