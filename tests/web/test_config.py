"""Settings from the environment: database, task queue, production checks, locale."""

from __future__ import annotations

import os
from pathlib import Path

import dj_database_url
import pytest
from django.conf import settings
from django.db import connection

from gongkai.web import config


def test_locale_and_time_zone() -> None:
    assert settings.LANGUAGE_CODE == "zh-hans"
    assert settings.TIME_ZONE == "Asia/Shanghai" and settings.USE_TZ


def test_default_database_is_sqlite_in_the_data_folder(tmp_path: Path) -> None:
    url = config.database_url({}, tmp_path)
    assert url == f"sqlite:///{tmp_path / 'gongkai.sqlite3'}"
    assert dj_database_url.parse(url)["ENGINE"] == "django.db.backends.sqlite3"
    pg = config.database_url({"DATABASE_URL": "postgres://postgres@127.0.0.1:5432/test"}, tmp_path)
    assert dj_database_url.parse(pg)["ENGINE"] == "django.db.backends.postgresql"


def test_tests_run_on_the_database_database_url_names(db: None) -> None:
    wanted = "postgresql" if os.environ.get("DATABASE_URL", "").startswith("postgres") else "sqlite"
    assert connection.vendor == wanted


def test_data_folder_is_created(tmp_path: Path) -> None:
    folder = tmp_path / "nested" / "var"
    assert config.data_dir({"GONGKAI_DATA_DIR": str(folder)}) == folder and folder.is_dir()


def test_huey_uses_sqlite_by_default_and_redis_when_configured(tmp_path: Path) -> None:
    default = config.huey_settings({}, tmp_path)
    assert default["huey_class"] == "huey.SqliteHuey"
    assert default["filename"] == str(tmp_path / "huey.sqlite3") and not default["immediate"]
    redis = config.huey_settings({"GONGKAI_REDIS_URL": "redis://10.0.0.5:6379/0"}, tmp_path)
    assert redis["huey_class"] == "huey.RedisHuey" and redis["url"] == "redis://10.0.0.5:6379/0"
    assert config.huey_settings({"GONGKAI_HUEY_IMMEDIATE": "1"}, tmp_path)["immediate"]


def test_production_needs_a_real_secret_key_and_hosts() -> None:
    problems = config.production_problems({})
    assert any("GONGKAI_SECRET_KEY" in p for p in problems)
    assert any("GONGKAI_ALLOWED_HOSTS" in p for p in problems)
    assert config.production_problems(
        {"GONGKAI_SECRET_KEY": config.DEV_SECRET_KEY, "GONGKAI_ALLOWED_HOSTS": "a"}
    )
    assert config.production_problems({"GONGKAI_SECRET_KEY": "short", "GONGKAI_ALLOWED_HOSTS": "a"})
    good = {
        "GONGKAI_SECRET_KEY": "k3y-" + "abcdefghij" * 6,
        "GONGKAI_ALLOWED_HOSTS": "gk.example.gov.cn",
    }
    assert config.production_problems(good) == []
    with pytest.raises(config.ConfigError, match="生产模式"):
        config.check_production({})


def test_malformed_values_are_named() -> None:
    with pytest.raises(config.ConfigError, match="GONGKAI_DEBUG"):
        config.env_bool({"GONGKAI_DEBUG": "maybe"}, "GONGKAI_DEBUG", True)
    with pytest.raises(config.ConfigError, match="GONGKAI_LOGIN_MAX_FAILURES"):
        config.env_int({"GONGKAI_LOGIN_MAX_FAILURES": "five"}, "GONGKAI_LOGIN_MAX_FAILURES", 5)
    assert config.env_list({"X": " a, b ,,"}, "X", []) == ["a", "b"]


def test_cookie_and_header_hardening() -> None:
    assert settings.SESSION_COOKIE_HTTPONLY and settings.SESSION_EXPIRE_AT_BROWSER_CLOSE
    assert settings.SESSION_SAVE_EVERY_REQUEST  # idle timeout, renewed on every request
    assert settings.X_FRAME_OPTIONS == "DENY" and settings.SECURE_CONTENT_TYPE_NOSNIFF
    assert "django.middleware.csrf.CsrfViewMiddleware" in settings.MIDDLEWARE
    assert settings.SESSION_COOKIE_SECURE == settings.CSRF_COOKIE_SECURE == settings.SECURE_COOKIES
