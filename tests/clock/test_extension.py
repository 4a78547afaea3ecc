"""Art. 33: one extension of at most 20 working days, counted from the current due date.
Calendar 2025 (国办发明电〔2024〕12号: 劳动节 5月1日至5日放假，4月27日（星期日）上班)."""

import pytest

from gongkai.clock import CaseError

from .builders import D, ev, in_person

RECEIVED = "2025-03-03"  # due 2025-03-31


def test_extension_from_the_due_date():
    # 3/31 + 20: 4/1–3 (3), 4/4–6 清明 off, 4/7–11 (8), 4/14–18 (13), 4/21–25 (18),
    # 4/27 Sun make-up (19), 4/28 (20)
    result = in_person(RECEIVED, ev("extended", "2025-03-25", workdays=20))
    assert result.reply_due == D("2025-04-28")
    assert result.extension_workdays == 20


def test_extension_after_a_pause():
    # consultation 3/10–3/17 moves the due date to 4/8 (see test_consultation_pause);
    # extension +20 from 4/8: 4/9–11 (3), 4/14–18 (8), 4/21–25 (13), 4/27 Sun make-up (14),
    # 4/28–30 (17), 5/1–5 off, 5/6–8 (20)
    result = in_person(
        RECEIVED,
        ev("consultation_sent", "2025-03-10"),
        ev("consultation_answered", "2025-03-17"),
        ev("extended", "2025-04-01", workdays=20),
    )
    assert result.reply_due == D("2025-05-08")


def test_extension_during_a_pause_adds_to_the_frozen_days():
    # frozen 15 + 20 = 35 working days from 3/17: 3/18–21 (4), 3/24–28 (9), 3/31–4/3 (13),
    # 4/7–11 (18), 4/14–18 (23), 4/21–25 (28), 4/27 (29), 4/28–30 (32), 5/6–8 (35)
    result = in_person(
        RECEIVED,
        ev("consultation_sent", "2025-03-10"),
        ev("extended", "2025-03-12", workdays=20),
        ev("consultation_answered", "2025-03-17"),
    )
    assert result.reply_due == D("2025-05-08")


def test_more_than_20_working_days_is_refused():
    with pytest.raises(CaseError) as caught:
        in_person(RECEIVED, ev("extended", "2025-03-25", workdays=21))
    assert (caught.value.index, caught.value.event_type, caught.value.field) == (
        1,
        "extended",
        "workdays",
    )


def test_extensions_beyond_20_working_days_in_total_are_refused():
    with pytest.raises(CaseError, match="合计最长20个工作日") as caught:
        in_person(
            RECEIVED,
            ev("extended", "2025-03-25", workdays=10),
            ev("extended", "2025-04-10", workdays=11),
        )
    assert caught.value.field == "workdays" and caught.value.index == 2
