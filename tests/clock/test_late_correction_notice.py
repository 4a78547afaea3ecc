"""Art. 30: the correction notice must go out within 7 working days of receipt. A notice sent
after the reply period has run out restarts nothing and cures nothing; one sent after the 7
days but inside the period restarts the period only when the setting says so (default off:
the law ties the restart to a notice given in time).

Calendar: March–April 2025 (清明节 4月4日至6日放假). Received 2025-03-03 → due 2025-03-31;
the notice was due by 3/12 (3/4, 5, 6, 7, 10, 11, 12).
"""

from gongkai.clock import ClockSettings, EventType, Status

from .builders import D, ev, in_person

RECEIVED = "2025-03-03"


def test_a_correction_notice_after_the_due_date_does_not_restart_the_period():
    # the case: notice 4/3, correction 4/10, reply 4/30 — overdue, not "on time"
    result = in_person(
        RECEIVED,
        ev("correction_requested", "2025-04-03"),
        ev("correction_received", "2025-04-10"),
        ev("replied", "2025-04-30", outcome="granted"),
    )
    assert result.reply_due == D("2025-03-31")
    assert result.overdue is True
    [late] = result.late_steps
    assert late.type is EventType.CORRECTION_REQUESTED and late.deadline == D("2025-03-31")
    assert "不重新计算答复期限" in late.effect
    assert any("补正告知未发生效力" in s.text for s in result.steps)


def test_a_late_correction_notice_is_never_a_deemed_withdrawal():
    result = in_person(RECEIVED, ev("correction_requested", "2025-04-03"), today="2025-06-30")
    assert result.status is Status.RUNNING
    assert result.withdrawal is None and result.overdue is True


def test_after_the_seven_days_the_default_keeps_the_original_due_date():
    # notice 3/13, one working day late; correction 3/20; reply 4/10 is late against 3/31
    result = in_person(
        RECEIVED,
        ev("correction_requested", "2025-03-13"),
        ev("correction_received", "2025-03-20"),
        ev("replied", "2025-04-10", outcome="granted"),
    )
    assert result.correction_notice_late is True
    assert result.reply_due == D("2025-03-31") and result.overdue is True
    [late] = result.late_steps
    assert late.deadline == D("2025-03-12") and "7个工作日" in late.rule


def test_the_setting_lets_a_notice_after_the_seven_days_restart_the_period():
    # restart 3/20: 3/21 (1), 3/24–28 (6), 3/31–4/3 (10), 4/7–11 (15), 4/14–18 (20)
    result = in_person(
        RECEIVED,
        ev("correction_requested", "2025-03-13"),
        ev("correction_received", "2025-03-20"),
        ev("replied", "2025-04-10", outcome="granted"),
        settings=ClockSettings(late_correction_restarts=True),
    )
    assert result.reply_due == D("2025-04-18") and result.overdue is False
    [late] = result.late_steps  # still flagged
    assert "重新计算" in late.effect
