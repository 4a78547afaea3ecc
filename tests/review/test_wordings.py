"""R1: the wording table, with the contexts where a wording is right."""

from gongkai.review import review_text
from gongkai.review.wordings import wordings
from gongkai.rules import Severity


def r1(text):
    return [(f.matched, f.suggestion, f.severity) for f in review_text(text, rules=("R1",))]


def test_every_wording_cites_a_source():
    assert all(w.source and w.right and w.wrong != w.right for w in wordings())


def test_typo_found_with_fix_and_location():
    (finding,) = review_text("第一行\n通过政府网站发布信心120条。", rules=("R1",))
    assert (finding.matched, finding.suggestion, finding.line) == ("发布信心", "发布信息", 2)
    assert finding.severity is Severity.ERROR
    assert finding.start == 10 and finding.basis


def test_outdated_body_name_but_not_former_or_departments():
    assert r1("报送国土资源部。") == [("国土资源部", "自然资源部", Severity.WARNING)]
    assert r1("原国土资源部印发的文件；农业部门和环境保护部门。") == []


def test_longest_wording_wins():
    assert r1("国家卫生和计划生育委员会") == [
        ("国家卫生和计划生育委员会", "国家卫生健康委员会", Severity.WARNING)
    ]


def test_context_bound_wordings():
    assert r1("截止目前，共办理") == [("截止", "截至", Severity.WARNING)]
    assert r1("申请截止日期为3月31日；截止到2023年底") == []
    assert r1("依据国务院令第492号") != []
    assert r1("国务院令第492号公布、第711号修订") == []
