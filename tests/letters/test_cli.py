"""``gongkai letter TYPE CONTEXT.json --to docx|pdf|txt -o OUT``."""

from __future__ import annotations

import io
import json

from docx import Document
from typer.testing import CliRunner

from gongkai.cli import app
from gongkai.cli import letter as _  # noqa: F401  (registers the command)
from gongkai.cli import report as _report  # noqa: F401  (a second command keeps subcommand mode)
from tests.letters.conftest import FIXTURES

runner = CliRunner()
CONTEXT = str(FIXTURES / "context.json")


def test_writes_a_docx(tmp_path):
    out = tmp_path / "receipt.docx"
    result = runner.invoke(app, ["letter", "receipt", CONTEXT, "--to", "docx", "-o", str(out)])
    assert result.exit_code == 0, result.output
    text = "\n".join(p.text for p in Document(io.BytesIO(out.read_bytes())).paragraphs)
    assert "政府信息公开申请受理回执" in text and "2026年12月1日" in text


def test_prints_text_with_an_edited_template(tmp_path):
    template = tmp_path / "receipt.txt.j2"
    template.write_text("# 回执\n> {{ applicant }}：\n已收到。\n", encoding="utf-8")
    result = runner.invoke(app, ["letter", "receipt", CONTEXT, "--template", str(template)])
    assert result.exit_code == 0, result.output
    assert result.output.startswith("回执\n")
    assert "　　已收到。" in result.output


def test_missing_fields_exit_2_with_the_list(tmp_path):
    case = tmp_path / "case.json"
    case.write_text(json.dumps({"agency_name": "示例市人民政府办公室"}), encoding="utf-8")
    result = runner.invoke(app, ["letter", "receipt", str(case)])
    assert result.exit_code == 2
    assert "缺少字段" in result.output and "received_date" in result.output
