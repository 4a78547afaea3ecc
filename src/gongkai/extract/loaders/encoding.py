"""Bytes → text: the encoding is detected and checked, never guessed silently.

UTF-8 (with or without BOM) is tried first because it is strict: bytes that decode are
almost surely UTF-8. Otherwise charset-normalizer proposes encodings; each candidate must
decode the bytes strictly *and* produce plausible Chinese, and the most plausible wins
(GB18030 and Big5 byte ranges overlap, so a strict decode alone does not decide).
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

from charset_normalizer import from_bytes

from gongkai.extract.document import UnreadableError

# Very frequent characters written the same in simplified and traditional Chinese: correct
# decodings are full of them, wrong ones (mojibake) almost never produce them.
_COMMON = frozenset(
    "的一是在不了有和人中大上我以要他用生到作地出就分成可主年同工也能下子方多定行法所民得"
    "十三之着等部度家力里如水化高自二理起小物加量都制使本去把性好它合因由其些然前外天政四日"
    "那社事平形相全表各重新府公信息件情申月省市"
)
_FALLBACKS = ("gb18030", "big5")
_CONTROL = re.compile("[\x00-\x08\x0e-\x1f\x7f\ufffd]")
# Letters beyond ASCII: Chinese characters, and whatever a wrong decoding makes of them
# (Hangul from EUC-KR, kana from Shift-JIS, Cyrillic from cp1251, accented Latin from cp1252)
_LETTER = re.compile(r"(?![a-zA-Z])[^\W\d_]")
_MIN_PLAUSIBLE = 0.08  # share of common Chinese characters among those letters
_MAX_CONTROL = 0.01  # share of control characters tolerated in a text file


@dataclass(frozen=True)
class Decoded:
    text: str
    encoding: str  # Python codec name, e.g. "utf-8", "gb18030", "big5"


def _codec_name(name: str) -> str | None:
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def plausibility(text: str) -> float:
    """Share of common Chinese characters among the non-ASCII letters (1.0 when there are
    none: ASCII reads the same in every candidate encoding)."""
    letters = _LETTER.findall(text)
    if not letters:
        return 1.0
    return sum(ch in _COMMON for ch in letters) / len(letters)


def _control_share(text: str) -> float:
    return len(_CONTROL.findall(text)) / len(text) if text else 0.0


def _strict(data: bytes, encoding: str) -> str | None:
    try:
        return data.decode(encoding)
    except (UnicodeDecodeError, LookupError):
        return None


def _candidates(data: bytes) -> list[str]:
    names: list[str] = []
    for match in from_bytes(data[:200_000]):
        name = _codec_name(match.encoding)
        if name and name not in names:
            names.append(name)
    for fallback in _FALLBACKS:
        name = _codec_name(fallback)
        if name and name not in names:
            names.append(name)
    return names


def decode(data: bytes, source: str) -> Decoded:
    """The text of ``data`` and the encoding used; UnreadableError when none decodes cleanly."""
    if not data.strip():
        raise UnreadableError(f"{source}：文件为空")
    for bom, encoding in ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"),
                          (codecs.BOM_UTF16_BE, "utf-16")):  # fmt: skip
        if data.startswith(bom):
            text = _strict(data, encoding)
            if text is None:
                raise UnreadableError(
                    f"{source}：文件以 {encoding} 标记开头，但内容无法按该编码解码"
                )
            return _checked(Decoded(text, _codec_name(encoding) or encoding), source)
    if b"\x00" in data[:65536]:
        unmarked = _utf16_without_bom(data)
        if unmarked is None:
            raise UnreadableError(f"{source}：不是文本文件（含有二进制数据）")
        return unmarked
    text = _strict(data, "utf-8")
    if text is not None:
        return _checked(Decoded(text, "utf-8"), source)
    best: Decoded | None = None
    best_score = -1.0
    for encoding in _candidates(data):
        text = _strict(data, encoding)
        if text is None or _control_share(text) > _MAX_CONTROL:
            continue
        score = plausibility(text)
        if score > best_score:  # ties keep charset-normalizer's order
            best, best_score = Decoded(text, encoding), score
    if best is None or best_score < _MIN_PLAUSIBLE:
        raise UnreadableError(
            f"{source}：无法确定文本编码（UTF-8、GB18030/GBK、Big5 均不能干净地解码），"
            "请转换为 UTF-8 后再试"
        )
    return best


def _utf16_without_bom(data: bytes) -> Decoded | None:
    """UTF-16 saved without its byte-order mark: zero bytes are what it is made of, so the
    byte order that decodes strictly to plausible Chinese, and not to control characters, wins."""
    readings = []
    for encoding in ("utf-16-le", "utf-16-be"):  # little-endian (Windows) first on a tie
        text = _strict(data, encoding)
        if text is not None and _control_share(text) <= _MAX_CONTROL:
            readings.append((plausibility(text), Decoded(text, encoding)))
    if not readings:
        return None
    score, best = max(readings, key=lambda reading: reading[0])
    return best if score >= _MIN_PLAUSIBLE else None


def _checked(decoded: Decoded, source: str) -> Decoded:
    if _control_share(decoded.text) > _MAX_CONTROL:
        raise UnreadableError(f"{source}：不是文本文件（含有大量控制字符）")
    return decoded
