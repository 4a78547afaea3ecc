"""`gongkai deadline`: JSON and readable output, exit statuses, notices."""

import json

import pytest
from typer.testing import CliRunner

from gongkai.cli import app
from gongkai.cli import clock as _  # noqa: F401  (registers the commands)

runner = CliRunner()

CASE = {
    "channel": "online",
    "events": [
        {"type": "submitted", "date": "2025-09-27"},
        {"type": "confirmed", "date": "2025-09-28"},
    ],
}


def write(tmp_path, data, name="case.json"):
    path = tmp_path / name
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


def run(*args):
    return runner.invoke(app, list(map(str, args)))


def test_json_output(tmp_path):
    result = run("deadline", write(tmp_path, CASE), "--today", "2025-10-09", "--json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    # receipt on the make-up Sunday 9/28; due 2025-10-31 (see tests/clock)
    assert {
        "received": "2025-09-28",
        "reply_due": "2025-10-31",
        "provisional": False,
    }.items() <= data.items()
    assert data["overdue"] is False
    assert isinstance(data["timeline"], list) and data["timeline"][0]["kind"] == "submitted"


def test_overdue_still_exits_0(tmp_path):
    result = run("deadline", write(tmp_path, CASE), "--today", "2025-11-05", "--json")
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    assert data["overdue"] is True and data["overdue_workdays"] == 3  # 11/3, 11/4, 11/5


def test_readable_timeline_in_chinese(tmp_path):
    result = run("deadline", write(tmp_path, CASE), "--today", "2025-10-09")
    assert result.exit_code == 0
    assert "答复期限：2025年10月31日（星期五）" in result.stdout
    assert "国庆节、中秋节放假，不计入" in result.stdout
    assert "10月11日（星期六）调休上班，计入" in result.stdout


@pytest.mark.parametrize(
    ("events", "named"),
    [
        (
            [
                {"type": "submitted", "date": "2025-03-03"},
                {"type": "teleport", "date": "2025-03-04"},
            ],
            "事件 #1",
        ),
        ([{"type": "submitted", "date": "2025-13-03"}], "事件 #0（submitted） 字段 date"),
        (
            [
                {"type": "submitted", "date": "2025-03-03"},
                {"type": "extended", "date": "2025-03-04", "workdays": 30},
            ],
            "事件 #1（extended） 字段 workdays",
        ),
    ],
)
def test_invalid_case_exits_2_naming_the_event(tmp_path, events, named):
    result = run("deadline", write(tmp_path, {"channel": "in_person", "events": events}))
    assert result.exit_code == 2
    assert named in result.output


def test_unreadable_file_exits_2(tmp_path):
    path = tmp_path / "case.json"
    path.write_text("{not json", encoding="utf-8")
    result = run("deadline", path)
    assert result.exit_code == 2 and "不是有效的 JSON" in result.output
    assert run("deadline", tmp_path / "missing.json").exit_code == 2


def test_bad_today_exits_2(tmp_path):
    assert run("deadline", write(tmp_path, CASE), "--today", "tomorrow").exit_code == 2


def test_notices_turn_provisional_into_final(tmp_path):
    case = write(
        tmp_path, {"channel": "in_person", "events": [{"type": "submitted", "date": "2026-12-14"}]}
    )
    before = json.loads(run("deadline", case, "--today", "2026-12-15", "--json").stdout)
    assert before["provisional"] is True and before["reply_due"] == "2027-01-12"
    assert any("2027" in w for w in before["warnings"])
    notice = write(
        tmp_path,
        {
            "year": 2027,
            "document_number": "测试用虚构通知",  # fictitious test data
            "loaded_at": "2026-11-20T09:00:00+08:00",
            "holidays": [
                {
                    "name": "元旦",
                    "days_off": ["2027-01-01", "2027-01-02", "2027-01-03", "2027-01-04"],
                }
            ],
        },
        "notice.json",
    )
    after = run("deadline", case, "--today", "2026-12-15", "--json", "--notices", notice)
    data = json.loads(after.stdout)
    assert data["provisional"] is False and data["reply_due"] == "2027-01-13"
    assert data["warnings"] == []


def test_bad_notice_file_exits_2(tmp_path):
    notice = write(tmp_path, {"year": 2027}, "notice.json")
    result = run("deadline", write(tmp_path, CASE), "--notices", notice)
    assert result.exit_code == 2 and "document_number" in result.output


def test_help_documents_the_exit_status():
    result = run("deadline", "--help")
    assert result.exit_code == 0 and "退出状态" in result.output
