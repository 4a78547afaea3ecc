"""Extract many documents given as bytes on a process pool or a Dask cluster.

For callers that hold the bytes (the platform's stored documents) rather than files: each
item is extracted with its provenance kept, and one bad item never stops the batch.
"""

from __future__ import annotations

import importlib
from collections.abc import Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor, as_completed
from typing import Any

from gongkai.extract import Failure, Outcome, extract_all_bytes, internal_failure

Item = tuple[int, bytes, str]  # caller's key, content, file name


class PoolError(Exception):
    """The pool or cluster cannot be used (message in Chinese)."""


def _guarded(item: Item) -> tuple[int, list[Outcome]]:
    key, content, name = item
    try:
        return key, extract_all_bytes(content, name)
    except Exception as exc:  # extract_all_bytes has its own guards; this is the last one
        return key, [internal_failure(name, exc)]


def extract_many(
    items: Sequence[Item], *, workers: int = 1, dask_address: str | None = None
) -> Iterator[tuple[int, list[Outcome]]]:
    """(key, outcomes) for every item, in the order they finish."""
    if dask_address:
        yield from _on_dask(items, dask_address)
    elif workers > 1 and len(items) > 1:
        with ProcessPoolExecutor(max_workers=workers) as pool:
            futures = {pool.submit(_guarded, item): item for item in items}
            for future in as_completed(futures):
                key, _, name = futures[future]
                try:
                    yield future.result()
                except Exception as exc:  # the worker process died (killed, out of memory)
                    message = f"{name}：处理该文件的进程异常退出（{type(exc).__name__}）"
                    yield key, [Failure(name, message, "internal")]
    else:
        yield from map(_guarded, items)


def _on_dask(items: Sequence[Item], address: str) -> Iterator[tuple[int, list[Outcome]]]:
    try:
        distributed: Any = importlib.import_module("dask.distributed")
    except ImportError:
        raise PoolError(
            "使用 Dask 需要安装可选依赖 dask：pip install 'gongkai[distributed]'"
        ) from None
    try:
        client = distributed.Client(address)
    except Exception as exc:  # connection errors come in many types
        raise PoolError(f"无法连接 Dask 调度器 {address}（{exc}）") from None
    try:
        futures = client.map(_guarded, list(items), pure=False)
        for future in distributed.as_completed(futures):
            yield future.result()
    finally:
        client.close()
