"""review_text / review_report: R3 suspected typos, R4 text against the tables, ordering."""

from gongkai.review import review_report, review_text
from gongkai.rules import Severity

from ..rules.builders import report
from .fakes import fake_id


def test_confusable_turning_a_non_word_into_a_word():
    found = [(f.matched, f.suggestion) for f in review_text("认真部暑工作，按装设备。", ("R3",))]
    assert found == [("部暑", "部署"), ("按装", "安装")]


def test_real_words_are_not_flagged_as_typos():
    text = "全部暑期值班；即使如此；加强制度建设，推进政务公开标准化规范化。"
    assert review_text(text, ("R3",)) == []


def test_an_identity_number_is_not_also_a_card_or_a_phone():
    (finding,) = review_text(f"号码{fake_id('13010219800101123')}")
    assert finding.kind == "身份证号"


def test_consistent_report_has_no_findings():
    assert review_report(report()) == []


def test_report_figure_contradicting_the_table_is_located_in_its_section():
    r = report()
    r.sections["3"] = "全年共收到政府信息公开申请5件。"
    (finding,) = review_report(r)
    assert (finding.rule, finding.section, finding.matched, finding.suggestion) == (
        "R4",
        "3",
        "5",
        "3",
    )
    assert finding.severity is Severity.WARNING  # as rule D1 says
    assert r.sections["3"][finding.start : finding.end] == "5"


def test_report_sections_reviewed_with_their_section():
    r = report()
    r.sections["1"] += "联系人：李四，手机13800001111。"
    found = {(f.section, f.kind) for f in review_report(r)}
    assert ("1", "手机号") in found and ("1", "姓名") in found
