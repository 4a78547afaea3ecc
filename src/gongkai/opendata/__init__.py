"""Open government data: every published annual report of a year as bulk files (JSON Lines,
CSV, XLSX) with checksums and a data dictionary made from the national formats."""

from gongkai.opendata.cells import CellRow, cell_rows
from gongkai.opendata.columns import COLUMNS, HEADERS
from gongkai.opendata.dataset import META_KEY, SCOPES, PublishedReport
from gongkai.opendata.files import (
    DICTIONARY_NAME,
    KINDS,
    SUMS_NAME,
    BulkFile,
    dictionary_file,
    file_name,
    sha256sums,
    year_files,
)

__all__ = [
    "COLUMNS",
    "DICTIONARY_NAME",
    "HEADERS",
    "KINDS",
    "META_KEY",
    "SCOPES",
    "SUMS_NAME",
    "BulkFile",
    "CellRow",
    "PublishedReport",
    "cell_rows",
    "dictionary_file",
    "file_name",
    "sha256sums",
    "year_files",
]
