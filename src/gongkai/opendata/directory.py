"""Published reports from a folder of canonical JSON files (or JSON Lines written by
``gongkai bulk``), for the command line; the platform gives its reports directly.

A file's own ``opendata`` details are used when present (a bulk file read back); otherwise
the agency is the report's, the region is the sub-folder the file is in (as in ``gongkai
analytics``), and the identifier is the file's path in the folder. A report without a
publication date has not been published and is left out, with the reason.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from gongkai.agency_kinds import infer_kind
from gongkai.files import SIDECAR_PATTERNS
from gongkai.opendata.dataset import META_KEY, SCOPES, PublishedReport
from gongkai.report import AnnualReport, ReportReadError, ReportShapeError, load
from gongkai.report.canonical import from_dict


@dataclass
class Collected:
    reports: list[PublishedReport] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)  # "path: reason", in Chinese


def _report_files(root: Path) -> Iterator[Path]:
    for path in sorted(root.rglob("*")):
        if not path.is_file() or any(path.match(p) for p in SIDECAR_PATTERNS):
            continue
        if path.suffix in (".json", ".jsonl"):
            yield path


def _text(meta: Mapping[str, Any], key: str, default: str) -> str:
    value = meta.get(key)
    return str(value) if value not in (None, "") else default


def published_report(report: AnnualReport, ident: str, region: str) -> PublishedReport | None:
    """The report with its details, or None when it carries no publication date."""
    meta = report.extra.get(META_KEY)
    meta = meta if isinstance(meta, Mapping) else {}
    published = report.published
    if isinstance(meta.get("published"), str):
        published = date.fromisoformat(meta["published"])
    if published is None:
        return None
    name = _text(meta, "agency_name", report.agency or ident)
    scope = _text(meta, "scope", "agency")
    version = meta.get("version")
    report.extra.pop(META_KEY, None)  # written afresh from the fields below
    return PublishedReport(
        report=report,
        agency_id=_text(meta, "agency_id", ident),
        agency_name=name,
        region=_text(meta, "region", region),
        agency_kind=_text(meta, "agency_kind", report.agency_kind or infer_kind(name) or "other"),
        published=published,
        scope=scope if scope in SCOPES else "agency",
        version=version if isinstance(version, int) and not isinstance(version, bool) else 1,
    )


def _reports_in(path: Path) -> Iterator[tuple[str, AnnualReport]]:
    """(where, report) for a JSON file, or each line of a JSON Lines file."""
    if path.suffix == ".json":
        yield "", load(path)
        return
    with path.open(encoding="utf-8-sig") as stream:
        for number, line in enumerate(stream, start=1):
            if not line.strip():
                continue
            try:
                data = json.loads(line)
            except json.JSONDecodeError as exc:
                raise ReportReadError(
                    f"{path} 第 {number} 行：不是有效的 JSON（{exc.msg}）"
                ) from None
            try:
                yield f"#{number}", from_dict(data)
            except ReportShapeError as exc:
                raise ReportReadError(f"{path} 第 {number} 行：{exc}") from None


def collect(root: Path) -> Collected:
    """Every published report under ``root``; unreadable and unpublished ones are listed."""
    found = Collected()
    for path in _report_files(root):
        relative = path.relative_to(root)
        region = relative.parent.name
        try:
            for where, report in _reports_in(path):
                ident = relative.with_suffix("").as_posix() + where
                published = published_report(report, ident, region)
                if published is None:
                    found.skipped.append(f"{relative}{where}：未注明公开日期，视为未公开，不收入")
                else:
                    found.reports.append(published)
        except (ReportReadError, ReportShapeError, ValueError) as exc:
            found.skipped.append(f"{relative}：无法读取（{exc}）")
    return found
