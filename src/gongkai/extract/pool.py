"""Extract many documents on a process pool or a Dask cluster; one bad item never stops
the batch. ``run_many`` runs any guarded work (the batch audit's files); ``extract_many``
is for callers that hold the bytes (the platform's stored documents), provenance kept.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor, as_completed
from typing import Any, TypeVar

from gongkai.extract import Failure, Outcome, extract_all_bytes, internal_failure

Item = tuple[int, bytes, str]  # caller's key, content, file name
T = TypeVar("T")


class PoolError(Exception):
    """The pool or cluster cannot be used (message in Chinese)."""


def _guarded(item: Item) -> list[Outcome]:
    _, content, name = item
    try:
        return extract_all_bytes(content, name)
    except Exception as exc:  # extract_all_bytes has its own guards; this is the last one
        return [internal_failure(name, exc)]


def run_many(
    work: Callable[[T], list[Outcome]],
    items: Sequence[T],
    name_of: Callable[[T], str],
    *,
    workers: int = 1,
    dask_address: str | None = None,
) -> Iterator[tuple[T, list[Outcome]]]:
    """(item, outcomes) for every item, in the order they finish: in this process, on a
    process pool (``workers`` > 1) or on a Dask cluster. ``work`` must never raise (and be
    importable, for the pool); a worker that dies is that item's internal failure."""
    if dask_address:
        yield from _on_dask(work, items, dask_address)
    elif workers > 1 and len(items) > 1:
        with ProcessPoolExecutor(max_workers=workers) as pool:
            futures = {pool.submit(work, item): item for item in items}
            for future in as_completed(futures):
                item = futures[future]
                try:
                    yield item, future.result()
                except Exception as exc:  # the worker process died (killed, out of memory)
                    name = name_of(item)
                    message = f"{name}：处理该文件的进程异常退出（{type(exc).__name__}）"
                    yield item, [Failure(name, message, "internal")]
    else:
        for item in items:
            yield item, work(item)


def extract_many(
    items: Sequence[Item], *, workers: int = 1, dask_address: str | None = None
) -> Iterator[tuple[int, list[Outcome]]]:
    """(key, outcomes) for every item, in the order they finish."""
    for item, outcomes in run_many(
        _guarded, items, lambda item: item[2], workers=workers, dask_address=dask_address
    ):
        yield item[0], outcomes


def _on_dask(
    work: Callable[[T], list[Outcome]], items: Sequence[T], address: str
) -> Iterator[tuple[T, list[Outcome]]]:
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
        futures = client.map(work, list(items), pure=False)
        by_future = dict(zip(futures, items, strict=True))
        for future in distributed.as_completed(futures):
            yield by_future[future], future.result()
    finally:
        client.close()
