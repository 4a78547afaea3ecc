"""Environment-driven configuration, kept free of Django so it can be tested on its own.

Every deployment knob is an environment variable; the defaults give a working laptop
installation (SQLite under ``var/``), and :func:`production_problems` names what a
production deployment (``GONGKAI_DEBUG=0``) must set before the platform will start.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from gongkai.rules import DEFAULT_SETTINGS

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


# Short names for the e-mail backends; a dotted path is taken as it is. "file" keeps one
# .eml per message in the data folder's mail/ (listed on the outbox page, gongkai.web.mail).
EMAIL_BACKENDS = {
    "console": "django.core.mail.backends.console.EmailBackend",
    "smtp": "django.core.mail.backends.smtp.EmailBackend",
    "file": "gongkai.web.mail.backends.FileBackend",
    "locmem": "django.core.mail.backends.locmem.EmailBackend",
    "dummy": "django.core.mail.backends.dummy.EmailBackend",
}


@dataclass(frozen=True)
class EmailSettings:
    backend: str
    host: str
    port: int
    user: str
    password: str
    use_tls: bool
    default_from: str


def email_settings(env: Mapping[str, str], debug: bool) -> EmailSettings:
    """Outgoing mail (reminders, notices). Without GONGKAI_EMAIL_BACKEND, a development or
    demo installation keeps mail in files (shown on the outbox page) and a production one
    sends it by SMTP."""
    raw = (env.get("GONGKAI_EMAIL_BACKEND") or "").strip()
    if not raw:
        backend = EMAIL_BACKENDS["file" if debug else "smtp"]
    elif raw in EMAIL_BACKENDS:
        backend = EMAIL_BACKENDS[raw]
    elif "." in raw:
        backend = raw
    else:
        names = "、".join(EMAIL_BACKENDS)
        raise ConfigError(
            f"环境变量 GONGKAI_EMAIL_BACKEND={raw!r} 无效（可用 {names} 或完整类路径）"
        )
    port = env_int(env, "GONGKAI_EMAIL_PORT", 25)
    if not 0 < port < 65536:
        raise ConfigError(f"环境变量 GONGKAI_EMAIL_PORT={port} 不是有效端口（1–65535）")
    return EmailSettings(
        backend=backend,
        host=env.get("GONGKAI_EMAIL_HOST", "").strip() or "localhost",
        port=port,
        user=env.get("GONGKAI_EMAIL_HOST_USER", ""),
        password=env.get("GONGKAI_EMAIL_HOST_PASSWORD", ""),
        use_tls=env_bool(env, "GONGKAI_EMAIL_USE_TLS", False),
        default_from=env.get("GONGKAI_DEFAULT_FROM_EMAIL", "").strip() or "gongkai@localhost",
    )


def site_url(env: Mapping[str, str], debug: bool) -> str:
    """The address users reach the platform at, for links in mails (no request to ask).
    GONGKAI_SITE_URL; a development installation defaults to the local server."""
    raw = env.get("GONGKAI_SITE_URL", "").strip().rstrip("/")
    if not raw:
        return "http://127.0.0.1:8000" if debug else ""
    if not raw.startswith(("http://", "https://")):
        raise ConfigError(
            f"环境变量 GONGKAI_SITE_URL={raw!r} 应以 http:// 或 https:// 开头（平台的访问地址）"
        )
    return raw


def reminder_minutes(env: Mapping[str, str]) -> int:
    """How often the reminder job runs (GONGKAI_REMINDER_MINUTES, default 5): each run only
    tells what is new since the day's earlier runs, so a short interval costs no extra mail."""
    minutes = env_int(env, "GONGKAI_REMINDER_MINUTES", 5)
    if not 1 <= minutes <= 60:
        raise ConfigError(f"环境变量 GONGKAI_REMINDER_MINUTES={minutes} 应为 1–60 分钟")
    return minutes


HSTS_SECONDS = 365 * 24 * 3600  # a year: what browsers' HSTS guidance asks for


@dataclass(frozen=True)
class TransportSecurity:
    """TLS-related settings. With DEBUG off everything defaults to on (secure cookies, HTTP
    redirected to HTTPS, HSTS for a year); an intranet serving plain HTTP behind its own
    network boundary switches it off explicitly with GONGKAI_SECURE_COOKIES=0 (which also
    turns the redirect and HSTS off, since they would lock every browser out)."""

    secure_cookies: bool
    ssl_redirect: bool
    hsts_seconds: int
    hsts_include_subdomains: bool
    behind_tls_proxy: bool


def transport_security(env: Mapping[str, str], debug: bool) -> TransportSecurity:
    secure = env_bool(env, "GONGKAI_SECURE_COOKIES", not debug)
    hsts = env_int(env, "GONGKAI_HSTS_SECONDS", HSTS_SECONDS if secure else 0)
    if hsts < 0:
        raise ConfigError(f"环境变量 GONGKAI_HSTS_SECONDS={hsts} 不能为负数")
    return TransportSecurity(
        secure_cookies=secure,
        ssl_redirect=env_bool(env, "GONGKAI_SSL_REDIRECT", secure),
        hsts_seconds=hsts,
        hsts_include_subdomains=env_bool(env, "GONGKAI_HSTS_INCLUDE_SUBDOMAINS", True),
        behind_tls_proxy=env_bool(env, "GONGKAI_BEHIND_TLS_PROXY", False),
    )


def report_deadlines(env: Mapping[str, str]) -> dict[str, tuple[int, int]]:
    """Local annual-report deadlines per agency kind (Art. 49 leaves them to local rules):
    GONGKAI_REPORT_DEADLINES="department=01-31,government=03-31"; empty: the statutory ones."""
    name = "GONGKAI_REPORT_DEADLINES"
    found: dict[str, tuple[int, int]] = {}
    for item in env_list(env, name, []):
        kind, _, when = item.partition("=")
        kind = kind.strip()
        if kind not in DEFAULT_SETTINGS.deadlines:
            kinds = "、".join(DEFAULT_SETTINGS.deadlines)
            raise ConfigError(f"环境变量 {name} 中的机关类型 {kind!r} 未知（可用 {kinds}）")
        month, _, day = when.strip().partition("-")
        try:
            dt.date(2001, int(month), int(day))  # a day every year has (no 02-29)
        except ValueError:
            raise ConfigError(
                f"环境变量 {name} 中 {item!r} 的日期无效（应为 月-日，如 01-31）"
            ) from None
        found[kind] = (int(month), int(day))
    return found


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
