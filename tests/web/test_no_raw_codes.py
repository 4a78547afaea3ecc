"""No raw codes on any key page: what a user reads comes from the label tables.

Every key page of every role (and the portal) is rendered on the demo province; the visible
text (tags, scripts, styles and attributes stripped) must not contain identifiers — a
snake_case token, a value of the outcome, state, event, channel, letter or workflow tables,
a ``kind:123`` reference — nor English exception text or a similarity shown as a bare
fraction. A failure names the page and the token.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest
from django.test import Client

from gongkai.agency_kinds import AGENCY_KINDS
from gongkai.letters import LETTER_TYPES
from gongkai.outcomes import OUTCOMES
from gongkai.web.accounts.roles import ROLES as ROLE_TABLE
from gongkai.web.annual.workflow import STATES as REPORT_STATES
from gongkai.web.audits.models import VERDICT_CHOICES
from gongkai.web.cases.choices import (
    APPLICANT_TYPE_LABELS,
    CHANNEL_CHOICES,
    EVENT_KIND_LABELS,
    STATE_LABELS,
)
from tests.web import key_pages

# Every stored value of a closed vocabulary: shown to a user, it is a missing label.
ENUM_VALUES = frozenset(
    [
        *OUTCOMES,
        *STATE_LABELS,
        *EVENT_KIND_LABELS,
        *dict(CHANNEL_CHOICES),
        *APPLICANT_TYPE_LABELS,
        *LETTER_TYPES,
        *REPORT_STATES,
        *dict(VERDICT_CHOICES),
        *AGENCY_KINDS,
        *ROLE_TABLE,
    ]
)
# What may legitimately hold Latin letters: addresses, links and file names.
ALLOWED = re.compile(
    r"[\w.+-]+@[\w.-]+|https?://\S+|[\w.-]+\.(?:html?|pdf|docx?|xlsx|csv|json|txt|zip|md)\b"
)
ASCII_WORD = r"(?<![A-Za-z0-9_])[A-Za-z][A-Za-z0-9_]*(?![A-Za-z0-9_])"
PATTERNS = {
    "代码": re.compile(r"(?<![A-Za-z0-9_])[a-z][a-z0-9]*(?:_[a-z0-9]+)+(?![A-Za-z0-9_])"),
    "带编号的代码": re.compile(r"(?<![A-Za-z0-9_])[a-z][a-z_]*:\d+"),
    "异常类型": re.compile(r"(?<![A-Za-z])[A-Z][A-Za-z]*(?:Error|Exception)\b|Traceback"),
    # three or more words with lower-case letters (format names such as "DOCX PDF" are not)
    "英文句子": re.compile(
        r"[A-Za-z]*[a-z]{2,}[A-Za-z]*(?:[ ,:;'()-]+[A-Za-z]*[a-z]{2,}[A-Za-z]*){2,}"
    ),
    "未说明的小数": re.compile(r"(?:相似度|重复率|比例|率)\s*[:：]?\s*0\.\d+(?![\d%])"),
}


class _Visible(HTMLParser):
    """The text a reader sees: no scripts, styles or attributes."""

    HIDDEN = frozenset({"script", "style", "template", "noscript"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.hidden = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in self.HIDDEN:
            self.hidden += 1

    def handle_endtag(self, tag: str) -> None:
        if tag in self.HIDDEN and self.hidden:
            self.hidden -= 1

    def handle_data(self, data: str) -> None:
        if not self.hidden:
            self.parts.append(data)


def visible_text(html: str) -> str:
    parser = _Visible()
    parser.feed(html)
    return " ".join(" ".join(parser.parts).split())


def raw_codes(text: str) -> list[str]:
    """Each offending token, with what kind of token it is and the words around it."""
    text = ALLOWED.sub(" ", text)
    found: dict[str, tuple[str, int]] = {}
    for match in re.finditer(ASCII_WORD, text):
        if match.group(0) in ENUM_VALUES:
            found.setdefault(match.group(0), ("取值", match.start()))
    for kind, pattern in PATTERNS.items():
        for match in pattern.finditer(text):
            found.setdefault(match.group(0), (kind, match.start()))
    return [
        f"{kind}「{token}」（…{text[max(0, at - 20) : at + len(token) + 10]}…）"
        for token, (kind, at) in sorted(found.items())
    ]


def test_the_scan_finds_what_users_reported() -> None:
    """The scan itself: the reported strings are caught, ordinary text is not."""
    page = (
        "<p title='granted'>办理结果 granted，partial 与 denied_1；<b>other_1</b></p>"
        "<script>var applicant_name = 1;</script><p>文书 reply_partial，consultation:370</p>"
        "<p>（Failed to load document (PDFium: Data format error)）相似度 0.71</p>"
    )
    found = raw_codes(visible_text(page))
    for token in ("granted", "partial", "denied_1", "other_1", "reply_partial",
                  "consultation:370", "0.71", "Failed to load document"):  # fmt: skip
        assert any(token in f for f in found), token
    assert not any("applicant_name" in f for f in found)  # a script is not visible text
    plain = "共 261 件 · 导出：XLSX CSV · gk014@lc.example.gov.cn · 2023.html · 重复率 71%"
    assert raw_codes(visible_text(f"<p>{plain}</p>")) == []


@pytest.mark.django_db
def test_no_key_page_shows_a_raw_code(settings: object) -> None:
    world = key_pages.demo_world()
    problems: list[str] = []  # one line per page: its name, address and tokens
    for role in key_pages.ROLES:
        client = Client()
        if role == key_pages.PUBLIC:
            for number, code in world.tracking:
                client.post("/portal/track/", {"tracking_number": number, "access_code": code})
        else:
            assert client.login(username=key_pages.ACCOUNTS[role], password=key_pages.PASSWORD)
        for page in key_pages.pages_of(role, world):
            if page.post is None:
                response = client.get(page.url)
            else:
                response = client.post(page.url, page.post)
            where = f"{role} · {page.name}（{page.url}）"
            # a form sent back with its errors may say so in its status
            ok = (200,) if page.post is None else (200, 400)
            assert response.status_code in ok, f"{where}：{response.status_code}"
            tokens = raw_codes(visible_text(response.content.decode()))
            if tokens:
                problems.append(f"{where}：{'、'.join(tokens)}")
    assert not problems, "页面上出现了代码或英文：\n" + "\n".join(problems)
