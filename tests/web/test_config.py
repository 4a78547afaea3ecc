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


def test_email_backend_follows_debug_unless_set() -> None:
    assert config.email_settings({}, debug=True).backend == "gongkai.web.mail.backends.FileBackend"
    production = config.email_settings({}, debug=False)
    assert production.backend == "django.core.mail.backends.smtp.EmailBackend"
    assert (production.host, production.port, production.use_tls) == ("localhost", 25, False)
    chosen = config.email_settings({"GONGKAI_EMAIL_BACKEND": "smtp"}, debug=True)
    assert chosen.backend.endswith("smtp.EmailBackend")
    dotted = config.email_settings({"GONGKAI_EMAIL_BACKEND": "my.mail.Backend"}, debug=False)
    assert dotted.backend == "my.mail.Backend"


def test_email_server_from_the_environment() -> None:
    env = {
        "GONGKAI_EMAIL_HOST": "smtp.gov.example",
        "GONGKAI_EMAIL_PORT": "587",
        "GONGKAI_EMAIL_HOST_USER": "gongkai",
        "GONGKAI_EMAIL_HOST_PASSWORD": "s3cret",
        "GONGKAI_EMAIL_USE_TLS": "1",
        "GONGKAI_DEFAULT_FROM_EMAIL": "政务公开 <gongkai@gov.example>",
    }
    mail = config.email_settings(env, debug=False)
    assert (mail.host, mail.port, mail.user, mail.password) == (
        "smtp.gov.example",
        587,
        "gongkai",
        "s3cret",
    )
    assert mail.use_tls and mail.default_from == "政务公开 <gongkai@gov.example>"


def test_malformed_email_settings_are_named() -> None:
    with pytest.raises(config.ConfigError, match="GONGKAI_EMAIL_BACKEND"):
        config.email_settings({"GONGKAI_EMAIL_BACKEND": "pigeon"}, debug=False)
    with pytest.raises(config.ConfigError, match="GONGKAI_EMAIL_PORT"):
        config.email_settings({"GONGKAI_EMAIL_PORT": "70000"}, debug=False)
    with pytest.raises(config.ConfigError, match="GONGKAI_EMAIL_PORT"):
        config.email_settings({"GONGKAI_EMAIL_PORT": "smtp"}, debug=False)
    with pytest.raises(config.ConfigError, match="GONGKAI_EMAIL_USE_TLS"):
        config.email_settings({"GONGKAI_EMAIL_USE_TLS": "sometimes"}, debug=False)


def test_settings_take_the_email_configuration() -> None:
    # pytest-django swaps the backend for locmem in tests; the rest is as configured
    assert (
        config.email_settings(os.environ, settings.DEBUG).default_from
        == settings.DEFAULT_FROM_EMAIL
    )
    assert config.email_settings(os.environ, settings.DEBUG).port == settings.EMAIL_PORT


def test_report_deadlines_from_the_environment() -> None:
    assert config.report_deadlines({}) == {}
    env = {"GONGKAI_REPORT_DEADLINES": "department=02-15, government=03-31"}
    assert config.report_deadlines(env) == {"department": (2, 15), "government": (3, 31)}
    with pytest.raises(config.ConfigError, match="机关类型"):
        config.report_deadlines({"GONGKAI_REPORT_DEADLINES": "ministry=01-31"})
    with pytest.raises(config.ConfigError, match="日期无效"):
        config.report_deadlines({"GONGKAI_REPORT_DEADLINES": "department=02-29"})
    assert config.report_deadlines(os.environ) == settings.GONGKAI_REPORT_DEADLINES


def test_site_address_for_mail_links() -> None:
    assert config.site_url({}, debug=True) == "http://127.0.0.1:8000"
    assert config.site_url({}, debug=False) == ""
    given = {"GONGKAI_SITE_URL": "https://gongkai.example.gov.cn/"}
    assert config.site_url(given, debug=False) == "https://gongkai.example.gov.cn"
    with pytest.raises(config.ConfigError, match=r"GONGKAI_SITE_URL.*http"):
        config.site_url({"GONGKAI_SITE_URL": "gongkai.example.gov.cn"}, debug=False)


def test_reminder_interval() -> None:
    assert config.reminder_minutes({}) == 5
    assert config.reminder_minutes({"GONGKAI_REMINDER_MINUTES": "15"}) == 15
    for wrong in ("0", "61", "often"):
        with pytest.raises(config.ConfigError, match="GONGKAI_REMINDER_MINUTES"):
            config.reminder_minutes({"GONGKAI_REMINDER_MINUTES": wrong})
