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


@pytest.mark.parametrize(
    ("printed", "compared"),
    [
        ("乾县教育局", "乾县教育局"),  # simplified text is left as it is
        ("乾安县人民政府、乾坤", "乾安县人民政府、乾坤"),
        ("乾縣教育局", "乾县教育局"),  # a protected place name in a traditional text
        ("濬縣人民政府", "浚县人民政府"),  # OpenCC's own round trip would give 濬县
        ("澂江市人民政府", "澄江市人民政府"),  # a variant that t2s leaves as it is
        ("徵收費用", "征收费用"),  # a traditional text: its ambiguous characters convert too
        ("3.168萬元", "3.168万元"),
    ],
)
def test_conversion_keeps_meaning(printed: str, compared: str) -> None:
    assert to_simplified(printed) == compared
    assert len(to_simplified(printed)) == len(printed)


def test_protected_names_are_the_ones_conversion_would_change() -> None:
    import opencc

    from gongkai.text.scripts import _place_names

    t2s, s2t = opencc.OpenCC("t2s"), opencc.OpenCC("s2t")
    for name in _place_names():
        assert t2s.convert(name) != name or t2s.convert(s2t.convert(name)) != name, name


def test_lone_surrogates_do_not_crash() -> None:
    text = "本年新收\ud800申请\udfff数量"
    assert to_simplified(text) == "本年新收\ufffd申请\ufffd数量"
    assert label_key(text) == "本年新收\ufffd申请\ufffd数量"
    assert compact("\udc00 公開") == "\ufffd公开"


def test_ambiguous_characters_are_ones_t2s_would_change() -> None:
    import opencc

    from gongkai.text.scripts import AMBIGUOUS

    t2s = opencc.OpenCC("t2s")
    assert sorted(ch for ch in AMBIGUOUS if t2s.convert(ch) == ch) == []
    assert to_simplified("".join(sorted(AMBIGUOUS))) == "".join(sorted(AMBIGUOUS))
