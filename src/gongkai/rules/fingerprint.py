"""A finding's stable identity, so a reviewer's decision outlives re-extraction and re-runs.

The fingerprint hashes what the finding is about — rule, agency (normalised name), year,
table/row/column and the printed values — and nothing that changes between runs (message
wording, file names, database ids). A corrected value gives a new fingerprint; the old one
disappears, so the old finding reads as resolved.
"""

from __future__ import annotations

import hashlib
import json
from typing import Any

from gongkai.rules.findings import Finding, _plain
from gongkai.text import label_key


def fingerprint(finding: Finding, agency: str | None, year: int | None) -> str:
    """Hex digest (SHA-256, 64 characters) identifying ``finding`` in ``agency``'s ``year``."""
    parts: list[Any] = [
        finding.rule,
        label_key(agency) if agency else "",
        year,
        finding.table,
        finding.row,
        finding.column,
        _plain(finding.expected),
        _plain(finding.actual),
    ]
    encoded = json.dumps(parts, ensure_ascii=False, default=str, separators=(",", ":"))
    return hashlib.sha256(encoded.encode("utf-8")).hexdigest()
