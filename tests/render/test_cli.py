from pathlib import Path

from typer.testing import CliRunner

import gongkai.cli.render  # noqa: F401  (registers the command)
from gongkai.cli.app import EXIT_UNREADABLE, app


def test_unreadable_input_exits_2_with_chinese_message(tmp_path: Path) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text("{", encoding="utf-8")
    result = CliRunner().invoke(
        app, ["render", str(bad), "--to", "json", "-o", str(tmp_path / "o")]
    )
    assert result.exit_code == EXIT_UNREADABLE
    assert "无法读取" in result.output


def test_renders_truth_file_to_json(shared_data: Path, tmp_path: Path) -> None:
    source = sorted((shared_data / "reports").glob("*.truth.json"))[0]
    out = tmp_path / "out.json"
    result = CliRunner().invoke(app, ["render", str(source), "--to", "json", "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert out.read_text(encoding="utf-8").startswith("{")
