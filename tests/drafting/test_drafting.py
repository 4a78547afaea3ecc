"""Drafted section texts quote the tables' own figures (D1 holds, D2 handled)."""

from gongkai.drafting import draft_sections
from gongkai.rules import check

from ..rules.builders import report


def test_drafts_all_six_sections_in_order():
    sections = draft_sections(report())
    assert list(sections) == ["1", "2", "3", "4", "5", "6"]
    assert all(text.strip() for text in sections.values())


def test_drafted_figures_agree_with_the_tables():
    r = report()
    r.sections = draft_sections(r)
    assert "收到政府信息公开申请3件" in r.sections["3"]
    assert "行政复议1件" in r.sections["4"]
    assert check(r, rules=("D1", "D2")) == []


def test_a_changed_table_changes_the_draft():
    r = report()
    r.table3["new_received"] = [5, 1, 0, 0, 0, 0, 6]
    assert "收到政府信息公开申请6件" in draft_sections(r)["3"]


def test_unpaid_fee_cases_prompt_the_fee_note():
    r = report()
    r.table3["other_2"] = [1, 0, 0, 0, 0, 0, 1]
    r.sections = draft_sections(r)
    assert check(r, rules=("D2",)) == []
