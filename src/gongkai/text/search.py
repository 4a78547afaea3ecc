"""Chinese full-text search without a search engine: the tokens of a document and of a query,
and highlighted snippets.

A document's tokens are every Han character, every pair of neighbouring Han characters and
its lower-cased ASCII words and numbers: no segmentation of the document, so a word is found
wherever it stands, whatever a segmenter would have made of its context (湖滨 inside
湖滨街道办事处). A query is segmented with jieba in search mode into the words the user
meant; each word needs its own token if it has one or two characters, else all of its
character pairs. Matching is "every token present", the same test on any
database: a token string is plain space-separated text, so SQL ``LIKE`` on SQLite and a
``to_tsvector('simple', …)`` on PostgreSQL give the same answer (tokens contain only Han
characters or ``[a-z0-9]``, nothing either side would split or fold differently).

Text is compared simplified (``gongkai.text.to_simplified``): a traditional query finds a
simplified document and the other way round.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from html import escape

from gongkai.text.normalize import to_simplified
from gongkai.text.segmenter import tokenizer

_HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_RUN = re.compile(f"[{_HAN}]+|[a-z0-9]+")
_HAN_ONLY = re.compile(f"[{_HAN}]+")
_TOKEN = re.compile(f"^(?:[{_HAN}]+|[a-z0-9]+)$")
MAX_QUERY_CHARS = 100  # a longer query is cut: nobody types more, and each word costs a token
SNIPPET_CHARS = 120


def fold(text: str) -> str:
    """The form text is compared in: simplified, NFKC, lower case."""
    return to_simplified(text).lower()


def document_tokens(*texts: str) -> list[str]:
    """The tokens a document is found by, sorted and without repeats."""
    tokens: set[str] = set()
    for text in texts:
        folded = fold(text)
        for run in _RUN.findall(folded):
            if _HAN_ONLY.fullmatch(run):
                tokens.update(run)
                tokens.update(run[i : i + 2] for i in range(len(run) - 1))
            else:
                tokens.add(run)
    return sorted(tokens)


def token_string(tokens: Iterable[str]) -> str:
    """Tokens as stored: space-separated with a space at either end, so ``LIKE '% t %'``
    finds a whole token."""
    return f" {' '.join(tokens)} "


@dataclass(frozen=True)
class Query:
    words: tuple[str, ...]  # as the user meant them, for highlighting
    tokens: tuple[str, ...]  # all must be present

    def __bool__(self) -> bool:
        return bool(self.tokens)


def _maximal(words: Sequence[tuple[str, int, int]]) -> list[str]:
    """Search mode also yields the parts of long words; keep the words no other one contains."""
    kept = [
        (w, start, end)
        for w, start, end in words
        if not any(s <= start and end <= e and (s, e) != (start, end) for _, s, e in words)
    ]
    return [w for w, _, _ in sorted(kept, key=lambda k: k[1])]


def _required(word: str) -> list[str]:
    if _HAN_ONLY.fullmatch(word) and len(word) > 2:
        return [word[i : i + 2] for i in range(len(word) - 1)]
    return [word]


def parse_query(text: str) -> Query:
    """Segment a query with jieba (search mode). A single character beside longer words is
    dropped (的, 和, 年 would only exclude documents that lack them); alone it is searched."""
    folded = fold(text[:MAX_QUERY_CHARS])
    words: list[str] = []
    for run in _RUN.findall(folded):
        if _HAN_ONLY.fullmatch(run):
            words.extend(_maximal(list(tokenizer().tokenize(run, mode="search"))))
        else:
            words.append(run)
    words = [w for w in words if _TOKEN.match(w)]
    if any(len(w) > 1 for w in words):
        words = [w for w in words if len(w) > 1 or not _HAN_ONLY.fullmatch(w)]
    unique = list(dict.fromkeys(words))
    tokens = dict.fromkeys(t for w in unique for t in _required(w))
    return Query(words=tuple(unique), tokens=tuple(tokens))


def _spans(text: str, words: Sequence[str]) -> list[tuple[int, int]]:
    """Where the words occur in ``text`` (compared folded), merged and in order."""
    folded = fold(text)
    if len(folded) != len(text):  # NFKC changed the length: compare lower-cased only
        folded = text.lower()
    found: list[tuple[int, int]] = []
    for word in sorted(set(words), key=len, reverse=True):
        start = folded.find(word)
        while start >= 0:
            found.append((start, start + len(word)))
            start = folded.find(word, start + len(word))
    merged: list[tuple[int, int]] = []
    for start, end in sorted(found):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def highlight(text: str, words: Sequence[str], *, width: int | None = SNIPPET_CHARS) -> str:
    """HTML: ``text`` escaped, the words marked with ``<mark>``; cut to about ``width``
    characters around the first match (``None``: the whole text)."""
    text = " ".join(text.split())
    spans = _spans(text, words)
    begin, end = 0, len(text)
    if width is not None and len(text) > width:
        first = spans[0][0] if spans else 0
        begin = max(0, min(first - width // 4, len(text) - width))
        end = begin + width
    parts = ["…" if begin > 0 else ""]
    at = begin
    for start, stop in spans:
        if stop <= begin or start >= end:
            continue
        start, stop = max(start, begin), min(stop, end)
        parts += [escape(text[at:start]), "<mark>", escape(text[start:stop]), "</mark>"]
        at = stop
    parts += [escape(text[at:end]), "…" if end < len(text) else ""]
    return "".join(parts)
