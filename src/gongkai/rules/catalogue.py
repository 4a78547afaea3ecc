"""The rules of spec §7 as data: id, group and what each one asks."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class RuleInfo:
    id: str
    group: str
    title: str


_GROUPS = {
    "A": "表内勾稽",
    "B": "表内数值",
    "C": "跨年度衔接",
    "D": "正文与表格",
    "E": "形式与完整性",
    "F": "跨文件核对",
    "P": "文字表述（可按项目关闭）",
}

RULES: dict[str, RuleInfo] = {
    info.id: info
    for info in (
        RuleInfo("A1", _GROUPS["A"], "表3各列：本年新收＋上年结转＝办理结果总计＋结转下年度"),
        RuleInfo("B1", _GROUPS["B"], "表3各列：（七）总计＝各项办理结果之和"),
        RuleInfo("B2", _GROUPS["B"], "表3各行：总计列＝六类申请人之和"),
        RuleInfo("B3", _GROUPS["B"], "表4各类：总计＝结果维持＋结果纠正＋其他结果＋尚未审结"),
        RuleInfo("B4", _GROUPS["B"], "各单元格为非负整数（金额可为小数，2019年格式增/减可为负数）"),
        RuleInfo("C1", _GROUPS["C"], "本年“上年结转”＝上年“结转下年度继续办理”"),
        RuleInfo("C2", _GROUPS["C"], "现行有效件数＝上年现行有效＋本年制发－本年废止"),
        RuleInfo("C3", _GROUPS["C"], "上年尚未审结的复议、诉讼案件本年应审结"),
        RuleInfo("D1", _GROUPS["D"], "正文引用的数字与表格一致"),
        RuleInfo("D2", _GROUPS["D"], "有逾期未缴费情形时，第六部分应说明信息处理费"),
        RuleInfo("D3", _GROUPS["D"], "标题、正文与数据的报告年度一致"),
        RuleInfo("D4", _GROUPS["D"], "表格格式与报告年度相符"),
        RuleInfo("E1", _GROUPS["E"], "按规定时限公开年度报告"),
        RuleInfo("E2", _GROUPS["E"], "六个部分齐全有序，表格行列完整，标签规范"),
        RuleInfo("E3", _GROUPS["E"], "总体情况聚焦政务公开工作，不宜泛化"),
        RuleInfo("E4", _GROUPS["E"], "与本机关上年报告内容不雷同"),
        RuleInfo("E5", _GROUPS["E"], "“存在的主要问题及改进情况”不为空"),
        RuleInfo("E6", _GROUPS["E"], "统计数据以表格形式公开"),
        RuleInfo(
            "E7",
            _GROUPS["E"],
            "无未填写的模板文字（“（请填写）”“【待补充】”“XX”“×××”“此处填写”等）",
        ),
        RuleInfo(
            "F1", _GROUPS["F"], "汇总报告各可加总单元格＝下级报告之和（区域汇总、政府与部门）"
        ),
        RuleInfo("F2", _GROUPS["F"], "逐年衔接（C1、C2）覆盖全部年度，缺少的年度予以提示"),
        RuleInfo(
            "P1", _GROUPS["P"], "正文小标题序号连续：（一）（二）、一是二是、1. 2. 不跳号、不重复"
        ),
        RuleInfo("P2", _GROUPS["P"], "正文无误重复的字词（如“资金资金”“的的”）"),
        RuleInfo("P3", _GROUPS["P"], "正文句子完整：不以“和”“以及”等结束，各部分有句末标点"),
        RuleInfo("P4", _GROUPS["P"], "正文中结转、予以公开、制发规范性文件等件数与表格一致"),
    )
}
