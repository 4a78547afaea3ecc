"""The two national formats, verbatim (国办公开办函〔2019〕60号 and 〔2021〕30号).

This module is the only place that knows labels, keys and layout of the annual report.
"""

from __future__ import annotations

from gongkai.formats.spec import (
    Block,
    CellKind,
    Column,
    Format,
    Group,
    Row,
    Section,
    Table2,
    Table3,
    Table4,
)

SECTIONS = (
    Section("1", "一、总体情况", ("一、基本情况",)),
    Section("2", "二、主动公开政府信息情况", ("二、主动公开政府信息的情况",)),
    Section(
        "3",
        "三、收到和处理政府信息公开申请情况",
        ("三、收到和处理政府信息公开申请的情况", "三、收到和处理政府信息公开申请"),
    ),
    Section(
        "4",
        "四、政府信息公开行政复议、行政诉讼情况",
        (
            "四、政府信息公开行政复议、诉讼情况",
            "四、政府信息公开行政复议、行政诉讼的情况",
            "四、因政府信息公开工作被申请行政复议、提起行政诉讼情况",
            "四、因政府信息公开工作被申请行政复议、提起行政诉讼的情况",
        ),
    ),
    Section(
        "5",
        "五、存在的主要问题及改进情况",
        (
            "五、政府信息公开工作存在的主要问题及改进情况",
            "五、政府信息公开工作存在的问题及改进情况",
            "五、工作中存在的主要问题及改进情况",
            "五、存在的主要问题和改进情况",
            "五、存在的主要问题及改进措施",
            "五、存在的问题及改进情况",
            "五、存在的问题和改进情况",
            "五、存在的问题及改进措施",
            "五、存在问题及改进情况",
            "五、存在问题和改进情况",
            "五、主要问题及改进情况",
        ),
    ),
    Section(
        "6",
        "六、其他需要报告的事项",
        (
            "六、其他需要报告的事项情况",
            "六、其它需要报告的事项",
            "六、其他需要报告事项",
            "六、其他需报告的事项",
            "六、其他事项",
        ),
    ),
)

TABLE_TITLES = {
    "table2": "主动公开政府信息情况",
    "table3": "收到和处理政府信息公开申请情况",
    "table4": "政府信息公开行政复议、行政诉讼情况",
}

# --- table 2 -------------------------------------------------------------------------


def _cols(kind_by_label: tuple[tuple[str, str, CellKind], ...]) -> tuple[Column, ...]:
    return tuple(Column(key, label, kind) for key, label, kind in kind_by_label)


_C = CellKind.COUNT
_S = CellKind.SIGNED
_A = CellKind.AMOUNT

_T2_2021_DOCS = _cols(
    (
        ("issued", "本年制发件数", _C),
        ("repealed", "本年废止件数", _C),
        ("in_force", "现行有效件数", _C),
    )
)
_T2_2021_DECISIONS = _cols((("decisions", "本年处理决定数量", _C),))
_T2_2021_FEES = _cols((("amount", "本年收费金额（单位：万元）", _A),))

TABLE2_2021 = Table2(
    groups=(
        Group(
            "第二十条第（一）项",
            _T2_2021_DOCS,
            (
                Row("regulations", "规章", _T2_2021_DOCS),
                Row("normative_documents", "行政规范性文件", _T2_2021_DOCS, ("规范性文件",)),
            ),
        ),
        Group(
            "第二十条第（五）项",
            _T2_2021_DECISIONS,
            (Row("licensing", "行政许可", _T2_2021_DECISIONS),),
        ),
        Group(
            "第二十条第（六）项",
            _T2_2021_DECISIONS,
            (
                Row("penalty", "行政处罚", _T2_2021_DECISIONS),
                Row("coercion", "行政强制", _T2_2021_DECISIONS),
            ),
        ),
        Group("第二十条第（八）项", _T2_2021_FEES, (Row("fees", "行政事业性收费", _T2_2021_FEES),)),
    )
)

_T2_2019_DOCS = _cols(
    (
        ("made", "本年新制作数量", _C),
        ("published", "本年新公开数量", _C),
        ("total", "对外公开总数量", _C),
    )
)
_T2_2019_ITEMS = _cols(
    (
        ("previous", "上一年项目数量", _C),
        ("change", "本年增/减", _S),
        ("decisions", "处理决定数量", _C),
    )
)
_T2_2019_FEES = _cols((("previous", "上一年项目数量", _C), ("change", "本年增/减", _S)))
_T2_2019_PROCUREMENT = _cols((("projects", "采购项目数量", _C), ("amount", "采购总金额", _A)))

TABLE2_2019 = Table2(
    groups=(
        Group(
            "第二十条第（一）项",
            _T2_2019_DOCS,
            (
                Row("regulations", "规章", _T2_2019_DOCS),
                Row("normative_documents", "规范性文件", _T2_2019_DOCS, ("行政规范性文件",)),
            ),
        ),
        Group(
            "第二十条第（五）项",
            _T2_2019_ITEMS,
            (
                Row("licensing", "行政许可", _T2_2019_ITEMS),
                Row("other_services", "其他对外管理服务事项", _T2_2019_ITEMS),
            ),
        ),
        Group(
            "第二十条第（六）项",
            _T2_2019_ITEMS,
            (
                Row("penalty", "行政处罚", _T2_2019_ITEMS),
                Row("coercion", "行政强制", _T2_2019_ITEMS),
            ),
        ),
        Group("第二十条第（八）项", _T2_2019_FEES, (Row("fees", "行政事业性收费", _T2_2019_FEES),)),
        Group(
            "第二十条第（九）项",
            _T2_2019_PROCUREMENT,
            (Row("procurement", "政府集中采购", _T2_2019_PROCUREMENT),),
        ),
    )
)

# --- table 3 -------------------------------------------------------------------------

APPLICANT_COLUMNS = (
    Column("natural_person", "自然人"),
    Column("commercial", "商业企业"),
    Column("research", "科研机构"),
    Column("social", "社会公益组织"),
    Column("legal_service", "法律服务机构"),
    Column("other_org", "其他"),
    Column("total", "总计"),
)

_RESULTS = "三、本年度办理结果"
_DENIED = "（三）不予公开"
_UNABLE = "（四）无法提供"
_NOT_PROCESSED = "（五）不予处理"
_OTHER = "（六）其他处理"


def _r(key: str, label: str, *parents: str, aliases: tuple[str, ...] = ()) -> Row:
    return Row(key, label, aliases=aliases, parents=parents)


_T3_HEAD = (
    _r("new_received", "一、本年新收政府信息公开申请数量"),
    _r("carried_over", "二、上年结转政府信息公开申请数量"),
    _r("granted", "（一）予以公开", _RESULTS),
    _r(
        "partial",
        "（二）部分公开（区分处理的，只计这一情形，不计其他情形）",
        _RESULTS,
        aliases=("（二）部分公开",),
    ),
    _r("denied_1", "1.属于国家秘密", _RESULTS, _DENIED),
    _r("denied_2", "2.其他法律行政法规禁止公开", _RESULTS, _DENIED),
    _r("denied_3", "3.危及“三安全一稳定”", _RESULTS, _DENIED),
    _r("denied_4", "4.保护第三方合法权益", _RESULTS, _DENIED),
    _r("denied_5", "5.属于三类内部事务信息", _RESULTS, _DENIED),
    _r("denied_6", "6.属于四类过程性信息", _RESULTS, _DENIED),
    _r("denied_7", "7.属于行政执法案卷", _RESULTS, _DENIED),
    _r("denied_8", "8.属于行政查询事项", _RESULTS, _DENIED),
    _r("unable_1", "1.本机关不掌握相关政府信息", _RESULTS, _UNABLE),
    _r("unable_2", "2.没有现成信息需要另行制作", _RESULTS, _UNABLE),
    _r("unable_3", "3.补正后申请内容仍不明确", _RESULTS, _UNABLE),
    _r("not_processed_1", "1.信访举报投诉类申请", _RESULTS, _NOT_PROCESSED),
    _r("not_processed_2", "2.重复申请", _RESULTS, _NOT_PROCESSED),
    _r("not_processed_3", "3.要求提供公开出版物", _RESULTS, _NOT_PROCESSED),
    _r("not_processed_4", "4.无正当理由大量反复申请", _RESULTS, _NOT_PROCESSED),
    _r("not_processed_5", "5.要求行政机关确认或重新出具已获取信息", _RESULTS, _NOT_PROCESSED),
)
_T3_TAIL = (
    _r("total", "（七）总计", _RESULTS),
    _r("carried_forward", "四、结转下年度继续办理"),
)
OTHER_2021 = (
    _r(
        "other_1",
        "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
        _RESULTS,
        _OTHER,
    ),
    _r(
        "other_2",
        "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
        _RESULTS,
        _OTHER,
    ),
    _r("other_3", "3.其他", _RESULTS, _OTHER),
)
OTHER_2019 = (_r("other", "（六）其他处理", _RESULTS),)

_CORNER = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"


def _table3(other_rows: tuple[Row, ...]) -> Table3:
    rows = (*_T3_HEAD, *other_rows, *_T3_TAIL)
    outcomes = tuple(r.key for r in rows if r.parents and r.key != "total")
    return Table3(
        corner=_CORNER,
        super_header="申请人情况",
        org_header="法人或其他组织",
        columns=APPLICANT_COLUMNS,
        rows=rows,
        outcome_rows=outcomes,
        captions=(_RESULTS, _DENIED, _UNABLE, _NOT_PROCESSED, _OTHER),
    )


# --- table 4 -------------------------------------------------------------------------

TABLE4 = Table4(
    blocks=(
        Block("review", "行政复议", None),
        Block("direct_suit", "未经复议直接起诉", "行政诉讼"),
        Block("suit_after_review", "复议后起诉", "行政诉讼"),
    ),
    columns=(
        Column("upheld", "结果维持"),
        Column("corrected", "结果纠正"),
        Column("other", "其他结果"),
        Column("pending", "尚未审结"),
        Column("total", "总计"),
    ),
)

# --- the formats -----------------------------------------------------------------------

FORMAT_2019 = Format(
    id="2019",
    name="政府信息公开工作年度报告格式（试行）",
    document="国办公开办函〔2019〕60号",
    first_year=2019,
    last_year=2020,
    title_template="{agency}{year}年政府信息公开工作年度报告",
    sections=SECTIONS,
    table2=TABLE2_2019,
    table3=_table3(OTHER_2019),
    table4=TABLE4,
    table_titles=TABLE_TITLES,
)

FORMAT_2021 = Format(
    id="2021",
    name="政府信息公开工作年度报告格式",
    document="国办公开办函〔2021〕30号",
    first_year=2021,
    last_year=None,
    title_template="{agency}{year}年政府信息公开工作年度报告",
    sections=SECTIONS,
    table2=TABLE2_2021,
    table3=_table3(OTHER_2021),
    table4=TABLE4,
    table_titles=TABLE_TITLES,
)
