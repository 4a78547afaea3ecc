"""A new reply ordered by a 复议决定 or judgment (纠正): the period the decision sets, counted
from its service on the agency; 20 working days only as the default (setting).

Calendar: June–July 2025 (端午节 5月31日至6月2日放假). Decision served 2025-06-03 (Tuesday).
"""

from gongkai.clock import ClockSettings

from .builders import D, ev, run


def test_the_default_is_20_working_days_from_service():
    # 6/4–6 (3), 6/9–13 (8), 6/16–20 (13), 6/23–27 (18), 6/30–7/1 (20)
    result = run("reopening", ev("reopened", "2025-06-03"))
    assert result.received == D("2025-06-03")
    assert result.reply_due == D("2025-07-01")
    assert any("未写明期限" in s.text for s in result.steps)


def test_the_period_set_by_the_decision_in_working_days():
    # 15 working days: 6/4–6 (3), 6/9–13 (8), 6/16–20 (13), 6/23–24 (15)
    result = run("reopening", ev("reopened", "2025-06-03", period=15, decision="X复决〔2025〕3号"))
    assert result.reply_due == D("2025-06-24")
    assert any("X复决〔2025〕3号" in s.text for s in result.steps)


def test_a_period_in_days_ending_on_a_weekend_moves_to_the_next_working_day():
    # 32 days from 6/3 is Saturday 7/5 → Monday 7/7 (民法典第二百零三条)
    result = run("reopening", ev("reopened", "2025-06-03", period=32, unit="days"))
    assert result.reply_due == D("2025-07-07")
    assert any("第二百零三条" in s.text for s in result.steps)
    thirty = run("reopening", ev("reopened", "2025-06-03", period=30, unit="days"))
    assert thirty.reply_due == D("2025-07-03")  # a Thursday


def test_the_default_period_is_a_setting():
    result = run(
        "reopening", ev("reopened", "2025-06-03"), settings=ClockSettings(reopening_workdays=15)
    )
    assert result.reply_due == D("2025-06-24")


def test_a_late_new_reply_is_overdue():
    result = run(
        "reopening",
        ev("reopened", "2025-06-03", period=15),
        ev("replied", "2025-06-26", outcome="granted"),
    )
    assert result.overdue is True and result.overdue_workdays == 2
