"""Demo step: the fictional province 江淮省 with a city, three districts/counties and ~40
agencies of every kind. Names follow real naming conventions; the province does not exist."""

from __future__ import annotations

from dataclasses import dataclass

from gongkai.web.agencies import services
from gongkai.web.agencies.models import Agency
from gongkai.web.agencies.validators import credit_code_check_char
from gongkai.web.core.demo import DemoReport, demo_step


@dataclass(frozen=True)
class DemoAgency:
    key: str  # stable handle used by other demo steps
    name: str
    kind: str
    parent: str | None
    division: str  # 6-digit administrative division code (fictional)
    short_name: str = ""


_PROVINCE, _CITY = "990000", "990100"
_DONGHU, _XISHAN, _ANPING = "990102", "990103", "990121"
_G, _D, _Z, _T, _O = "government", "department", "development_zone", "township", "other"

DEMO_AGENCIES: tuple[DemoAgency, ...] = (
    DemoAgency("jh", "江淮省人民政府", _G, None, _PROVINCE, "省政府"),
    DemoAgency("jh-bgt", "江淮省人民政府办公厅", _D, "jh", _PROVINCE, "省政府办公厅"),
    DemoAgency("jh-jyt", "江淮省教育厅", _D, "jh", _PROVINCE, "省教育厅"),
    DemoAgency("jh-kjt", "江淮省科学技术厅", _D, "jh", _PROVINCE, "省科技厅"),
    DemoAgency("jh-gat", "江淮省公安厅", _D, "jh", _PROVINCE, "省公安厅"),
    DemoAgency("jh-czt", "江淮省财政厅", _D, "jh", _PROVINCE, "省财政厅"),
    DemoAgency("jh-zrzyt", "江淮省自然资源厅", _D, "jh", _PROVINCE, "省自然资源厅"),
    DemoAgency("jh-sthjt", "江淮省生态环境厅", _D, "jh", _PROVINCE, "省生态环境厅"),
    DemoAgency("jh-wjw", "江淮省卫生健康委员会", _D, "jh", _PROVINCE, "省卫生健康委"),
    DemoAgency("jh-scjgj", "江淮省市场监督管理局", _D, "jh", _PROVINCE, "省市场监管局"),
    DemoAgency("jh-ggzy", "江淮省公共资源交易中心", _O, "jh", _PROVINCE),
    DemoAgency("lc", "临川市人民政府", _G, "jh", _CITY, "临川市政府"),
    DemoAgency("lc-bgs", "临川市人民政府办公室", _D, "lc", _CITY, "市政府办公室"),
    DemoAgency("lc-jyj", "临川市教育局", _D, "lc", _CITY, "市教育局"),
    DemoAgency("lc-gaj", "临川市公安局", _D, "lc", _CITY, "市公安局"),
    DemoAgency("lc-czj", "临川市财政局", _D, "lc", _CITY, "市财政局"),
    DemoAgency("lc-zrzyj", "临川市自然资源和规划局", _D, "lc", _CITY, "市自然资源和规划局"),
    DemoAgency("lc-zjj", "临川市住房和城乡建设局", _D, "lc", _CITY, "市住建局"),
    DemoAgency("lc-wjw", "临川市卫生健康委员会", _D, "lc", _CITY, "市卫生健康委"),
    DemoAgency("lc-scjgj", "临川市市场监督管理局", _D, "lc", _CITY, "市市场监管局"),
    DemoAgency("lc-gjj", "临川市住房公积金管理中心", _O, "lc", _CITY),
    DemoAgency("lc-gxq", "临川高新技术产业开发区管理委员会", _Z, "lc", _CITY, "临川高新区管委会"),
    DemoAgency("lc-jkq", "临川经济技术开发区管理委员会", _Z, "lc", _CITY, "临川经开区管委会"),
    DemoAgency("dh", "临川市东湖区人民政府", _G, "lc", _DONGHU, "东湖区政府"),
    DemoAgency("dh-bgs", "临川市东湖区人民政府办公室", _D, "dh", _DONGHU, "东湖区政府办"),
    DemoAgency("dh-jyj", "临川市东湖区教育局", _D, "dh", _DONGHU, "东湖区教育局"),
    DemoAgency("dh-scjgj", "临川市东湖区市场监督管理局", _D, "dh", _DONGHU, "东湖区市场监管局"),
    DemoAgency("dh-wjw", "临川市东湖区卫生健康委员会", _D, "dh", _DONGHU, "东湖区卫生健康委"),
    DemoAgency("dh-hbjd", "临川市东湖区湖滨街道办事处", _T, "dh", _DONGHU, "湖滨街道"),
    DemoAgency("dh-xyjd", "临川市东湖区杏园街道办事处", _T, "dh", _DONGHU, "杏园街道"),
    DemoAgency("xs", "临川市西山区人民政府", _G, "lc", _XISHAN, "西山区政府"),
    DemoAgency("xs-bgs", "临川市西山区人民政府办公室", _D, "xs", _XISHAN, "西山区政府办"),
    DemoAgency("xs-zjj", "临川市西山区住房和城乡建设局", _D, "xs", _XISHAN, "西山区住建局"),
    DemoAgency("xs-qsz", "临川市西山区青石镇人民政府", _T, "xs", _XISHAN, "青石镇"),
    DemoAgency("xs-bsx", "临川市西山区白沙乡人民政府", _T, "xs", _XISHAN, "白沙乡"),
    DemoAgency("ap", "安平县人民政府", _G, "lc", _ANPING, "安平县政府"),
    DemoAgency("ap-bgs", "安平县人民政府办公室", _D, "ap", _ANPING, "安平县政府办"),
    DemoAgency("ap-jyj", "安平县教育局", _D, "ap", _ANPING, "安平县教育局"),
    DemoAgency("ap-cgz", "安平县城关镇人民政府", _T, "ap", _ANPING, "城关镇"),
)

_PLACES = {
    _PROVINCE: "临川市政务区",  # the provincial capital
    _CITY: "临川市",
    _DONGHU: "临川市东湖区",
    _XISHAN: "临川市西山区",
    _ANPING: "安平县",
}
_STREETS = ("政务路", "人民路", "府前街", "建设大道", "文昌路", "湖滨路", "解放路", "中山路")


def demo_credit_code(index: int, demo: DemoAgency) -> str:
    # 1 = 机构编制 registration; 1 = 机关, 2 = 事业单位 (the "other" bodies here).
    category = "2" if demo.kind == _O else "1"
    first17 = f"1{category}{demo.division}MB{index:07d}"
    return first17 + credit_code_check_char(first17)


def _contact(index: int, demo: DemoAgency) -> dict[str, str]:
    area = {"990000": "0551", "990100": "0552"}.get(demo.division, "0553")
    return {
        "office_name": "办公室（政务公开科）" if demo.kind != _T else "党政办公室",
        "office_address": f"{_PLACES[demo.division]}{_STREETS[index % len(_STREETS)]}{18 + index * 3}号",
        "office_postcode": f"{demo.division[:4]}{index % 100:02d}",
        "office_phone": f"{area}-{6200_0000 + index * 1013}",
        "office_email": f"gk{index:03d}@{demo.key.split('-')[0]}.example.gov.cn",
        "office_hours": "工作日 8:30—12:00，14:30—17:30",
    }


def agencies_by_key() -> dict[str, Agency]:
    """The demo agencies created by :func:`province`, by their stable key."""
    by_name = {a.name: a for a in Agency.objects.filter(name__in=[d.name for d in DEMO_AGENCIES])}
    return {d.key: by_name[d.name] for d in DEMO_AGENCIES if d.name in by_name}


@demo_step(order=10, title="江淮省机关")
def province(report: DemoReport) -> None:
    created: dict[str, Agency] = {}
    new = 0
    for index, demo in enumerate(DEMO_AGENCIES, start=1):
        parent = created[demo.parent] if demo.parent else None
        agency = Agency.objects.filter(parent=parent, name=demo.name).first()
        if agency is None:
            agency = services.create_agency(
                name=demo.name,
                kind=demo.kind,
                parent=parent,
                short_name=demo.short_name,
                credit_code=demo_credit_code(index, demo),
                **_contact(index, demo),
            )
            new += 1
        created[demo.key] = agency
    report.note(f"机关：{len(created)} 个（本次新建 {new} 个）")
