"""R2 个人信息: identity numbers, phones, bank cards, home addresses and the names beside them.

What an agency legitimately publishes stays out of the errors: its own office and hotline
numbers (fixed lines, 12345…) are at most a hint; a mobile, an identity number or a bank card
of a person is an error (条例 第十五条，《个人信息保护法》).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from gongkai.review.findings import ReviewFinding, Severity, line_of

# GB 11643-1999: weights and check characters of the 18-digit citizen identity number.
_ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_ID_CHECK = "10X98765432"
# Province-level codes of GB/T 2260 (the first two digits).
_PROVINCES = frozenset({
    "11", "12", "13", "14", "15", "21", "22", "23", "31", "32", "33", "34",
    "35", "36", "37", "41", "42", "43", "44", "45", "46", "50", "51", "52",
    "53", "54", "61", "62", "63", "64", "65", "71", "81", "82",
})  # fmt: skip

_ID = re.compile(r"(?<![0-9A-Za-z])(\d{17}[\dXx])(?![0-9A-Za-z])")
_MOBILE = re.compile(r"(?<![\d.])(?:\+?86[-\s]?)?(1[3-9]\d)[-\s]?(\d{4})[-\s]?(\d{4})(?![\d.])")
# An area code, then a local number (which never starts with 0 or 1); extensions stay outside.
_FIXED = re.compile(r"(?<![\d.])(?:[(（]0\d{2,3}[)）]\s?|0\d{2,3}[-－—\s]?)[2-9]\d{6,7}(?![\d.])")
_CARD = re.compile(r"(?<![\d.])(\d{4}(?:[\s-]?\d{4}){3}(?:[\s-]?\d{1,3})?)(?![\d.])")
_CARD_CONTEXT = re.compile(r"(?:卡号|银行卡|账号|帐号|账户|帐户|开户)[^。\n]{0,12}$")
_ADDRESS = re.compile(
    r"[\u4e00-\u9fff]{2,20}?(?:路|街|道|巷|弄|村|组|小区|花园|公寓|大厦|苑)"
    r"[\d一二三四五六七八九十百零]+号(?:院)?"
    r"(?:[\d一二三四五六七八九十]+(?:号楼|栋|幢|座))?"
    r"(?:[\d一二三四五六七八九十]+单元)?"
    r"(?:[\d一二三四五六七八九十]+(?:室|号房|户))?"
)
_LABEL = r"(?:住址|家住|住所|现住|居住地|户籍地|家庭地址|现居住)"
_ADDRESS_LABEL = re.compile(_LABEL + r"[:：\s]*$")
# Words that end the text before an address (the regex above starts at the first CJK character).
_ADDRESS_LEAD = re.compile(r"^.*(?:" + _LABEL + r"|地址|送达|寄至|送至|位于|至|在|于)[:：为是]?")
_RESIDENCE = re.compile(r"(?:栋|幢|单元|室|号房|户|号楼)$")
_OFFICIAL_PHONE = re.compile(
    r"(?:咨询|监督|投诉|举报|联系|办公|值班|服务|热线|受理|传真)(?:电话|热线|方式)?[^。\n]{0,6}$"
)
_NAME = re.compile(
    r"(?:(?:姓名|申请人|联系人|当事人|举报人|投诉人)[:：\s]*([\u4e00-\u9fff]{2,4}?)"
    r"(?=[，,、;；\s（(的]|身份证|电话|手机|联系|住))|([\u4e00-\u9fff]{1,2}(?:先生|女士))"
)
_PERSON_BEFORE = 60  # at most this far back, within the sentence, a number's person is sought
_SENTENCE_END = re.compile(r"[。！？；;\n]")


def id_check_char(first17: str) -> str:
    return _ID_CHECK[sum(int(d) * w for d, w in zip(first17, _ID_WEIGHTS, strict=True)) % 11]


def valid_id(number: str) -> bool:
    """GB 11643: province code, a real birth date not in the future, and the check character."""
    if len(number) != 18 or not number[:17].isdigit() or number[:2] not in _PROVINCES:
        return False
    try:
        born = dt.date(int(number[6:10]), int(number[10:12]), int(number[12:14]))
    except ValueError:
        return False
    if not dt.date(1900, 1, 1) <= born <= dt.date.today():
        return False
    return id_check_char(number[:17]) == number[17].upper()


def luhn_valid(digits: str) -> bool:
    total = 0
    for i, ch in enumerate(reversed(digits)):
        d = int(ch) * (2 if i % 2 else 1)
        total += d - 9 if d > 9 else d
    return total % 10 == 0


@dataclass(frozen=True)
class _Hit:
    kind: str
    severity: Severity
    start: int
    end: int
    message: str


def _person_near(text: str, start: int) -> re.Match[str] | None:
    """The person named earlier in the sentence holding the number at ``start``."""
    window_start = max(0, start - _PERSON_BEFORE)
    ends = list(_SENTENCE_END.finditer(text, window_start, start))
    if ends:
        window_start = ends[-1].end()
    found = list(_NAME.finditer(text, window_start, start))
    return found[-1] if found else None


def _ids(text: str) -> Iterator[_Hit]:
    for m in _ID.finditer(text):
        if valid_id(m.group(1)):
            yield _Hit("身份证号", Severity.ERROR, m.start(1), m.end(1), "公开内容中有公民身份号码")


def _mobiles(text: str) -> Iterator[_Hit]:
    for m in _MOBILE.finditer(text):
        person = _person_near(text, m.start())
        official = _OFFICIAL_PHONE.search(text, max(0, m.start() - 12), m.start())
        if official and person is None:
            yield _Hit(
                "手机号",
                Severity.WARNING,
                m.start(),
                m.end(),
                "公开的联系电话是手机号：请确认是机关的公务号码而非个人号码",
            )
        else:
            yield _Hit("手机号", Severity.ERROR, m.start(), m.end(), "公开内容中有个人手机号码")


def _fixed_phones(text: str) -> Iterator[_Hit]:
    for m in _FIXED.finditer(text):
        person = _person_near(text, m.start())
        severity = Severity.WARNING if person else Severity.INFO
        message = (
            "个人的固定电话" if person else "固定电话：机关公开的办公电话可以保留，个人电话须删除"
        )
        yield _Hit("固定电话", severity, m.start(), m.end(), message)


def _cards(text: str) -> Iterator[_Hit]:
    for m in _CARD.finditer(text):
        printed = m.group(1)
        digits = re.sub(r"[\s-]", "", printed)
        if not 16 <= len(digits) <= 19 or not luhn_valid(digits) or len(set(digits)) < 4:
            continue
        if len(digits) == 18 and valid_id(digits):
            continue  # an identity number, reported as such
        grouped = printed != digits
        labelled = _CARD_CONTEXT.search(text, max(0, m.start() - 20), m.start()) is not None
        if grouped or labelled:  # run-together table digits are neither
            yield _Hit("银行卡号", Severity.ERROR, m.start(1), m.end(1), "公开内容中有银行卡号")


def _addresses(text: str) -> Iterator[_Hit]:
    for m in _ADDRESS.finditer(text):
        start = m.start()
        lead = _ADDRESS_LEAD.match(m.group(0))
        labelled = _ADDRESS_LABEL.search(text, max(0, start - 8), start) is not None
        if lead is not None:
            labelled = labelled or re.search(_LABEL, lead.group(0)) is not None
            start += lead.end()
        if labelled:
            yield _Hit("住址", Severity.ERROR, start, m.end(), "公开内容中有个人住址")
        elif _RESIDENCE.search(m.group(0)) is not None:
            message = "门牌到楼栋、单元或室的地址，疑似个人住址"
            yield _Hit("住址", Severity.WARNING, start, m.end(), message)


_DETECTORS: tuple[Callable[[str], Iterator[_Hit]], ...] = (
    _ids,
    _cards,
    _mobiles,
    _fixed_phones,
    _addresses,
)
_NAME_AFTER = ("身份证号", "手机号", "银行卡号", "住址")  # a name beside these is a person's


def mask(kind: str, text: str) -> str:
    """The personal data as a stored finding keeps it: enough to find the place, not the data
    (names 王**, numbers 139****5678, addresses cut after the district)."""
    if kind == "姓名":
        return text[0] + "*" * max(1, len(text) - 1)
    if kind == "住址":
        return text[:6] + "***"
    if len(text) <= 7:
        return "*" * len(text)
    return text[:3] + "*" * (len(text) - 7) + text[-4:]


def check_personal_data(text: str) -> Iterator[ReviewFinding]:
    taken: list[tuple[int, int]] = []
    names: set[tuple[int, int]] = set()
    for detect in _DETECTORS:  # the most specific first: an ID is not also a card or a phone
        for hit in detect(text):
            if any(hit.start < b and a < hit.end for a, b in taken):
                continue
            taken.append((hit.start, hit.end))
            yield _finding(text, hit.kind, hit.severity, hit.start, hit.end, hit.message)
            if hit.kind in _NAME_AFTER and hit.severity is Severity.ERROR:
                person = _person_near(text, hit.start)
                group = 1 if person is not None and person.group(1) else 2
                if person is not None and person.span(group) not in names:
                    names.add(person.span(group))
                    yield _finding(
                        text,
                        "姓名",
                        Severity.ERROR,
                        *person.span(group),
                        f"与{hit.kind}一同公开的姓名",
                    )


def _finding(
    text: str, kind: str, severity: Severity, start: int, end: int, message: str
) -> ReviewFinding:
    return ReviewFinding(
        "R2",
        kind,
        severity,
        start,
        end,
        line_of(text, start),
        text[start:end],
        "",  # personal data is removed or masked, not corrected
        message if severity is Severity.INFO else f"{message}，请删除或做去标识化处理",
    )
