"""Dates beyond the installed chinesecalendar data: computed on weekends and the fixed-date
statutory holidays, marked provisional, and final once the year's notice is loaded.

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
    # Provisional: 12/15–18 (4), 12/21–25 (9), 12/28–31 (13), 2027-01-01 元旦 (fixed date,
    # certain) off, 1/4–8 (18), 1/11–12 (20)
    before = in_person("2026-12-14")
    assert before.reply_due == D("2027-01-12")
    assert before.provisional is True
    assert any(s.kind == "provisional" for s in before.steps)
    # With the (test) notice: 1/1–1/4 off → 1/5–8 (17), 1/11–13 (20)
    after = in_person("2026-12-14", calendar=WorkCalendar().with_notices(NOTICE_2027))
    assert after.reply_due == D("2027-01-13")
    assert after.provisional is False


def test_inside_known_years_nothing_is_provisional():
    assert in_person("2026-11-02").provisional is False


def test_far_future_does_not_crash():
    # 2031-09-29 (Mon): 9/30 (1), 10/1–3 国庆 fixed off, 10/6–10 (6), 10/13–17 (11),
    # 10/20–24 (16), 10/27–30 (20)
    result = in_person("2031-09-29")
    assert result.reply_due == D("2031-10-30")
    assert result.provisional is True


def test_coverage_warning_from_october():
    assert in_person("2026-09-01", today="2026-09-30").warnings == ()
    warned = in_person("2026-09-01", today="2026-10-01").warnings
    assert len(warned) == 1 and "2027" in warned[0]
