"""Site navigation around a crawled report (menus, breadcrumbs, toolbars, related links)
disturbs neither its sections nor its tables nor its metadata."""

from __future__ import annotations

import pytest

from gongkai.extract import extract_bytes
from gongkai.report import AnnualReport
from tests.extract.reports import Facts, report_html, report_text

FACTS = Facts(agency="某某市数据局", year=2023, new_received=4, table4=[1, 0, 0, 0, 1, *[0] * 10])

NAV_BEFORE = [
    "首页 | 机构概况 | 政务公开 | 政务服务 | 互动交流 | 联系我们",
    "当前位置：首页 > 政务公开 > 政府信息公开年报 > 正文",
    "政府信息公开指南 政府信息公开制度 法定主动公开内容 政府信息公开年报",
    "上一篇：某某市数据局2022年政府信息公开工作年度报告",
    "发布时间：2024-01-25 来源：某某市数据局 浏览次数：123",
    "字号：大 中 小 分享到：微信 微博 QQ空间",
]
NAV_AFTER = [
    "【打印本页】【关闭窗口】",
    "下一篇：关于印发2024年政务公开工作要点的通知",
    "相关链接：某某市人民政府 某某省数据局 中国政府网",
    "网站地图 | 联系我们 | 版权所有：某某市数据局 ICP备12345678号",
]
NAV_WORDS = ("首页", "当前位置", "分享到", "打印", "上一篇", "下一篇", "相关链接", "版权所有")


def _page_text() -> bytes:
    return "\n".join([*NAV_BEFORE, report_text(FACTS), *NAV_AFTER]).encode("utf-8")


def _page_html() -> bytes:
    divs = ["<div>" + line.replace(">", "&gt;") + "</div>" for line in NAV_BEFORE]
    after = ["<div>" + line + "</div>" for line in NAV_AFTER]
    page = report_html(FACTS).replace("<body>", "<body>" + "".join(divs))
    return page.replace("</body>", "".join(after) + "</body>").encode("utf-8")


def _read(kind: str) -> AnnualReport:
    data = _page_text() if kind == "txt" else _page_html()
    return extract_bytes(data, f"page.{kind}").report


@pytest.mark.parametrize("kind", ["txt", "html"])
def test_metadata_is_the_reports_not_the_sites(kind: str) -> None:
    report = _read(kind)
    assert report.agency == "某某市数据局"
    assert report.year == 2023
    assert report.title == "某某市数据局2023年政府信息公开工作年度报告"
    assert report.published is not None and report.published.isoformat() == "2024-01-25"


@pytest.mark.parametrize("kind", ["txt", "html"])
def test_sections_hold_no_navigation(kind: str) -> None:
    sections = _read(kind).sections
    assert sections is not None and list(sections) == ["1", "2", "3", "4", "5", "6"]
    assert sections["6"] == "本年度未收取信息处理费。\n某某市数据局\n2024年1月20日"
    for number, text in sections.items():
        assert not [w for w in NAV_WORDS if w in text], (number, text)


@pytest.mark.parametrize("kind", ["txt", "html"])
def test_preamble_keeps_the_title_and_period_without_the_menus(kind: str) -> None:
    preamble = _read(kind).extra["preamble"]
    assert "统计期限自2023年1月1日起" in preamble
    assert "某某市数据局2023年政府信息公开工作年度报告" in preamble
    assert not [w for w in NAV_WORDS if w in preamble], preamble


@pytest.mark.parametrize("kind", ["txt", "html"])
def test_tables_are_read_as_without_navigation(kind: str) -> None:
    report = _read(kind)
    plain = extract_bytes(report_text(FACTS).encode("utf-8"), "r.txt").report
    assert report.table2 == plain.table2
    assert report.table3 == plain.table3
    assert report.table4 == plain.table4 == FACTS.table4


@pytest.mark.parametrize("separator", ["_", " - ", "|", "——"])
def test_the_page_title_without_the_site_name_is_the_title(separator: str) -> None:
    site = f"某某市数据局2023年政府信息公开工作年度报告{separator}某某市人民政府门户网站"
    page = _page_html().decode("utf-8")
    assert "<title>年报</title>" in page
    page = page.replace("<title>年报</title>", f"<title>{site}</title>")
    report = extract_bytes(page.encode("utf-8"), "page.html").report
    assert report.title == "某某市数据局2023年政府信息公开工作年度报告"
    assert report.agency == "某某市数据局"
