"""Batch audit: extract every report under some paths, check each, pair consecutive years.

One bad file never stops the batch: it becomes an entry with its reason. Extraction runs in
a process pool (``workers`` > 1) or on a Dask cluster (optional extra ``distributed``);
checking runs afterwards in this process, because the cross-year rules need the report of
the same agency's previous year (agencies are compared by their normalised name).
"""

from __future__ import annotations

import csv
import fnmatch
import html
import io
import json
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from gongkai.extract import Extraction, Outcome, internal_failure, iter_path
from gongkai.extract.loaders import EXTENSIONS
from gongkai.extract.pool import PoolError, run_many
from gongkai.files import SIDECAR_PATTERNS
from gongkai.report import AnnualReport
from gongkai.rules import DEFAULT_SETTINGS, SEVERITY_LABELS, Finding, RuleSettings, Severity, check
from gongkai.rules.location import describe
from gongkai.safecells import csv_row, xlsx_row
from gongkai.text import label_key

DEFAULT_EXCLUDES = SIDECAR_PATTERNS
# Files that are listed (with the reason they cannot be read) rather than silently skipped.
_LISTED_SUFFIXES = set(EXTENSIONS) | {".doc", ".wps", ".ofd"}
# Which copy of a report counts when the same agency and year appear twice (PDF first).
_KIND_RANK = {"pdf": 0, "docx": 1, "html": 2, "canonical": 3, "md": 4, "txt": 5}

Status = Literal["ok", "not_report", "unreadable", "internal"]
Progress = Callable[[int, int, str], None]  # done, total, file just finished


class AuditError(Exception):
    """The batch as a whole cannot run (message in Chinese)."""


@dataclass
class AuditEntry:
    source: str
    status: Status
    message: str | None = None
    report: AnnualReport | None = None
    kind: str | None = None
    findings: list[Finding] = field(default_factory=list)
    previous: str | None = None  # source of last year's report the cross-year rules used
    duplicate_of: str | None = None  # the copy that counts for the same agency and year


@dataclass
class AuditResult:
    entries: list[AuditEntry]

    @property
    def reports(self) -> list[AuditEntry]:
        return [e for e in self.entries if e.status == "ok"]

    @property
    def failures(self) -> list[AuditEntry]:
        return [e for e in self.entries if e.status != "ok"]

    def findings_by_rule(self) -> Counter[str]:
        return Counter(f.rule for e in self.reports for f in e.findings)

    def findings_by_severity(self) -> Counter[str]:
        return Counter(str(f.severity) for e in self.reports for f in e.findings)

    def has_errors(self) -> bool:
        return any(f.severity is Severity.ERROR for e in self.reports for f in e.findings)

    def summary(self) -> dict[str, Any]:
        return {
            "files": len({e.source.split("#")[0] for e in self.entries}),
            "reports": len(self.reports),
            "not_reports": sum(e.status == "not_report" for e in self.entries),
            "unreadable": sum(e.status == "unreadable" for e in self.entries),
            "internal_errors": sum(e.status == "internal" for e in self.entries),
            "pairs": sum(e.previous is not None for e in self.reports),
            "findings_by_rule": dict(sorted(self.findings_by_rule().items())),
            "findings_by_severity": dict(sorted(self.findings_by_severity().items())),
        }


# --- collecting and extracting -----------------------------------------------------------


def collect_files(
    paths: Iterable[str | Path], excludes: Sequence[str] = DEFAULT_EXCLUDES
) -> list[Path]:
    """Files named directly, and the report files found under folders (sorted, no dot files)."""
    found: list[Path] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            for child in sorted(path.rglob("*")):
                parts = child.relative_to(path).parts
                if (
                    (child.is_file() or child.is_symlink())  # a broken link is listed as such
                    and not any(part.startswith(".") for part in parts)
                    and child.suffix.lower() in _LISTED_SUFFIXES
                    and not any(fnmatch.fnmatch(child.name, pattern) for pattern in excludes)
                ):
                    found.append(child)
        else:
            found.append(path)  # missing files are reported by extraction
    unique = dict.fromkeys(found)
    return list(unique)


def guarded(path: str) -> Iterator[Outcome]:
    """A file's outcomes, one at a time; never raises, so one file cannot stop a batch."""
    try:
        yield from iter_path(path)
    except Exception as exc:  # a defect outside the per-document guards
        yield internal_failure(path, exc)


def extract_for_audit(path: str) -> list[Outcome]:
    """Worker: a file's outcomes without cell provenance, which the audit does not show and
    which is most of a report's size (a dump of thousands of reports stays small)."""
    outcomes = list(guarded(path))
    for outcome in outcomes:
        if isinstance(outcome, Extraction):
            outcome.report.extra.pop("provenance", None)
    return outcomes


def _extract_all(files: list[Path], workers: int, progress: Progress | None,
                 dask_address: str | None) -> dict[str, list[Outcome]]:  # fmt: skip
    names = [str(f) for f in files]
    results: dict[str, list[Outcome]] = {}
    try:
        for name, outcomes in run_many(
            extract_for_audit, names, str, workers=workers, dask_address=dask_address
        ):
            results[name] = outcomes
            if progress:
                progress(len(results), len(names), name)
    except PoolError as exc:
        raise AuditError(str(exc)) from None
    return results


# --- checking ----------------------------------------------------------------------------


def _entries(files: list[Path], results: dict[str, list[Outcome]]) -> list[AuditEntry]:
    entries: list[AuditEntry] = []
    for name in (str(f) for f in files):
        for outcome in results[name]:
            if isinstance(outcome, Extraction):
                entries.append(AuditEntry(outcome.source, "ok", None, outcome.report, outcome.kind))
            else:
                entries.append(AuditEntry(outcome.source, outcome.kind, outcome.message))
    return entries


def pair_and_check(entries: list[AuditEntry], settings: RuleSettings) -> None:
    """Check every report against the same agency's previous year (one copy per agency and
    year counts; the others are marked duplicates), each inside its own fault guard."""
    primary: dict[tuple[str, int], AuditEntry] = {}
    for entry in sorted(
        (e for e in entries if e.report and e.report.agency and e.report.year),
        key=lambda e: (_KIND_RANK.get(e.kind or "", 9), e.source),
    ):
        assert entry.report is not None and entry.report.agency and entry.report.year
        key = (label_key(entry.report.agency), entry.report.year)
        if key in primary:
            entry.duplicate_of = primary[key].source
        else:
            primary[key] = entry
    for entry in entries:
        if entry.report is None:
            continue
        previous = None
        if entry.report.agency and entry.report.year:
            previous = primary.get((label_key(entry.report.agency), entry.report.year - 1))
        entry.previous = previous.source if previous else None
        try:
            entry.findings = check(entry.report, previous.report if previous else None, settings)
        except Exception as exc:  # a defect in a rule must not end the batch either
            fault = internal_failure(entry.source, exc, during="审核")
            entry.status, entry.message, entry.report = "internal", fault.message, None


def run_audit(
    paths: Iterable[str | Path],
    *,
    workers: int = 1,
    progress: Progress | None = None,
    dask_address: str | None = None,
    settings: RuleSettings = DEFAULT_SETTINGS,
    excludes: Sequence[str] = DEFAULT_EXCLUDES,
) -> AuditResult:
    files = collect_files(paths, excludes)
    if not files:
        raise AuditError("没有找到可审核的文件（支持 " + "、".join(sorted(EXTENSIONS)) + "）")
    results = _extract_all(files, max(workers, 1), progress, dask_address)
    entries = _entries(files, results)
    pair_and_check(entries, settings)
    return AuditResult(entries)


# --- writing -----------------------------------------------------------------------------

STATUS_LABELS: dict[Status, str] = {
    "ok": "已审核", "not_report": "不是年度报告", "unreadable": "无法读取", "internal": "内部错误",
}  # fmt: skip
SUMMARY_COUNTS = (
    ("文件数", "files"), ("年度报告", "reports"), ("不是年度报告", "not_reports"),
    ("无法读取", "unreadable"), ("内部错误", "internal_errors"), ("跨年度对比", "pairs"),
)  # fmt: skip


def summary_sentence(info: dict[str, Any]) -> str:
    """One sentence for screens and reports; internal errors only when there were any."""
    text = (
        f"文件 {info['files']} 个：年度报告 {info['reports']} 份，不是年度报告 "
        f"{info['not_reports']} 个，无法读取 {info['unreadable']} 个"
    )
    if info["internal_errors"]:
        text += f"，内部错误 {info['internal_errors']} 个（请报告此问题）"
    return text + f"；跨年度对比 {info['pairs']} 对。"


_FINDING_HEADERS = ("文件", "机关", "年度", "规则", "级别", "位置", "应为", "实为", "说明")
_FILE_HEADERS = ("文件", "状态", "机关", "年度", "格式", "问题数", "对比上年", "说明")


def _finding_rows(result: AuditResult) -> list[list[Any]]:
    rows: list[list[Any]] = []
    for entry in result.reports:
        report = entry.report
        assert report is not None
        for f in entry.findings:
            rows.append([
                entry.source, report.agency or "", report.year or "", f.rule,
                SEVERITY_LABELS[f.severity], describe(f, report.fmt),
                "" if f.expected is None else str(f.expected),
                "" if f.actual is None else str(f.actual), f.message,
            ])  # fmt: skip
    return rows


def _file_rows(result: AuditResult) -> list[list[Any]]:
    rows: list[list[Any]] = []
    for entry in result.entries:
        report = entry.report
        note = entry.message or ""
        if entry.duplicate_of:
            note = f"与 {entry.duplicate_of} 为同一机关同一年度的报告"
        rows.append([
            entry.source, STATUS_LABELS[entry.status],
            (report.agency or "") if report else "", (report.year or "") if report else "",
            (report.format or "") if report else "", len(entry.findings),
            entry.previous or "", note,
        ])  # fmt: skip
    return rows


def to_json(result: AuditResult) -> str:
    payload = {
        "summary": result.summary(),
        "entries": [
            {
                "source": e.source,
                "status": e.status,
                "message": e.message,
                "agency": e.report.agency if e.report else None,
                "year": e.report.year if e.report else None,
                "format": e.report.format if e.report else None,
                "previous": e.previous,
                "duplicate_of": e.duplicate_of,
                "findings": [f.to_dict() for f in e.findings],
            }
            for e in result.entries
        ],
    }
    return json.dumps(payload, ensure_ascii=False, indent=1)


def to_csv(result: AuditResult) -> str:
    """One row per finding, then one row per file that gave no report."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(_FINDING_HEADERS)
    writer.writerows(csv_row(row) for row in _finding_rows(result))
    for entry in result.failures:
        writer.writerow(csv_row([entry.source, "", "", "", STATUS_LABELS[entry.status], "", "", "",
                                 entry.message or ""]))  # fmt: skip
    return out.getvalue()


def to_xlsx(result: AuditResult) -> bytes:
    from openpyxl import Workbook

    book = Workbook()
    summary = book.active
    assert summary is not None
    summary.title = "汇总"
    info = result.summary()
    for label, key in SUMMARY_COUNTS:
        summary.append([label, info[key]])
    summary.append([])
    summary.append(["规则", "问题数"])
    for rule, count in info["findings_by_rule"].items():
        summary.append([rule, count])
    for title, headers, rows in (("问题", _FINDING_HEADERS, _finding_rows(result)),
                                 ("文件", _FILE_HEADERS, _file_rows(result))):  # fmt: skip
        sheet = book.create_sheet(title)
        sheet.append(list(headers))
        for row in rows:  # file names, titles and messages come from crawled documents
            sheet.append(xlsx_row(sheet, row))
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _html_table(headers: Sequence[str], rows: list[list[Any]]) -> str:
    head = "".join(f"<th>{html.escape(h)}</th>" for h in headers)
    body = "".join(
        "<tr>" + "".join(f"<td>{html.escape(str(cell))}</td>" for cell in row) + "</tr>"
        for row in rows
    )
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def to_html(result: AuditResult) -> str:
    info = result.summary()
    rules = ", ".join(f"{rule} {n}" for rule, n in info["findings_by_rule"].items()) or "无"
    return (
        '<!doctype html><html lang="zh-CN"><head><meta charset="utf-8">'
        "<title>政府信息公开工作年度报告审核结果</title><style>"
        "body{font-family:sans-serif;margin:2em}table{border-collapse:collapse;margin:1em 0}"
        "td,th{border:1px solid #999;padding:.3em .5em;vertical-align:top}"
        "</style></head><body><h1>政府信息公开工作年度报告审核结果</h1>"
        f"<p>{html.escape(summary_sentence(info))}</p>"
        f"<p>按规则：{html.escape(rules)}</p><h2>问题</h2>"
        + _html_table(_FINDING_HEADERS, _finding_rows(result))
        + "<h2>文件</h2>"
        + _html_table(_FILE_HEADERS, _file_rows(result))
        + "</body></html>\n"
    )


WRITERS: dict[str, Callable[[AuditResult], str | bytes]] = {
    ".json": to_json,
    ".csv": to_csv,
    ".xlsx": to_xlsx,
    ".html": to_html,
}


def write_result(result: AuditResult, path: Path) -> None:
    writer = WRITERS.get(path.suffix.lower())
    if writer is None:
        raise AuditError(
            f"不支持的输出格式 {path.suffix or '（无扩展名）'}（可选：.json .csv .xlsx .html）"
        )
    data = writer(result)
    try:
        if isinstance(data, bytes):
            path.write_bytes(data)
        else:
            path.write_text(
                data, encoding="utf-8-sig" if path.suffix.lower() == ".csv" else "utf-8"
            )
    except OSError as exc:
        raise AuditError(f"无法写入 {path}（{exc.strerror or exc}）") from None
