"""Which column a printed cell note names: "22（其中修订 16 件）" is a count of issued documents.

When a converter pulls a two-line cell ("22" over "（其中修订 16 件）") out of table 2, the
row keeps its other cells and the note is the only hint of the cell's column. A note word
names the column whose header contains the word it stands for (修订 is a kind of 制发,
自然失效 a kind of 废止). The choice is still reported as ambiguous, with every placement.
"""

from __future__ import annotations

from collections.abc import Sequence

from gongkai.text import to_simplified

# note word → the word of the column header it points to
NOTE_WORDS: dict[str, str] = {
    "修订": "制",
    "修改": "制",
    "制定": "制",
    "制发": "制",
    "印发": "制",
    "新制": "制",
    "失效": "废止",
    "废止": "废止",
    "废除": "废止",
    "撤销": "废止",
    "新公开": "新公开",
}


def named_column(note: str, headers: Sequence[str]) -> int | None:
    """The one column whose header the note's words point to; None when none or several."""
    note = to_simplified(note)  # a traditional report's note: 修訂 is 修订
    targets = {target for word, target in NOTE_WORDS.items() if word in note}
    named = {i for i, header in enumerate(headers) for t in targets if t in to_simplified(header)}
    return named.pop() if len(named) == 1 else None
