"""B3: each table-4 block's 总计 = 维持 + 纠正 + 其他 + 尚未审结."""

import pytest

from gongkai.rules import Severity, check

from .builders import changed, report


def findings(r):
    return check(r, rules=("B3",))


def test_consistent_blocks_pass():
    assert findings(report()) == []


@pytest.mark.parametrize(
    ("index", "block"), [(4, "review"), (9, "direct_suit"), (14, "suit_after_review")]
)
def test_each_block_is_checked(index, block):
    broken = changed(report(), "table4", index, None, 7)
    (finding,) = findings(broken)
    assert (finding.severity, finding.row, finding.actual) == (Severity.ERROR, block, 7)


def test_total_printed_as_zero_like_hongze_2023():
    broken = changed(report(), "table4", 4, None, 0)
    (finding,) = findings(broken)
    assert (finding.expected, finding.actual) == (1, 0)


def test_blank_total_cannot_be_assessed():
    (finding,) = findings(changed(report(), "table4", 14, None, None))
    assert finding.severity is Severity.CANNOT_ASSESS
