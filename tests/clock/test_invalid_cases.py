"""Impossible event logs get a clear error naming the event index, type and field."""

import pytest

from gongkai.clock import CaseError, parse_case

from .builders import ev, in_person, run

# events (after an in-person submission on 2025-03-03 unless the row gives a channel),
# expected (index, type, field), part of the message
INVALID_TABLE = [
    pytest.param(
        None,
        [ev("submitted", "2025-03-03"), ev("phoned", "2025-03-04")],
        (1, None, "type"),
        "未知的事件类型",
        id="unknown-event",
    ),
    pytest.param(
        None,
        [ev("submitted", "2025-03-03"), ev("extended", "2025-03-01", workdays=5)],
        (1, "extended", None),
        "早于收到申请之日",
        id="event-before-receipt",
    ),
    pytest.param(
        None,
        [ev("submitted", "2025-02-30")],
        (0, "submitted", "date"),
        "不是有效日期",
        id="impossible-date",
    ),
    pytest.param(
        None,
        [ev("submitted", "2025-03-03"), ev("extended", "2025-03-10", workdays=25)],
        (1, "extended", "workdays"),
        "最长20个工作日",
        id="extension-beyond-20",
    ),
    pytest.param(
        None,
        [ev("submitted", "2025-03-03"), ev("extended", "2025-03-10")],
        (1, "extended", "workdays"),
        "缺少必填字段",
        id="extension-without-days",
    ),
    pytest.param(
        None,
        [ev("submitted", "2025-03-03"), ev("fee_paid", "2025-03-10")],
        (1, "fee_paid", None),
        "收费通知",
        id="payment-without-notice",
    ),
    pytest.param(
        None,
        [ev("submitted", "2025-03-03"), ev("replied", "2025-03-10", outcome="yes")],
        (1, "replied", "outcome"),
        "未知的办理结果",
        id="unknown-outcome",
    ),
    pytest.param(
        None,
        [
            ev("submitted", "2025-03-03"),
            ev("replied", "2025-03-10", outcome="granted"),
            ev("extended", "2025-03-11", workdays=5),
        ],
        (2, "extended", None),
        "答复",
        id="event-after-reply",
    ),
    pytest.param(
        "online",
        [ev("signed_for", "2025-03-03")],
        (0, "signed_for", None),
        "不适用",
        id="signature-for-an-online-application",
    ),
    pytest.param(
        "registered_post",
        [ev("submitted", "2025-03-03")],
        (None, None, "events"),
        "signed_for",
        id="registered-post-not-signed-for",
    ),
    pytest.param(
        None,
        [ev("submitted", "2025-03-03"), ev("correction_received", "2025-03-05")],
        (1, "correction_received", None),
        "correction_requested",
        id="correction-without-request",
    ),
    pytest.param(
        None,
        [ev("submitted", "2025-03-03"), ev("extended", "2025-03-05", workday=5)],
        (1, "extended", "workday"),
        "没有这个字段",
        id="misspelt-field",
    ),
]


@pytest.mark.parametrize(("channel", "events", "where", "message"), INVALID_TABLE)
def test_invalid_case_is_refused_with_the_event_named(channel, events, where, message):
    with pytest.raises(CaseError) as caught:
        run(channel or "in_person", *events)
    error = caught.value
    assert (error.index, error.event_type, error.field) == where
    assert message in str(error)
    if error.index is not None:
        assert f"事件 #{error.index}" in str(error)


def test_unknown_channel():
    with pytest.raises(CaseError, match="未知的提交渠道"):
        parse_case({"channel": "pigeon", "events": [ev("submitted", "2025-03-03")]})


def test_replied_outcome_accepts_table3_keys():
    result = in_person("2025-03-03", ev("replied", "2025-03-20", outcome="unable_1"))
    assert result.outcome == "unable_1"
