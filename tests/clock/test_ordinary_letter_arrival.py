"""Art. 31(二): an application by ordinary letter is received on the day the office confirms
with the applicant, which it should do on the day the letter arrives.
"""

import pytest

from gongkai.clock import CaseError, EventType

from .builders import D, ev, run


def test_confirmation_on_the_arrival_day_is_in_order():
    result = run("ordinary_letter", ev("arrived", "2025-03-03"), ev("confirmed", "2025-03-03"))
    assert result.received == D("2025-03-03") and result.late_steps == ()


def test_a_late_confirmation_is_flagged_and_the_confirmation_day_still_counts():
    result = run("ordinary_letter", ev("arrived", "2025-03-03"), ev("confirmed", "2025-03-05"))
    assert result.received == D("2025-03-05")
    [late] = result.late_steps
    assert late.type is EventType.CONFIRMED and late.deadline == D("2025-03-03")
    assert "第三十一条第（二）项" in late.rule
    assert any(s.kind == "late" and "第三十一条第（二）项" in s.text for s in result.timeline())


def test_arrival_is_only_for_ordinary_letters():
    with pytest.raises(CaseError, match="平常信函"):
        run("online", ev("arrived", "2025-03-03"), ev("confirmed", "2025-03-03"))


def test_arrival_after_confirmation_is_refused():
    with pytest.raises(CaseError, match="晚于确认之日"):
        run("ordinary_letter", ev("arrived", "2025-03-06"), ev("confirmed", "2025-03-05"))
