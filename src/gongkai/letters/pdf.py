"""A letter as a PDF, laid out like the DOCX, rendered by WeasyPrint from a small HTML page.

The CJK faces are Noto Serif/Sans CJK SC (Debian fonts-noto-cjk), standing in for the
仿宋 and 小标宋 faces an agency's own machines have. WeasyPrint is imported only when a
PDF is asked for: it loads native libraries and is slow to import.
"""

from __future__ import annotations

from html import escape

from gongkai.letters.render import Letter, Paragraph, Style
from gongkai.render.official import BODY_FAMILY, PAGE_CSS, TITLE_FAMILY

_CSS = (
    PAGE_CSS
    + f"""
body {{ font-family: {BODY_FAMILY}; font-size: 16pt;
       line-height: 28pt; margin: 0; text-align: justify; }}
h1 {{ font-family: {TITLE_FAMILY}; font-weight: bold;
     font-size: 22pt; line-height: 36pt; text-align: center; margin: 0 0 28pt 0; }}
"""
    + """p { margin: 0; }
p.body { text-indent: 2em; }
p.right { text-align: right; }
div.keep { break-inside: avoid; }  /* the last paragraph and the signature stay together */
div.signature { margin-top: 14pt; text-align: right; }
div.signature div { display: inline-block; text-align: center; margin-right: 2em; }
p.seal { color: #c00; }
div.notes { break-inside: avoid; margin-top: 14pt; font-size: 14pt; line-height: 22pt; }
p.note { text-indent: 2em; }
"""
)

_CLASS = {Style.BODY: "body", Style.FLUSH: "flush", Style.RIGHT: "right", Style.NOTE: "note"}


def _p(paragraph: Paragraph) -> str:
    return f'<p class="{_CLASS[paragraph.style]}">{escape(paragraph.text)}</p>'


def to_html(letter: Letter) -> str:
    *body, last = letter.body or (Paragraph(""),)
    notes = "".join(_p(p) for p in letter.notes)
    return (
        '<!doctype html><html lang="zh-CN"><head><meta charset="utf-8">'
        f"<title>{escape(letter.title)}</title><style>{_CSS}</style></head><body>"
        f"<h1>{escape(letter.title)}</h1>\n{''.join(_p(p) for p in body)}\n"
        f'<div class="keep">{_p(last)}'
        f'<div class="signature"><div><p class="seal">{escape(letter.seal)}</p>'
        f"<p>{escape(letter.signature)}</p><p>{escape(letter.date)}</p></div></div></div>"
        f'<div class="notes">{notes}</div></body></html>'
    )


def to_pdf(letter: Letter) -> bytes:
    import weasyprint  # lazily: heavy native dependencies

    pdf: bytes = weasyprint.HTML(string=to_html(letter)).write_pdf()
    return pdf
