"""Extraction speed: text/HTML reports per second on one core, PDF milliseconds per page.

Every input of the development data goes through the whole pipeline (load, classify,
metadata, tables, sections) in this one process, repeatedly for at least ``--seconds``.
Rates use this process's CPU time (the machine may be shared), wall time is shown too.
Targets: ≥ 50 text/HTML reports/s, ≤ 100 ms per PDF page; exits 1 when one is missed.

    .venv/bin/python bench/extract_throughput.py [DATA_DIR] [--seconds 3]
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

import pypdfium2

from gongkai.extract import extract_all_bytes

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_DATA = Path(os.environ.get("GONGKAI_SHARED_DATA", ROOT.parent / "shared" / "data"))
TEXT_SUFFIXES = {".txt", ".md", ".html", ".htm"}
TARGET_REPORTS_PER_SECOND = 50.0
TARGET_MS_PER_PAGE = 100.0


def _run(files: list[tuple[str, bytes]], seconds: float) -> tuple[int, float, float]:
    """Rounds over all files until ``seconds`` of CPU time: (documents, cpu s, wall s)."""
    for name, data in files:  # warm-up: imports, caches
        extract_all_bytes(data, name)
    count = 0
    cpu0, wall0 = time.process_time(), time.perf_counter()
    while time.process_time() - cpu0 < seconds:
        for name, data in files:
            extract_all_bytes(data, name)
            count += 1
    return count, time.process_time() - cpu0, time.perf_counter() - wall0


def main(argv: list[str]) -> int:
    seconds = float(argv[argv.index("--seconds") + 1]) if "--seconds" in argv else 3.0
    args = [a for i, a in enumerate(argv) if not a.startswith("--") and argv[i - 1] != "--seconds"]
    data_dir = Path(args[0]) if args else DEFAULT_DATA
    if not data_dir.is_dir():
        print(f"development data not found at {data_dir}")
        return 2
    # the development reports; peer-fixtures/ holds another tool's files (its two real
    # reports are 012 and 013 again)
    paths = sorted(p for d in ("reports", "seeds") for p in (data_dir / d).glob("*") if p.is_file())
    texts = [(p.name, p.read_bytes()) for p in paths if p.suffix.lower() in TEXT_SUFFIXES]
    pdfs = [(p.name, p.read_bytes()) for p in paths if p.suffix.lower() == ".pdf"]
    pdfs = [
        (n, d) for n, d in pdfs if len(d) < 1_000_000
    ]  # the peers' 18-page render is not a report
    ok = True
    if texts:
        count, cpu, wall = _run(texts, seconds)
        rate = count / cpu
        ok &= rate >= TARGET_REPORTS_PER_SECOND
        print(f"text/HTML: {len(texts)} files, {count} extractions, {rate:.1f} reports/s per core "
              f"(CPU; wall {count / wall:.1f}/s); target ≥ {TARGET_REPORTS_PER_SECOND:.0f}")  # fmt: skip
    if pdfs:
        pages = sum(len(pypdfium2.PdfDocument(d)) for _, d in pdfs)
        count, cpu, wall = _run(pdfs, seconds)
        rounds = count / len(pdfs)
        per_page = 1000 * cpu / (rounds * pages)
        ok &= per_page <= TARGET_MS_PER_PAGE
        print(f"PDF: {len(pdfs)} files, {pages} pages, {per_page:.0f} ms per page "
              f"(CPU; wall {1000 * wall / (rounds * pages):.0f} ms); target ≤ {TARGET_MS_PER_PAGE:.0f}")  # fmt: skip
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
