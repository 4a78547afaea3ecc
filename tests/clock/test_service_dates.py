"""Periods given to the applicant or a third party run from the notice's service, as the
letters say (自收到本告知书之日起): Art. 30 (correction), Arts. 32 and 34 (consultation), 国办函
〔2020〕109号 (fee: 自收到收费通知的次日起). Until service is recorded nothing is declared on
the strength of the sending date.

Calendar: March–April 2025 (清明节 4月4日至6日放假; 4月27日（星期日）上班). Received
2025-03-03 → due 2025-03-31.
"""

import pytest

from gongkai.clock import CaseError, Status

from .builders import D, ev, in_person

RECEIVED = "2025-03-03"


def served(date: str, notice: str, method: str = "post", **extra: str) -> dict[str, str]:
    return ev("notice_served", date, notice=notice, method=method, **extra)


# ---- correction ------------------------------------------------------------------------

CORRECTION = ev("correction_requested", "2025-03-06")


def test_the_correction_limit_runs_from_service_by_post():
    # sent 3/6, signed for 3/10; 15 working days: 3/11–14 (4), 3/17–21 (9), 3/24–28 (14),
    # 3/31 (15) — the sending day would have given 3/27
    on_time = in_person(RECEIVED, CORRECTION, served("2025-03-10", "correction_requested"))
    assert on_time.correction_limit == D("2025-03-31")
    last_day = in_person(
        RECEIVED, CORRECTION, served("2025-03-10", "correction_requested"), today="2025-03-31"
    )
    assert last_day.status is Status.AWAITING_CORRECTION
    after = in_person(
        RECEIVED, CORRECTION, served("2025-03-10", "correction_requested"), today="2025-04-01"
    )
    assert after.status is Status.DEEMED_WITHDRAWN
    assert after.withdrawal is not None and after.withdrawal.as_of == D("2025-04-01")
    assert any("收到补正告知书（2025年3月10日）" in s.text for s in after.steps)


def test_without_service_no_withdrawal_is_declared():
    result = in_person(RECEIVED, CORRECTION, today="2025-05-15")
    assert result.status is Status.AWAITING_CORRECTION
    assert result.withdrawal is None and result.correction_limit is None
    assert result.unserved == (1,)
    assert any("尚未登记送达" in s.text for s in result.steps)


# ---- consultation ----------------------------------------------------------------------


def test_a_silent_consultation_ends_15_working_days_after_the_letter_arrived():
    # sent 3/10 (15 working days frozen); received by the third party 3/14: limit 3/17–21 (5),
    # 3/24–28 (10), 3/31–4/3 (14), 4/7 (15); resume 4/7 + 15: 4/8–11 (4), 4/14–18 (9),
    # 4/21–25 (14), 4/27 调休上班 (15)
    result = in_person(
        RECEIVED,
        ev("consultation_sent", "2025-03-10", party="甲公司"),
        served("2025-03-14", "consultation_sent", party="甲公司"),
        today="2025-04-20",
    )
    assert result.consultation_limits == (D("2025-04-07"),)
    assert result.status is Status.RUNNING
    assert result.reply_due == D("2025-04-27")


def test_an_unserved_consultation_keeps_the_case_paused():
    result = in_person(RECEIVED, ev("consultation_sent", "2025-03-10"), today="2025-04-20")
    assert result.status is Status.PAUSED
    assert result.consultation_limits == ()
    assert result.overdue is False and result.overdue_from is None
    assert result.unserved == (1,)


def test_consulting_another_agency_is_article_34():
    result = in_person(
        RECEIVED,
        ev("consultation_sent", "2025-03-10", party="市财政局", consultee="agency"),
        served("2025-03-10", "consultation_sent", method="online"),
    )
    texts = " ".join(s.text for s in result.steps)
    assert "第三十四条" in texts and "视为同意公开" in texts
    assert "第三十二条" not in texts


# ---- fee -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("today", "status"),
    [("2025-04-15", Status.PAUSED), ("2025-04-16", Status.DEEMED_WITHDRAWN)],
    ids=["last-day-to-pay", "day-after"],
)
def test_the_payment_limit_runs_from_the_day_after_service(today, status):
    # sent 3/12, signed for 3/17: 3/18–21 (4), 3/24–28 (9), 3/31–4/3 (13), 4/7–11 (18),
    # 4/14–15 (20)
    result = in_person(
        RECEIVED,
        ev("fee_notice_sent", "2025-03-12"),
        served("2025-03-17", "fee_notice_sent"),
        today=today,
    )
    assert result.fee_payment_limit == D("2025-04-15")
    assert result.status is status


# ---- the log itself --------------------------------------------------------------------


def test_service_without_a_notice_is_refused():
    with pytest.raises(CaseError, match="没有尚未送达") as caught:
        in_person(RECEIVED, served("2025-03-10", "correction_requested"))
    assert caught.value.index == 1


def test_an_unknown_service_method_is_refused():
    with pytest.raises(CaseError) as caught:
        in_person(RECEIVED, CORRECTION, served("2025-03-10", "correction_requested", "pigeon"))
    assert caught.value.field == "method"


def test_a_notice_is_served_once():
    with pytest.raises(CaseError, match="没有尚未送达"):
        in_person(
            RECEIVED,
            CORRECTION,
            served("2025-03-07", "correction_requested"),
            served("2025-03-10", "correction_requested"),
        )
