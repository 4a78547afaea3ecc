"""What content review says about one place of a text, and the rules it applies."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any

from gongkai.rules.findings import SEVERITY_LABELS, Severity


@dataclass(frozen=True)
class ReviewRule:
    id: str
    title: str
    description: str


RULES: dict[str, ReviewRule] = {
    r.id: r
    for r in (
        ReviewRule(
            "R1",
            "错敏词",
            "维护的规范表述表（data/wordings.toml，每条注明出处）：过时的机构名称、条例名称和文号、"
            "常见错别字；按上下文排除“原××部”“××部门”等正确用法。",
        ),
        ReviewRule(
            "R2",
            "个人信息",
            "身份证号（GB 11643 校验码、出生日期、省级代码）、手机号、固定电话、银行卡号（Luhn 校验，"
            "须有“卡号/账号”字样或按四位分组）、住址（门牌到单元/室，或“住址/家住”之后）、身份证或电话旁的姓名。"
            "机关公开的办公电话（咨询、监督、联系电话）为提示级；个人的手机号、身份证号、银行卡号为错误级。",
        ),
        ReviewRule(
            "R3",
            "疑似错别字",
            "用 jieba 分词：两个相邻的单字不成词，把其中一个字换成常见的形近或音近字后成为常用词"
            "（词频不低于阈值），提示可能的错别字。",
        ),
        ReviewRule(
            "R4",
            "文字与表格不符",
            "年度报告正文引用的数字与表格不一致（审核规则 D1），标出正文中的位置。",
        ),
    )
}


@dataclass(frozen=True)
class ReviewFinding:
    rule: str  # R1..R4
    kind: str  # what was found: 过时名称, 身份证号, 手机号…
    severity: Severity
    start: int  # offset in the reviewed text (of the section, for reports)
    end: int
    line: int  # 1-based
    matched: str
    suggestion: str  # the fix, "" when the fix is to delete
    message: str  # one line, Chinese
    section: str | None = None  # report section number, "title", "preamble"; None for plain text
    basis: str = ""  # the source the wording table cites

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["severity"] = str(self.severity)
        return data

    @property
    def location(self) -> str:
        where = f"第{self.line}行"
        if self.section is None:
            return where
        names = {"title": "标题", "preamble": "前言"}
        return f"{names.get(self.section, f'第{self.section}部分')}{where}"


def line_of(text: str, offset: int) -> int:
    return text.count("\n", 0, offset) + 1


def has_errors(findings: list[ReviewFinding]) -> bool:
    return any(f.severity is Severity.ERROR for f in findings)


__all__ = [
    "RULES",
    "SEVERITY_LABELS",
    "ReviewFinding",
    "ReviewRule",
    "Severity",
    "has_errors",
    "line_of",
]
