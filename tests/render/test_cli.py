from pathlib import Path

import pytest
from docx import Document
from openpyxl import load_workbook
from typer.testing import CliRunner

import gongkai.cli.render  # noqa: F401  (registers the command)
from gongkai.cli.app import EXIT_UNREADABLE, app
from gongkai.report.canonical import save
from tests.render.reports import report_2021


def test_unreadable_input_exits_2_with_chinese_message(tmp_path: Path) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text("{", encoding="utf-8")
    result = CliRunner().invoke(
        app, ["render", str(bad), "--to", "json", "-o", str(tmp_path / "o")]
    )
    assert result.exit_code == EXIT_UNREADABLE
    assert "无法读取" in result.output


@pytest.mark.shared
def test_renders_truth_file_to_json(shared_data: Path, tmp_path: Path) -> None:
    source = sorted((shared_data / "reports").glob("*.truth.json"))[0]
    out = tmp_path / "out.json"
    result = CliRunner().invoke(app, ["render", str(source), "--to", "json", "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert out.read_text(encoding="utf-8").startswith("{")


@pytest.mark.parametrize("to", ["docx", "xlsx", "html", "md"])
def test_renders_a_report_file_to_each_document_format(tmp_path: Path, to: str) -> None:
    source = tmp_path / "report.json"
    save(report_2021(), source)
    out = tmp_path / f"out.{to}"
    result = CliRunner().invoke(app, ["render", str(source), "--to", to, "-o", str(out)])
    assert result.exit_code == 0, result.output
    data = out.read_bytes()
    if to in ("docx", "xlsx"):
        assert data.startswith(b"PK")  # an OOXML zip package
        assert Document(str(out)).tables if to == "docx" else load_workbook(out).sheetnames
    else:
        assert "本年新收政府信息公开申请数量" in data.decode("utf-8")


def test_unknown_target_lists_the_choices(tmp_path: Path) -> None:
    source = tmp_path / "report.json"
    save(report_2021(), source)
    result = CliRunner().invoke(app, ["render", str(source), "--to", "odt"])
    assert result.exit_code == EXIT_UNREADABLE
    assert "docx" in result.output and "pdf" in result.output


def test_binary_target_without_output_file_is_refused(tmp_path: Path) -> None:
    source = tmp_path / "report.json"
    save(report_2021(), source)
    result = CliRunner().invoke(app, ["render", str(source), "--to", "docx"])
    assert result.exit_code == EXIT_UNREADABLE
    assert "-o" in result.output


@pytest.mark.shared
def test_render_md_of_a_2021_report_with_the_2019_other_row_shows_its_label(
    shared_data: Path, tmp_path: Path
) -> None:
    # Report 012 (淮安市洪泽区, 2023) prints the 2019 single （六）其他处理 row (spec §3).
    source = shared_data / "reports" / "012.truth.json"
    out = tmp_path / "012.md"
    result = CliRunner().invoke(app, ["render", str(source), "--to", "md", "-o", str(out)])
    assert result.exit_code == 0, result.output
    text = out.read_text(encoding="utf-8")
    assert "（六）其他处理 |" in text
    assert "| other |" not in text
