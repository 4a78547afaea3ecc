"""`gongkai review`: table, JSON, exit statuses."""

import importlib
import json

from typer.testing import CliRunner

from gongkai.cli import _COMMAND_MODULES, app

from .fakes import fake_id

for _name in _COMMAND_MODULES:  # registers the commands, as ``gongkai`` does
    importlib.import_module(f"gongkai.cli.{_name}")
runner = CliRunner()


def test_text_with_personal_data_exits_1_and_json_lists_it(tmp_path):
    path = tmp_path / "notice.txt"
    path.write_text(f"申请人：赵五，身份证号{fake_id()}。", encoding="utf-8")
    result = runner.invoke(app, ["review", str(path), "--json"])
    assert result.exit_code == 1, result.output
    (doc,) = json.loads(result.output)
    assert {f["kind"] for f in doc["findings"]} == {"身份证号", "姓名"}
    assert doc["report"] is False


def test_clean_text_exits_0(tmp_path):
    path = tmp_path / "notice.txt"
    path.write_text("本机关依法主动公开政府信息。", encoding="utf-8")
    result = runner.invoke(app, ["review", str(path)])
    assert result.exit_code == 0, result.output
    assert "未发现问题" in result.output


def test_missing_file_exits_2_and_rules_are_listed(tmp_path):
    assert runner.invoke(app, ["review", str(tmp_path / "none.txt")]).exit_code == 2
    listing = runner.invoke(app, ["review", "--rules"])
    assert listing.exit_code == 0 and "R4" in listing.output
