"""One env-driven settings module.

With no variables set it runs embedded: SQLite, files under ``DATA_DIR``, the
SQLAlchemy broker on a SQLite file, rules screening and local extraction.
``DJANGO_ENV=production`` switches on the HTTPS settings and refuses to start
with any of the development secrets below.
"""

from __future__ import annotations

from pathlib import Path

import environ
from django.core.exceptions import ImproperlyConfigured

from config.env import env_bool, env_int, env_list, env_secret, env_str

BASE_DIR = Path(__file__).resolve().parent.parent

DJANGO_ENV = env_str("DJANGO_ENV", "development")
if DJANGO_ENV not in {"development", "test", "production"}:
    raise ImproperlyConfigured("DJANGO_ENV must be development, test or production")
IS_PRODUCTION = DJANGO_ENV == "production"

DATA_DIR = Path(env_str("DATA_DIR", str(BASE_DIR / "var"))).resolve()
# The embedded database, broker and files live here; create it on first start.
DATA_DIR.mkdir(parents=True, exist_ok=True)

# Development-only secrets. Production refuses every one of them.
_DEV_SECRET_KEY = "dev-insecure-secret-key-change-me-0123456789abcdefghijklmnopqrstuvwxyz"  # noqa: S105 (refused in production)
_DEV_FIELD_KEY = "ZGV2LWluc2VjdXJlLWZpZWxkLWtleS0wMDAwMDAwMDA="
_DEV_BLIND_INDEX_KEY = "dev-insecure-blind-index-key"

SECRET_KEY = env_secret("SECRET_KEY", _DEV_SECRET_KEY)
FIELD_ENCRYPTION_KEYS = env_list("FIELD_ENCRYPTION_KEYS", [])
if not FIELD_ENCRYPTION_KEYS:
    FIELD_ENCRYPTION_KEYS = [k for k in env_secret("FIELD_ENCRYPTION_KEYS", _DEV_FIELD_KEY).split(",") if k]
BLIND_INDEX_KEY = env_secret("BLIND_INDEX_KEY", _DEV_BLIND_INDEX_KEY)
DEBUG = env_bool("DEBUG", default=not IS_PRODUCTION)

if IS_PRODUCTION:
    if SECRET_KEY == _DEV_SECRET_KEY or len(SECRET_KEY) < 50:
        raise ImproperlyConfigured("Set SECRET_KEY (50+ characters) in production.")
    if _DEV_FIELD_KEY in FIELD_ENCRYPTION_KEYS:
        raise ImproperlyConfigured("Set FIELD_ENCRYPTION_KEYS in production; the development key is public.")
    if BLIND_INDEX_KEY == _DEV_BLIND_INDEX_KEY or len(BLIND_INDEX_KEY) < 32:
        raise ImproperlyConfigured("Set BLIND_INDEX_KEY (32+ characters) in production.")
    if DEBUG:
        raise ImproperlyConfigured("DEBUG must be false in production.")

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", [] if IS_PRODUCTION else ["127.0.0.1", "localhost", "testserver"])
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", [])
PUBLIC_BASE_URL = env_str("PUBLIC_BASE_URL", "http://127.0.0.1:8000").rstrip("/")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "rest_framework",
    "rest_framework.authtoken",
    "drf_spectacular",
    "applicants",
    "documents",
    "screening",
    "intake",
    "workspace",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
]

if IS_PRODUCTION:
    # Static files from the app server itself; no separate web server needed.
    MIDDLEWARE.insert(1, "whitenoise.middleware.WhiteNoiseMiddleware")

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.i18n",
            ],
        },
    },
]

# SQLite needs IMMEDIATE transactions and WAL so the web server and a worker
# can write at once without "database is locked": with the defaults 7 of 8 writer
# threads hit it (8 threads x 50 transactions), with these none did.
_SQLITE_OPTIONS = {
    "transaction_mode": "IMMEDIATE",
    "timeout": 20,
    "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
}
_database_url = env_str("DATABASE_URL", "")
if _database_url:
    _db = environ.Env.db_url_config(_database_url)
    if _db["ENGINE"] == "django.db.backends.sqlite3":
        _db.setdefault("OPTIONS", {}).update(_SQLITE_OPTIONS)
    else:
        _db["CONN_MAX_AGE"] = env_int("DB_CONN_MAX_AGE", 60)
        _db["CONN_HEALTH_CHECKS"] = True
else:
    _db = {
        "ENGINE": "django.db.backends.sqlite3",
        "NAME": str(DATA_DIR / "db.sqlite3"),
        "OPTIONS": _SQLITE_OPTIONS,
    }
DATABASES = {"default": _db}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "pt-pt"
LANGUAGES = [("pt-pt", "Português"), ("en", "English")]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/Lisbon"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = DATA_DIR / "static"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "whitenoise.storage.CompressedManifestStaticFilesStorage"
            if IS_PRODUCTION
            else "django.contrib.staticfiles.storage.StaticFilesStorage"
        )
    },
}

# Request size: JSON bodies are small; files never pass through Django except
# the local storage's upload endpoint, which streams to disk.
DATA_UPLOAD_MAX_MEMORY_SIZE = 256 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 256 * 1024
DATA_UPLOAD_MAX_NUMBER_FIELDS = 200

# --- Security -----------------------------------------------------------------
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = False
SECURE_CONTENT_TYPE_NOSNIFF = True
X_FRAME_OPTIONS = "DENY"
if IS_PRODUCTION:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 31536000)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True
    SECURE_REFERRER_POLICY = "same-origin"

# --- REST API -----------------------------------------------------------------
REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "applicants.authentication.AgencyTokenAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["applicants.api_permissions.IsAgencyStaff"],
    "DEFAULT_PAGINATION_CLASS": "rest_framework.pagination.PageNumberPagination",
    "PAGE_SIZE": 50,
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "COERCE_DECIMAL_TO_STRING": False,
    "EXCEPTION_HANDLER": "applicants.rest.exception_handler",
    "DEFAULT_THROTTLE_RATES": {
        "intake": env_str("INTAKE_THROTTLE_RATE", "120/min"),
        "intake_write": env_str("INTAKE_WRITE_THROTTLE_RATE", "30/min"),
    },
    "UNAUTHENTICATED_USER": "django.contrib.auth.models.AnonymousUser",
}
SPECTACULAR_SETTINGS = {
    "TITLE": "Applicant screening API",
    "DESCRIPTION": "Intake, status and decisions for Portuguese rental and sale applicants.",
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "COMPONENT_SPLIT_REQUEST": True,
    "SCHEMA_PATH_PREFIX": "/api/v1",
    "ENUM_NAME_OVERRIDES": {
        "ApplicantStatusEnum": "applicants.models.ApplicantStatus",
        "DocumentStatusEnum": "documents.models.DocumentStatus",
        "FormStatusEnum": "applicants.models.FormStatus",
        "RiskLevelEnum": "screening.models.RiskLevel",
        "DecisionEnum": "applicants.models.DecisionOutcome",
        "DocumentTypeEnum": "documents.models.DocumentType",
    },
}

CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": "screening-default",
    }
}

# --- Product limits -------------------------------------------------------------
INTAKE_MAX_DOCUMENTS = env_int("INTAKE_MAX_DOCUMENTS", 10)
INTAKE_MAX_FILE_SIZE = env_int("INTAKE_MAX_FILE_SIZE", 10 * 1024 * 1024)
INTAKE_UPLOAD_URL_TTL = env_int("INTAKE_UPLOAD_URL_TTL", 900)
INTAKE_DEFAULT_EXPIRY_DAYS = env_int("INTAKE_DEFAULT_EXPIRY_DAYS", 14)
CONSENT_TEXT_VERSION = env_str("CONSENT_TEXT_VERSION", "2026-11-v1")

# --- Storage ------------------------------------------------------------------
STORAGE_BACKEND = env_str("STORAGE_BACKEND", "local")
LOCAL_STORAGE_DIR = Path(env_str("LOCAL_STORAGE_DIR", str(DATA_DIR / "objects")))
S3_BUCKET = env_str("S3_BUCKET", "")
S3_ENDPOINT_URL = env_str("S3_ENDPOINT_URL", "") or None
S3_PUBLIC_ENDPOINT_URL = env_str("S3_PUBLIC_ENDPOINT_URL", "") or None
AWS_REGION = env_str("AWS_REGION", env_str("AWS_DEFAULT_REGION", "eu-west-1"))
if STORAGE_BACKEND not in {"local", "s3"}:
    raise ImproperlyConfigured("STORAGE_BACKEND must be local or s3")
if STORAGE_BACKEND == "s3" and not S3_BUCKET:
    raise ImproperlyConfigured("STORAGE_BACKEND=s3 needs S3_BUCKET")

# --- Extraction -----------------------------------------------------------------
EXTRACTION_BACKEND = env_str("EXTRACTION_BACKEND", "local")
REDUCTO_API_URL = env_str("REDUCTO_API_URL", "https://platform.reducto.ai")
REDUCTO_API_KEY = env_secret("REDUCTO_API_KEY", "")
REDUCTO_TIMEOUT_SECONDS = env_int("REDUCTO_TIMEOUT_SECONDS", 60)
EXTRACTION_MAX_PAGES = env_int("EXTRACTION_MAX_PAGES", 10)
EXTRACTION_MAX_IMAGE_PIXELS = env_int("EXTRACTION_MAX_IMAGE_PIXELS", 40_000_000)
EXTRACTION_OCR_DPI = env_int("EXTRACTION_OCR_DPI", 300)
EXTRACTION_OCR_TIMEOUT_SECONDS = env_int("EXTRACTION_OCR_TIMEOUT_SECONDS", 60)
if EXTRACTION_BACKEND not in {"local", "reducto"}:
    raise ImproperlyConfigured("EXTRACTION_BACKEND must be local or reducto")

# --- Screening ------------------------------------------------------------------
SCREENING_BACKEND = env_str("SCREENING_BACKEND", "rules")
OPENAI_API_KEY = env_secret("OPENAI_API_KEY", "")
OPENAI_BASE_URL = env_str("OPENAI_BASE_URL", "") or None
OPENAI_MODEL = env_str("OPENAI_MODEL", "gpt-4o-mini")
OPENAI_TIMEOUT_SECONDS = env_int("OPENAI_TIMEOUT_SECONDS", 30)
SCREENING_NODE_TIMEOUT_SECONDS = env_int("SCREENING_NODE_TIMEOUT_SECONDS", 60)
SCREENING_NODE_MAX_ATTEMPTS = env_int("SCREENING_NODE_MAX_ATTEMPTS", 3)
if SCREENING_BACKEND not in {"rules", "openai"}:
    raise ImproperlyConfigured("SCREENING_BACKEND must be rules or openai")

# --- Events -------------------------------------------------------------------
EVENTS_BACKEND = env_str("EVENTS_BACKEND", "file")
EVENTS_QUEUE_URL = env_str("EVENTS_QUEUE_URL", "")
EVENTS_FILE = Path(env_str("EVENTS_FILE", str(DATA_DIR / "events.jsonl")))
if EVENTS_BACKEND not in {"file", "sqs", "none"}:
    raise ImproperlyConfigured("EVENTS_BACKEND must be file, sqs or none")

# --- Celery -------------------------------------------------------------------
from config.celery_settings import *  # noqa: E402,F403

# --- Logging ------------------------------------------------------------------
LOG_LEVEL = env_str("LOG_LEVEL", "INFO")
LOG_FORMAT = env_str("LOG_FORMAT", "json" if IS_PRODUCTION else "console")
from config.logging import build_logging_config  # noqa: E402

LOGGING = build_logging_config(level=LOG_LEVEL, fmt=LOG_FORMAT)
