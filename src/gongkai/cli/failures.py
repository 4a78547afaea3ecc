"""How commands that extract documents leave on a document they cannot use."""

from __future__ import annotations

from gongkai.cli.app import EXIT_INTERNAL, EXIT_NOT_A_REPORT, EXIT_UNREADABLE, Failures
from gongkai.extract import ExtractionFault, NotAReportError, UnreadableError

# Extraction's messages begin with the file's name.
EXTRACTION_FAILURES: Failures = (
    (UnreadableError, "无法读取", EXIT_UNREADABLE),
    (NotAReportError, "不是年度报告", EXIT_NOT_A_REPORT),
    (ExtractionFault, "内部错误", EXIT_INTERNAL),
)
