"""Django settings, all read from the environment (see ``gongkai.web.config``).

Laptop default: DEBUG on, SQLite in ``var/gongkai.sqlite3``. Production: ``GONGKAI_DEBUG=0``
plus ``GONGKAI_SECRET_KEY``, ``GONGKAI_ALLOWED_HOSTS`` and usually a PostgreSQL
``DATABASE_URL``; the platform refuses to start when one of them is missing.
"""

from __future__ import annotations

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

from gongkai.web import config

ENV = config.environ()
DATA_DIR = config.data_dir(ENV)

DEBUG = config.env_bool(ENV, "GONGKAI_DEBUG", True)
if not DEBUG:
    try:
        config.check_production(ENV)
    except config.ConfigError as exc:
        raise ImproperlyConfigured(str(exc)) from None
SECRET_KEY = ENV.get("GONGKAI_SECRET_KEY") or config.DEV_SECRET_KEY
ALLOWED_HOSTS = config.env_list(
    ENV, "GONGKAI_ALLOWED_HOSTS", ["127.0.0.1", "localhost", "[::1]", "testserver"]
)
CSRF_TRUSTED_ORIGINS = config.env_list(ENV, "GONGKAI_CSRF_TRUSTED_ORIGINS", [])

INSTALLED_APPS = [
    "gongkai.web.core.admin_apps.GongkaiAdminConfig",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django_htmx",
    "huey.contrib.djhuey",
    "gongkai.web.core",
    "gongkai.web.agencies",
    "gongkai.web.accounts",
    "gongkai.web.workcalendar",
    "gongkai.web.cases",
    "gongkai.web.registers",
    "gongkai.web.reviews",
    "gongkai.web.catalogue",
    "gongkai.web.annual",
    "gongkai.web.portal",
    "gongkai.web.contentreview",
    "gongkai.web.audits",
    "gongkai.web.opendata",
    "ninja",  # its Swagger UI static files, served locally for the API docs
    "corsheaders",
    "gongkai.web.api",
    "gongkai.web.mail",
    "gongkai.web.search",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "csp.middleware.CSPMiddleware",
    "corsheaders.middleware.CorsMiddleware",
    "gongkai.web.api.middleware.ApiHeadMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.auth.middleware.LoginRequiredMiddleware",
    "gongkai.web.accounts.middleware.PasswordChangeRequiredMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "gongkai.web.core.middleware.OutOfScopeMiddleware",
    "gongkai.web.core.middleware.ChineseErrorPagesMiddleware",
]
# With DEBUG on (the demo) errors still get the Chinese pages; GONGKAI_TECHNICAL_ERRORS=1
# brings back Django's technical pages for development.
GONGKAI_TECHNICAL_ERRORS = config.env_bool(ENV, "GONGKAI_TECHNICAL_ERRORS", False)

ROOT_URLCONF = "gongkai.web.urls"
WSGI_APPLICATION = "gongkai.web.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "gongkai.web.core.context_processors.platform",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.parse(
        config.database_url(ENV, DATA_DIR),
        conn_max_age=config.env_int(ENV, "GONGKAI_DB_CONN_MAX_AGE", 0),
    )
}
if DATABASES["default"]["ENGINE"].endswith("sqlite3"):
    # Test databases in a file, not in memory: the live server of the browser tests then
    # opens its own connection instead of sharing the test thread's, which races.
    DATABASES["default"]["TEST"] = {"NAME": str(DATA_DIR / "test-gongkai.sqlite3")}
    # The web server and the task worker write to one file: a transaction takes the write
    # lock when it begins and waits for it (a deferred one that reads first fails at once
    # with "database is locked"); WAL lets pages read while a task writes.
    DATABASES["default"]["OPTIONS"] = {
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "accounts.User"
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "core:home"
LOGOUT_REDIRECT_URL = "accounts:login"

AUTH_PASSWORD_VALIDATORS = [
    {
        "NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator",
        "OPTIONS": {"user_attributes": ("username", "full_name", "email")},
    },
    {
        "NAME": "gongkai.web.accounts.password_validation.ChineseMinimumLengthValidator",
        "OPTIONS": {"min_length": 10},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Login throttling: this many failures for one user name from one address lock it for a while.
GONGKAI_LOGIN_MAX_FAILURES = config.env_int(ENV, "GONGKAI_LOGIN_MAX_FAILURES", 5)
# ... and this many for one user name from any address (guessing spread over many machines).
GONGKAI_LOGIN_MAX_FAILURES_PER_USER = config.env_int(ENV, "GONGKAI_LOGIN_MAX_FAILURES_PER_USER", 20)
GONGKAI_LOGIN_LOCK_MINUTES = config.env_int(ENV, "GONGKAI_LOGIN_LOCK_MINUTES", 15)

# Sessions end when the browser closes, and after this many idle minutes (renewed per request).
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
SESSION_COOKIE_AGE = 60 * config.env_int(ENV, "GONGKAI_SESSION_IDLE_MINUTES", 30)
SESSION_SAVE_EVERY_REQUEST = True
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_HTTPONLY = True
CSRF_COOKIE_SAMESITE = "Lax"
# TLS: with DEBUG off, secure cookies, HTTPS redirect and HSTS are on unless an intranet
# serving plain HTTP switches them off explicitly (config.transport_security).
try:
    _TLS = config.transport_security(ENV, DEBUG)
except config.ConfigError as exc:
    raise ImproperlyConfigured(str(exc)) from None
SECURE_COOKIES = _TLS.secure_cookies
SESSION_COOKIE_SECURE = SECURE_COOKIES
CSRF_COOKIE_SECURE = SECURE_COOKIES
SECURE_SSL_REDIRECT = _TLS.ssl_redirect
SECURE_HSTS_SECONDS = _TLS.hsts_seconds
SECURE_HSTS_INCLUDE_SUBDOMAINS = _TLS.hsts_include_subdomains
if _TLS.behind_tls_proxy:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
CSRF_FAILURE_VIEW = "gongkai.web.core.views.errors.csrf_failure"
# Joining the browsers' HSTS preload list is the operator's decision for the whole domain,
# not the platform's: `check --deploy` would otherwise warn that preload is off.
SILENCED_SYSTEM_CHECKS = ["security.W021"]

# Content-Security-Policy (django-csp): every script, style, image and font is served by the
# platform itself (offline intranets, no CDN), so nothing else is allowed — no inline
# scripts or style attributes, no eval, no framing, forms post only to the platform.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    }
}

# The open-data API (/api/v1/): readable from any web page (CORS, read-only methods, no
# cookies), at most GONGKAI_API_RATE requests per client address.
CORS_URLS_REGEX = r"^/api/v1/.*$"
CORS_ALLOW_ALL_ORIGINS = True
CORS_ALLOW_CREDENTIALS = False
CORS_ALLOW_METHODS = ("GET", "HEAD", "OPTIONS")
CORS_ALLOW_HEADERS = ("accept", "authorization", "if-none-match", "if-modified-since")
CORS_EXPOSE_HEADERS = ("ETag", "Last-Modified", "Retry-After")
GONGKAI_API_RATE = ENV.get("GONGKAI_API_RATE", "120/m")

LANGUAGE_CODE = "zh-hans"
TIME_ZONE = "Asia/Shanghai"
USE_I18N = True
USE_TZ = True

# Static files are served by the platform itself (government intranets are offline: no CDN).
STATIC_URL = "/static/"
STATIC_ROOT = DATA_DIR / "static"

CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

# Outgoing mail: files in the data folder in development, SMTP in production (GONGKAI_EMAIL_*).
try:
    _EMAIL = config.email_settings(ENV, DEBUG)
    # Local annual-report deadlines per agency kind (read by the annual app).
    GONGKAI_REPORT_DEADLINES = config.report_deadlines(ENV)
    # Statistics policy (applications.md §5): a reopening after review counts once more.
    GONGKAI_COUNT_REOPENED = config.env_bool(ENV, "GONGKAI_COUNT_REOPENED", True)
    # Clock policy (applications.md §3; gongkai.clock.ClockSettings): a correction notice sent
    # after Art. 30's 7 working days restarts the reply period (default no), and the period
    # of a new reply ordered by a review that sets none (default 20 working days).
    GONGKAI_LATE_CORRECTION_RESTARTS = config.env_bool(
        ENV, "GONGKAI_LATE_CORRECTION_RESTARTS", False
    )
    GONGKAI_REOPENING_WORKDAYS = config.env_int(ENV, "GONGKAI_REOPENING_WORKDAYS", 20)
    # 复议前置 in reply letters since 2024 (gongkai.letters.remedies): refusals (default) or
    # refusals_and_non_provision.
    GONGKAI_REVIEW_FIRST_SCOPE = ENV.get("GONGKAI_REVIEW_FIRST_SCOPE", "refusals")
    # Links in mails (no request to take the host from), and how often reminders run.
    GONGKAI_SITE_URL = config.site_url(ENV, DEBUG)
    GONGKAI_REMINDER_MINUTES = config.reminder_minutes(ENV)
except config.ConfigError as exc:
    raise ImproperlyConfigured(str(exc)) from None
EMAIL_BACKEND = _EMAIL.backend
EMAIL_HOST = _EMAIL.host
EMAIL_PORT = _EMAIL.port
EMAIL_HOST_USER = _EMAIL.user
EMAIL_HOST_PASSWORD = _EMAIL.password
EMAIL_USE_TLS = _EMAIL.use_tls
DEFAULT_FROM_EMAIL = _EMAIL.default_from
SERVER_EMAIL = _EMAIL.default_from
EMAIL_FILE_PATH = DATA_DIR / "mail"  # the file backend's outbox (gongkai.web.mail)

# Task queue: a SQLite file by default, Redis for multi-server deployments.
HUEY = config.huey_settings(ENV, DATA_DIR)

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "loggers": {
        "gongkai": {"handlers": ["console"], "level": ENV.get("GONGKAI_LOG_LEVEL", "INFO")}
    },
}

PLATFORM_NAME = "政务公开工作平台"
