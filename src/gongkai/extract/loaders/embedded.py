"""HTML carried inside other text: a JavaScript or JSON string literal, or escaped markup.

CMS pages and crawler exports often hold the report's table as HTML inside a string
(``"<table border=\\"1\\">…"``, ``"\\u003ctable\\u003e…"``) or with its markup turned into
entities (``&lt;table&gt;…``). Such a region is found by its escaped ``<table`` marker,
its escaping undone, and the result read by the HTML loader like any page.

Every step is one linear pass (regular expressions without nested repetition), so a text
of the largest accepted size is scanned in bounded time.
"""

from __future__ import annotations

import html
import re

from gongkai.extract.classify import report_signal

# ``<table`` as it is written raw, in a JavaScript/JSON escape or as an HTML entity.
_MARKER = re.compile(r"(?:<|\\u003c|\\x3c|&lt;|&#0*60;|&#x0*3c;)\s*table\b", re.I)
_RAW_TABLE = re.compile(r"<\s*table\b", re.I)
_RAW_CELL = re.compile(r"<\s*t[dh]\b", re.I)
_ENTITY_TABLE = re.compile(r"&(?:lt|#0*60|#x0*3c);\s*table\b", re.I)
# String literals (JSON, JavaScript, template literals); a backslash escapes one character.
_LITERAL = re.compile(r'"((?:[^"\\\n]|\\.)*)"|\'((?:[^\'\\\n]|\\.)*)\'|`((?:[^`\\]|\\.)*)`', re.S)
_ESCAPE = re.compile(r"\\(u\{[0-9a-fA-F]{1,6}\}|u[0-9a-fA-F]{4}|x[0-9a-fA-F]{2}|.)", re.S)
_SIMPLE = {"n": "\n", "t": "\t", "r": "\r", "b": "", "f": "", "v": "", "0": "", "\n": ""}
_SURROGATES = re.compile("[\ud800-\udbff][\udc00-\udfff]")
_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def unescape_js(literal: str) -> str:
    """A JavaScript/JSON string literal's body as the text it denotes."""

    def one(match: re.Match[str]) -> str:
        code = match.group(1)
        if code[0] in "ux" and len(code) > 1:
            digits = code[1:].strip("{}")
            return chr(min(int(digits, 16), 0x10FFFF))
        return _SIMPLE.get(code, code)

    text = _ESCAPE.sub(one, literal)
    # JSON writes characters beyond U+FFFF as surrogate pairs (\ud83d\ude00): join them;
    # a lone surrogate is no character at all.
    text = _SURROGATES.sub(
        lambda m: chr(0x10000 + ((ord(m.group()[0]) - 0xD800) << 10) + ord(m.group()[1]) - 0xDC00),
        text,
    )
    return _LONE_SURROGATE.sub("\ufffd", text)


def unescape_markup(text: str) -> str:
    """Entity-escaped markup (``&lt;td&gt;``) made markup again; raw markup is left as it is."""
    if _RAW_TABLE.search(text) or not _ENTITY_TABLE.search(text):
        return text
    return html.unescape(text)


def holds_table(text: str) -> bool:
    """Whether ``text`` holds table markup (``<table`` and a cell) to be read as HTML."""
    return _RAW_TABLE.search(text) is not None and _RAW_CELL.search(text) is not None


_LINE_END = re.compile(r"(?<!>)\n")  # a line of text, not one of the markup
_CONCATENATION = re.compile(r"\s*\+\s*")


def string_literals(text: str, *, min_chars: int = 0) -> list[str]:
    """The string literals of a script or JSON text, decoded, in printed order; literals
    joined by ``+`` (``"<table>" + "<tr>…"``) are one string."""
    strings: list[list[str]] = []
    previous_end = -1
    for match in _LITERAL.finditer(text):
        body = next(group for group in match.groups() if group is not None)
        if strings and _CONCATENATION.fullmatch(text, previous_end, match.start()):
            strings[-1].append(body)
        else:
            strings.append([body])
        previous_end = match.end()
    bodies = ("".join(parts) for parts in strings)
    return [unescape_js(body) for body in bodies if len(body) >= min_chars]


def embedded_html(text: str) -> str | None:
    """The HTML holding the report's table when ``text`` carries it escaped, else None.

    A string literal holding a table wins (the one reading most like a report); otherwise
    the text itself is taken when its markup is entity-escaped or written raw in plain text.
    """
    if not _MARKER.search(text):
        return None
    literals = [
        markup
        for body in string_literals(text)
        if _MARKER.search(body) and holds_table(markup := unescape_markup(body))
    ]
    if literals:
        return max(literals, key=lambda body: (report_signal(body), len(body)))
    markup = unescape_markup(text)
    if not holds_table(markup):
        return None
    return _LINE_END.sub("<br>\n", markup)  # the text's own lines stay lines
