"""An event's details in words: a stored value of a closed vocabulary is shown by its label,
looked up in the table of the key it is stored under (the outcome under ``outcome``, the
service method under ``method`` …). A value of no table is shown as recorded."""

from __future__ import annotations

from collections.abc import Mapping

from gongkai.clock import CONSULTEES, PERIOD_UNITS, SERVICE_METHODS
from gongkai.fees import SCHEME_LABELS
from gongkai.letters import LETTER_TYPES
from gongkai.web.cases.choices import EVENT_KIND_LABELS, OUTCOME_CHOICES

_OUTCOMES = dict(OUTCOME_CHOICES)
VALUE_LABELS: dict[str, Mapping[str, str]] = {
    "outcome": _OUTCOMES,
    "withheld_reason": _OUTCOMES,
    "method": SERVICE_METHODS,
    "kind": CONSULTEES,
    "consultee": CONSULTEES,
    "notice": EVENT_KIND_LABELS,
    "unit": PERIOD_UNITS,
    "scheme": {scheme.value: label for scheme, label in SCHEME_LABELS.items()},
    "letter": {key: letter.name for key, letter in LETTER_TYPES.items()},
}
OTHER_DETAIL = "其他"  # a key no label names yet: never shown as the raw key


def value_text(key: str, value: object) -> str:
    text = str(value)
    return VALUE_LABELS.get(key, {}).get(text, text)
