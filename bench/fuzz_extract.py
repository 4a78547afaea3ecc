"""Fuzzing extraction: mutants of every shared report in every format, on a process pool.

Seeds are every report file under the data folder (TXT/MD/HTML/PDF as found) and, for each
report read from them, its canonical JSON, a DOCX and an HTML rendering and a crawler CSV
of its text. Each mutant (``tests/extract/mutations.py``, reproducible by ``--seed``) is
extracted and every report read is checked by the rules. Prints the outcomes by kind, the
untyped exceptions (internal errors) grouped by where they were raised, hangs (an input
still running after ``--limit`` seconds), time per input and each worker's peak memory.
Exits 1 when there is any internal error or hang.

    .venv/bin/python bench/fuzz_extract.py [DATA_DIR] [--count 20000] [--seed 1]
        [--workers 2] [--limit 30]
"""

from __future__ import annotations

import argparse
import csv
import io
import os
import resource
import signal
import statistics
import sys
import time
from collections import Counter
from multiprocessing import Pool
from pathlib import Path
from types import FrameType
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # for tests.extract.mutations

from tests.extract.mutations import mutants  # noqa: E402

from gongkai.extract import Extraction, Failure, extract_all_bytes, internal_failure  # noqa: E402
from gongkai.render import render  # noqa: E402
from gongkai.report import dumps  # noqa: E402
from gongkai.rules import check  # noqa: E402

DEFAULT_DATA = Path(os.environ.get("GONGKAI_SHARED_DATA", ROOT.parent / "shared" / "data"))
SUFFIXES = {".txt", ".md", ".html", ".htm", ".pdf", ".docx", ".json", ".csv"}
SIDECARS = (".meta.json", ".truth.json", ".pdfplumber-tables.json", "tables_readout.json")


class Hang(Exception):
    pass


def _on_alarm(signum: int, frame: FrameType | None) -> None:
    raise Hang


def _csv_dump(text: str) -> bytes:
    out = io.StringIO()
    csv.writer(out).writerows([["标题", "正文"], ["年度报告", text]])
    return out.getvalue().encode("utf-8")


def collect_seeds(data: Path) -> dict[str, bytes]:
    seeds: dict[str, bytes] = {}
    for path in sorted(data.rglob("*")):
        if path.suffix.lower() not in SUFFIXES or path.name.endswith(SIDECARS):
            continue
        raw = path.read_bytes()
        name = str(path.relative_to(data))
        seeds[name] = raw
        for outcome in extract_all_bytes(raw, name):
            if isinstance(outcome, Extraction):
                stem = name.rsplit(".", 1)[0]
                seeds[f"{stem}.canonical.json"] = dumps(outcome.report).encode("utf-8")
                seeds[f"{stem}.rendered.docx"] = render(outcome.report, "docx")
                seeds[f"{stem}.rendered.html"] = render(outcome.report, "html")
        if path.suffix.lower() in (".txt", ".md"):
            seeds[f"{name}.dump.csv"] = _csv_dump(raw.decode("utf-8", "replace"))
    return seeds


_SEEDS: dict[str, bytes] = {}
_LIMIT = 30


def _init(seeds: dict[str, bytes], limit: int) -> None:
    global _LIMIT
    _SEEDS.update(seeds)
    _LIMIT = limit
    signal.signal(signal.SIGALRM, _on_alarm)


def fuzz_one(task: tuple[str, int, int]) -> dict[str, Any]:
    """One mutant: what came out, how long it took, and the worker's peak memory so far."""
    seed_name, number, seed = task
    name, data = list(mutants(_SEEDS[seed_name], seed_name, number + 1, seed))[-1]
    kinds: list[str] = []
    fault: tuple[str, str] | None = None
    started = time.perf_counter()
    signal.alarm(_LIMIT)
    try:
        for outcome in extract_all_bytes(data, name):
            if isinstance(outcome, Failure):
                kinds.append(outcome.kind)
                if outcome.kind == "internal" and fault is None:
                    fault = (outcome.fault or "?", outcome.message.split("：", 1)[-1][:200])
            else:
                kinds.append("report")
                check(outcome.report)
    except Hang:
        kinds.append("hang")
    except Exception as exc:  # a rule defect (extraction's own are Failures)
        kinds.append("internal")
        fault = (internal_failure(name, exc).fault or "?", f"审核时：{str(exc)[:200]}")
    finally:
        signal.alarm(0)
    return {
        "task": task,
        "name": name,
        "kinds": kinds,
        "fault": fault,
        "seconds": time.perf_counter() - started,
        "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    }


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data", nargs="?", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--count", type=int, default=20_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--limit", type=int, default=30, help="seconds before an input hangs")
    args = parser.parse_args(argv)
    if not args.data.is_dir():
        print(f"skipped: no development data at {args.data}")
        return 0
    seeds = collect_seeds(args.data)
    names = sorted(seeds)
    tasks = [(names[i % len(names)], i // len(names), args.seed) for i in range(args.count)]
    kinds: Counter[str] = Counter()
    faults: Counter[str] = Counter()  # by exception type and raising line
    examples: dict[str, str] = {}
    seconds: list[float] = []
    slowest = ("", 0.0)
    peak = 0.0
    started = time.perf_counter()
    with Pool(args.workers, _init, (seeds, args.limit), maxtasksperchild=2000) as pool:
        for result in pool.imap_unordered(fuzz_one, tasks, chunksize=8):
            kinds.update(result["kinds"])
            if result["fault"]:
                where, message = result["fault"]
                faults[where] += 1
                examples.setdefault(where, f"{message} (e.g. {result['name']})")
            seconds.append(result["seconds"])
            slowest = max(slowest, (result["name"], result["seconds"]), key=lambda s: s[1])
            peak = max(peak, result["peak_mb"])
    elapsed = time.perf_counter() - started
    seconds.sort()
    print(f"{len(tasks)} inputs from {len(seeds)} seed files, {elapsed:.0f} s on {args.workers}")
    print("outcomes: " + ", ".join(f"{k} {n}" for k, n in sorted(kinds.items())))
    print(
        f"time per input: median {statistics.median(seconds) * 1000:.0f} ms, "
        f"p99 {seconds[int(len(seconds) * 0.99)] * 1000:.0f} ms, max {slowest[1]:.1f} s ({slowest[0]})"
    )
    # ru_maxrss only grows: this is a worker's peak over its life (up to 2,000 inputs, with
    # the caches and fragmentation they leave), an upper bound of any single input's.
    print(f"peak memory of a worker over up to 2,000 inputs: {peak:.0f} MB")
    print(f"untyped exceptions: {sum(faults.values())}, hangs: {kinds['hang']}")
    for where, count in faults.most_common():
        print(f"  {count} × {where}: {examples[where]}")
    return 1 if faults or kinds["hang"] else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
