"""Art. 33 ¶2: an extension must be decided within the reply period; the cap of 20 working
days is on the total. A late extension is recorded, flagged and moves nothing.

Calendar: March–April 2025 (国办发明电〔2024〕12号: 清明节 4月4日至6日放假; 劳动节 5月1日至5日
放假，4月27日（星期日）上班). Received in person 2025-03-03 (Monday) → due 2025-03-31.
"""

import pytest

from gongkai.clock import CaseError, EventType

from .builders import D, ev, in_person

RECEIVED = "2025-03-03"


def test_an_extension_decided_after_the_due_date_moves_nothing():
    # the case: extension decided 4/2, after the due date 3/31; reply 4/10
    result = in_person(
        RECEIVED,
        ev("extended", "2025-04-02", workdays=10),
        ev("replied", "2025-04-10", outcome="granted"),
    )
    assert result.reply_due == D("2025-03-31")
    assert result.extension_workdays is None
    assert result.overdue is True
    # late by 4/1–3 (3) and 4/7–10 (7): 4/4–6 is 清明
    assert result.overdue_workdays == 7
    [late] = result.late_steps
    assert late.type is EventType.EXTENDED and late.deadline == D("2025-03-31")
    assert "第三十三条第二款" in late.rule and "不发生延长效力" in late.effect
    assert any(s.kind == "late" and "延长答复期限" in s.text for s in result.timeline())


def test_an_extension_decided_on_the_last_day_is_lawful():
    # 3/31 + 10: 4/1–3 (3), 4/7–11 (8), 4/14–15 (10)
    result = in_person(
        RECEIVED,
        ev("extended", "2025-03-31", workdays=10),
        ev("replied", "2025-04-10", outcome="granted"),
    )
    assert result.reply_due == D("2025-04-15")
    assert result.overdue is False and result.late_steps == ()


def test_two_extensions_within_20_working_days_in_total_are_lawful():
    # 3/31 + 10 → 4/15 (above); the second, decided 4/10 inside the extended period:
    # 4/16–18 (3), 4/21–25 (8), 4/27 Sunday 调休上班 (9), 4/28 (10)
    result = in_person(
        RECEIVED,
        ev("extended", "2025-03-25", workdays=10),
        ev("extended", "2025-04-10", workdays=10),
    )
    assert result.reply_due == D("2025-04-28")
    assert result.extension_workdays == 20
    step = [s for s in result.steps if s.kind == "extension"][-1]
    assert "合计20个工作日" in step.text


def test_a_second_extension_beyond_the_total_is_refused():
    with pytest.raises(CaseError, match="已延长10个工作日，本次11个工作日"):
        in_person(
            RECEIVED,
            ev("extended", "2025-03-25", workdays=10),
            ev("extended", "2025-04-10", workdays=11),
        )


def test_a_late_extension_does_not_use_up_the_cap_or_hide_the_overdue_case():
    result = in_person(RECEIVED, ev("extended", "2025-04-02", workdays=20), today="2025-04-03")
    assert result.overdue is True and result.overdue_from == D("2025-04-01")
    [late] = result.late_steps
    assert "晚于2025年3月31日" in late.text
