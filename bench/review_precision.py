"""Content review precision and recall on planted copies of the shared reports.

Each annual report under ``../shared/data`` (reports/ and seeds/, the .txt inputs) is read
as it is, then as a copy with errors and personal data planted at run time (seeded, nothing
written to disk): wrong wordings from the table (R1), fictional identity numbers with valid
GB 11643 check characters, mobiles, Luhn-valid bank card numbers, home addresses and the
names beside them (R2), confusable-character typos of words of the text (R3) and a changed
figure quoted in the text (R4). Planted negatives — what an agency legitimately publishes
(hotline 12345, its office phone, 原国土资源部, 农业部门) — are not labelled: any finding on
them is a false positive.

A finding is a true positive when its rule is the label's and its matched text is the planted
one; on the copies only findings absent from the unmodified report are counted. Findings on
the unmodified reports are false positives unless listed in ``KNOWN_TRUE`` (verified by
reading). Info-level findings (an office's fixed phone: a hint, not a claim of personal data)
are counted apart. Targets: precision and recall ≥ 0.9 for R1 and R2; the script exits 1
below them.

    .venv/bin/python bench/review_precision.py [DATA_DIR] [--seed N] [--verbose]
"""

from __future__ import annotations

import argparse
import os
import random
import re
import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from gongkai.extract import Extraction, iter_outcomes
from gongkai.review import ReviewFinding
from gongkai.review.confusables import CONFUSABLE, word_frequency
from gongkai.review.files import review_bytes
from gongkai.review.personal_data import id_check_char, luhn_valid
from gongkai.review.wordings import wordings
from gongkai.rules import Severity
from gongkai.rules.narrative import QUOTES

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_DATA = Path(os.environ.get("GONGKAI_SHARED_DATA", ROOT.parent / "shared" / "data"))
TARGET = 0.9
TARGETED_RULES = ("R1", "R2")

# Findings of the unmodified reports verified by reading them: real errors of the report.
KNOWN_TRUE = {
    ("seeds/000_e737371b60233594.txt", "R1", "发布信心"),  # “通过政府网站发布信心” for 发布信息
    ("seeds/003_efb1f7478a2eca1c.txt", "R1", "截止"),  # “截止目前” for 截至目前
}

# Fictional people: surnames and given names combined at random, never a real record.
_SURNAMES = "赵钱孙李周吴郑王冯陈褚卫蒋沈韩杨朱秦尤许何吕施张"
_GIVEN = ("晓明", "雨桐", "子涵", "建国", "丽华", "志强", "思远", "海燕", "文博", "嘉怡")
_PROVINCE_CODES = ("11", "13", "32", "34", "41", "44", "51", "61")
_CITIES = ("江淮市东城区", "临川市西湖区", "云岭县城关镇", "青河市南山区")
_ROADS = ("和平路", "解放大街", "建设巷", "文化路", "幸福小区")
NEGATIVES = (
    "群众可拨打12345政务服务便民热线咨询。",
    "本机关政务公开咨询电话：0311-87654321。",
    "原国土资源部印发的文件已按规定清理。",
    "农业部门和环境保护部门加强协作。",
    "全部暑期值班安排已公开。",
    "统一社会信用代码11130000000000000X，索引号000014349/2023-00012。",
    "办公地址：江淮市东城区和平路12号，邮编230001，服务热线400-123-4567。",
    "详见http://www.example.gov.cn/art/2023/12/31/art_1234567890123456.html。",
    "全年受理申请13912件，其中按期答复13800件；投诉电话12315。",
    "依据《中华人民共和国政府信息公开条例》（国务院令第711号）办理。",
    "经办人张三负责本栏目维护。",
)


@dataclass(frozen=True)
class Label:
    rule: str
    kind: str
    value: str


def fake_id(rng: random.Random) -> str:
    born = f"{rng.randint(1950, 2000)}{rng.randint(1, 12):02d}{rng.randint(1, 28):02d}"
    first17 = (
        f"{rng.choice(_PROVINCE_CODES)}{rng.randint(100, 9999):04d}{born}{rng.randint(0, 999):03d}"
    )
    return first17 + id_check_char(first17)


def fake_mobile(rng: random.Random) -> str:
    return f"1{rng.choice('356789')}{rng.randint(0, 999999999):09d}"


def fake_card(rng: random.Random) -> str:
    body = f"622{rng.randint(0, 10**14):015d}"
    return next(body + str(d) for d in range(10) if luhn_valid(body + str(d)))


def fake_name(rng: random.Random) -> str:
    return rng.choice(_SURNAMES) + rng.choice(_GIVEN)


def personal_sentences(rng: random.Random) -> list[tuple[str, list[Label]]]:
    """Sentences holding fictional personal data, each written one of several ways."""
    name, number, mobile, card = fake_name(rng), fake_id(rng), fake_mobile(rng), fake_card(rng)
    other, third = fake_name(rng), rng.choice(_SURNAMES)
    if rng.random() < 0.3:
        number = number.lower()  # a check character X written x
    phone = rng.choice(
        (
            mobile,
            f"{mobile[:3]} {mobile[3:7]} {mobile[7:]}",
            f"{mobile[:3]}-{mobile[3:7]}-{mobile[7:]}",
        )
    )
    grouped = rng.choice((" ", "-")).join(card[i : i + 4] for i in range(0, len(card), 4))
    address = (
        f"{rng.choice(_CITIES)}{rng.choice(_ROADS)}{rng.randint(1, 300)}号"
        f"{rng.randint(1, 30)}{rng.choice(('栋', '幢', '号楼'))}{rng.randint(1, 6)}单元"
        f"{rng.randint(101, 2802)}室"
    )
    lone = fake_mobile(rng)
    id_sentence = rng.choice(
        (
            (f"申请人{name}（身份证号{number}）申请公开有关信息。", name),
            (f"当事人：{name}，公民身份号码：{number}。", name),
            (f"经核对身份证{number}，材料齐全。", None),
            (f"申请人{name}的身份证号码为：{number}。", name),
        )
    )
    person = f"{third}{rng.choice(('先生', '女士'))}"
    phone_sentence = rng.choice(
        (
            (f"联系人：{other}，手机{phone}。", other),
            (f"{person}来电{phone}询问办理进度。", person),
            (f"{person}（电话{phone}）要求公开。", person),
        )
    )
    return [
        (
            id_sentence[0],
            [Label("R2", "身份证号", number)]
            + ([Label("R2", "姓名", id_sentence[1])] if id_sentence[1] else []),
        ),
        (
            phone_sentence[0],
            [Label("R2", "手机号", phone), Label("R2", "姓名", phone_sentence[1])],
        ),
        (f"信息处理费已退回至申请人银行卡号{card}。", [Label("R2", "银行卡号", card)]),
        (f"经核实，退款账户为{grouped}。", [Label("R2", "银行卡号", grouped)]),
        (
            rng.choice(
                (
                    f"答复书已邮寄至申请人家庭地址{address}。",
                    f"申请人住址：{address}。",
                    f"已送达{address}。",
                )
            ),
            [Label("R2", "住址", address)],
        ),
        (f"另有群众来电{lone}反映问题。", [Label("R2", "手机号", lone)]),
    ]


def wording_sentences(rng: random.Random) -> list[tuple[str, list[Label]]]:
    plain = [w for w in wordings() if w.after is None and not w.exempt_near]
    chosen = rng.sample(plain, 3)
    out = [(f"经核查，{w.wrong}相关工作已完成。", [Label("R1", w.kind, w.wrong)]) for w in chosen]
    out.append(("截止目前，各项工作有序推进。", [Label("R1", "不规范表述", "截止")]))
    return out


def plant_typos(text: str, rng: random.Random, count: int) -> tuple[str, list[Label]]:
    """Replace a few two-character words of narrative lines by a confusable non-word."""
    candidates: list[tuple[int, str]] = []
    for line in re.finditer(r"[^\n]*。[^\n]*", text):
        for m in re.finditer(r"[\u4e00-\u9fff]{2}", line.group(0)):
            word = m.group(0)
            for i, ch in enumerate(word):
                for other in CONFUSABLE.get(ch, ()):
                    typo = word[:i] + other + word[i + 1 :]
                    if word_frequency(word) >= 5000 and word_frequency(typo) == 0:
                        candidates.append((line.start() + m.start(), typo))
    labels: list[Label] = []
    used: list[int] = []
    for start, typo in rng.sample(candidates, min(count * 3, len(candidates))):
        if len(labels) == count or any(abs(start - u) < 6 for u in used):
            continue
        text = text[:start] + typo + text[start + 2 :]
        used.append(start)
        labels.append(Label("R3", "疑似错别字", typo))
    return text, labels


def plant_figure(text: str) -> tuple[str, list[Label]]:
    """Change the count of applications the text quotes (D1 compares it with table 3)."""
    match = QUOTES[0].pattern.search(text)
    if match is None:
        return text, []
    wrong = str(int(match.group(1)) + 7)
    text = text[: match.start(1)] + wrong + text[match.end(1) :]
    return text, [Label("R4", "数字不符", wrong)]


def insert_sentences(text: str, sentences: list[str], rng: random.Random) -> str:
    """Each sentence after a random full stop of a narrative line."""
    stops = [m.end() for m in re.finditer("。", text)]
    for sentence in sentences:
        if not stops:
            break
        at = rng.choice(stops)
        text = text[:at] + sentence + text[at:]
        stops = [s if s < at else s + len(sentence) for s in stops]
    return text


def plant(text: str, rng: random.Random) -> tuple[str, list[Label]]:
    text, labels = plant_figure(text)
    text, typo_labels = plant_typos(text, rng, 2)
    labels += typo_labels
    planted = personal_sentences(rng) + wording_sentences(rng)
    labels += [label for _, sentence_labels in planted for label in sentence_labels]
    text = insert_sentences(text, [s for s, _ in planted] + list(NEGATIVES), rng)
    return text, labels


def findings_of(text: str, name: str) -> list[ReviewFinding]:
    """What ``gongkai review`` reports for the file's bytes (the same entry point)."""
    return [f for doc in review_bytes(text.encode("utf-8"), name) for f in doc.findings]


def key(f: ReviewFinding) -> tuple[str, str]:
    return f.rule, f.matched


def matches(label: Label, finding: ReviewFinding) -> bool:
    return label.rule == finding.rule and label.value == finding.matched


@dataclass
class Tally:
    tp: Counter[str]
    fp: Counter[str]
    fn: Counter[str]
    info: int = 0


def evaluate(data: Path, seed: int, verbose: bool) -> Tally:
    tally = Tally(Counter(), Counter(), Counter())
    files = sorted([*data.glob("reports/*.txt"), *data.glob("seeds/*.txt")])
    for path in files:
        name = f"{path.parent.name}/{path.name}"
        text = path.read_text("utf-8")
        if not any(isinstance(o, Extraction) for o in iter_outcomes(text.encode("utf-8"), name)):
            continue  # not an annual report (seeds 003, 004 are notices)
        original = findings_of(text, name)
        for f in original:
            if f.severity is Severity.INFO:
                tally.info += 1
            elif (name, f.rule, f.matched) in KNOWN_TRUE:
                tally.tp[f.rule] += 1
            else:
                tally.fp[f.rule] += 1
                if verbose:
                    print(f"FP (original) {name} {f.rule} {f.kind} {f.matched!r}")
        rng = random.Random(f"{seed}:{name}")
        planted_text, labels = plant(text, rng)
        baseline = Counter(key(f) for f in original)
        new: list[ReviewFinding] = []
        for f in findings_of(planted_text, name):
            if baseline[key(f)] > 0:
                baseline[key(f)] -= 1
            else:
                new.append(f)
        open_labels = list(labels)
        for f in new:
            label = next((lab for lab in open_labels if matches(lab, f)), None)
            if label is not None:
                open_labels.remove(label)
                tally.tp[f.rule] += 1
            elif f.severity is Severity.INFO:
                tally.info += 1
            else:
                tally.fp[f.rule] += 1
                if verbose:
                    print(f"FP {name} {f.rule} {f.kind} {f.matched!r}")
        for label in open_labels:
            tally.fn[label.rule] += 1
            if verbose:
                print(f"FN {name} {label.rule} {label.kind} {label.value!r}")
    return tally


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data", nargs="?", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--seed", type=int, default=13)
    parser.add_argument("--verbose", action="store_true")
    args = parser.parse_args()
    if not args.data.is_dir():
        print(f"没有开发数据：{args.data}", file=sys.stderr)
        return 2
    tally = evaluate(args.data, args.seed, args.verbose)
    print(f"{'规则':<6}{'TP':>6}{'FP':>6}{'FN':>6}{'precision':>11}{'recall':>9}")
    failed = False
    for rule in ("R1", "R2", "R3", "R4"):
        tp, fp, fn = tally.tp[rule], tally.fp[rule], tally.fn[rule]
        precision = tp / (tp + fp) if tp + fp else 1.0
        recall = tp / (tp + fn) if tp + fn else 1.0
        target = rule in TARGETED_RULES
        failed |= target and (precision < TARGET or recall < TARGET)
        mark = f"  (目标 ≥ {TARGET})" if target else ""
        print(f"{rule:<6}{tp:>6}{fp:>6}{fn:>6}{precision:>11.3f}{recall:>9.3f}{mark}")
    print(f"提示级（机关公开的固定电话）{tally.info} 条，不计入")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
