"""Art. 30: correction notice within 7 working days; the 20-day clock restarts on receipt of
the correction; no correction within the limit ⇒ deemed withdrawn (other_1).

Calendar: March–April 2025 (清明节 4月4日至6日放假, 国办发明电〔2024〕12号).
"""

import pytest

from gongkai.clock import Status

from .builders import D, ev, in_person

RECEIVED = "2025-03-03"  # Monday; original reply due 2025-03-31


def served(date: str) -> dict[str, str]:
    """The correction notice handed to the applicant on ``date`` (the limit runs from it)."""
    return ev("notice_served", date, notice="correction_requested", method="in_person")


# correction requested, received, reply due after the restart — with the count
RESTART_TABLE = [
    pytest.param(
        "2025-03-06",
        "2025-03-20",
        # restart 3/20: 3/21 (1), 3/24–28 (6), 3/31–4/3 (10), 4/4–6 off, 4/7–11 (15),
        # 4/14–18 (20)
        "2025-04-18",
        id="restart-from-the-correction",
    ),
    pytest.param(
        "2025-03-04",
        "2025-03-04",
        # corrected on the spot: 3/5–7 (3), 3/10–14 (8), 3/17–21 (13), 3/24–28 (18),
        # 3/31–4/1 (20)
        "2025-04-01",
        id="corrected-the-same-day",
    ),
]


@pytest.mark.parametrize(("requested", "corrected", "due"), RESTART_TABLE)
def test_reply_period_restarts_from_the_correction(requested, corrected, due):
    result = in_person(
        RECEIVED, ev("correction_requested", requested), ev("correction_received", corrected)
    )
    assert result.reply_due == D(due)
    assert result.status is Status.RUNNING
    assert result.correction_notice_late is False
    restart = [s for s in result.steps if s.kind == "restart"]
    assert restart and restart[0].due == D(due)


def test_correction_limit_defaults_to_15_working_days():
    # from 3/6: 3/7 (1), 3/10–14 (6), 3/17–21 (11), 3/24–27 (15)
    result = in_person(
        RECEIVED, ev("correction_requested", "2025-03-06"), served("2025-03-06"), today="2025-03-10"
    )
    assert result.correction_limit == D("2025-03-27")
    assert result.status is Status.AWAITING_CORRECTION
    assert result.reply_due_projected
    # if corrected on the last day: 3/28 (1), 3/31–4/3 (5), 4/7–11 (10), 4/14–18 (15),
    # 4/21–25 (20)
    assert result.reply_due == D("2025-04-25")
    assert result.overdue is False


def test_correction_limit_named_in_the_notice():
    # 10 working days from 3/6: 3/7 (1), 3/10–14 (6), 3/17–20 (10)
    result = in_person(
        RECEIVED, ev("correction_requested", "2025-03-06", limit_workdays=10), served("2025-03-06")
    )
    assert result.correction_limit == D("2025-03-20")


def test_late_correction_notice_is_flagged():
    # the notice was due by 3/12 (3/4, 5, 6, 7, 10, 11, 12); sent 3/13 = 1 working day late
    result = in_person(RECEIVED, ev("correction_requested", "2025-03-13"))
    assert result.correction_notice_late is True
    [late] = result.late_steps
    assert late.deadline == D("2025-03-12") and "第三十条" in late.rule


@pytest.mark.parametrize(
    ("today", "withdrawn"),
    [("2025-03-27", False), ("2025-03-28", True)],
    ids=["last-day-to-correct", "day-after-the-limit"],
)
def test_no_correction_in_time_is_deemed_withdrawn(today, withdrawn):
    result = in_person(
        RECEIVED, ev("correction_requested", "2025-03-06"), served("2025-03-06"), today=today
    )
    if withdrawn:
        assert result.status is Status.DEEMED_WITHDRAWN
        assert result.withdrawal is not None
        assert result.withdrawal.outcome == "other_1"
        assert result.withdrawal.as_of == D("2025-03-28")
    else:
        assert result.status is Status.AWAITING_CORRECTION
        assert result.withdrawal is None
    assert result.overdue is False


def test_a_second_correction_notice_is_refused():
    from gongkai.clock import CaseError

    with pytest.raises(CaseError, match="一次性告知"):
        in_person(
            RECEIVED,
            ev("correction_requested", "2025-03-04"),
            ev("correction_received", "2025-03-05"),
            ev("correction_requested", "2025-03-06"),
        )
