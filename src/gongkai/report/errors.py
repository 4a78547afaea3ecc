"""Errors that name the exact place of the problem."""

from __future__ import annotations


class ReportReadError(Exception):
    """The input cannot be read at all (missing file, not JSON, wrong encoding)."""


class ReportShapeError(ValueError):
    """The JSON is readable but does not have the canonical shape; ``path`` names where."""

    def __init__(self, path: str, message: str) -> None:
        super().__init__(f"{path} {message}" if path else message)
        self.path = path
        self.detail = message
