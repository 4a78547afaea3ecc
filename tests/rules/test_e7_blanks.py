"""E7: template text left unfilled is an error in the section it is in; real text is not."""

from __future__ import annotations

from pathlib import Path

import pytest

from gongkai.drafting import draft_sections
from gongkai.extract import Extraction, extract_path
from gongkai.report import AnnualReport
from gongkai.rules import RULES, Severity, check
from gongkai.rules.location import describe

from .builders import SECTIONS, report


def _with(section: str, text: str) -> AnnualReport:
    result = report()
    result.sections = {**SECTIONS, section: text}
    return result


def _e7(r: AnnualReport) -> list[tuple[str | None, str | None, object]]:
    return [(f.table, f.row, f.actual) for f in check(r, rules=("E7",))]


@pytest.mark.parametrize(
    ("section", "text", "blank"),
    [
        ("6", "本年度信息处理费收取情况：（请填写）。", "（请填写）"),
        (
            "6",
            "本年度未收取信息处理费。（请填写其他需要报告的事项。）",
            "（请填写其他需要报告的事项。）",
        ),
        ("1", "全年主动公开信息【请填写】条。", "【请填写】"),
        (
            "1",
            "围绕重点领域推进公开。(请补充本年度工作的具体做法和成效)",
            "(请补充本年度工作的具体做法和成效)",
        ),
        ("5", "存在的问题：【待补充】", "【待补充】"),
        ("5", "存在的问题：待补充。", "待补充"),
        ("6", "信息处理费收取情况（待定）。", "（待定）"),
        ("6", "其他事项：此处填写人大代表建议办理情况。", "此处填写"),
        ("5", "改进措施。请填写下一步工作安排。", "请填写"),
        ("1", "XX局认真贯彻落实条例。", "XX"),
        ("1", "20XX年，本机关推进政务公开。", "XX"),
        ("3", "全年共收到政府信息公开申请×××件。", "×××"),
        ("3", "全年共收到政府信息公开申请____件。", "____"),
        ("1", "ＸＸ市人民政府办公室推进公开。", "ＸＸ"),
    ],
)
def test_each_kind_of_blank_is_an_error_in_its_section(section: str, text: str, blank: str) -> None:
    (finding,) = check(_with(section, text), rules=("E7",))
    assert (finding.table, finding.row, finding.actual) == ("sections", section, blank)
    assert finding.severity is Severity.ERROR
    assert blank in finding.message


def test_the_message_and_location_name_the_section() -> None:
    r = _with("6", "本年度未收取信息处理费。（请填写其他需要报告的事项。）")
    (finding,) = check(r, rules=("E7",))
    assert "六、其他需要报告的事项" in finding.message
    assert describe(finding, r.fmt) == "正文 · 六、其他需要报告的事项"


def test_blanks_split_across_lines_or_in_traditional_script_are_found() -> None:
    assert _e7(_with("5", "存在的問題：（請\n填寫）")) == [("sections", "5", "（請填寫）")]


def test_a_placeholder_title_is_found() -> None:
    r = report(title="XX市XX局2023年政府信息公开工作年度报告")
    assert [(f.row, f.actual) for f in check(r, rules=("E7",))] == [
        ("title", "XX"),
        ("title", "XX"),
    ]


def test_every_template_blank_the_drafting_writes_is_found() -> None:
    r = report()
    r.sections = draft_sections(r)
    assert [(row, actual) for _, row, actual in _e7(r)] == [
        ("1", "（请补充本年度工作的具体做法和成效。）"),
        ("5", "（请填写本年度政府信息公开工作存在的主要问题，以及改进情况和下一步工作安排。）"),
        ("6", "（请填写其他需要报告的事项。）"),
    ]
    r.table3 = {**(r.table3 or {}), "other_2": [0, 0, 0, 0, 0, 0, 1]}
    r.sections = draft_sections(r)
    blanks = [(row, actual) for _, row, actual in _e7(r) if row == "6"]
    assert blanks == [("6", "（请填写）"), ("6", "（请填写其他需要报告的事项。）")]


@pytest.mark.parametrize(
    "text",
    [
        "政策解读形式有待补充完善，公开内容有待进一步完善。",  # 有待…: prose
        "详见政府信息公开专栏（http://www.example.gov.cn/zwgk/zfxxgk/zfxxgknb/）。",  # xx in a URL
        "依申请公开答复时限提速，7×24小时在线受理。",  # one ×
        "按照第二十条第（一）项规定公开，申请人张**已签收。",  # masked name
        "某某公司申请公开某某局文件，已依法答复。",  # anonymised parties
        "（一）主动公开情况（二）依申请公开情况，请登录门户网站查询。",
        "部分栏目信息待更新，将于下半年完成。",
        "按规定程序报请审定（确认）后公开。",
        "二〇二三年，本机关依法填报统计数据，补充完善了公开目录。",
    ],
)
def test_real_report_wording_is_not_a_blank(text: str) -> None:
    assert _e7(_with("1", text)) == []


def test_e7_is_listed_and_documented() -> None:
    assert RULES["E7"].group == "形式与完整性"
    assert "请填写" in RULES["E7"].title


def test_real_reports_have_no_blanks(shared_data: Path) -> None:
    """Every report in the development data (reports, seeds, the peer tool's files) has its
    template text filled in: the rule must stay silent on all of them."""
    checked = 0
    for path in sorted(shared_data.rglob("*")):
        if not path.is_file() or path.suffix not in (".txt", ".md", ".html", ".pdf"):
            continue
        if path.name == "README.md":
            continue
        for outcome in extract_path(path):
            if isinstance(outcome, Extraction):
                checked += 1
                assert check(outcome.report, rules=("E7",)) == [], path.name
    assert checked >= 30


def test_the_batch_audit_reports_template_text(tmp_path: Path) -> None:
    from gongkai.extract.audit import run_audit
    from gongkai.render import render

    published = report()
    published.sections = {**SECTIONS, "5": "（请填写本年度存在的主要问题。）"}
    (tmp_path / "2023.html").write_bytes(render(published, "html"))
    (entry,) = run_audit([tmp_path]).reports
    assert [(f.rule, f.severity, f.row) for f in entry.findings if f.rule == "E7"] == [
        ("E7", Severity.ERROR, "5")
    ]
