"""Django settings: one base, driven by the environment, failing loudly on bad values.

Environment:
- ``DATABASE_URL``: ``sqlite:///path`` or ``postgres://user@host:port/name``.
  Default: SQLite in ``./var/logframe.sqlite3`` under the working directory.
- ``LOGFRAME_SECRET_KEY``: required when ``LOGFRAME_DEBUG`` is off.
- ``LOGFRAME_DEBUG``: ``1`` for development (default ``0``).
- ``LOGFRAME_ALLOWED_HOSTS``: comma-separated host names (default ``127.0.0.1,localhost``).
- ``LOGFRAME_API_LOGIN_RATE``: token logins allowed per client address (default ``10/minute``).
- ``LOGFRAME_LOGIN_FAILURES_PER_ACCOUNT`` / ``..._PER_ADDRESS`` /
  ``LOGFRAME_LOGIN_LOCKOUT_SECONDS``: failed web logins before a lockout, and its length
  (default 5 / 20 / 900).
- ``LOGFRAME_CACHE_URL``: ``redis://host:port/db`` for the rendered-page cache shared by
  every worker (default: each process's own memory).
- ``LOGFRAME_FUND_PAGE_STALE_SECONDS``: how far behind the data the fund page and the fund
  report may be served from the page cache, labelled (default 0: always current; 10 is a
  good value for a busy fund, docs/deployment.md).
"""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import Any

import dj_database_url
import django_stubs_ext
from django.core.exceptions import ImproperlyConfigured

django_stubs_ext.monkeypatch()  # lets admin classes and querysets take type parameters

PACKAGE_DIR = Path(__file__).resolve().parent
WORK_DIR = Path.cwd()
VAR_DIR = Path(os.environ.get("LOGFRAME_VAR_DIR", WORK_DIR / "var"))


def _flag(name: str, default: str = "0") -> bool:
    value = os.environ.get(name, default).strip().lower()
    if value in {"1", "true", "yes", "on"}:
        return True
    if value in {"0", "false", "no", "off", ""}:
        return False
    raise ImproperlyConfigured(f"{name}={value!r}: expected 1/0, true/false, yes/no or on/off")


def _seconds(name: str, default: str) -> float:
    value = os.environ.get(name, default).strip()
    try:
        seconds = float(value)
    except ValueError:
        seconds = -1.0
    if not 0 <= seconds <= 3600:
        raise ImproperlyConfigured(f"{name}={value!r}: expected a number of seconds, 0 to 3600")
    return seconds


def database_from_url(url: str) -> dict[str, object]:
    """Turn a DATABASE_URL into Django's DATABASES entry, or say clearly why not."""
    if not url.startswith(("sqlite:", "postgres:", "postgresql:", "pgsql:")):
        raise ImproperlyConfigured(
            f"DATABASE_URL={url!r}: expected sqlite:///path or postgres://user@host:port/name"
        )
    config: dict[str, object] = dict(dj_database_url.parse(url, conn_max_age=60))
    if config["ENGINE"] == "django.db.backends.sqlite3":
        config["OPTIONS"] = {"init_command": "PRAGMA foreign_keys=ON;", "timeout": 20}
    else:
        config["CONN_HEALTH_CHECKS"] = True
        config["OPTIONS"] = {"connect_timeout": 5}
    return config


DEBUG = _flag("LOGFRAME_DEBUG")
SECRET_KEY = os.environ.get("LOGFRAME_SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG and _flag("LOGFRAME_REQUIRE_SECRET"):
        raise ImproperlyConfigured("LOGFRAME_SECRET_KEY must be set in production")
    SECRET_KEY = "logframe-insecure-development-key-change-me-in-production-0123456789"

ALLOWED_HOSTS = [
    h.strip()
    for h in os.environ.get("LOGFRAME_ALLOWED_HOSTS", "127.0.0.1,localhost,testserver").split(",")
    if h.strip()
]

DATABASES = {
    "default": database_from_url(
        os.environ.get("DATABASE_URL", f"sqlite:///{VAR_DIR / 'logframe.sqlite3'}")
    )
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# A change's reason is free text (a reopening's written reason, an imported file's path):
# a TextField, not the 100-character default that PostgreSQL enforces and SQLite does not.
SIMPLE_HISTORY_HISTORY_CHANGE_REASON_USE_TEXT_FIELD = True

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "simple_history",
    "rules",
    "django_htmx",
    "logframe.portfolio",
    "logframe.accounts",
    "logframe.activities",
    "logframe.translations",
    "logframe.web",
    "logframe.pagecache",
    "rest_framework",
    "rest_framework.authtoken",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "logframe.api",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "logframe.web.csp.ContentSecurityPolicyMiddleware",  # no inline script or style
    "logframe.web.unavailable.DatabaseUnavailableMiddleware",  # 503 while the database is away
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",  # the cookie, then the browser's languages
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "logframe.web.page_cache.WriteMarkMiddleware",  # read-your-writes on the lagging pages
    "logframe.web.language.PreferenceMiddleware",  # a signed-in person's own language, digits
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
]

ROOT_URLCONF = "logframe.urls"
WSGI_APPLICATION = "logframe.wsgi.application"

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
                "django.template.context_processors.i18n",
                "logframe.web.language.preferences",
            ],
        },
    },
]

# Plain widgets written in Python: the data-entry page renders hundreds of them.
FORM_RENDERER = "logframe.web.form_rendering.FastWidgetRenderer"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# The interface in English, Arabic and Central Kurdish (Sorani); docs/i18n.md.
# Django's LANG_INFO marks ar and ckb as right-to-left (LANGUAGES_BIDI).
LANGUAGE_CODE = "en"
LANGUAGES = [("en", "English"), ("ar", "العربية"), ("ckb", "کوردی")]
LOCALE_PATHS = [PACKAGE_DIR / "locale"]
LANGUAGE_COOKIE_NAME = "logframe_language"
LANGUAGE_COOKIE_SAMESITE = "Lax"
LANGUAGE_COOKIE_AGE = 365 * 24 * 3600
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
if os.environ.get("LOGFRAME_STATIC_ROOT"):  # for `collectstatic` in production
    STATIC_ROOT = os.environ["LOGFRAME_STATIC_ROOT"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
WHITENOISE_USE_FINDERS = True
# The documents' Vazirmatn fonts, served to the web pages too (static/fonts/vazirmatn/…).
STATICFILES_DIRS = [("fonts", PACKAGE_DIR / "fonts")]

AUTHENTICATION_BACKENDS = [
    "rules.permissions.ObjectPermissionBackend",
    "django.contrib.auth.backends.ModelBackend",
]

MEDIA_ROOT = Path(os.environ.get("LOGFRAME_MEDIA_ROOT", VAR_DIR / "media"))
MEDIA_URL = "/media/"  # never served directly: evidence goes through an access-checked view
FILE_UPLOAD_MAX_MEMORY_SIZE = 2_621_440
DATA_UPLOAD_MAX_MEMORY_SIZE = 10_485_760
EVIDENCE_MAX_BYTES = int(os.environ.get("LOGFRAME_EVIDENCE_MAX_BYTES", 10 * 1024 * 1024))

# The address people reach Logframe at, for links in e-mails.
LOGFRAME_BASE_URL = os.environ.get("LOGFRAME_BASE_URL", "http://127.0.0.1:8000").rstrip("/")

EMAIL_BACKEND = os.environ.get(
    "LOGFRAME_EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend"
)
DEFAULT_FROM_EMAIL = os.environ.get("LOGFRAME_FROM_EMAIL", "logframe@localhost")
EMAIL_HOST = os.environ.get("LOGFRAME_EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("LOGFRAME_EMAIL_PORT", "25"))

# Login throttling (accounts/throttle.py): failures counted in the "throttle" cache, a table
# of the database (created by migrate), so every worker process counts the same failures.
# The default cache holds the rendered pages (web/page_cache.py): Redis shared by every
# worker when LOGFRAME_CACHE_URL is set (redis://host:port/db), else each process's memory.
_CACHE_URL = os.environ.get("LOGFRAME_CACHE_URL", "").strip()
if _CACHE_URL and not _CACHE_URL.startswith(("redis://", "rediss://", "unix://")):
    raise ImproperlyConfigured(f"LOGFRAME_CACHE_URL must be a redis:// URL, not {_CACHE_URL!r}")
CACHES: dict[str, dict[str, Any]] = {
    "default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": _CACHE_URL}
    if _CACHE_URL
    else {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "OPTIONS": {"MAX_ENTRIES": 1000},
    },
    "throttle": {
        "BACKEND": "django.core.cache.backends.db.DatabaseCache",
        "LOCATION": "logframe_throttle_cache",
    },
}
# Sessions: with a shared cache (Redis), read from it and written through to the database
# (a page read from the page cache then costs no session query); a logout deletes both,
# and a password change still ends the other sessions (their hash is checked against the
# user read at each request). Without one, the database alone: each process's own memory
# would keep a session that another worker logged out.
SESSION_ENGINE = (
    "django.contrib.sessions.backends.cached_db"
    if _CACHE_URL
    else "django.contrib.sessions.backends.db"
)
# The fund-wide pages (fund page, fund report) may be served from the page cache up to this
# many seconds after they were built although the fund moved since, labelled "figures as
# of HH:MM:SS" and rebuilt by one request at a time (web/page_cache.py). 0, the default:
# always current, as every other page.
FUND_PAGE_STALE_SECONDS = _seconds("LOGFRAME_FUND_PAGE_STALE_SECONDS", "0")
LOGIN_FAILURES_PER_ACCOUNT = int(os.environ.get("LOGFRAME_LOGIN_FAILURES_PER_ACCOUNT", "5"))
LOGIN_FAILURES_PER_ADDRESS = int(os.environ.get("LOGFRAME_LOGIN_FAILURES_PER_ADDRESS", "20"))
LOGIN_LOCKOUT_SECONDS = int(os.environ.get("LOGFRAME_LOGIN_LOCKOUT_SECONDS", "900"))
# Retry-After of the 503 page while the database is unreachable (web/unavailable.py).
DATABASE_RETRY_AFTER_SECONDS = 10

LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "login"

SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
if not DEBUG and _flag("LOGFRAME_HTTPS"):
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_SSL_REDIRECT = True
    SECURE_HSTS_SECONDS = 31536000
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True

# The REST API (docs/api.md): a key per script or the browser's session; one error body.
API_LOGIN_RATE = os.environ.get("LOGFRAME_API_LOGIN_RATE", "10/minute")
if not re.fullmatch(r"\d+/(s|sec|second|m|min|minute|h|hour|d|day)", API_LOGIN_RATE):
    raise ImproperlyConfigured(
        f"LOGFRAME_API_LOGIN_RATE={API_LOGIN_RATE!r}: expected attempts/period, e.g. 10/minute"
    )
REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "rest_framework.authentication.TokenAuthentication",  # first: 401 names the scheme
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticated"],
    "DEFAULT_PAGINATION_CLASS": "logframe.api.pagination.Pages",
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_PARSER_CLASSES": ["rest_framework.parsers.JSONParser"],
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "DEFAULT_THROTTLE_RATES": {"token": API_LOGIN_RATE},
    "EXCEPTION_HANDLER": "logframe.api.errors.api_exception_handler",
    "PAGE_SIZE": 50,
}
SPECTACULAR_SETTINGS = {
    "TITLE": "Logframe API",
    "DESCRIPTION": "Projects, quarters, indicator values, finance and narratives "
    "of a fund's projects, with the web's permissions, workflow and audit.",
    "VERSION": "1",
    "SERVE_INCLUDE_SCHEMA": False,
    "SERVE_PERMISSIONS": ["rest_framework.permissions.AllowAny"],
    "COMPONENT_SPLIT_REQUEST": True,
    "SWAGGER_UI_DIST": "SIDECAR",  # served from our static files: works offline
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    "ENUM_NAME_OVERRIDES": {
        "PeriodStateEnum": "logframe.domain.records.PeriodState",
        "MeasureEnum": "logframe.domain.measures.Measure",
        "DisaggregationEnum": "logframe.domain.records.Disaggregation",
    },
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": "WARNING"},
}
