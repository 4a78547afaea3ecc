"""The DOCX opened by an office suite (LibreOffice, when installed): it loads, lays out over
more than one page, and the title, a table-3 label and a number survive the round trip.

python-docx reads what python-docx wrote; an office suite is stricter about the XML (cell
merges, schema order of paragraph properties), so this is the check closest to staff
opening the file in Word or WPS.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pypdfium2
import pytest

from gongkai.letters import render_letter, to_docx
from gongkai.render import render
from gongkai.render.layout import report_layout
from tests.letters.conftest import context_for
from tests.render.reports import report_2021

OFFICE = shutil.which("soffice") or shutil.which("libreoffice")
pytestmark = pytest.mark.skipif(
    OFFICE is None, reason="LibreOffice（soffice）未安装：apt-get install libreoffice-writer-nogui"
)


def _as_pdf_text(docx: bytes, tmp_path: Path) -> list[str]:
    source = tmp_path / "document.docx"
    source.write_bytes(docx)
    profile = (tmp_path / "profile").as_uri()  # its own profile: parallel runs do not clash
    subprocess.run(
        [
            OFFICE,
            f"-env:UserInstallation={profile}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(tmp_path),
            str(source),
        ],
        check=True,
        capture_output=True,
        timeout=180,
    )
    pdf = pypdfium2.PdfDocument(tmp_path / "document.pdf")
    return [page.get_textpage().get_text_range() for page in pdf]


def _joined(pages: list[str]) -> str:
    """Text without the line breaks the layout put in."""
    return "".join(pages).replace("\r", "").replace("\n", "").replace(" ", "")


def test_the_annual_report_docx_opens_and_keeps_its_content(tmp_path: Path) -> None:
    report = report_2021()
    pages = _as_pdf_text(render(report, "docx"), tmp_path)
    text = _joined(pages)
    assert len(pages) >= 2
    assert _joined([report_layout(report).title]) in text
    assert "本年新收政府信息公开申请数量" in text
    assert "结转下年度继续办理" in text


def test_a_letter_docx_opens_on_one_page_with_its_signature(tmp_path: Path) -> None:
    letter = render_letter("reply_granted", context_for("reply_granted"))
    pages = _as_pdf_text(to_docx(letter), tmp_path)
    assert len(pages) == 1
    text = _joined(pages)
    assert _joined([letter.title]) in text and _joined([letter.signature]) in text
