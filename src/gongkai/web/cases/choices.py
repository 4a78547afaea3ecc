"""The closed vocabularies of a case, as data (labels shown to staff)."""

from __future__ import annotations

from gongkai.clock import (
    CHANNEL_LABELS,
    EVENT_LABELS,
    SERVICE_METHODS,
    STATUS_LABELS,
    Channel,
    EventType,
    Status,
)
from gongkai.formats.national import APPLICANT_COLUMNS
from gongkai.outcomes import OUTCOMES

# What an application says (Art. 29), as Case fields in the order forms show them: staff
# intake, the portal and later edits all take exactly these.
APPLICATION_FIELDS = (
    "applicant_type",
    "applicant_name",
    "applicant_organisation",
    "legal_representative",
    "id_type",
    "id_number",
    "phone",
    "email",
    "address",
    "postcode",
    "description",
    "purpose",
    "form_wanted",
    "delivery_wanted",
)

# How an application reaches the agency (a reopening is a later handling, not a channel).
CHANNEL_CHOICES = [(c.value, CHANNEL_LABELS[c]) for c in Channel if c is not Channel.REOPENING]

# The table-3 applicant columns (the total column is not a type).
APPLICANT_TYPE_CHOICES = [(c.key, c.label) for c in APPLICANT_COLUMNS if c.key != "total"]
APPLICANT_TYPE_LABELS = dict(APPLICANT_TYPE_CHOICES)
APPLICANT_TYPE_LONG = {
    key: label if key == "natural_person" else f"法人或其他组织（{label}）"
    for key, label in APPLICANT_TYPE_CHOICES
}

ID_TYPE_CHOICES = [
    ("id_card", "居民身份证"),
    ("passport", "护照"),
    ("hk_mo_tw", "港澳台居民证件"),
    ("credit_code", "统一社会信用代码"),
    ("other", "其他证件"),
]

# The carriers and ways of obtaining the information on the usual application form (Art. 29(三)).
FORM_CHOICES = [
    ("paper", "纸质"),
    ("electronic", "电子文档"),
    ("disc", "光盘、磁盘等存储介质"),
    ("other", "其他"),
]
DELIVERY_CHOICES = [
    ("post", "邮寄"),
    ("email", "电子邮件"),
    ("pickup", "当面领取"),
    ("inspect", "当场阅读、抄录"),
    ("online", "网上获取"),
    ("fax", "传真"),
]
SERVICE_METHOD_CHOICES = list(SERVICE_METHODS.items())  # one table for every notice

# The clock's events plus the platform's own bookkeeping events (the clock ignores these).
PLATFORM_EVENTS: dict[str, str] = {
    "registered": "登记",
    "assigned": "指定经办人",
    "reviewed": "审核",
    "extension_requested": "申请延期",
    "extension_rejected": "不同意延期",
    "letter": "生成文书",
    "served": "送达",
    "archived": "归档",
    "note": "备注",
    "edited": "修改登记信息",
    "corrected": "更正登记信息",  # after the reply: with a reason; issued letters unchanged
    "reopened": "复议诉讼纠正后重新办理",  # the clock's ``reopened``, named as staff know it
}
CLOCK_EVENTS = frozenset(t.value for t in EventType)
EVENT_KIND_LABELS: dict[str, str] = {t.value: EVENT_LABELS[t] for t in EventType} | PLATFORM_EVENTS
EVENT_KIND_CHOICES = list(EVENT_KIND_LABELS.items())

# The cached state: the clock's status, plus "archived" once the file is closed.
STATE_LABELS: dict[str, str] = {s.value: STATUS_LABELS[s] for s in Status} | {"archived": "已归档"}
STATE_CHOICES = list(STATE_LABELS.items())
OPEN_STATES = (Status.RUNNING.value, Status.AWAITING_CORRECTION.value, Status.PAUSED.value)

OUTCOME_CHOICES = [(key, f"{o.group}·{o.label}") for key, o in OUTCOMES.items() if key != "other"]
OUTCOME_KEYS = frozenset(k for k, _ in OUTCOME_CHOICES)
