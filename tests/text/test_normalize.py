"""Text as it is compared: traditional and full-width forms, radicals from PDF producers."""

from __future__ import annotations

import pytest

from gongkai.text import compact, label_key, to_simplified


@pytest.mark.parametrize(
    ("printed", "compared"),
    [
        ("政府資訊公開", "政府资讯公开"),  # traditional → simplified
        ("１２３，（一）", "123,(一)"),  # full-width digits and punctuation → NFKC
        ("⾏政许可", "行政许可"),  # a Kangxi radical (NFKC folds it)
        ("⺠政局⻄区", "民政局西区"),  # the radicals supplement (NFKC does not)
        ("普通文字", "普通文字"),
    ],
)
def test_to_simplified(printed: str, compared: str) -> None:
    assert to_simplified(printed) == compared
    assert len(to_simplified(printed)) == len(printed)  # offsets stay comparable


def test_labels_and_compact_forms() -> None:
    assert label_key("（一）予以公開") == "一予以公开"
    assert compact("本年 新收\n政府信息") == "本年新收政府信息"
