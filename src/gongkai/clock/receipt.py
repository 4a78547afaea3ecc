"""The date of receipt by channel (Art. 31), as a table."""

from __future__ import annotations

from dataclasses import dataclass

from gongkai.clock.events import Channel, EventType


@dataclass(frozen=True)
class ReceiptRule:
    event: EventType  # the event whose date is the date of receipt
    reason: str  # why, as staff read it


RECEIPT_RULES: dict[Channel, ReceiptRule] = {
    Channel.IN_PERSON: ReceiptRule(
        EventType.SUBMITTED, "当面提交的，以提交之日为收到申请之日（第三十一条第（一）项）"
    ),
    Channel.REGISTERED_POST: ReceiptRule(
        EventType.SIGNED_FOR,
        "以邮寄方式提交的，以政府信息公开工作机构签收之日为收到申请之日（第三十一条第（二）项）",
    ),
    Channel.ORDINARY_LETTER: ReceiptRule(
        EventType.CONFIRMED,
        "以平常信函等无需签收的邮寄方式提交的，以与申请人确认之日为收到申请之日（第三十一条第（二）项）",
    ),
    Channel.ONLINE: ReceiptRule(
        EventType.CONFIRMED,
        "通过互联网渠道提交的，以双方确认之日为收到申请之日（第三十一条第（三）项）",
    ),
    Channel.FAX: ReceiptRule(
        EventType.CONFIRMED,
        "通过政府信息公开工作机构的传真提交的，以双方确认之日为收到申请之日（第三十一条第（三）项）",
    ),
    Channel.REOPENING: ReceiptRule(
        EventType.REOPENED,
        "复议决定或判决责令重新答复的，自本机关收到决定书或判决书之日起计算重新答复的期限",
    ),
}

# The receipt events and the channels they belong to (any other channel: an error).
RECEIPT_EVENTS = frozenset(rule.event for rule in RECEIPT_RULES.values()) - {EventType.SUBMITTED}
# Events that may precede the date of receipt (besides the receipt itself).
BEFORE_RECEIPT = frozenset({EventType.SUBMITTED, EventType.ARRIVED})

__all__ = ["BEFORE_RECEIPT", "RECEIPT_EVENTS", "RECEIPT_RULES", "ReceiptRule"]
