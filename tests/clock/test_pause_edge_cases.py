"""Pauses that overlap, end with the reply, or start too late; logs out of order; 2007 rules
for consultation and correction. Calendars: 2025 (国办发明电〔2024〕12号: 清明节 4月4日至
6日放假); 2018 (清明节 4月5日至7日放假、4月8日上班; 劳动节 4月29日至5月1日放假、4月28日
（星期六）上班)."""

from gongkai.clock import Status

from .builders import D, ev, in_person, run

RECEIVED = "2025-03-03"  # due 2025-03-31; a pause from 3/10 freezes 15 working days


def test_overlapping_consultation_and_fee_resume_when_both_end():
    # paused 3/10 (15 left); fee 3/12; opinion 3/14; paid 3/20 → resume 3/20 + 15:
    # 3/21 (1), 3/24–28 (6), 3/31–4/3 (10), 4/7–11 (15)
    result = in_person(
        RECEIVED,
        ev("consultation_sent", "2025-03-10"),
        ev("fee_notice_sent", "2025-03-12"),
        ev("consultation_answered", "2025-03-14"),
        ev("fee_paid", "2025-03-20"),
    )
    assert result.reply_due == D("2025-04-11")


def test_reply_during_a_pause_ends_it_and_is_in_time():
    # resume 3/12 + 15: 3/13–14 (2), 3/17–21 (7), 3/24–28 (12), 3/31–4/2 (15)
    result = in_person(
        RECEIVED,
        ev("consultation_sent", "2025-03-10"),
        ev("replied", "2025-03-12", outcome="denied_4"),
    )
    assert result.status is Status.REPLIED
    assert result.reply_due == D("2025-04-02")
    assert result.overdue is False


def test_pause_after_the_due_date_does_not_move_it():
    # due 3/31 passed; consultation on 4/2 changes nothing; as of 4/3: 4/1, 4/2, 4/3 late
    result = in_person(RECEIVED, ev("consultation_sent", "2025-04-02"), today="2025-04-03")
    assert result.reply_due == D("2025-03-31")
    assert not result.reply_due_projected
    assert result.overdue is True and result.overdue_workdays == 3


def test_events_out_of_file_order_are_applied_by_date():
    result = run("registered_post", ev("signed_for", "2025-03-05"), ev("submitted", "2025-03-01"))
    assert result.received == D("2025-03-05")
    assert result.reply_due == D("2025-04-02")  # see the receipt table


def test_2007_consultation_has_no_time_limit():
    # received 2018-03-05, due 3/26; pause 3/8 freezes 3/9 (1), 3/12–16 (6), 3/19–23 (11),
    # 3/26 (12); opinion 4/20 → 4/23–27 (5), 4/28 Sat make-up (6), 4/29–5/1 off,
    # 5/2–4 (9), 5/7–9 (12)
    result = in_person(
        "2018-03-05",
        ev("consultation_sent", "2018-03-08"),
        ev("consultation_answered", "2018-04-20"),
    )
    assert result.consultation_limits == ()
    assert result.reply_due == D("2018-05-09")
    pause = next(s for s in result.steps if s.kind == "pause")
    assert "第二十三条" in pause.text and "第二十四条第三款" in pause.text


def test_2007_text_allows_a_second_correction():
    # corrected 3/8 → 3/9 (1), 3/12–16 (6), 3/19–23 (11), 3/26–29 (15);
    # asked again 3/12, corrected 3/14 → 3/15–16 (2), 3/19–23 (7), 3/26–30 (12), 4/2–4 (15)
    result = in_person(
        "2018-03-05",
        ev("correction_requested", "2018-03-06"),
        ev("correction_received", "2018-03-08"),
        ev("correction_requested", "2018-03-12"),
        ev("correction_received", "2018-03-14"),
    )
    assert result.reply_due == D("2018-04-04")
