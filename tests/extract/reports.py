"""Small synthetic annual reports for extraction tests, built from the format data.

Every value is chosen by the caller, so a test states the facts it checks. ``report_html``
gives real <table>s (the grid path); ``report_text`` the same report as plain text with one
table cell per line (the text path).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from gongkai.formats import FORMAT_2021
from gongkai.formats.national import TABLE4

FMT = FORMAT_2021


@dataclass
class Facts:
    agency: str = "某某市数据局"
    year: int = 2023
    published: str = "2024年1月20日"
    new_received: int = 3  # all by natural persons, all granted
    carried_over: int = 0
    carried_forward: int = 0
    table4: list[int] = field(default_factory=lambda: [0] * TABLE4.size)

    def table2(self) -> dict[str, list[str]]:
        return {
            "regulations": ["0", "0", "2"],
            "normative_documents": ["1", "0", "5"],
            "licensing": ["12"],
            "penalty": ["3"],
            "coercion": ["0"],
            "fees": ["0"],
        }

    def table3(self) -> dict[str, list[int]]:
        rows = {row.key: [0] * 7 for row in FMT.table3.rows}
        person = [1, 0, 0, 0, 0, 0, 1]
        rows["new_received"] = [self.new_received * v for v in person]
        rows["carried_over"] = [self.carried_over * v for v in person]
        granted = self.new_received + self.carried_over - self.carried_forward
        rows["granted"] = [granted * v for v in person]
        rows["total"] = [granted * v for v in person]
        rows["carried_forward"] = [self.carried_forward * v for v in person]
        return rows


def _narrative(facts: Facts) -> list[str]:
    return [
        f"{facts.agency}{facts.year}年政府信息公开工作年度报告",
        f"本报告由{facts.agency}根据《中华人民共和国政府信息公开条例》编制。本报告中所列数据"
        f"统计期限自{facts.year}年1月1日起至{facts.year}年12月31日止。",
        "一、总体情况",
        f"{facts.year}年，{facts.agency}坚持以人民为中心，全面推进政务公开，主动公开政府信息，"
        f"依法办理政府信息公开申请，全年收到政府信息公开申请{facts.new_received}件。",
    ]


_CLOSING = [
    "五、存在的主要问题及改进情况",
    "政策解读形式还不够丰富。下一步将加强解读，提升公开质量。",
    "六、其他需要报告的事项",
    "本年度未收取信息处理费。",
]


def _td(text: object, extra: str = "") -> str:
    return f"<td{extra}>{text}</td>"


def report_html(facts: Facts | None = None) -> str:
    facts = facts or Facts()
    t2 = facts.table2()
    parts = [f"<p>{line}</p>" for line in _narrative(facts)]
    parts.append("<p>二、主动公开政府信息情况</p><table border='1'>")
    for row in FMT.table2.rows:
        headers = "".join(_td(c.label) for c in row.columns)
        parts.append(f"<tr>{_td('信息内容')}{headers}</tr>")
        parts.append(f"<tr>{_td(row.label)}{''.join(_td(v) for v in t2[row.key])}</tr>")
    parts.append("</table><p>三、收到和处理政府信息公开申请情况</p><table border='1'>")
    parts.append(
        "<tr><td rowspan='3' colspan='3'>（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）</td>"
        "<td colspan='7'>申请人情况</td></tr>"
        "<tr><td rowspan='2'>自然人</td><td colspan='5'>法人或其他组织</td><td rowspan='2'>总计</td></tr>"
        "<tr><td>商业企业</td><td>科研机构</td><td>社会公益组织</td><td>法律服务机构</td><td>其他</td></tr>"
    )
    for key, values in facts.table3().items():
        label = next(r.label for r in FMT.table3.rows if r.key == key)
        parts.append(f"<tr>{_td(label, ' colspan=3')}{''.join(_td(v) for v in values)}</tr>")
    parts.append("</table><p>四、政府信息公开行政复议、行政诉讼情况</p><table border='1'>")
    parts.append("<tr><td colspan='5'>行政复议</td><td colspan='10'>行政诉讼</td></tr>")
    parts.append(
        "<tr><td rowspan='2'>结果维持</td><td rowspan='2'>结果纠正</td><td rowspan='2'>其他结果</td>"
        "<td rowspan='2'>尚未审结</td><td rowspan='2'>总计</td>"
        "<td colspan='5'>未经复议直接起诉</td><td colspan='5'>复议后起诉</td></tr>"
    )
    columns = "".join(_td(c.label) for c in TABLE4.columns)
    parts.append(f"<tr>{columns}{columns}</tr>")
    parts.append(f"<tr>{''.join(_td(v) for v in facts.table4)}</tr></table>")
    parts += [f"<p>{line}</p>" for line in _CLOSING]
    parts.append(f"<p>{facts.agency}</p><p>{facts.published}</p>")
    return "<html><head><title>年报</title></head><body>" + "".join(parts) + "</body></html>"


def report_text(facts: Facts | None = None) -> str:
    """The same report as text: headings and narrative lines, one table cell per line."""
    facts = facts or Facts()
    t2 = facts.table2()
    lines = _narrative(facts)
    lines.append("二、主动公开政府信息情况")
    for row in FMT.table2.rows:
        lines += ["信息内容", *[c.label for c in row.columns], row.label, *t2[row.key]]
    lines.append("三、收到和处理政府信息公开申请情况")
    lines += ["申请人情况", "自然人", "法人或其他组织", "商业企业", "科研机构", "社会公益组织",
              "法律服务机构", "其他", "总计"]  # fmt: skip
    for key, values in facts.table3().items():
        label = next(r.label for r in FMT.table3.rows if r.key == key)
        lines += [label, *(str(v) for v in values)]
    lines.append("四、政府信息公开行政复议、行政诉讼情况")
    lines += ["行政复议", "行政诉讼", *[c.label for c in TABLE4.columns], "未经复议直接起诉",
              "复议后起诉"]  # fmt: skip
    lines += [str(v) for v in facts.table4]
    lines += [*_CLOSING, facts.agency, facts.published]
    return "\n".join(lines) + "\n"


def report_docx(facts: Facts | None = None) -> bytes:
    """The same report as a Word document with real (merged) Word tables."""
    import io

    import docx

    facts = facts or Facts()
    document = docx.Document()
    for line in _narrative(facts):
        document.add_paragraph(line)
    document.add_paragraph("二、主动公开政府信息情况")
    t2 = facts.table2()
    table = document.add_table(rows=0, cols=4)
    for row in FMT.table2.rows:
        for texts in (["信息内容", *[c.label for c in row.columns]], [row.label, *t2[row.key]]):
            cells = table.add_row().cells
            for i, text in enumerate(texts):
                cells[i].text = text
            if len(texts) < 4:  # the last text spans the rest of the row
                cells[len(texts) - 1].merge(cells[3])
    document.add_paragraph("三、收到和处理政府信息公开申请情况")
    t3 = document.add_table(rows=2, cols=8)
    t3.cell(0, 0).merge(
        t3.cell(1, 0)
    ).text = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"
    t3.cell(0, 1).merge(t3.cell(1, 1)).text = "自然人"
    t3.cell(0, 2).merge(t3.cell(0, 6)).text = "法人或其他组织"
    t3.cell(0, 7).merge(t3.cell(1, 7)).text = "总计"
    for i, label in enumerate(("商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他")):
        t3.cell(1, 2 + i).text = label
    for key, values in facts.table3().items():
        cells = t3.add_row().cells
        cells[0].text = next(r.label for r in FMT.table3.rows if r.key == key)
        for i, value in enumerate(values):
            cells[1 + i].text = str(value)
    document.add_paragraph("四、政府信息公开行政复议、行政诉讼情况")
    t4 = document.add_table(rows=3, cols=15)
    t4.cell(0, 0).merge(t4.cell(0, 4)).text = "行政复议"
    t4.cell(0, 5).merge(t4.cell(0, 14)).text = "行政诉讼"
    for i, column in enumerate(TABLE4.columns * 3):
        t4.cell(1, i).text = column.label
    for i, value in enumerate(facts.table4):
        t4.cell(2, i).text = str(value)
    for line in [*_CLOSING, facts.agency, facts.published]:
        document.add_paragraph(line)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()
