"""Loading the State Council's notice from JSON or CSV, with clear errors."""

import json

import pytest

from gongkai.calendar import NoticeError, load_notices, notice_to_dict

NOTICE = {
    "year": 2027,
    "document_number": "测试用虚构通知〔2026〕1号",  # fictitious test data
    "loaded_at": "2026-11-10T09:00:00+08:00",
    "holidays": [
        {"name": "元旦", "days_off": ["2027-01-01", "2027-01-02", "2027-01-03"]},
        {"name": "春节", "days_off": ["2027-02-06"], "workdays": ["2027-02-20"]},
    ],
}


def test_json_round_trip(tmp_path):
    path = tmp_path / "notice.json"
    path.write_text(json.dumps(NOTICE, ensure_ascii=False), encoding="utf-8")
    (notice,) = load_notices(path)
    assert notice.year == 2027 and len(notice.days) == 5
    assert [d.working for d in notice.days].count(True) == 1
    again = notice_to_dict(notice)
    assert again["document_number"] == NOTICE["document_number"]
    assert sorted(again["holidays"][1]["workdays"]) == ["2027-02-20"]


def test_csv(tmp_path):
    path = tmp_path / "notice.csv"
    path.write_text(
        "year,document_number,loaded_at,name,date,kind\n"
        "2027,测试通知,2026-11-10T09:00,元旦,2027-01-01,off\n"
        "2027,测试通知,2026-11-10T09:00,春节,2027-02-20,work\n",
        encoding="utf-8",
    )
    (notice,) = load_notices(path)
    assert notice.document_number == "测试通知"
    assert notice.loaded_at.tzinfo is not None  # Beijing time assumed
    assert {d.date.isoformat(): d.working for d in notice.days} == {
        "2027-01-01": False,
        "2027-02-20": True,
    }


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"document_number": ""}, "document_number"),
        ({"loaded_at": "yesterday"}, "载入时间"),
        ({"holidays": [{"name": "元旦", "days_off": ["2027-02-30"]}]}, "days_off[0]"),
        (
            {
                "holidays": [
                    {"name": "元旦", "days_off": ["2027-01-01"], "workdays": ["2027-01-01"]}
                ]
            },
            "同时列为",
        ),
    ],
)
def test_bad_notice_names_the_place(tmp_path, change, message):
    path = tmp_path / "notice.json"
    path.write_text(json.dumps({**NOTICE, **change}, ensure_ascii=False), encoding="utf-8")
    with pytest.raises(NoticeError, match=message.replace("[", r"\[").replace("]", r"\]")):
        load_notices(path)


def test_bad_csv_row_names_the_line(tmp_path):
    path = tmp_path / "notice.csv"
    path.write_text(
        "year,document_number,loaded_at,name,date,kind\n2027,x,2026-11-10,元旦,2027-01-01,holiday\n",
        encoding="utf-8",
    )
    with pytest.raises(NoticeError, match="第 2 行"):
        load_notices(path)


def test_not_json(tmp_path):
    path = tmp_path / "notice.json"
    path.write_text("{", encoding="utf-8")
    with pytest.raises(NoticeError, match="不是有效的 JSON"):
        load_notices(path)


def test_csv_missing_column(tmp_path):
    path = tmp_path / "notice.csv"
    path.write_text("year,date,kind\n2027,2027-01-01,off\n", encoding="utf-8")
    with pytest.raises(NoticeError, match="缺少列 document_number"):
        load_notices(path)
