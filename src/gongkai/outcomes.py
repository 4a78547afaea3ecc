"""The outcomes of a disclosure application: the leaves of table 3, as data (spec §4).

Each concluded case records exactly one outcome, keyed by its canonical table-3 row key.
Labels come from the national formats; this module adds what the law attaches to each
leaf: its legal basis, the reply letter it calls for, and the policy notes staff see.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from gongkai.formats import FORMAT_2019, FORMAT_2021, Format, Row

REGULATION = "《中华人民共和国政府信息公开条例》"
FEE_MEASURES = "《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）"


class OutcomeGroup(StrEnum):
    """The table-3 group an outcome belongs to (its caption, without the numbering)."""

    GRANTED = "公开"
    PARTIAL = "部分公开"
    DENIED = "不予公开"
    UNABLE = "无法提供"
    NOT_PROCESSED = "不予处理"
    OTHER = "其他处理"


# Reply letter types (keys of ``gongkai.letters.LETTER_TYPES``).
REPLY_GRANTED = "reply_granted"
REPLY_PARTIAL = "reply_partial"
REPLY_DENIED = "reply_denied"
REPLY_INQUIRY = "reply_inquiry"
REPLY_UNABLE = "reply_unable"
REPLY_NOT_PROCESSED = "reply_not_processed"
REPLY_REPEATED = "reply_repeated"
REPLY_OTHER = "reply_other"


@dataclass(frozen=True)
class Outcome:
    key: str  # canonical table-3 row key
    label: str  # the row label of the national format, verbatim
    group: OutcomeGroup
    articles: tuple[str, ...]  # articles of the Regulation, e.g. "第三十六条第（二）项"
    other_basis: tuple[str, ...]  # other instruments, cited in full
    explanation: str  # short basis explanation (what the agency found)
    decision: str  # what the agency decides, as said in the reply letter
    letter_type: str
    deemed_withdrawal: bool = False  # the applicant is deemed to have withdrawn
    notes: tuple[str, ...] = ()  # policy notes from the spec, shown to staff
    formats: tuple[str, ...] = ()  # format ids whose table 3 has this row
    # what the agency found, said of a part ("该部分信息…"): the reason a 部分公开 letter
    # gives for its withheld part (不予公开 rows only)
    finding: str = ""

    @property
    def basis(self) -> str:
        """The legal basis as cited in a letter; empty when no provision applies."""
        parts = []
        if self.articles:
            parts.append(REGULATION + "、".join(self.articles))
        parts.extend(self.other_basis)
        return "和".join(parts)


class UnknownOutcomeError(ValueError):
    pass


# key: (group, articles, other basis, explanation, decision, letter type, withdrawn, notes)
_Spec = tuple[OutcomeGroup, tuple[str, ...], tuple[str, ...], str, str, str, bool, tuple[str, ...]]

_G = OutcomeGroup
_ART14 = ("第十四条",)
_SPECS: dict[str, _Spec] = {
    "granted": (
        _G.GRANTED,
        ("第三十六条第（一）项", "第三十六条第（二）项"),
        (),
        "经审查，您申请获取的政府信息属于公开范围。",
        "本机关决定予以公开。",
        REPLY_GRANTED,
        False,
        ("已经主动公开的信息（第三十六条第（一）项）告知获取的方式和途径，按政策计入本项。",),
    ),
    "partial": (
        _G.PARTIAL,
        ("第三十七条",),
        (),
        "经审查，您申请获取的政府信息中含有不应当公开或者不属于政府信息的内容，但能够作区分处理。",
        "本机关决定向您提供可以公开的部分，并对不予公开的内容说明理由。",
        REPLY_PARTIAL,
        False,
        ("区分处理的只计入本项，不再计入其他情形。",),
    ),
    "denied_1": (
        _G.DENIED,
        _ART14,
        (),
        "经审查，您申请获取的政府信息属于国家秘密。",
        "本机关决定不予公开。",
        REPLY_DENIED,
        False,
        (),
    ),
    "denied_2": (
        _G.DENIED,
        _ART14,
        (),
        "经审查，您申请获取的政府信息属于法律、行政法规禁止公开的信息。",
        "本机关决定不予公开。",
        REPLY_DENIED,
        False,
        (),
    ),
    "denied_3": (
        _G.DENIED,
        _ART14,
        (),
        "经审查，您申请获取的政府信息公开后可能危及国家安全、公共安全、经济安全、社会稳定。",
        "本机关决定不予公开。",
        REPLY_DENIED,
        False,
        (),
    ),
    "denied_4": (
        _G.DENIED,
        ("第十五条", "第三十二条"),
        (),
        "经审查，您申请获取的政府信息涉及商业秘密、个人隐私等公开会对第三方合法权益造成损害的内容，"
        "第三方不同意公开。",
        "本机关决定不予公开。",
        REPLY_DENIED,
        False,
        ("第三方同意公开或者不公开会对公共利益造成重大影响的，可以予以公开。",),
    ),
    "denied_5": (
        _G.DENIED,
        ("第十六条第一款",),
        (),
        "经审查，您申请获取的政府信息属于人事管理、后勤管理、内部工作流程等方面的内部事务信息。",
        "本机关决定不予公开。",
        REPLY_DENIED,
        False,
        (),
    ),
    "denied_6": (
        _G.DENIED,
        ("第十六条第二款",),
        (),
        "经审查，您申请获取的政府信息属于行政机关在履行行政管理职能过程中形成的讨论记录、过程稿、"
        "磋商信函、请示报告等过程性信息。",
        "本机关决定不予公开。",
        REPLY_DENIED,
        False,
        (),
    ),
    "denied_7": (
        _G.DENIED,
        ("第十六条第二款",),
        (),
        "经审查，您申请获取的政府信息属于行政执法案卷信息。",
        "本机关决定不予公开。",
        REPLY_DENIED,
        False,
        (),
    ),
    "denied_8": (
        _G.DENIED,
        ("第三十六条第（七）项",),
        (),
        "经审查，您申请获取的信息，法律、行政法规对其获取有特别规定。",
        "请您依照有关法律、行政法规的规定办理。",
        REPLY_INQUIRY,
        False,
        ("如工商登记、不动产登记等行政查询事项，告知申请人通过相应查询渠道办理。",),
    ),
    "unable_1": (
        _G.UNABLE,
        ("第三十六条第（四）项", "第三十六条第（五）项"),
        (),
        "经检索，本机关没有制作或者获取您申请获取的政府信息，该政府信息不存在。",
        "本机关无法向您提供。",
        REPLY_UNABLE,
        False,
        (
            "不属于本机关负责公开（第三十六条第（五）项）的，按政策计入本项；"
            "能够确定负责公开的行政机关的，应当告知其名称和联系方式。",
        ),
    ),
    "unable_2": (
        _G.UNABLE,
        ("第三十八条",),
        (),
        "经审查，您申请获取的信息没有现成的政府信息，需要本机关对现有政府信息进行加工、分析或者另行制作。",
        "本机关不予提供。",
        REPLY_UNABLE,
        False,
        (),
    ),
    "unable_3": (
        _G.UNABLE,
        ("第三十条",),
        (),
        "经审查，您补正后的申请内容仍不明确，本机关无法确定您所需的政府信息。",
        "本机关无法向您提供。",
        REPLY_UNABLE,
        False,
        (),
    ),
    "not_processed_1": (
        _G.NOT_PROCESSED,
        ("第三十九条第一款",),
        (),
        "经审查，您以政府信息公开申请的形式进行信访、投诉、举报等活动。",
        "本机关不作为政府信息公开申请处理，您可以通过相应渠道提出。",
        REPLY_NOT_PROCESSED,
        False,
        (),
    ),
    "not_processed_2": (
        _G.NOT_PROCESSED,
        ("第三十六条第（六）项",),
        (),
        "经审查，本机关已就您提出的政府信息公开申请作出答复，您重复申请公开相同的政府信息。",
        "本机关不予重复处理。",
        REPLY_REPEATED,
        False,
        (),
    ),
    "not_processed_3": (
        _G.NOT_PROCESSED,
        ("第三十九条第二款",),
        (),
        "经审查，您申请的内容为要求提供政府公报、报刊、书籍等公开出版物。",
        "本机关不作为政府信息公开申请处理，现告知您获取该公开出版物的途径。",
        REPLY_NOT_PROCESSED,
        False,
        (),
    ),
    "not_processed_4": (
        _G.NOT_PROCESSED,
        ("第三十五条",),
        (),
        "经审查，您申请公开政府信息的数量、频次明显超过合理范围，且说明的理由不合理。",
        "本机关不予处理。",
        REPLY_NOT_PROCESSED,
        False,
        ("理由合理但无法在法定期限内答复的，不属于本项：确定延迟答复的合理期限并告知申请人。",),
    ),
    "not_processed_5": (
        _G.NOT_PROCESSED,
        ("第二条",),
        (),
        "经审查，您申请的内容为要求本机关确认或者重新出具已获取的信息，不属于获取政府信息的申请。",
        "本机关不作为政府信息公开申请处理。",
        REPLY_NOT_PROCESSED,
        False,
        ("条例对此无专门条款；按政策援引第二条（政府信息的定义），可在模板中修改。",),
    ),
    "other_1": (
        _G.OTHER,
        ("第三十条",),
        (),
        "本机关已告知您补正申请，您无正当理由逾期未补正，视为放弃申请。",
        "本机关不再处理该政府信息公开申请。",
        REPLY_OTHER,
        True,
        (),
    ),
    "other_2": (
        _G.OTHER,
        ("第四十二条",),
        (FEE_MEASURES,),
        "本机关已向您发出收费通知，您逾期未按通知要求缴纳费用，视为放弃申请。",
        "本机关不再处理该政府信息公开申请。",
        REPLY_OTHER,
        True,
        (),
    ),
    "other_3": (
        _G.OTHER,
        (),
        (),
        "",
        "",
        REPLY_OTHER,
        False,
        ("其他处理须在告知书中写明具体情况和依据（答复说明字段）。",),
    ),
    "other": (  # the 2019 format's single 其他处理 row
        _G.OTHER,
        (),
        (),
        "",
        "",
        REPLY_OTHER,
        False,
        ("2019 年格式只有一行“其他处理”；新案件请使用 2021 年格式的 other_1—other_3。",),
    ),
}


# The findings of the 不予公开 rows, as said of the withheld part of a 部分公开 reply.
_FINDINGS: dict[str, str] = {
    "denied_1": "属于国家秘密",
    "denied_2": "属于法律、行政法规禁止公开的信息",
    "denied_3": "公开后可能危及国家安全、公共安全、经济安全、社会稳定",
    "denied_4": "涉及商业秘密、个人隐私等公开会对第三方合法权益造成损害的内容，第三方不同意公开",
    "denied_5": "属于人事管理、后勤管理、内部工作流程等方面的内部事务信息",
    "denied_6": "属于行政机关在履行行政管理职能过程中形成的讨论记录、过程稿、磋商信函、请示报告等"
    "过程性信息",
    "denied_7": "属于行政执法案卷信息",
}


def _format_rows() -> dict[str, tuple[Row, tuple[str, ...]]]:
    """Each outcome row with the ids of the formats that have it (newest format's label)."""
    found: dict[str, tuple[Row, tuple[str, ...]]] = {}
    formats: tuple[Format, ...] = (FORMAT_2021, FORMAT_2019)
    for fmt in formats:
        rows = {row.key: row for row in fmt.table3.rows}
        for key in fmt.table3.outcome_rows:
            row, ids = found.get(key, (rows[key], ()))
            found[key] = (row, (*ids, fmt.id))
    return found


def _build() -> dict[str, Outcome]:
    outcomes = {}
    for key, (row, format_ids) in _format_rows().items():
        group, articles, other, explanation, decision, letter, withdrawn, notes = _SPECS[key]
        outcomes[key] = Outcome(
            key=key,
            label=row.label,
            group=group,
            articles=articles,
            other_basis=other,
            explanation=explanation,
            decision=decision,
            letter_type=letter,
            deemed_withdrawal=withdrawn,
            notes=notes,
            formats=format_ids,
            finding=_FINDINGS.get(key, ""),
        )
    return outcomes


OUTCOMES: dict[str, Outcome] = _build()

# Outcomes a new case may record (the current format's leaves).
CURRENT_OUTCOMES: tuple[str, ...] = FORMAT_2021.table3.outcome_rows


def outcome(key: str) -> Outcome:
    """The outcome for a table-3 row key, or a clear error naming the known keys."""
    try:
        return OUTCOMES[key]
    except KeyError:
        known = "、".join(OUTCOMES)
        raise UnknownOutcomeError(f"未知的办理结果 {key!r}（可用：{known}）") from None


def outcome_label(key: str) -> str:
    """A row as the pages name it: its group and label (``公开·（一）予以公开``)."""
    found = outcome(key)
    return f"{found.group}·{found.label}"


__all__ = [
    "CURRENT_OUTCOMES",
    "FEE_MEASURES",
    "OUTCOMES",
    "REGULATION",
    "Outcome",
    "OutcomeGroup",
    "UnknownOutcomeError",
    "outcome",
    "outcome_label",
]
