"""Public search over 100,000 published catalogue items in PostgreSQL: p95 under 200 ms.

Builds (once) a PostgreSQL database ``gongkai_bench_search`` with the demo province and
100,000 published catalogue items spread over its agencies (loaded with COPY, then indexed
by the platform's own ``search.services.rebuild``, whose time is printed), plus one
unpublished item per agency that must never be found. Then it requests ``/search/``
through Django's full stack (middleware, form, query, snippets, template) without login:
a two-character word in many titles, a four-character one, several words, words found only in the
text, each filter (agency with its subtree, agency alone, year, category), a deep page, an
htmx request and a word found nowhere. Each request runs ``--repeat`` times (default 40);
every scenario's 95th percentile must be below 200 ms, else the script exits 1.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/gongkai_bench_search .venv/bin/python bench/search.py
    … [--repeat 40] [--reseed] [--items 100000]
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import sys
import time

from pgdjango import measure, start_platform

DEFAULT_URL = "postgres://postgres@127.0.0.1:5432/gongkai_bench_search"
TARGET_MS = 200.0
UNPUBLISHED_TITLE = "未公开的内部草稿"

# Titles as agencies write them: a subject, a year, a document type (the search words).
SUBJECTS = (
    "部门预算", "部门决算", "三公经费", "政府采购意向", "义务教育招生划片范围", "教师招聘",
    "行政处罚决定", "行政许可事项清单", "权责清单", "重大建设项目批准", "老旧小区改造",
    "建设工程规划许可", "生态环境监测", "安全生产检查", "食品安全抽检", "公务员招录",
    "扶贫项目资金", "医疗保障待遇", "就业创业补贴", "突发事件应急预案", "统计公报",
    "国民经济和社会发展规划", "收费项目目录", "政策解读", "人大代表建议办理",
)  # fmt: skip
TYPES = ("公告", "通知", "公示", "情况说明", "结果公开", "实施方案", "工作报告", "名单")
SENTENCES = (
    "根据《中华人民共和国政府信息公开条例》有关规定，现予以公开。",
    "具体内容详见附件，如有疑问请与本机关办公室联系。",
    "本年度收入预算和支出预算均按照规定口径编制。",
    "监督检查中发现的问题已责令限期整改。",
    "社会公众可通过政府网站、政务新媒体等渠道查阅。",
    "按照放管服改革要求，进一步优化营商环境。",
    "公示期为五个工作日，公示期间接受社会监督。",
)
CATEGORIES = [f"{i:02d}" for i in range(1, 16)]


def _seed(total: int) -> None:
    from django.db import connection

    from gongkai.web.agencies.demo import agencies_by_key, province
    from gongkai.web.core.demo import DemoReport
    from gongkai.web.search import services

    province(DemoReport())
    agencies = list(agencies_by_key().values())
    with connection.cursor() as cursor:
        cursor.execute("TRUNCATE search_searchentry, catalogue_disclosureitem CASCADE")
    rng = random.Random(2019)
    today = dt.date.today()
    first = today - dt.timedelta(days=5 * 365)
    now = dt.datetime.now(dt.UTC)
    numbers: dict[tuple[int, int], int] = {}
    columns = (
        "agency_id", "index_number", "title", "category", "issuing_body", "document_number",
        "formed", "due", "due_provisional", "published", "validity", "summary", "url",
        "secrecy_reviewed_at", "secrecy_note", "created_at", "updated_at",
    )  # fmt: skip
    started = time.perf_counter()
    statement = f"COPY catalogue_disclosureitem ({', '.join(columns)}) FROM STDIN"

    def row(
        agency: object, title: str, published: dt.date | None, summary: str
    ) -> tuple[object, ...]:
        formed = (published or today) - dt.timedelta(days=rng.randint(1, 20))
        year = formed.year
        key = (agency.pk, year)  # type: ignore[attr-defined]
        numbers[key] = n = numbers.get(key, 0) + 1
        return (
            agency.pk, f"GK{agency.pk:07d}/{year}-{n:05d}", title, rng.choice(CATEGORIES),  # type: ignore[attr-defined]
            agency.name, f"〔{year}〕{rng.randint(1, 300)}号" if rng.random() < 0.5 else "",  # type: ignore[attr-defined]
            formed, formed + dt.timedelta(days=28), False, published, "valid", summary, "",
            now, "不涉密", now, now,
        )  # fmt: skip

    with connection.cursor() as cursor, cursor.connection.cursor().copy(statement) as copy:
        for i in range(total):
            agency = agencies[i % len(agencies)]
            published = first + dt.timedelta(days=rng.randrange((today - first).days + 1))
            subject = rng.choice(SUBJECTS)
            title = (
                f"{agency.name}关于{published.year}年{subject}的{rng.choice(TYPES)}（第{i + 1}号）"
            )
            summary = "".join(rng.sample(SENTENCES, 2))
            copy.write_row(row(agency, title, published, summary))
        for agency in agencies:  # never to be found
            copy.write_row(row(agency, UNPUBLISHED_TITLE, None, "部门预算 " + UNPUBLISHED_TITLE))
    print(f"seeded {total:,} catalogue items in {time.perf_counter() - started:.0f} s")
    started, cpu = time.perf_counter(), time.process_time()
    counts = services.rebuild()
    print(
        f"indexed {counts['catalogue']:,} items in {time.perf_counter() - started:.0f} s "
        f"({time.process_time() - cpu:.0f} s CPU)"
    )
    with connection.cursor() as cursor:  # as autovacuum would: statistics and visibility map
        cursor.execute("VACUUM ANALYZE catalogue_disclosureitem")
        cursor.execute("VACUUM ANALYZE search_searchentry")
        cursor.execute("ANALYZE agencies_agency")


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--repeat", type=int, default=40)
    parser.add_argument("--items", type=int, default=100_000)
    parser.add_argument("--reseed", action="store_true")
    args = parser.parse_args()
    if not start_platform(DEFAULT_URL):
        return 2
    from django.test import Client

    from gongkai.web.agencies.demo import agencies_by_key
    from gongkai.web.search.models import SearchEntry

    if args.reseed or SearchEntry.objects.count() < args.items:
        _seed(args.items)
    agencies = agencies_by_key()
    city, department = agencies["lc"], agencies["lc-czj"]
    count = SearchEntry.objects.count()
    print(f"{count:,} entries in the search index")
    year = dt.date.today().year - 1
    scenarios = [
        ("two-character word", {"q": "预算"}),
        ("four-character word", {"q": "人大代表"}),
        ("several words", {"q": "义务教育 招生 公告"}),
        ("text only", {"q": "营商环境"}),
        ("word + agency subtree", {"q": "预算", "agency": city.pk}),
        ("word + agency alone", {"q": "决算", "agency": department.pk, "scope": "self"}),
        ("word + year", {"q": "采购", "year": year}),
        ("word + category", {"q": "清单", "category": "05"}),
        ("common word, page 100", {"q": "公告", "page": 100}),
        ("found nowhere", {"q": "量子计算机"}),
        ("htmx partial", {"q": "安全生产"}),
    ]
    client = Client()
    leaked = client.get("/search/", {"q": UNPUBLISHED_TITLE}).content.decode()
    if "共找到 0 条" not in leaked:
        print("FAILED: an unpublished item was found", file=sys.stderr)
        return 1
    failed = False
    print(f"{'scenario':<26}{'median ms':>10}{'p95 ms':>10}{'CPU ms':>10}")
    for name, params in scenarios:
        headers = {"HTTP_HX_REQUEST": "true"} if "htmx" in name else {}

        def call(params: dict[str, object] = params, headers: dict[str, str] = headers) -> object:
            response = client.get("/search/", params, **headers)  # type: ignore[arg-type]
            assert response.status_code == 200, (params, response.status_code)
            return response

        timing = measure(call, args.repeat)
        ok = timing.p95 < TARGET_MS
        failed |= not ok
        print(f"{name:<26}{timing.columns()}  {'ok' if ok else 'SLOW'}")
    print(f"target: p95 < {TARGET_MS:.0f} ms for every search: {'FAILED' if failed else 'met'}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
