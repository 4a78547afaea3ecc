"""Arts. 32–33: consulting a third party stops the clock until the opinion arrives or the
15 working days run out. Calendar: March–May 2025 (国办发明电〔2024〕12号: 清明节 4月4日至
6日放假; 劳动节 5月1日至5日放假，4月27日（星期日）上班).

Received 2025-03-03 → due 2025-03-31. Consultation sent 2025-03-10: the working days
after the pause day up to the due date are frozen: 3/11–14 (4), 3/17–21 (9),
3/24–28 (14), 3/31 (15) = 15. The letter is served in person the same day, so the third
party's limit (15 working days from receiving it) is 3/31.
"""

import pytest

from gongkai.clock import Status

from .builders import D, ev, in_person

RECEIVED = "2025-03-03"
SENT = ev("consultation_sent", "2025-03-10", party="甲公司")
SERVED = ev("notice_served", "2025-03-10", notice="consultation_sent", method="in_person")

# events after the consultation was sent, as-of day, reply due — with the count
CONSULTATION_TABLE = [
    pytest.param(
        [ev("consultation_answered", "2025-03-17")],
        "2025-03-20",
        # resume 3/17 + 15: 3/18–21 (4), 3/24–28 (9), 3/31–4/3 (13), 4/7–8 (15)
        "2025-04-08",
        id="answered",
    ),
    pytest.param(
        [],
        "2025-04-10",
        # no answer; the limit 3/31 resumes the clock: 4/1–3 (3), 4/7–11 (8), 4/14–18 (13),
        # 4/21–22 (15)
        "2025-04-22",
        id="15-day-limit-reached",
    ),
    pytest.param(
        [ev("consultation_answered", "2025-04-03")],
        "2025-04-10",
        # the opinion came after the limit: the pause still ended on 3/31 → 2025-04-22
        "2025-04-22",
        id="late-opinion-does-not-pause-further",
    ),
]


@pytest.mark.parametrize(("after", "today", "due"), CONSULTATION_TABLE)
def test_consultation_pause_moves_the_due_date(after, today, due):
    result = in_person(RECEIVED, SENT, SERVED, *after, today=today)
    assert result.consultation_limits == (D("2025-03-31"),)
    assert result.reply_due == D(due)
    assert result.status is Status.RUNNING
    assert not result.reply_due_projected
    assert result.overdue is False


def test_while_paused_the_due_date_is_the_latest_possible_one():
    result = in_person(RECEIVED, SENT, SERVED, today="2025-03-20")
    assert result.status is Status.PAUSED
    assert result.reply_due_projected
    assert result.reply_due == D("2025-04-22")  # if the third party uses all 15 days
    assert result.overdue is False


def test_pause_step_states_the_frozen_working_days():
    result = in_person(RECEIVED, SENT, ev("consultation_answered", "2025-03-17"))
    pause = next(s for s in result.steps if s.kind == "pause")
    assert "剩余15个工作日" in pause.text and "甲公司" in pause.text


def test_two_third_parties_resume_when_the_last_answers():
    # second consultation 3/12 inside the pause; answers 3/14 and 3/19: resume 3/19 + 15:
    # 3/20–21 (2), 3/24–28 (7), 3/31–4/3 (11), 4/7–10 (15)
    result = in_person(
        RECEIVED,
        SENT,
        ev("consultation_sent", "2025-03-12", party="乙公司"),
        ev("consultation_answered", "2025-03-14", party="甲公司"),
        ev("consultation_answered", "2025-03-19", party="乙公司"),
    )
    assert result.reply_due == D("2025-04-10")


def test_answer_without_a_consultation_is_refused():
    from gongkai.clock import CaseError

    with pytest.raises(CaseError, match="consultation_answered"):
        in_person(RECEIVED, ev("consultation_answered", "2025-03-17"))
