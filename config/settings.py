"""One env-driven settings module.

With no variables set it runs embedded: SQLite, files under ``DATA_DIR``, the
SQLAlchemy broker on a SQLite file, rules screening and local extraction.
``DJANGO_ENV=production`` switches on the HTTPS settings and refuses to start
with any of the development secrets below.
"""

from __future__ import annotations

import base64
from datetime import timedelta
from pathlib import Path

import environ
from cryptography.fernet import Fernet
from csp.constants import NONE, SELF
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
# Checked at start, as the storage keys are: a key that is no Fernet key (or a *_FILE holding nothing) had let the
# server start and answer 200 on its readiness probe, then fail every request that reads personal data (blind
# operations probe c26).
if not FIELD_ENCRYPTION_KEYS:
    raise ImproperlyConfigured("FIELD_ENCRYPTION_KEYS is empty (or FIELD_ENCRYPTION_KEYS_FILE holds nothing).")
for _field_key in FIELD_ENCRYPTION_KEYS:
    try:
        Fernet(_field_key)
    except (ValueError, TypeError) as _exc:
        raise ImproperlyConfigured(
            "FIELD_ENCRYPTION_KEYS holds a key that is not a Fernet key (32 bytes, url-safe base64; "
            'python -c "from cryptography.fernet import Fernet; print(Fernet.generate_key().decode())").'
        ) from _exc

# One key, one purpose: a blind-index key that is also the signing or a field key
# lets a leak of one open the other.
if BLIND_INDEX_KEY == SECRET_KEY or BLIND_INDEX_KEY in FIELD_ENCRYPTION_KEYS:
    raise ImproperlyConfigured("BLIND_INDEX_KEY must differ from SECRET_KEY and from every FIELD_ENCRYPTION_KEYS key.")

if IS_PRODUCTION:
    if SECRET_KEY == _DEV_SECRET_KEY or len(SECRET_KEY) < 50:
        raise ImproperlyConfigured("Set SECRET_KEY (50+ characters) in production.")
    if _DEV_FIELD_KEY in FIELD_ENCRYPTION_KEYS:
        # In any place of the list, not only the first: a public key that still decrypts leaves every row it
        # sealed readable by anyone. "Set FIELD_ENCRYPTION_KEYS" sent an operator rotating off it (a new key first)
        # to set a variable already set (blind probe r63b).
        raise ImproperlyConfigured(
            "FIELD_ENCRYPTION_KEYS holds the development key, which is public: production refuses it in any place. "
            "Set a new key alone; to keep data sealed with the dev key, rotate off it first outside production "
            "(README, Configuration)."
        )
    if BLIND_INDEX_KEY == _DEV_BLIND_INDEX_KEY or len(BLIND_INDEX_KEY) < 32:
        raise ImproperlyConfigured("Set BLIND_INDEX_KEY (32+ characters) in production.")
    if DEBUG:
        raise ImproperlyConfigured("DEBUG must be false in production.")

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", [] if IS_PRODUCTION else ["127.0.0.1", "localhost", "testserver"])
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", [])
PUBLIC_BASE_URL = env_str("PUBLIC_BASE_URL", "http://127.0.0.1:8000").rstrip("/")

# Mail (invitations and notices): embedded, each message is an .eml file under DATA_DIR/mail/;
# in production, SMTP with EMAIL_BACKEND=django.core.mail.backends.smtp.EmailBackend.
# Co-tenants and guarantors one application may invite.
INTAKE_MAX_HOUSEHOLD_MEMBERS = env_int("INTAKE_MAX_HOUSEHOLD_MEMBERS", 6)
EMAIL_BACKEND = env_str("EMAIL_BACKEND", "applicants.mail.EmlFileBackend")
EMAIL_FILE_PATH = env_str("EMAIL_FILE_PATH", str(DATA_DIR / "mail"))
EMAIL_HOST = env_str("EMAIL_HOST", "localhost")
EMAIL_PORT = env_int("EMAIL_PORT", 587)
EMAIL_HOST_USER = env_str("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = env_secret("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", default=True)
EMAIL_TIMEOUT = env_int("EMAIL_TIMEOUT", 20)
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "Candidaturas <nao-responder@example.pt>")

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
    "drf_spectacular_sidecar",
    "axes",
    # Liveness and readiness probes (workspace.health).
    "health_check",
    "applicants",
    "documents",
    "screening",
    "intake",
    "workspace",
]

MIDDLEWARE = [
    # First: times every request, middleware included (workspace.metrics).
    "workspace.metrics.RequestMetricsMiddleware",
    # A machine route's refused Host as the API's JSON, before anything asks for the host (config/api_errors.py).
    "config.api_errors.MachineRouteHostMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    # The admin stays in pt-PT whatever the browser asks, unless the staff member chose English.
    "workspace.locale.StaffLanguageMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # Content-Security-Policy on every response (django-csp; the upload origin added per settings).
    "config.csp.ContentSecurityPolicyMiddleware",
    # An API's server error as JSON (config/api_errors.py): the only process_exception here, so the first to run.
    "config.api_errors.JsonServerErrorMiddleware",
    # Last, as django-axes asks: turns a locked-out admin login into its lockout response.
    "axes.middleware.AxesMiddleware",
]

# Admin logins: AxesStandaloneBackend refuses a (username, address) pair after
# ADMIN_LOGIN_FAILURE_LIMIT failures for ADMIN_LOGIN_COOLOFF_MINUTES. The API's
# token authentication does not go through these backends.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    # ModelBackend with the user's and groups' permissions in one query (a query less per staff request).
    "applicants.backends.OneQueryModelBackend",
]
AXES_FAILURE_LIMIT = env_int("ADMIN_LOGIN_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = timedelta(minutes=env_int("ADMIN_LOGIN_COOLOFF_MINUTES", 30))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
# The same client address as the API's throttles (honours NUM_PROXIES, ignores a spoofed X-Forwarded-For).
AXES_CLIENT_IP_CALLABLE = "applicants.rest.admin_login_address"
AXES_VERBOSE = False

# Staff API tokens older than this stop working (revoke earlier by deleting the token in admin).
STAFF_TOKEN_TTL_DAYS = env_int("STAFF_TOKEN_TTL_DAYS", 90)

if IS_PRODUCTION:
    # Static files from the app server itself; no separate web server needed.
    MIDDLEWARE.insert(1, "whitenoise.middleware.WhiteNoiseMiddleware")

ROOT_URLCONF = "config.urls"
# After the admin's login when ``next`` is missing or points off the site (refused): the admin, not Django's
# default ``/accounts/profile/``, which is no page here (blind probe r73a, F3).
LOGIN_REDIRECT_URL = "admin:index"
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
# threads hit it (8 threads x 50 transactions), with these none did. secure_delete
# zeroes what a deleted or corrected row leaves in the file: without it an erased
# person's encrypted fields stayed in free pages and decrypted with the field key
# (blind probe r76a, F1); the WAL's copies go with applicants.database_files.wal_truncate.
_SQLITE_OPTIONS = {
    "transaction_mode": "IMMEDIATE",
    "timeout": 20,
    "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA secure_delete=ON;",
}
_database_url = env_str("DATABASE_URL", "")
if IS_PRODUCTION and not _database_url:
    # Production names its database: without it the app had run on a SQLite file in DATA_DIR, each pod its own
    # (blind operations probe c26). A single-machine production on SQLite says so: sqlite:////path/db.sqlite3.
    raise ImproperlyConfigured("Set DATABASE_URL in production (postgres://user:password@host:5432/name).")
if _database_url:
    _db = environ.Env.db_url_config(_database_url)
    if "ENGINE" not in _db:
        # django-environ's answer to an unknown scheme is a dict without an engine (a KeyError further on).
        raise ImproperlyConfigured(
            "DATABASE_URL is not a database URL: postgres://user:password@host:5432/name or sqlite:////path/db.sqlite3"
        )
    if _db["ENGINE"] == "django.db.backends.sqlite3":
        _db.setdefault("OPTIONS", {}).update(_SQLITE_OPTIONS)
    else:
        _db["CONN_HEALTH_CHECKS"] = True
else:
    _db = {
        "ENGINE": "django.db.backends.sqlite3",
        "NAME": str(DATA_DIR / "db.sqlite3"),
        "OPTIONS": _SQLITE_OPTIONS,
    }
# Connections are kept between requests and tasks (config/celery.py): opening one cost
# 0.7 ms on SQLite (its pragmas) and more on PostgreSQL (TCP, auth, TLS).
_db["CONN_MAX_AGE"] = env_int("DB_CONN_MAX_AGE", 60)
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
# Dates dd/mm/aaaa HH:MM in both admin languages (config/formats; blind probe C31).
FORMAT_MODULE_PATH = ["config.formats"]
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
# the local storage's upload endpoint, which keeps the file in memory and
# encrypts it before it reaches the disk (FILE_UPLOAD_MAX_MEMORY_SIZE, below
# with the limits, is what keeps Django from spooling it to a temporary file).
DATA_UPLOAD_MAX_MEMORY_SIZE = 256 * 1024
DATA_UPLOAD_MAX_NUMBER_FIELDS = 200

# --- Security -----------------------------------------------------------------
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = False
SECURE_CONTENT_TYPE_NOSNIFF = True
# Kept beside frame-ancestors 'none' for browsers without CSP 2.
X_FRAME_OPTIONS = "DENY"
# Content-Security-Policy (django-csp, docs/adr/026-content-security-policy.md): no inline script
# anywhere (Swagger UI's init script is a file, SpectacularSwaggerSplitView), no inline style (ours
# are static files); images may be data: URIs, which Swagger UI's and the admin's CSS draw icons with.
# config.csp adds the upload origin to connect-src (the S3 endpoint, or PUBLIC_BASE_URL's origin).
# CSP_REPORT_ONLY=true sends it as Content-Security-Policy-Report-Only: browsers log, block nothing.
_CSP_DIRECTIVES = {
    "default-src": [SELF],
    "script-src": [SELF],
    "style-src": [SELF],
    "img-src": [SELF, "data:"],
    "connect-src": [SELF],
    "object-src": [NONE],
    "base-uri": [SELF],
    "frame-ancestors": [NONE],
    "form-action": [SELF],
}
if env_bool("CSP_REPORT_ONLY", default=False):
    CONTENT_SECURITY_POLICY_REPORT_ONLY = {"DIRECTIVES": _CSP_DIRECTIVES}
else:
    CONTENT_SECURITY_POLICY = {"DIRECTIVES": _CSP_DIRECTIVES}
if IS_PRODUCTION:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
    # Orchestrator and load-balancer probes speak plain HTTP to the pod.
    SECURE_REDIRECT_EXEMPT = [r"^health/"]
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
    # Bodies are JSON only, as the contract says, read without the Unicode controls that reorder text on screen
    # (applicants.parsers). DRF's form and multipart parsers took the same fields past that cleaning (e2e probe
    # 20 stored a title "T1 <RLO>gpj.exe" sent form-encoded); any other type is now a 415.
    "DEFAULT_PARSER_CLASSES": ["applicants.parsers.JSONParser"],
    "TEST_REQUEST_DEFAULT_FORMAT": "json",
    # JSON only, whatever the Accept header asks: DRF's browsable HTML pages answered a browser's "text/html", errors
    # included, against the contract's "always JSON" (e2e probe 18); a client asking for nothing JSON can take gets
    # 406. The report's PDF adds its own renderer on its action.
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    # No ``?format=`` override: the contract ignores a query parameter an endpoint does not list, and DRF's override
    # answered 404 to ``?format=xml`` (a staff endpoint) or ``?format=x`` (an applicant's status, which read as an
    # unknown link). The representation is chosen by ``Accept`` alone (blind probe r75b, F3; ADR 028).
    "URL_FORMAT_OVERRIDE": None,
    "DEFAULT_PAGINATION_CLASS": "rest_framework.pagination.PageNumberPagination",
    "PAGE_SIZE": 50,
    "DEFAULT_SCHEMA_CLASS": "applicants.openapi.ApiAutoSchema",
    "COERCE_DECIMAL_TO_STRING": False,
    "EXCEPTION_HANDLER": "applicants.rest.exception_handler",
    # Intake writes are limited per token first (one applicant's budget); the per-address
    # limits are ceilings, generous because offices and carriers put many people behind one address
    # (docs/adr/008-intake-throttling.md).
    "DEFAULT_THROTTLE_RATES": {
        "intake": env_str("INTAKE_THROTTLE_RATE", "120/min"),
        "intake_write": env_str("INTAKE_WRITE_THROTTLE_RATE", "300/min"),
        "intake_token_write": env_str("INTAKE_TOKEN_WRITE_THROTTLE_RATE", "60/min"),
        "intake_token_write_day": env_str("INTAKE_TOKEN_DAILY_WRITE_THROTTLE_RATE", "300/day"),
    },
    # Proxies in front of the app that append to X-Forwarded-For; 0 ignores the header (any client can forge it).
    # The throttles and the consent record use the address this gives.
    "NUM_PROXIES": env_int("NUM_PROXIES", 0),
    "UNAUTHENTICATED_USER": "django.contrib.auth.models.AnonymousUser",
}
SPECTACULAR_SETTINGS = {
    "TITLE": "Applicant screening API",
    "DESCRIPTION": "Intake, status and decisions for Portuguese rental and sale applicants.",
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "COMPONENT_SPLIT_REQUEST": True,
    "SCHEMA_PATH_PREFIX": "/api/v1",
    # drf-spectacular's enum hooks first, then nullable nested objects written the OpenAPI 3.0.3 way.
    "POSTPROCESSING_HOOKS": [
        "drf_spectacular.hooks.postprocess_schema_enums",
        "applicants.openapi.nullable_references",
    ],
    # Swagger UI's JavaScript and CSS come from the app (drf-spectacular-sidecar), never a CDN.
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    "ENUM_NAME_OVERRIDES": {
        # WAITING is the application's status in the contract, never an applicant's (applicants/models.py).
        "ApplicantStatusEnum": "applicants.models.CONTRACT_APPLICANT_STATUSES",
        "ApplicationStatusEnum": "applicants.models.ApplicationStatus",
        "DocumentStatusEnum": "documents.models.DocumentStatus",
        "FormStatusEnum": "applicants.models.FormStatus",
        "RiskLevelEnum": "screening.models.RiskLevel",
        "DecisionEnum": "applicants.models.DecisionOutcome",
        "DocumentTypeEnum": "documents.models.DocumentType",
        "RoleEnum": "applicants.models.Role",
        "InvitedRoleEnum": ["CO_TENANT", "GUARANTOR"],
        "InvitationStatusEnum": "applicants.models.InvitationStatus",
        "IncomeProfileEnum": "applicants.models.IncomeProfile",
        "InfoRequestStatusEnum": "applicants.models.InfoRequestStatus",
        "ContestStatusEnum": "applicants.models.ContestStatus",
        "SignalSeverityEnum": ["LOW", "MEDIUM", "HIGH"],
        "SignalSourceEnum": ["file", "content", "reuse"],
    },
}

# Shared by every process (the throttle counters live here): the database by default, so the
# embedded setup needs no server (migrate creates the table); CACHE_URL for Redis or Memcached.
_cache_url = env_str("CACHE_URL", "")
_database_cache = {
    "BACKEND": "django.core.cache.backends.db.DatabaseCache",
    "LOCATION": "django_cache",
    # Room for every address and token counted at once (the default 300 entries would evict counters).
    "OPTIONS": {"MAX_ENTRIES": 20_000},
}
CACHES = {"default": environ.Env.cache_url_config(_cache_url) if _cache_url else _database_cache}
if _cache_url.startswith("pymemcache://"):
    # django-environ maps pymemcache:// to the pylibmc backend (blind operations probe c26: "No module named
    # 'pylibmc'"); Django's own backend for pymemcache is this one.
    CACHES["default"]["BACKEND"] = "django.core.cache.backends.memcached.PyMemcacheCache"

# --- Product limits -------------------------------------------------------------
# Room for the largest set the intake asks for: a mixed profile's 3 payslips, faturas-recibo of up to 12 months, the
# start of activity, a pension statement and an IRS document, with both sides of a Cartão de Cidadão (20; cases
# probe 15 found 10 refused a mixed profile's 11). tests/unit/test_intake_limits.py holds it to the screening's own figures.
INTAKE_MAX_DOCUMENTS = env_int("INTAKE_MAX_DOCUMENTS", 20)
INTAKE_MAX_FILE_SIZE = env_int("INTAKE_MAX_FILE_SIZE", 10 * 1024 * 1024)
# The local upload endpoint refuses a larger body before reading it; below this Django keeps files in memory.
FILE_UPLOAD_MAX_MEMORY_SIZE = INTAKE_MAX_FILE_SIZE + 64 * 1024
INTAKE_UPLOAD_URL_TTL = env_int("INTAKE_UPLOAD_URL_TTL", 900)
INTAKE_DEFAULT_EXPIRY_DAYS = env_int("INTAKE_DEFAULT_EXPIRY_DAYS", 14)
if not 1 <= INTAKE_DEFAULT_EXPIRY_DAYS <= 365:  # applicants.services.FORM_MAX_EXPIRY_DAYS
    raise ImproperlyConfigured("INTAKE_DEFAULT_EXPIRY_DAYS must be 1 to 365")
# Slots a form may ask for in its life (retries and replaced files included); each one is recorded.
INTAKE_MAX_UPLOAD_SLOTS = env_int("INTAKE_MAX_UPLOAD_SLOTS", 3 * INTAKE_MAX_DOCUMENTS)
# Days an upload that no submission took is kept after its slot expires (also the S3 lifecycle rule on uploads/).
INTAKE_UPLOAD_RETENTION_DAYS = env_int("INTAKE_UPLOAD_RETENTION_DAYS", 1)
if INTAKE_UPLOAD_RETENTION_DAYS < 1:
    raise ImproperlyConfigured("INTAKE_UPLOAD_RETENTION_DAYS must be at least 1")
# The audit trail (ids and staff actors, never personal data) is kept this long for accountability (GDPR art. 5(2):
# who saw, exported, decided or erased what), then pruned by the beat purge (blind probe r64b, F5: kept forever).
AUDIT_RETENTION_DAYS = env_int("AUDIT_RETENTION_DAYS", 1825)
if AUDIT_RETENTION_DAYS < 1:
    raise ImproperlyConfigured("AUDIT_RETENTION_DAYS must be at least 1")
# The information notice's wording version (applicants/notice.py); bump it when the wording changes. The exact
# text each applicant accepted is kept too (ConsentNotice), as it also follows the agency's settings.
CONSENT_TEXT_VERSION = env_str("CONSENT_TEXT_VERSION", "2026-12-v2")
# Who hosts the service, as the notice names it among the processors (e.g. "Hetzner Online GmbH, Alemanha");
# empty: "the hosting provider contracted for this service".
HOSTING_PROVIDER = env_str("HOSTING_PROVIDER", "")
# Days an applicant has to answer a request for more documents before it shows as overdue.
INFO_REQUEST_DAYS = env_int("INFO_REQUEST_DAYS", 7)
if not 1 <= INFO_REQUEST_DAYS <= 90:
    raise ImproperlyConfigured("INFO_REQUEST_DAYS must be 1 to 90")

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
# S3 encrypts every object server-side: SSE-KMS with this key when set, else SSE-S3 (AES256).
S3_KMS_KEY_ID = env_str("S3_KMS_KEY_ID", "")
# The local storage encrypts every object (AES-256-GCM, docs/adr/007-storage-encryption.md): base64
# 32-byte keys, the first encrypts, all decrypt; `rotate_storage_keys` re-encrypts under the first.
_DEV_STORAGE_KEY = "ZGV2LWluc2VjdXJlLXN0b3JhZ2Uta2V5LTAwMDAwMDA="
STORAGE_ENCRYPTION_KEYS = env_list("STORAGE_ENCRYPTION_KEYS", [])
if not STORAGE_ENCRYPTION_KEYS:
    STORAGE_ENCRYPTION_KEYS = [k for k in env_secret("STORAGE_ENCRYPTION_KEYS", _DEV_STORAGE_KEY).split(",") if k]
for _storage_key in STORAGE_ENCRYPTION_KEYS:
    try:
        _storage_key_length = len(base64.urlsafe_b64decode(_storage_key.encode("ascii")))
    except (ValueError, UnicodeError) as _exc:
        raise ImproperlyConfigured("STORAGE_ENCRYPTION_KEYS holds a key that is not base64") from _exc
    if _storage_key_length != 32:
        raise ImproperlyConfigured("STORAGE_ENCRYPTION_KEYS keys must be 32 bytes, base64-encoded")
if set(STORAGE_ENCRYPTION_KEYS) & {SECRET_KEY, BLIND_INDEX_KEY, *FIELD_ENCRYPTION_KEYS}:
    raise ImproperlyConfigured(
        "STORAGE_ENCRYPTION_KEYS must differ from SECRET_KEY, BLIND_INDEX_KEY and FIELD_ENCRYPTION_KEYS."
    )
if IS_PRODUCTION and STORAGE_BACKEND == "local" and _DEV_STORAGE_KEY in STORAGE_ENCRYPTION_KEYS:
    raise ImproperlyConfigured(
        "STORAGE_ENCRYPTION_KEYS holds the development key, which is public: production refuses it in any place. "
        "Set a new key alone; to keep files sealed with the dev key, rotate off it first outside production "
        "(README, Configuration)."
    )

# --- Extraction -----------------------------------------------------------------
EXTRACTION_BACKEND = env_str("EXTRACTION_BACKEND", "local")
REDUCTO_API_URL = env_str("REDUCTO_API_URL", "https://platform.reducto.ai")
REDUCTO_API_KEY = env_secret("REDUCTO_API_KEY", "")
REDUCTO_TIMEOUT_SECONDS = env_int("REDUCTO_TIMEOUT_SECONDS", 60)
EXTRACTION_MAX_PAGES = env_int("EXTRACTION_MAX_PAGES", 10)
EXTRACTION_MAX_IMAGE_PIXELS = env_int("EXTRACTION_MAX_IMAGE_PIXELS", 40_000_000)
EXTRACTION_OCR_DPI = env_int("EXTRACTION_OCR_DPI", 300)
EXTRACTION_OCR_TIMEOUT_SECONDS = env_int("EXTRACTION_OCR_TIMEOUT_SECONDS", 60)
# Address-space cap of each Tesseract process: a 50 Mpx page peaks near 300 MB (RSS) here.
EXTRACTION_OCR_MAX_MEMORY_MB = env_int("EXTRACTION_OCR_MAX_MEMORY_MB", 1024)
if EXTRACTION_BACKEND not in {"local", "reducto"}:
    raise ImproperlyConfigured("EXTRACTION_BACKEND must be local or reducto")
# A provider chosen without its key had started, then failed every document as "unavailable, re-run" that no re-run
# could mend (blind operations probe c26): refused at start.
if EXTRACTION_BACKEND == "reducto" and not REDUCTO_API_KEY:
    raise ImproperlyConfigured("EXTRACTION_BACKEND=reducto needs REDUCTO_API_KEY (or REDUCTO_API_KEY_FILE).")

# --- Screening ------------------------------------------------------------------
SCREENING_BACKEND = env_str("SCREENING_BACKEND", "rules")
OPENAI_API_KEY = env_secret("OPENAI_API_KEY", "")
OPENAI_BASE_URL = env_str("OPENAI_BASE_URL", "") or None
OPENAI_MODEL = env_str("OPENAI_MODEL", "gpt-4o-mini")
OPENAI_TIMEOUT_SECONDS = env_int("OPENAI_TIMEOUT_SECONDS", 30)
# SCREENING_NODE_TIMEOUT_SECONDS and SCREENING_NODE_MAX_ATTEMPTS: config/celery_settings.py (time budgets).
if SCREENING_BACKEND not in {"rules", "openai"}:
    raise ImproperlyConfigured("SCREENING_BACKEND must be rules or openai")
if SCREENING_BACKEND == "openai" and not OPENAI_API_KEY:
    raise ImproperlyConfigured("SCREENING_BACKEND=openai needs OPENAI_API_KEY (or OPENAI_API_KEY_FILE).")

# --- Events -------------------------------------------------------------------
EVENTS_BACKEND = env_str("EVENTS_BACKEND", "file")
EVENTS_QUEUE_URL = env_str("EVENTS_QUEUE_URL", "")
EVENTS_FILE = Path(env_str("EVENTS_FILE", str(DATA_DIR / "events.jsonl")))
# Publishing attempts per event before it is parked (backoff 5 s doubling to 15 min: ~2 h).
OUTBOX_MAX_ATTEMPTS = env_int("OUTBOX_MAX_ATTEMPTS", 15)
# Sent events are deleted after this many days (the beat relay prunes them).
OUTBOX_RETENTION_DAYS = env_int("OUTBOX_RETENTION_DAYS", 7)
if EVENTS_BACKEND not in {"file", "sqs", "none"}:
    raise ImproperlyConfigured("EVENTS_BACKEND must be file, sqs or none")

# --- Celery -------------------------------------------------------------------
from config.celery_settings import *  # noqa: E402,F403

# --- Health and metrics (README "Operations") ----------------------------------
# /health/live and /health/ready are open (no PII, no secrets). /metrics answers only when
# METRICS_ENABLED; with METRICS_TOKEN set it needs "Authorization: Bearer <token>", and
# production refuses to start with metrics enabled and no token.
HEALTH_CHECK_TIMEOUT_SECONDS = env_int("HEALTH_CHECK_TIMEOUT_SECONDS", 2)
METRICS_ENABLED = env_bool("METRICS_ENABLED", default=not IS_PRODUCTION)
METRICS_TOKEN = env_secret("METRICS_TOKEN", "")
if IS_PRODUCTION and METRICS_ENABLED and len(METRICS_TOKEN) < 32:
    raise ImproperlyConfigured("METRICS_ENABLED in production needs METRICS_TOKEN (32+ characters).")
# prometheus-client reads it too: set, every process writes its metrics there and /metrics adds them up.
PROMETHEUS_MULTIPROC_DIR = env_str("PROMETHEUS_MULTIPROC_DIR", "")

# --- Logging ------------------------------------------------------------------
LOG_LEVEL = env_str("LOG_LEVEL", "INFO")
LOG_FORMAT = env_str("LOG_FORMAT", "json" if IS_PRODUCTION else "console")
from config.logging import build_logging_config  # noqa: E402

LOGGING = build_logging_config(level=LOG_LEVEL, fmt=LOG_FORMAT)
