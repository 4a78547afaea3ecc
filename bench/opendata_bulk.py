"""Open-data bulk files for a province-sized year: how long each file takes, how big it is.

For information (no target): ``--reports`` synthetic 2021-format reports (default 2,000, a
province's agencies), every cell printed, a few blank or "/", are written as JSON Lines,
CSV and XLSX by ``gongkai.opendata`` exactly as the platform's rebuild task does; the CSV
is read back to check it has one row per cell. Reports CPU seconds per file (the machine's
load changes wall time) and the process's peak memory.

    .venv/bin/python bench/opendata_bulk.py [--reports 2000] [--seed 7]
"""

from __future__ import annotations

import argparse
import csv
import io
import random
import resource
import time
from datetime import date

from gongkai import opendata
from gongkai.formats import FORMAT_2021
from gongkai.formats.national import APPLICANT_COLUMNS, TABLE4
from gongkai.opendata.files import WRITERS, ordered
from gongkai.report import AnnualReport
from gongkai.report.cells import Cell


def _value(rng: random.Random) -> Cell:
    roll = rng.random()
    if roll < 0.02:
        return None
    if roll < 0.03:
        return "/"
    return rng.randrange(0, 500)


def report(rng: random.Random, n: int) -> opendata.PublishedReport:
    fmt = FORMAT_2021
    printed = AnnualReport(
        agency=f"江淮省第{n}机关",
        year=2024,
        format=fmt.id,
        table2={r.key: [_value(rng) for _ in r.columns] for r in fmt.table2.rows},
        table3={r.key: [_value(rng) for _ in APPLICANT_COLUMNS] for r in fmt.table3.rows},
        table4=[_value(rng) for _ in range(TABLE4.size)],
        sections={str(i): "本机关认真落实政府信息公开工作。" * 20 for i in range(1, 7)},
    )
    return opendata.PublishedReport(
        report=printed,
        agency_id=str(n),
        agency_name=printed.agency or "",
        region=f"第{n % 20}市",
        agency_kind="department",
        published=date(2025, 1, 20),
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reports", type=int, default=2000)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    reports = ordered(report(rng, n) for n in range(args.reports))
    cells = sum(1 for p in reports for _ in opendata.cell_rows(p.report))
    print(f"{args.reports} 份报告，{cells} 个单元格")
    contents = {}
    for kind, write in WRITERS.items():
        started = time.process_time()
        contents[kind] = write(reports)
        spent = time.process_time() - started
        size = len(contents[kind]) / 2**20
        print(f"{kind:6} {size:8.1f} MB  {spent:7.1f} s CPU")
    rows = sum(1 for _ in csv.reader(io.StringIO(contents["csv"].decode("utf-8-sig")))) - 1
    if rows != cells:
        raise SystemExit(f"CSV 有 {rows} 行，应为 {cells} 行")
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"进程内存峰值 {peak:.0f} MB")


if __name__ == "__main__":
    main()
