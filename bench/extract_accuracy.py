"""Extraction accuracy over the development data: every cell of every *.truth.json.

For each truth file the inputs are the report's own files (the PDF when there is one — its
.txt is pdftotext output for reading — else every .txt/.md/.html/.docx beside it). A cell
is right when the extracted value equals the printed one exactly (blank, text and numbers
are different values); rows the truth marks ambiguous are skipped. Truth files that say
``is_annual_report: false`` must be refused as non-reports. Target: 100 % — the script
exits 1 when any cell is wrong.

    .venv/bin/python bench/extract_accuracy.py [DATA_DIR] [--verbose]
"""

from __future__ import annotations

import json
import os
import sys
from decimal import Decimal
from pathlib import Path
from typing import Any

from gongkai.extract import Extraction, extract_path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_DATA = Path(os.environ.get("GONGKAI_SHARED_DATA", ROOT.parent / "shared" / "data"))
INPUT_SUFFIXES = (".txt", ".md", ".html", ".htm", ".docx", ".json", ".csv")


def inputs_for(truth: Path) -> list[Path]:
    stem = truth.name.removesuffix(".truth.json")
    pdf = truth.with_name(stem + ".pdf")
    if pdf.exists():
        return [pdf]
    return [truth.with_name(stem + s) for s in INPUT_SUFFIXES if truth.with_name(stem + s).exists()]


def same(a: Any, b: Any) -> bool:
    """Equal as printed values: 1 == Decimal('1') is fine, 0 != None != '0'."""
    if isinstance(a, bool) or isinstance(b, bool):
        return a is b
    if isinstance(a, int | float | Decimal) and isinstance(b, int | float | Decimal):
        return Decimal(str(a)) == Decimal(str(b))
    return type(a) is type(b) and a == b


def compare(truth: dict[str, Any], got: dict[str, Any]) -> tuple[int, list[str]]:
    """Cells checked and the wrong ones (as readable lines)."""
    skipped = {(a["table"], a["row"]) for a in truth.get("ambiguous_cells", [])}
    checked, wrong = 0, []
    for table in ("table2", "table3", "table4"):
        want, have = truth.get(table), got.get(table)
        if want is None or have is None:
            checked += 1
            if (want is None) != (have is None):
                wrong.append(f"{table}: expected {'no table' if want is None else 'a table'}, got "
                             f"{'none' if have is None else 'a table'}")  # fmt: skip
            continue
        rows = {"table4": want} if table == "table4" else want
        got_rows = {"table4": have} if table == "table4" else have
        for key, values in rows.items():
            if (table, key) in skipped:
                continue
            printed = got_rows.get(key)
            for index, value in enumerate(values):
                checked += 1
                actual = printed[index] if printed is not None and index < len(printed) else "∅"
                if not same(value, actual):
                    wrong.append(f"{table}.{key}[{index}]: expected {value!r}, got {actual!r}")
        if table != "table4":
            for key in set(got_rows) - set(rows):
                wrong.append(f"{table}.{key}: row not in the truth")
    return checked, wrong


def main(argv: list[str]) -> int:
    verbose = "--verbose" in argv
    args = [a for a in argv if not a.startswith("--")]
    data = Path(args[0]) if args else DEFAULT_DATA
    truths = sorted(data.rglob("*.truth.json"))
    if not truths:
        print(f"no *.truth.json under {data}")
        return 2
    total_checked = total_wrong = 0
    classification_errors = 0
    for truth_path in truths:
        truth = json.loads(truth_path.read_text(encoding="utf-8"))
        for source in inputs_for(truth_path):
            outcomes = extract_path(source)
            reports = [o for o in outcomes if isinstance(o, Extraction)]
            name = source.relative_to(data)
            if truth.get("is_annual_report") is False:
                ok = not reports
                classification_errors += not ok
                print(f"{'ok ' if ok else 'BAD'} {name}: not a report"
                      f"{'' if ok else ' — but it was extracted'}")  # fmt: skip
                continue
            if len(reports) != 1:
                classification_errors += 1
                reason = "; ".join(getattr(o, "message", "") for o in outcomes)
                print(f"BAD {name}: no report extracted ({reason})")
                continue
            got = json.loads(reports[0].to_json())
            checked, wrong = compare(truth, got)
            total_checked += checked
            total_wrong += len(wrong)
            rate = 100 * (checked - len(wrong)) / checked if checked else 100.0
            print(f"{'ok ' if not wrong else 'BAD'} {name}: {checked - len(wrong)}/{checked} "
                  f"cells right ({rate:.1f} %)")  # fmt: skip
            for line in wrong if verbose else wrong[:5]:
                print(f"      {line}")
            if len(wrong) > 5 and not verbose:
                print(f"      … {len(wrong) - 5} more (--verbose)")
    right = total_checked - total_wrong
    rate = 100 * right / total_checked if total_checked else 100.0
    print(f"\noverall: {right}/{total_checked} cells right ({rate:.2f} %), "
          f"{classification_errors} classification errors; target 100 %")  # fmt: skip
    return 0 if total_wrong == 0 and classification_errors == 0 else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
