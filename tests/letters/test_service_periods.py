"""The correction, consultation and payment limits run from service (送达), often unknown
when the letter is made: with a date the letter names it, without one it states the period."""

from __future__ import annotations

import dataclasses

import pytest

from gongkai.letters import render_letter
from tests.letters.conftest import full_context

CASES = [
    ("correction", "correction_due_date", "自收到本告知书之日起15个工作日内", "，向本机关提交"),
    ("consultation", "consultation_due_date", "自收到本函之日起15个工作日内", "，以书面形式"),
    ("fee", "payment_due_date", "自收到本通知书的次日起20个工作日内", "缴纳上述费用"),
]


@pytest.mark.parametrize(("key", "field", "period", "after"), CASES)
def test_with_the_date_the_letter_names_it(key, field, period, after):
    text = render_letter(key, full_context()).as_text()
    due = {"payment_due_date": "2026年12月22日"}.get(field, "2026年12月15日")
    assert f"{period}，即{due}前{after}" in text


@pytest.mark.parametrize(("key", "field", "period", "after"), CASES)
def test_without_the_date_the_letter_states_the_period(key, field, period, after):
    text = render_letter(key, dataclasses.replace(full_context(), **{field: None})).as_text()
    assert f"{period}{after}" in text and "即" not in text.split(period)[1][:3]


def test_agency_consultation_without_the_date():
    context = dataclasses.replace(
        full_context(), consultation_kind="agency", consultation_due_date=None
    )
    text = render_letter("consultation", context).as_text()
    assert "自收到本征求意见书之日起15个工作日内，以书面形式" in text
