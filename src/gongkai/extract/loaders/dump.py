"""Crawler dumps (.json, .jsonl, .csv, .tsv): one Document per record that holds a text.

A record's report text is the field that reads most like a report (ties: the longest);
title, date and agency fields become metadata hints. A field holding HTML is read as HTML,
so its tables come out as Grids. Records are numbered from 1 (``source#3``).
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator, Mapping
from typing import Any

from gongkai.extract.classify import report_signal
from gongkai.extract.document import Document, UnreadableError
from gongkai.extract.loaders.encoding import decode
from gongkai.extract.loaders.html import looks_like_html, parse_html
from gongkai.extract.loaders.limits import MAX_DUMP_RECORDS, MAX_FILE_BYTES
from gongkai.extract.loaders.text import text_lines

_HINT_FIELDS = {
    "title": ("title", "标题", "name", "名称", "subject", "题目"),
    "published": ("published", "publish_date", "publishdate", "pubdate", "pub_date", "date",
                  "publish_time", "pubtime", "发布时间", "发布日期", "日期", "时间", "成文日期"),
    "agency": ("agency", "发布机构", "机构", "department", "部门", "publisher", "发文机关",
               "发布单位", "来源"),
}  # fmt: skip
_MIN_TEXT = 50  # a shorter field is a label, not a document


def _hints(record: Mapping[str, Any]) -> dict[str, str]:
    lowered = {str(k).strip().lower(): v for k, v in record.items()}
    hints: dict[str, str] = {}
    for hint, names in _HINT_FIELDS.items():
        for name in names:
            value = lowered.get(name)
            if isinstance(value, str | int) and str(value).strip():
                hints[hint] = str(value).strip()
                break
    return hints


# How deep a record's objects are searched for its text: API responses wrap the article
# (``{"data": {"article": {"content": …}}}``); deeper than this is not a record's body.
_MAX_DEPTH = 4


def _strings(value: Any, depth: int = 0) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, Mapping) and depth < _MAX_DEPTH:
        for item in value.values():
            yield from _strings(item, depth + 1)


def _document(record: Mapping[str, Any], source: str, kind: str) -> Document | None:
    texts = [text for text in _strings(record) if len(text) >= _MIN_TEXT]
    if not texts:
        return None
    body = max(texts, key=lambda text: (report_signal(text), len(text)))
    if looks_like_html(body):
        document = parse_html(body, source, kind=kind)
        document.meta = {**document.meta, **_hints(record)}
        return document
    return Document(source, kind, text_lines(body), meta=_hints(record))


def _parse_json(text: str, source: str) -> Any:
    try:
        try:
            return json.loads(text)
        except json.JSONDecodeError:
            return [json.loads(line) for line in text.splitlines() if line.strip()]  # JSON Lines
    except json.JSONDecodeError as exc:
        raise UnreadableError(
            f"{source}：不是有效的 JSON（第 {exc.lineno} 行第 {exc.colno} 列：{exc.msg}）"
        ) from None
    except RecursionError:
        raise UnreadableError(f"{source}：JSON 嵌套层数过深，不是数据记录") from None
    except ValueError:  # json refuses integers beyond Python's int-string limit
        raise UnreadableError(f"{source}：JSON 中有位数过多的数字，不是数据记录") from None


def _records_json(text: str, source: str) -> list[Mapping[str, Any]]:
    data = _parse_json(text, source)
    if isinstance(data, Mapping):
        lists = [
            v for v in data.values() if isinstance(v, list) and v and isinstance(v[0], Mapping)
        ]
        data = max(lists, key=len) if lists else [data]
    if not isinstance(data, list):
        raise UnreadableError(f"{source}：JSON 中没有记录（应为对象或对象数组）")
    return [item for item in data if isinstance(item, Mapping)]


def _records_csv(text: str, source: str, delimiter: str) -> list[Mapping[str, Any]]:
    csv.field_size_limit(MAX_FILE_BYTES)
    try:
        rows = list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter))
    except csv.Error as exc:
        raise UnreadableError(f"{source}：CSV 格式错误（{exc}）") from None
    rows = [row for row in rows if any(cell.strip() for cell in row)]
    if not rows:
        raise UnreadableError(f"{source}：CSV 中没有数据行")
    header_like = all(len(cell) < _MIN_TEXT for cell in rows[0])
    header = rows[0] if header_like else [f"列{i + 1}" for i in range(len(rows[0]))]
    body = rows[1:] if header_like else rows
    return [dict(zip(header, row, strict=False)) for row in body]


def load_dump(data: bytes, source: str, kind: str) -> list[Document]:
    decoded = decode(data, source)
    if kind == "json":
        records = _records_json(decoded.text, source)
    else:
        records = _records_csv(decoded.text, source, "\t" if kind == "tsv" else ",")
    if len(records) > MAX_DUMP_RECORDS:
        raise UnreadableError(f"{source}：共 {len(records)} 条记录，超过上限 {MAX_DUMP_RECORDS} 条")
    documents = []
    for number, record in enumerate(records, start=1):
        document = _document(record, f"{source}#{number}", kind)
        if document is not None:
            document.encoding = decoded.encoding
            documents.append(document)
    if not documents:
        raise UnreadableError(f"{source}：没有任何记录含有正文文本字段")
    return documents
