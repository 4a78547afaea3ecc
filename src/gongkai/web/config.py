"""Environment-driven configuration, kept free of Django so it can be tested on its own.

Every deployment knob is an environment variable; the defaults give a working laptop
installation (SQLite under ``var/``), and :func:`production_problems` names what a
production deployment (``GONGKAI_DEBUG=0``) must set before the platform will start.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path
from typing import Any

DEV_SECRET_KEY = "gongkai-development-key-not-for-production-use-0123456789"
MIN_SECRET_KEY_LENGTH = 50
_TRUE = {"1", "true", "yes", "on"}
_FALSE = {"0", "false", "no", "off", ""}


class ConfigError(ValueError):
    """A setting in the environment is missing or malformed."""


def env_bool(env: Mapping[str, str], name: str, default: bool) -> bool:
    raw = env.get(name)
    if raw is None:
        return default
    value = raw.strip().lower()
    if value in _TRUE:
        return True
    if value in _FALSE:
        return False
    raise ConfigError(f"环境变量 {name}={raw!r} 不是布尔值（应为 1/0、true/false）")


def env_int(env: Mapping[str, str], name: str, default: int) -> int:
    raw = env.get(name)
    if raw is None or not raw.strip():
        return default
    try:
        return int(raw)
    except ValueError:
        raise ConfigError(f"环境变量 {name}={raw!r} 不是整数") from None


def env_list(env: Mapping[str, str], name: str, default: list[str]) -> list[str]:
    raw = env.get(name)
    if raw is None:
        return default
    return [item.strip() for item in raw.split(",") if item.strip()]


def project_root() -> Path:
    """The source checkout when running from one (editable install), else the working folder."""
    here = Path(__file__).resolve()
    checkout = here.parents[3]
    if (checkout / "pyproject.toml").is_file() and (checkout / "src" / "gongkai").is_dir():
        return checkout
    return Path.cwd()


def data_dir(env: Mapping[str, str]) -> Path:
    """Where the SQLite database, the task queue and collected static files live."""
    raw = env.get("GONGKAI_DATA_DIR")
    folder = Path(raw) if raw else project_root() / "var"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def database_url(env: Mapping[str, str], data: Path) -> str:
    """DATABASE_URL, or an SQLite file in the data folder."""
    return env.get("DATABASE_URL") or f"sqlite:///{data / 'gongkai.sqlite3'}"


def huey_settings(env: Mapping[str, str], data: Path) -> dict[str, Any]:
    """The task queue: SQLite in the data folder, or Redis when GONGKAI_REDIS_URL is set;
    GONGKAI_HUEY_IMMEDIATE=1 runs tasks at once in-process (tests, demos)."""
    settings: dict[str, Any] = {
        "name": "gongkai",
        "immediate": env_bool(env, "GONGKAI_HUEY_IMMEDIATE", False),
        "utc": True,
        "consumer": {"workers": env_int(env, "GONGKAI_HUEY_WORKERS", 2), "worker_type": "thread"},
    }
    redis_url = env.get("GONGKAI_REDIS_URL")
    if redis_url:
        settings |= {"huey_class": "huey.RedisHuey", "url": redis_url}
    else:
        settings |= {"huey_class": "huey.SqliteHuey", "filename": str(data / "huey.sqlite3")}
    return settings


def production_problems(env: Mapping[str, str]) -> list[str]:
    """What keeps this environment from running safely with DEBUG off (empty when fine)."""
    problems = []
    key = env.get("GONGKAI_SECRET_KEY", "")
    if not key or key == DEV_SECRET_KEY:
        problems.append("未设置 GONGKAI_SECRET_KEY（生产环境必须使用随机生成的密钥）")
    elif len(key) < MIN_SECRET_KEY_LENGTH or len(set(key)) < 5:
        problems.append(f"GONGKAI_SECRET_KEY 过短或过于简单（至少 {MIN_SECRET_KEY_LENGTH} 个字符）")
    if not env_list(env, "GONGKAI_ALLOWED_HOSTS", []):
        problems.append("未设置 GONGKAI_ALLOWED_HOSTS（本平台对外服务的主机名，逗号分隔）")
    return problems


def check_production(env: Mapping[str, str]) -> None:
    """Refuse to start a production (DEBUG off) deployment that is not configured safely."""
    problems = production_problems(env)
    if problems:
        lines = "\n".join(f"  - {p}" for p in problems)
        raise ConfigError(
            "GONGKAI_DEBUG=0（生产模式）但配置不完整：\n"
            f"{lines}\n"
            "开发或演示请设置 GONGKAI_DEBUG=1。"
        )


def environ() -> Mapping[str, str]:
    return os.environ
