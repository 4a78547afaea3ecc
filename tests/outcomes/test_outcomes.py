"""Outcomes are the leaves of table 3, each with its legal basis and reply letter (spec §4)."""

import pytest

from gongkai.formats import FORMAT_2019, FORMAT_2021
from gongkai.letters import LETTER_TYPES
from gongkai.outcomes import (
    CURRENT_OUTCOMES,
    OUTCOMES,
    REGULATION,
    OutcomeGroup,
    UnknownOutcomeError,
    outcome,
)

# Spec §4, the "letter" column.
SPEC_LETTERS = {
    "granted": "予以公开告知书",
    "partial": "部分公开告知书",
    **{f"denied_{i}": "不予公开告知书" for i in range(1, 8)},
    "denied_8": "告知书",
    **{f"unable_{i}": "告知书" for i in range(1, 4)},
    "not_processed_1": "告知书",
    "not_processed_2": "重复申请告知书",
    **{f"not_processed_{i}": "告知书" for i in range(3, 6)},
    **{f"other_{i}": "告知书" for i in range(1, 4)},
    "other": "告知书",
}

# Spec §4, the "basis" column: provisions each outcome's citation must contain.
SPEC_ARTICLES = {
    "granted": ("第三十六条第（一）项", "第三十六条第（二）项"),
    "partial": ("第三十七条",),
    "denied_1": ("第十四条",),
    "denied_2": ("第十四条",),
    "denied_3": ("第十四条",),
    "denied_4": ("第十五条", "第三十二条"),
    "denied_5": ("第十六条",),
    "denied_6": ("第十六条",),
    "denied_7": ("第十六条",),
    "denied_8": ("第三十六条第（七）项",),
    "unable_1": ("第三十六条第（四）项", "第三十六条第（五）项"),
    "unable_2": ("第三十八条",),
    "unable_3": ("第三十条",),
    "not_processed_1": ("第三十九条第一款",),
    "not_processed_2": ("第三十六条第（六）项",),
    "not_processed_3": ("第三十九条第二款",),
    "not_processed_4": ("第三十五条",),
    "other_1": ("第三十条",),
    "other_2": ("第四十二条", "国办函〔2020〕109号"),
}


def test_every_outcome_row_of_both_formats_has_an_entry():
    rows = set(FORMAT_2021.table3.outcome_rows) | set(FORMAT_2019.table3.outcome_rows)
    assert set(OUTCOMES) == rows
    assert set(SPEC_LETTERS) == rows


@pytest.mark.parametrize("fmt", [FORMAT_2019, FORMAT_2021], ids=lambda f: f.id)
def test_labels_are_the_format_labels(fmt):
    for row in fmt.table3.rows:
        if row.key in fmt.table3.outcome_rows:
            assert OUTCOMES[row.key].label == row.label
            assert fmt.id in OUTCOMES[row.key].formats


def test_new_cases_use_the_current_format():
    assert FORMAT_2021.table3.outcome_rows == CURRENT_OUTCOMES
    assert "other" not in CURRENT_OUTCOMES
    assert OUTCOMES["other"].formats == ("2019",)


@pytest.mark.parametrize("key", sorted(SPEC_LETTERS))
def test_reply_letter_follows_the_spec(key):
    name = LETTER_TYPES[outcome(key).letter_type].name
    assert name.startswith(SPEC_LETTERS[key])
    assert LETTER_TYPES[outcome(key).letter_type].is_reply


@pytest.mark.parametrize("key", sorted(SPEC_ARTICLES))
def test_basis_cites_the_provisions_of_the_spec(key):
    basis = outcome(key).basis
    assert basis.startswith(REGULATION)
    for provision in SPEC_ARTICLES[key]:
        assert provision in basis


GROUP_BY_PREFIX = {
    "granted": OutcomeGroup.GRANTED,
    "partial": OutcomeGroup.PARTIAL,
    "denied": OutcomeGroup.DENIED,
    "unable": OutcomeGroup.UNABLE,
    "not_processed": OutcomeGroup.NOT_PROCESSED,
    "other": OutcomeGroup.OTHER,
}


def test_group_is_the_table_caption_the_row_sits_under():
    for o in OUTCOMES.values():
        assert o.group is GROUP_BY_PREFIX[o.key.rstrip("_0123456789")], o.key
        row = next(r for f in (FORMAT_2021, FORMAT_2019) for r in f.table3.rows if r.key == o.key)
        caption = row.parents[-1] if len(row.parents) > 1 else row.label
        assert o.group.value in caption, o.key


def test_only_missed_correction_and_unpaid_fee_are_deemed_withdrawals():
    withdrawn = {key for key, o in OUTCOMES.items() if o.deemed_withdrawal}
    assert withdrawn == {"other_1", "other_2"}


def test_policy_notes_from_the_spec_are_kept():
    assert any("负责公开的行政机关" in note for note in outcome("unable_1").notes)
    assert any("只计入本项" in note for note in outcome("partial").notes)
    assert outcome("granted").group is OutcomeGroup.GRANTED


def test_unknown_key_is_a_clear_chinese_error():
    with pytest.raises(UnknownOutcomeError, match=r"未知的办理结果 'denied_9'.*denied_8"):
        outcome("denied_9")
