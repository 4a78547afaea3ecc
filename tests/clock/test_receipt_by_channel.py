"""Art. 31: the date of receipt by channel, and the 20-working-day reply period from it.

Expected dates are counted by hand on the State Council calendar for 2025
(国办发明电〔2024〕12号: 清明节 4月4日至6日放假; no other holiday in March–early April).
"""

import pytest

from .builders import D, ev, run

# channel, events, received, reply due — with the count
RECEIPT_TABLE = [
    (
        "in_person",
        [ev("submitted", "2025-03-03")],
        "2025-03-03",
        # 3/4–7 (4), 3/10–14 (9), 3/17–21 (14), 3/24–28 (19), 3/31 (20)
        "2025-03-31",
    ),
    (
        "registered_post",
        [ev("submitted", "2025-03-01"), ev("signed_for", "2025-03-05")],
        "2025-03-05",  # the day the office signs for it, not the posting day
        # 3/6–7 (2), 3/10–14 (7), 3/17–21 (12), 3/24–28 (17), 3/31 (18), 4/1 (19), 4/2 (20)
        "2025-04-02",
    ),
    (
        "ordinary_letter",
        [ev("confirmed", "2025-03-07")],
        "2025-03-07",  # the day the office confirms with the applicant
        # 3/10–14 (5), 3/17–21 (10), 3/24–28 (15), 3/31–4/3 (19), 4/4–6 清明 off, 4/7 (20)
        "2025-04-07",
    ),
    (
        "online",
        [ev("submitted", "2025-03-08"), ev("confirmed", "2025-03-10")],
        "2025-03-10",  # both parties confirm on Monday; Saturday's submission does not count
        # 3/11–14 (4), 3/17–21 (9), 3/24–28 (14), 3/31–4/3 (18), 4/7 (19), 4/8 (20)
        "2025-04-08",
    ),
    (
        "fax",
        [ev("confirmed", "2025-03-12")],
        "2025-03-12",
        # 3/13–14 (2), 3/17–21 (7), 3/24–28 (12), 3/31–4/3 (16), 4/7–10 (20)
        "2025-04-10",
    ),
]


@pytest.mark.parametrize(("channel", "events", "received", "due"), RECEIPT_TABLE)
def test_receipt_date_and_reply_due(channel, events, received, due):
    result = run(channel, *events)
    assert result.received == D(received)
    assert result.reply_due == D(due)
    assert result.original_reply_due == D(due)
    assert not result.provisional
    assert "第三十一条" in result.received_reason


def test_correction_notice_due_is_7_working_days_after_receipt():
    # 3/4, 3/5, 3/6, 3/7, 3/10, 3/11, 3/12
    assert run("in_person", ev("submitted", "2025-03-03")).correction_notice_due == D("2025-03-12")


def test_receipt_before_submission_is_refused():
    from gongkai.clock import CaseError

    with pytest.raises(CaseError, match="事件 #1"):
        run("registered_post", ev("submitted", "2025-03-05"), ev("signed_for", "2025-03-04"))
