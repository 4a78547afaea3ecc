"""Dates beyond the installed chinesecalendar data: computed on weekends, the holidays of
《全国年节及纪念日放假办法》 (the lunar ones computed) and their days in lieu (第六条),
marked provisional, and final once the year's notice is loaded.

The installed package carries 2026 as its last year (checked below, so a newer package
fails loudly here rather than silently changing the meaning of these tests).
"""

import datetime as dt

from gongkai.calendar import HolidayNotice, NoticeDay, WorkCalendar, default_calendar

from .builders import D, in_person

# A notice for 2027 as an administrator would load it. FICTITIOUS test data: not the
# State Council's real arrangement for 2027.
NOTICE_2027 = HolidayNotice(
    year=2027,
    document_number="测试用虚构通知〔2026〕1号",
    loaded_at=dt.datetime(2026, 11, 20, 9, 0),
    days=tuple(
        NoticeDay(D(d), False, "元旦")
        for d in ("2027-01-01", "2027-01-02", "2027-01-03", "2027-01-04")
    ),
)


def test_package_data_ends_with_2026():
    calendar = default_calendar()
    assert calendar.is_final(2026)
    assert not calendar.is_final(2027), (
        "chinesecalendar now carries 2027: move the provisional examples below to the first "
        "year it does not carry, with dates worked out again by hand"
    )


def test_provisional_then_final_after_loading_the_notice():
    # Provisional: 12/15–18 (4), 12/21–25 (9), 12/28–31 (13), 2027-01-01 元旦 (Friday) off,
    # 1/4–8 (18), 1/11–12 (20)
    before = in_person("2026-12-14")
    assert before.reply_due == D("2027-01-12")
    assert before.provisional is True
    assert any(s.kind == "provisional" for s in before.steps)
    # With the (test) notice: 1/1–1/4 off → 1/5–8 (17), 1/11–13 (20)
    after = in_person("2026-12-14", calendar=WorkCalendar().with_notices(NOTICE_2027))
    assert after.reply_due == D("2027-01-13")
    assert after.provisional is False


def test_lunar_holidays_count_in_a_provisional_year():
    # 2027-03-29 (Mon): 3/30–4/2 (4), 4/5 清明 (Monday) off, 4/6–9 (8), 4/12–16 (13),
    # 4/19–23 (18), 4/26–27 (20). The fixed-date-only calendar gave 4/26.
    result = in_person("2027-03-29")
    assert result.reply_due == D("2027-04-27")
    assert result.provisional is True
    (holiday,) = [s for s in result.timeline() if s.kind == "holiday"]
    assert holiday.date == D("2027-04-05") and holiday.text.startswith("清明节放假，不计入（暂定")


def test_weekend_holidays_give_a_day_in_lieu():
    # 2027-04-26 (Mon): 4/27–30 (4); 劳动节 5/1 Sat, 5/2 Sun → in lieu Mon 5/3, Tue 5/4;
    # 5/5–7 (7), 5/10–14 (12), 5/17–21 (17), 5/24–26 (20)
    result = in_person("2027-04-26")
    assert result.reply_due == D("2027-05-26")
    (holiday,) = [s for s in result.timeline() if s.kind == "holiday"]
    assert (holiday.date, holiday.end) == (D("2027-05-01"), D("2027-05-04"))
    assert (
        "5月3日（星期一）、5月4日（星期二）为适逢周六、周日的节日的补假日（第六条" in holiday.text
    )


def test_inside_known_years_nothing_is_provisional():
    assert in_person("2026-11-02").provisional is False


def test_far_future_does_not_crash():
    # 2031-09-29 (Mon): 9/30 (1), 10/1–3 国庆 off; 中秋 falls on 10/1 too, so its day is
    # made up on Mon 10/6; 10/7–10 (5), 10/13–17 (10), 10/20–24 (15), 10/27–31 (20)
    result = in_person("2031-09-29")
    assert result.reply_due == D("2031-10-31")
    assert result.provisional is True


def test_provisional_text_says_what_is_estimated():
    (text,) = in_person("2027-03-29").warnings
    assert "2027年尚未载入国务院节假日安排通知" in text
    assert "《全国年节及纪念日放假办法》" in text and "农历" in text
    assert "第六条" in text and "补假" in text
    assert "调休" in text and "变动" in text and "暂定" in text


def test_coverage_warning_from_october():
    assert in_person("2026-09-01", today="2026-09-30").warnings == ()
    warned = in_person("2026-09-01", today="2026-10-01").warnings
    assert len(warned) == 1 and "2027" in warned[0]
    assert "第六条" in warned[0] and "调休" in warned[0]
