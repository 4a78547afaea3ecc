"""E1–E6: timeliness, completeness, focus, duplication, problems section, tables."""

import copy
from datetime import date

from gongkai.rules import RuleSettings, Severity, check

from .builders import SECTIONS, report


def test_e1_department_publishes_by_31_january():
    r = report(agency_kind="department", published=date(2024, 1, 31))
    assert check(r, rules=("E1",)) == []
    r.published = date(2024, 2, 1)
    (finding,) = check(r, rules=("E1",))
    assert (finding.expected, finding.actual) == ("2024-01-31", "2024-02-01")


def test_e1_government_has_until_31_march_and_deadline_is_configurable():
    r = report(agency_kind="government", published=date(2024, 3, 31))
    assert check(r, rules=("E1",)) == []
    strict = RuleSettings(deadlines={"government": (1, 31)})
    assert [f.rule for f in check(r, settings=strict, rules=("E1",))] == ["E1"]


def test_e1_kind_inferred_from_the_name_or_cannot_assess():
    r = report(agency="某某区发展和改革局", published=date(2024, 2, 10))
    (finding,) = check(r, rules=("E1",))
    assert "推断" in finding.message
    unknown = report(agency="某某某", published=date(2024, 2, 10))
    assert check(unknown, rules=("E1",))[0].severity is Severity.CANNOT_ASSESS


def test_e1_a_correction_is_judged_by_its_first_publication():
    # Published on time on 2024-01-20, corrected (version 2) on 2024-03-05.
    r = report(agency_kind="department", published=date(2024, 3, 5))
    r.extra["correction"] = {"version": 2, "note": "更正表2", "first_published": "2024-01-20"}
    assert check(r, rules=("E1",)) == []
    r.extra["correction"]["first_published"] = "2024-02-03"  # first published late
    (finding,) = check(r, rules=("E1",))
    assert finding.actual == "2024-02-03" and "首次公开" in finding.message
    r.extra["correction"]["first_published"] = "not a date"  # unreadable: the version's date
    assert check(r, rules=("E1",))[0].actual == "2024-03-05"


def test_e2_missing_section_rows_and_label_deviation():
    r = report()
    assert check(r, rules=("E2",)) == []
    del r.sections["5"]
    del r.table3["denied_8"]
    r.labels = {"table2": {"normative_documents": "規范性文件"}}
    rows = sorted((f.table, f.row) for f in check(r, rules=("E2",)))
    assert rows == [("sections", "5"), ("table2", "normative_documents"), ("table3", "denied_8")]


def test_e2_other_formats_row_and_extension_rows():
    r = report()
    r.table3["other"] = r.table3.pop("other_3")
    r.table2["local_total"] = [5]
    by_row = {f.row: f.severity for f in check(r, rules=("E2",))}
    assert by_row == {
        "other_3": Severity.WARNING,
        "other": Severity.WARNING,
        "local_total": Severity.INFO,
    }


def test_e2_sections_out_of_order():
    r = report()
    r.sections = {k: SECTIONS[k] for k in ("1", "3", "2", "4", "5", "6")}
    (finding,) = check(r, rules=("E2",))
    assert "顺序" in finding.message


def test_e3_generalised_overview_is_reported():
    r = report()
    assert check(r, rules=("E3",)) == []
    r.sections["1"] = "今年我区营商环境持续优化，招商引资成效显著，重点项目顺利推进。" * 10
    (finding,) = check(r, rules=("E3",))
    assert finding.actual == "0%"


def test_e4_near_duplicate_of_last_year():
    prev = report(year=2022)
    this = copy.deepcopy(prev)
    this.year = 2023
    this.sections["3"] = "全年共收到政府信息公开申请7件。"  # only figures changed
    (finding,) = check(this, prev, rules=("E4",))
    assert finding.rule == "E4"
    this.sections = {
        k: f"第{k}部分全新撰写的内容，与上年不同：{'甲乙丙丁戊己庚辛' * int(k)}" for k in SECTIONS
    }
    assert check(this, prev, rules=("E4",)) == []


def test_e5_problems_section_must_not_be_empty():
    r = report()
    r.sections["5"] = "无。"
    assert [f.rule for f in check(r, rules=("E5",))] == ["E5"]


def test_e6_tables_must_be_tables():
    assert check(report(), rules=("E6",)) == []
    r = report(table2=None, table3=None, table4=None)
    (finding,) = check(r, rules=("E6",))
    assert finding.table is None
    r = report(table4=None)
    assert [f.table for f in check(r, rules=("E6",))] == ["table4"]
