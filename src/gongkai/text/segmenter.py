"""jieba, the Chinese word segmenter, loaded once per process on first use.

Imported lazily: every ``gongkai`` command and web process imports the modules that use it,
and only a content review or a search needs it (its import and dictionary cost about a second).
"""

from __future__ import annotations

import logging
from functools import lru_cache
from typing import Any


@lru_cache(maxsize=1)
def tokenizer() -> Any:
    import jieba  # type: ignore[import-untyped]

    jieba.setLogLevel(logging.WARNING)
    loaded = jieba.Tokenizer()
    loaded.initialize()
    return loaded
