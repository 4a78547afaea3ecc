"""PDF fixtures rendered with WeasyPrint (HTML → PDF), made inside the tests."""

from __future__ import annotations

import base64
import io

import weasyprint
from PIL import Image

RULED = (
    "table{border-collapse:collapse} td{border:1px solid black;padding:2px} body{font-size:10pt}"
)


def render(html: str, css: str = RULED) -> bytes:
    pdf = weasyprint.HTML(string=html).write_pdf(stylesheets=[weasyprint.CSS(string=css)])
    assert isinstance(pdf, bytes)
    return pdf


def png(width: int = 200, height: int = 120) -> str:
    """A grey PNG as a data URI (stands in for a scanned page)."""
    buffer = io.BytesIO()
    Image.new("RGB", (width, height), (128, 128, 128)).save(buffer, format="PNG")
    return "data:image/png;base64," + base64.b64encode(buffer.getvalue()).decode("ascii")


def encrypted_pdf() -> bytes:
    """A minimal PDF whose standard security handler needs a user password.

    /U does not match the empty password, so a reader must ask for one.
    """
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >>",
        b"<< /Filter /Standard /V 1 /R 2 /O <" + b"11" * 32 + b"> /U <" + b"22" * 32
        + b"> /P -4 >>",
    ]  # fmt: skip
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % number + body + b"\nendobj\n")
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    for offset in offsets:
        out.write(b"%010d 00000 n \n" % offset)
    out.write(
        b"trailer\n<< /Size %d /Root 1 0 R /Encrypt 4 0 R /ID [<%s> <%s>] >>\n"
        % (len(objects) + 1, b"ab" * 16, b"ab" * 16)
    )
    out.write(b"startxref\n%d\n%%%%EOF\n" % xref)
    return out.getvalue()
