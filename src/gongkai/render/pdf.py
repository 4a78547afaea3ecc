"""PDF from the HTML page, by WeasyPrint, with CJK glyphs embedded.

The page asks for the official faces first; where they are missing (any Linux server) the
Noto CJK SC faces of Debian's fonts-noto-cjk, installed by the project's set-up, render
the Chinese text. WeasyPrint is imported only when a PDF is asked for: it loads native
libraries and is slow to import.
"""

from __future__ import annotations

from gongkai.render.html import to_html
from gongkai.report.model import AnnualReport


def render_pdf(report: AnnualReport) -> bytes:
    import weasyprint  # lazily: heavy native dependencies

    pdf: bytes = weasyprint.HTML(string=to_html(report)).write_pdf()
    return pdf
