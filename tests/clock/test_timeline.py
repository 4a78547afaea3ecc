"""The timeline explains every step: receipt and why, each restart and pause with its
reason, the holidays and 调休 days inside the counted spans, and the resulting due date."""

from gongkai.clock import ClockSettings

from .builders import D, ev, in_person


def kinds_and_dues(result):
    return [
        (s.kind.value, s.date.isoformat(), s.due and s.due.isoformat()) for s in result.timeline()
    ]


def test_correction_then_consultation_then_extension():
    # 2025 calendar (国办发明电〔2024〕12号). Received 3/3; correction 3/6–3/20 restarts:
    # due 4/18 (see test_correction_restart). Consultation 3/25, answered 3/28: frozen
    # 3/26–28 (3), 3/31–4/3 (7), 4/7–11 (12), 4/14–18 (17) = 17; resume 3/28 + 17:
    # 3/31–4/3 (4), 4/7–11 (9), 4/14–18 (14), 4/21–23 (17) = 4/23. Extension +10 from 4/23:
    # 4/24–25 (2), 4/27 Sun make-up (3), 4/28–30 (6), 5/1–5 off, 5/6–9 (10) = 5/9.
    result = in_person(
        "2025-03-03",
        ev("correction_requested", "2025-03-06"),
        ev("correction_received", "2025-03-20"),
        ev("consultation_sent", "2025-03-25"),
        ev("consultation_answered", "2025-03-28"),
        ev("extended", "2025-04-15", workdays=10),
    )
    assert result.reply_due == D("2025-05-09")
    steps = kinds_and_dues(result)
    assert ("restart", "2025-03-20", "2025-04-18") in steps
    assert ("resume", "2025-03-28", "2025-04-23") in steps
    assert ("extension", "2025-04-15", "2025-05-09") in steps
    assert steps[-1] == ("reply_due", "2025-05-09", "2025-05-09")
    holidays = [s for s in result.timeline() if s.kind == "holiday"]
    # 清明 lies in the span after the resume; 劳动节 in the extension, with its make-up Sunday
    assert [h.date.isoformat() for h in holidays] == ["2025-04-04", "2025-05-01"]
    assert "4月27日（星期日）调休上班，计入" in holidays[1].text
    # the timeline is in date order
    dates = [s.date for s in result.timeline()]
    assert dates == sorted(dates)


def test_holidays_inside_a_pause_are_not_listed_as_skipped():
    # paused 3/31–4/8 over 清明: the holiday is inside the pause, so it is not "skipped";
    # frozen: none left after 3/31 (the due day) → resume 4/8 + 0 = 4/8
    result = in_person(
        "2025-03-03",
        ev("consultation_sent", "2025-03-31"),
        ev("consultation_answered", "2025-04-08"),
    )
    assert result.reply_due == D("2025-04-08")
    assert not [s for s in result.timeline() if s.kind == "holiday"]


def test_settings_in_force_are_described():
    lines = ClockSettings(fee_pause=False, correction_limit_workdays=10).describe()
    assert "补正期限（通知未写明时）10 个工作日" in lines
    assert "收费期间答复期限照常计算" in lines
