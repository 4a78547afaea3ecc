"""The items of 《条例》第二十条 an agency must disclose proactively, as data.

An agency's own 栏目 (columns of its disclosure site) hang under these categories.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Art20Item:
    key: str  # "01" … "15", the item's number
    number: str  # （一）
    label: str


ART20_ITEMS: tuple[Art20Item, ...] = tuple(
    Art20Item(f"{i:02d}", number, label)
    for i, (number, label) in enumerate(
        (
            ("（一）", "行政法规、规章和规范性文件"),
            ("（二）", "机关职能、机构设置、办公地址、办公时间、联系方式、负责人姓名"),
            ("（三）", "国民经济和社会发展规划、专项规划、区域规划及相关政策"),
            ("（四）", "国民经济和社会发展统计信息"),
            ("（五）", "办理行政许可和其他对外管理服务事项的依据、条件、程序以及办理结果"),
            (
                "（六）",
                "实施行政处罚、行政强制的依据、条件、程序以及本行政机关认为具有一定社会影响的行政处罚决定",
            ),
            ("（七）", "财政预算、决算信息"),
            ("（八）", "行政事业性收费项目及其依据、标准"),
            ("（九）", "政府集中采购项目的目录、标准、实施情况"),
            ("（十）", "重大建设项目的批准和实施情况"),
            ("（十一）", "扶贫、教育、医疗、社会保障、促进就业等方面的政策、措施及其实施情况"),
            ("（十二）", "突发公共事件的应急预案、预警信息及应对情况"),
            ("（十三）", "环境保护、公共卫生、安全生产、食品药品、产品质量的监督检查情况"),
            ("（十四）", "公务员招考的职位、名额、报考条件等事项以及录用结果"),
            ("（十五）", "法律、法规、规章和国家有关规定规定应当主动公开的其他政府信息"),
        ),
        start=1,
    )
)
ART20_BY_KEY = {item.key: item for item in ART20_ITEMS}
CATEGORY_CHOICES = [(item.key, f"第二十条第{item.number}项 {item.label}") for item in ART20_ITEMS]
# Art. 26: published within 20 working days of being formed or changed.
PUBLICATION_WORKDAYS = 20
