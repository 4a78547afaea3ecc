"""The national formats as data: sizes from the spec, labels matched in any script."""

import pytest

from gongkai.formats import (
    FORMAT_2019,
    FORMAT_2021,
    CellKind,
    UnknownFormatError,
    format_for_year,
    get_format,
    match_row_label,
    match_section_heading,
)


def cell_count(table):
    return sum(len(row.columns) for row in table.rows)


def test_sizes_match_the_spec():
    assert cell_count(FORMAT_2021.table2) == 10
    # Spec §2 says "19 cells" but its own row table (and every 2019 truth file) has 22.
    assert cell_count(FORMAT_2019.table2) == 22
    assert len(FORMAT_2021.table3.rows) * 7 == 175
    assert len(FORMAT_2019.table3.rows) * 7 == 161
    assert FORMAT_2021.table4.size == FORMAT_2019.table4.size == 15


def test_cell_kinds():
    fees = {row.key: row for row in FORMAT_2021.table2.rows}["fees"]
    assert fees.columns[0].kind is CellKind.AMOUNT
    licensing = {row.key: row for row in FORMAT_2019.table2.rows}["licensing"]
    assert [c.kind for c in licensing.columns] == [CellKind.COUNT, CellKind.SIGNED, CellKind.COUNT]


def test_format_for_year():
    assert format_for_year(2019) is FORMAT_2019
    assert format_for_year(2020) is FORMAT_2019
    assert format_for_year(2021) is FORMAT_2021
    assert format_for_year(2030) is FORMAT_2021
    with pytest.raises(UnknownFormatError, match="2018"):
        format_for_year(2018)
    with pytest.raises(UnknownFormatError):
        get_format("2007")


@pytest.mark.parametrize(
    ("printed", "table", "fmt", "key", "official"),
    [
        ("（一）予以公开", "table3", "2021", "granted", True),
        ("(二)部分公開(區分處理的,只計這一情形,不計其他情形)", "table3", "2021", "partial", True),
        ("3.危及“三安全一稳定”", "table3", "2021", "denied_3", True),
        ('3.危及"三安全一稳定"', "table3", "2021", "denied_3", True),
        ("屬于國家秘密", "table3", "2021", "denied_1", True),
        ("四、结转下年度继续办理", "table3", "2021", "carried_forward", True),
        ("（六）其他处理", "table3", "2019", "other", True),
        ("（六）其他处理", "table3", "2021", "other", False),  # 2019 row printed in 2021 report
        ("行政规范性文件", "table2", "2021", "normative_documents", True),
        ("規范性文件", "table2", "2021", "normative_documents", False),
        ("规范性文件", "table2", "2019", "normative_documents", True),
        ("政府集中采购", "table2", "2019", "procurement", True),
    ],
)
def test_labels_match_after_normalisation(printed, table, fmt, key, official):
    match = match_row_label(printed, table, fmt)
    assert match is not None and (match.key, match.official) == (key, official)


def test_unknown_labels_do_not_match():
    assert match_row_label("本行政区域政府信息公开发布总数量", "table2") is None
    assert match_row_label("", "table3") is None


def test_section_headings():
    assert match_section_heading("一、总体情况") == "1"
    assert match_section_heading("四、政府信息公开行政复议、行政诉讼情况") == "4"
    assert match_section_heading("五、存在的主要問題及改進情況") == "5"
    assert match_section_heading("总体要求") is None
