"""Canonical JSON: load, validate shape with precise messages, save without loss."""

import json
from datetime import date
from decimal import Decimal

import pytest

from gongkai.report import ReportReadError, ReportShapeError, dumps, load, loads

MINIMAL = {
    "schema": "gongkai.annual-report/1",
    "agency": "某局",
    "year": 2021,
    "format": "2021",
    "published": "2022-01-20",
    "table2": {"regulations": [0, 0, 0], "normative_documents": [1, None, "/"], "fees": [7730.28]},
    "table3": {"granted": [1, 0, 0, 0, 0, 0, 1]},
    "table4": [0] * 15,
}


def test_blank_text_and_numbers_stay_distinct_through_a_round_trip():
    report = loads(json.dumps(MINIMAL))
    assert report.table2["normative_documents"] == [1, None, "/"]
    assert report.table2["fees"] == [Decimal("7730.28")]
    assert report.published == date(2022, 1, 20)
    again = json.loads(dumps(report))
    assert again["table2"] == MINIMAL["table2"]
    assert again["published"] == "2022-01-20"


def test_a_full_width_year_is_read():
    assert loads(json.dumps(dict(MINIMAL, year="２０２１"))).year == 2021


@pytest.mark.parametrize("constant", ["Infinity", "-Infinity", "NaN"])
def test_non_finite_json_numbers_are_refused_by_place(constant):
    text = json.dumps(MINIMAL).replace("7730.28", constant)
    with pytest.raises(ReportShapeError) as excinfo:
        loads(text)
    assert "table2.fees[0]" in str(excinfo.value)


@pytest.mark.parametrize("number", ["1e5000", "1" * 19, "-1" + "0" * 30, "1" * 20 + ".5"])
def test_numbers_no_cell_can_hold_are_refused_by_place(number):
    text = json.dumps(MINIMAL).replace("7730.28", number)
    with pytest.raises(ReportShapeError) as excinfo:
        loads(text)
    assert "table2.fees[0] is a number of more than 18 digits" in str(excinfo.value)


@pytest.mark.parametrize("number", [Decimal("1E+5000"), Decimal("NaN"), Decimal("-Infinity")])
def test_a_model_decimal_no_json_number_holds_is_written_as_its_text(number):
    report = loads(json.dumps(MINIMAL))
    report.table2["fees"] = [number]
    again = loads(dumps(report))
    assert again.table2["fees"] == [str(number)]


def test_unknown_keys_are_kept():
    data = dict(MINIMAL, notes=["kept"], ambiguous_cells=[{"table": "table2"}])
    again = json.loads(dumps(loads(json.dumps(data))))
    assert again["notes"] == ["kept"] and again["ambiguous_cells"] == [{"table": "table2"}]


def test_chinese_publication_date_is_read():
    assert loads(json.dumps(dict(MINIMAL, published="2020年01月16日"))).published == date(
        2020, 1, 16
    )


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"table3": {"granted": [1, 2, 3, 4, 5, 6]}}, "table3.granted has 6 values, expected 7"),
        ({"table4": [0] * 14}, "table4 has 14 values, expected 15"),
        ({"table2": {"licensing": [1, 2]}}, "table2.licensing has 2 values, expected 1"),
        ({"table3": {"granted": [1, 0, 0, True, 0, 0, 1]}}, "table3.granted[3] is True"),
        ({"table3": {"granted": [1, 0, 0, [0], 0, 0, 1]}}, "table3.granted[3] is 数组"),
        ({"table3": []}, "table3 is 数组"),
        ({"year": "二〇二一"}, "year is '二〇二一'"),
        ({"year": "²"}, "year is '²'"),  # str.isdigit() is true, int() refuses it
        ({"year": "9" * 5000}, "year is '999"),
        ({"published": "2022-02-30"}, "published is '2022-02-30'"),
        ({"format": "2007"}, "format is '2007'"),
        ({"schema": "other/1"}, "schema is 'other/1'"),
        ({"sections": {"7": "x"}}, "sections.7 is not a section number"),
    ],
)
def test_wrong_shape_names_the_exact_place(change, message):
    with pytest.raises(ReportShapeError) as excinfo:
        loads(json.dumps(dict(MINIMAL, **change)))
    assert message in str(excinfo.value)


def test_2019_rows_expect_their_own_widths():
    data = dict(
        MINIMAL, year=2020, format="2019", table2={"licensing": [9, "+1", 10], "fees": [3, 0]}
    )
    assert loads(json.dumps(data)).table2["licensing"] == [9, "+1", 10]


def test_unreadable_files_say_why(tmp_path):
    empty = tmp_path / "empty.json"
    empty.write_bytes(b"")
    with pytest.raises(ReportReadError, match="文件为空"):
        load(empty)
    broken = tmp_path / "broken.json"
    broken.write_text('{"year": 2021,,}', encoding="utf-8")
    with pytest.raises(ReportReadError, match="第 1 行"):
        load(broken)
    gbk = tmp_path / "gbk.json"
    gbk.write_bytes('{"agency": "某局"}'.encode("gbk"))
    with pytest.raises(ReportReadError, match="UTF-8"):
        load(gbk)
    with pytest.raises(ReportReadError, match="无法读取"):
        load(tmp_path / "missing.json")


def test_every_truth_file_loads_and_round_trips(shared_data):
    for path in sorted(shared_data.glob("*/*.truth.json")):
        original = json.loads(path.read_text(encoding="utf-8"))
        again = json.loads(dumps(load(path)))
        for key in ("table2", "table3", "table4"):
            assert again[key] == original.get(key), (path.name, key)
