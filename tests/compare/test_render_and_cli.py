"""The comparison as HTML/DOCX/PDF/JSON, and `gongkai compare` on files."""

from __future__ import annotations

import io
import json
import zipfile
from pathlib import Path

import pytest
from typer.testing import CliRunner

from gongkai.cli import app
from gongkai.cli import compare as _  # noqa: F401  (registers the command)
from gongkai.cli import report as _report  # noqa: F401  (a second command: app is a group)
from gongkai.compare import compare, render_comparison
from gongkai.render import render
from gongkai.report import AnnualReport, save
from tests.rules import builders

runner = CliRunner()


def _pair() -> tuple[AnnualReport, AnnualReport]:
    last = builders.report(year=2022)
    this = builders.changed(builders.report(), "table2", "licensing", 0, 150)
    assert this.sections is not None
    this.sections["5"] = "今年全新撰写的问题与改进情况说明。"
    return last, this


def test_html_marks_repeated_passages_and_shows_deltas() -> None:
    last, this = _pair()
    html = render_comparison(compare(last, this), "html").decode("utf-8")
    assert f"<mark>{builders.SECTIONS['1']}</mark>" in html
    assert "<mark>今年全新撰写" not in html
    assert "+30" in html and "+25.0%" in html
    assert "<script" not in html and "http" not in html.split("<body>")[1]  # self-contained


def test_html_escapes_report_text() -> None:
    last, this = _pair()
    assert this.sections is not None
    this.sections["6"] = "<script>alert(1)</script>"
    html = render_comparison(compare(last, this), "html").decode("utf-8")
    assert "<script>alert" not in html and "&lt;script&gt;" in html


def test_docx_holds_the_sections_and_the_deltas() -> None:
    last, this = _pair()
    data = render_comparison(compare(last, this), "docx")
    xml = zipfile.ZipFile(io.BytesIO(data)).read("word/document.xml").decode("utf-8")
    assert "重复率" in xml and "+30" in xml and "w:highlight" in xml


def test_pdf_is_a_pdf_with_the_text() -> None:
    import pypdfium2

    last, this = _pair()
    data = render_comparison(compare(last, this), "pdf")
    pdf = pypdfium2.PdfDocument(data)
    text = "".join(pdf[i].get_textpage().get_text_range() for i in range(len(pdf)))
    assert "重复率" in text.replace("\n", "")


def test_unknown_format_is_refused() -> None:
    last, this = _pair()
    with pytest.raises(ValueError, match="不支持"):
        render_comparison(compare(last, this), "odt")


def test_cli_reads_rendered_reports_and_writes_json(tmp_path: Path) -> None:
    last, this = _pair()
    (tmp_path / "last.html").write_bytes(render(last, "html"))
    save(this, tmp_path / "this.json")
    result = runner.invoke(
        app, ["compare", str(tmp_path / "last.html"), str(tmp_path / "this.json"), "--json"]
    )
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    licensing = next(c for c in data["cells"] if c["row"] == "licensing")
    assert (licensing["last"], licensing["this"], licensing["change"]) == (120, 150, 30)


def test_cli_writes_the_report_by_suffix(tmp_path: Path) -> None:
    last, this = _pair()
    save(last, tmp_path / "a.json")
    save(this, tmp_path / "b.json")
    out = tmp_path / "out.docx"
    result = runner.invoke(
        app, ["compare", str(tmp_path / "a.json"), str(tmp_path / "b.json"), "-o", str(out)]
    )
    assert result.exit_code == 0, result.output
    assert zipfile.is_zipfile(out)
    bad = runner.invoke(
        app, ["compare", str(tmp_path / "a.json"), str(tmp_path / "b.json"), "-o", "x.odt"]
    )
    assert bad.exit_code == 2


def test_cli_unreadable_file_exits_2(tmp_path: Path) -> None:
    save(builders.report(), tmp_path / "a.json")
    result = runner.invoke(
        app, ["compare", str(tmp_path / "a.json"), str(tmp_path / "missing.pdf")]
    )
    assert result.exit_code == 2
