"""Applications received before 2019-05-15 fall under the 2007 text: 15 + 15 working days.
Calendar: 2018 (清明节 4月5日至7日放假，4月8日（星期日）上班); 2019 (端午节 6月7日放假)."""

import pytest

from gongkai.clock import CaseError

from .builders import D, ev, in_person

# received, reply due, regime — with the count
REGIME_TABLE = [
    pytest.param(
        "2018-03-05",
        # 3/6–9 (4), 3/12–16 (9), 3/19–23 (14), 3/26 (15)
        "2018-03-26",
        "2007",
        id="2007-text-15-days",
    ),
    pytest.param(
        "2019-05-14",
        # last day of the 2007 text: 5/15–17 (3), 5/20–24 (8), 5/27–31 (13), 6/3–4 (15)
        "2019-06-04",
        "2007",
        id="day-before-the-revision",
    ),
    pytest.param(
        "2019-05-15",
        # first day of the 2019 text: 5/16–17 (2), 5/20–24 (7), 5/27–31 (12), 6/3–6 (16),
        # 6/7 端午 off, 6/10–13 (20)
        "2019-06-13",
        "2019",
        id="revision-in-force",
    ),
]


@pytest.mark.parametrize(("received", "due", "regime"), REGIME_TABLE)
def test_reply_period_by_text(received, due, regime):
    result = in_person(received)
    assert result.reply_due == D(due)
    assert result.regime == regime


def test_2007_extension_is_15_working_days():
    # 3/26 + 15: 3/27–30 (4), 4/2–4 (7), 4/5–7 off, 4/8 Sun make-up (8), 4/9–13 (13),
    # 4/16–17 (15)
    result = in_person("2018-03-05", ev("extended", "2018-03-20", workdays=15))
    assert result.reply_due == D("2018-04-17")


def test_2007_extension_beyond_15_is_refused():
    with pytest.raises(CaseError, match="最长15个工作日"):
        in_person("2018-03-05", ev("extended", "2018-03-20", workdays=16))


def test_2007_text_sets_no_correction_notice_deadline():
    assert in_person("2018-03-05").correction_notice_due is None


def test_timeline_names_the_2007_text():
    steps = in_person("2018-03-05").timeline()
    assert any(s.kind == "regime" and "2007年" in s.text for s in steps)
