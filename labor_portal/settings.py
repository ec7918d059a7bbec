"""Settings for the labor-affairs portal, read from the environment (see .env.example).

With nothing set the portal runs on SQLite with Celery tasks run eagerly in-process; production sets
DATABASE_URL and REDIS_URL.
"""

from datetime import timedelta
from pathlib import Path

import dj_database_url
import django.conf.locale
from celery.schedules import crontab
from csp.constants import NONCE as CSP_NONCE
from csp.constants import NONE as CSP_NONE
from csp.constants import SELF as CSP_SELF
from django.core.exceptions import ImproperlyConfigured

from labor_portal.env import env_bool, env_int, env_list, env_networks, env_str, env_url

BASE_DIR = Path(__file__).resolve().parent.parent

DEBUG = env_bool("DEBUG", True)

SECRET_KEY = env_str("SECRET_KEY")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured("SECRET_KEY must be set when DEBUG is off")
    SECRET_KEY = "django-insecure-development-only-key"  # noqa: S105 - never used with DEBUG off

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["127.0.0.1", "localhost", "testserver"] if DEBUG else [])
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", [])

# The proxies whose X-Forwarded-For we believe (labor_portal.core.clientip): none unless configured, so that a
# visitor cannot choose the address that rate limits and the login lockout count against.
TRUSTED_PROXY_COUNT = env_int("TRUSTED_PROXY_COUNT", 0)
if TRUSTED_PROXY_COUNT < 0:
    raise ImproperlyConfigured(f"TRUSTED_PROXY_COUNT must be 0 or more, not {TRUSTED_PROXY_COUNT}")
TRUSTED_PROXIES = env_networks("TRUSTED_PROXIES")

# The bureau's lines of work: each declares itself on its AppConfig (labor_portal.core.sections).
SECTION_APPS = [
    "unions",
    "inspections",
    "disputes",
    "employment",
    "migrant_workers",
    "disability_services",
    "welfare",
    "museum",
]

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "rest_framework",
    "knox",
    "django_filters",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "csp",
    "simple_history",
    "axes",
    "labor_portal.core",
    "labor_portal.reporting",
    "labor_portal.cases",
    *SECTION_APPS,
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Headers on every page, error pages and lockouts included (labor_portal.core.headers, django-csp).
    "csp.middleware.CSPMiddleware",
    "labor_portal.core.headers.PermissionsPolicyMiddleware",
    "labor_portal.core.headers.NoStoreMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    # Before anything reads the body (CSRF, views), after the language is known for its 413 page.
    "labor_portal.core.middleware.RequestSizeLimitMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "labor_portal.core.sessions.IdleSessionMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    # Last, as django-axes asks, so that it sees the outcome of authentication.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "labor_portal.urls"
WSGI_APPLICATION = "labor_portal.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

# --- Database -------------------------------------------------------------------------------------

DATABASE_URL = env_url("DATABASE_URL", ("postgres", "postgresql", "sqlite"))
if DATABASE_URL:
    DATABASES = {"default": dj_database_url.parse(DATABASE_URL, conn_max_age=60, conn_health_checks=True)}
    if DATABASES["default"]["ENGINE"].endswith("postgresql"):
        # The portal's queries are short: PostgreSQL's JIT spent up to 1.2 s compiling a report query that runs
        # in a tenth of that (tests/benchmarks/report_scale.py). A URL's own ?options= still wins.
        DATABASES["default"].setdefault("OPTIONS", {}).setdefault("options", "-c jit=off")
else:
    DATABASES = {
        "default": {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": BASE_DIR / "db.sqlite3",
            # WAL and IMMEDIATE transactions keep the development server usable with concurrent writers.
            "OPTIONS": {"transaction_mode": "IMMEDIATE", "init_command": "PRAGMA journal_mode=WAL;"},
        }
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- Redis: cache and Celery ----------------------------------------------------------------------

REDIS_URL = env_url("REDIS_URL", ("redis", "rediss"))
# Short timeouts: a dead Redis must never make a web request hang.
REDIS_TIMEOUT_SECONDS = 0.5

if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            "OPTIONS": {
                "socket_connect_timeout": REDIS_TIMEOUT_SECONDS,
                "socket_timeout": REDIS_TIMEOUT_SECONDS,
            },
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
# Page parts that are the same for every visitor (a blank citizen form), kept in each process's memory: no
# round trip, nothing to go stale across a deploy (a restart empties it), and unaffected by Redis being down.
# Not kept while developing, where a template edit must show without a restart.
CACHES["rendered_once"] = {
    "BACKEND": f"django.core.cache.backends.{'dummy.DummyCache' if DEBUG else 'locmem.LocMemCache'}",
    "LOCATION": "rendered-once",
}

# The longest any task may run; the broker's visibility timeout must stay above it, or Redis would hand a
# still-running task to a second worker.
CELERY_TASK_TIME_LIMIT = 30 * 60
CELERY_TASK_SOFT_TIME_LIMIT = 25 * 60
CELERY_TASK_ALWAYS_EAGER = not REDIS_URL
CELERY_TASK_EAGER_PROPAGATES = True
CELERY_BROKER_URL = REDIS_URL or "memory://"
CELERY_RESULT_BACKEND = REDIS_URL or "cache+memory://"
CELERY_BROKER_CONNECTION_TIMEOUT = 1
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
CELERY_BROKER_TRANSPORT_OPTIONS = {
    "visibility_timeout": CELERY_TASK_TIME_LIMIT + 10 * 60,
    "socket_connect_timeout": 1,
    "socket_timeout": 5,
    # Publishing from a web request tries the broker once: kombu would otherwise wait 2 s between attempts.
    "max_retries": 1,
    "interval_start": 0,
    "interval_step": 0.2,
    "interval_max": 0.5,
}
# The worker's own broker connection (labor_portal.celery puts these in place when a worker starts). kombu's
# Connection.default_channel reconnects with the max_retries/interval_*/connect_retries_timeout of these
# options: with the publisher's "try once, at once" above, a Redis blink while the worker re-establishes its
# channels raises kombu's OperationalError, which the consumer does not count as recoverable. A worker waits.
WORKER_BROKER_TRANSPORT_OPTIONS = {
    "visibility_timeout": CELERY_BROKER_TRANSPORT_OPTIONS["visibility_timeout"],
    "socket_connect_timeout": 5,
    "socket_timeout": 30,
    "socket_keepalive": True,
    "connect_retries_timeout": 60,
}
# Survives Redis restarting while tasks are in flight (see the class's docstring).
CELERY_WORKER_CONSUMER = "labor_portal.celery:Consumer"
# Reconnect for ever (Celery's default gives up, and the worker exits, after 100 attempts).
CELERY_BROKER_CONNECTION_RETRY = True
CELERY_BROKER_CONNECTION_MAX_RETRIES = None
# A task running when the connection drops finishes; its late ack goes nowhere and is dropped. Cancelling it
# instead (Celery 6's default) could stop an e-mail mid-send and send it twice once the outbox lease passed.
CELERY_WORKER_CANCEL_LONG_RUNNING_TASKS_ON_CONNECTION_LOSS = False
# Tasks keep their outcome in the database (ReportRun, the e-mail outbox), not in Redis. Without this, each
# publish subscribes to the result store, which retries a dead Redis for about 20 s inside the request.
CELERY_TASK_IGNORE_RESULT = True
CELERY_RESULT_BACKEND_TRANSPORT_OPTIONS = {"retry_policy": {"max_retries": 1, "interval_start": 0, "interval_max": 0.5}}
CELERY_REDIS_SOCKET_CONNECT_TIMEOUT = 1
CELERY_REDIS_SOCKET_TIMEOUT = 5
CELERY_RESULT_EXPIRES = timedelta(days=1)
# Our tasks are idempotent (they claim their work with a conditional UPDATE), so acknowledging late is
# safe and means a task lost with its worker is delivered again.
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
# Each worker also consumes a queue of its own: the health check pings that worker and no other.
CELERY_WORKER_DIRECT = True
CELERY_TASK_SERIALIZER = "json"
CELERY_ACCEPT_CONTENT = ["json"]
CELERY_TIMEZONE = "Asia/Taipei"
# A running report holds its run for this long and renews it at every table; a worker killed mid-run thus
# gives the run up after at most this long, and beat requeues it within the next interval (under a minute).
REPORT_RUN_LEASE_SECONDS = 40
REPORT_RUN_REQUEUE_SECONDS = 15
CELERY_BEAT_SCHEDULE = {
    # The half-year that has just ended, early on 1 January and 1 July.
    "report-previous-half-year": {
        "task": "labor_portal.reporting.tasks.generate_previous_half_year",
        "schedule": crontab(minute=0, hour=2, day_of_month=1, month_of_year="1,7"),
    },
    # Every message to a citizen that Celery never got (Redis was down), of every section.
    "cases-outbox-flush": {
        "task": "cases.outbox_send_pending",
        "schedule": 60.0,
    },
    # Files of filings that never committed (a worker killed mid-filing), older than an hour.
    "cases-sweep-orphan-attachments": {
        "task": "cases.attachment_orphans_sweep",
        "schedule": 3600.0,
    },
    # Runs whose worker died (lease passed) are taken over within REPORT_RUN_LEASE + this interval.
    "requeue-stale-report-runs": {
        "task": "labor_portal.reporting.tasks.requeue_stale_report_runs",
        "schedule": float(REPORT_RUN_REQUEUE_SECONDS),
    },
}

# --- Authentication -------------------------------------------------------------------------------

AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 12}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "staff-home"
LOGOUT_REDIRECT_URL = "home"

AXES_FAILURE_LIMIT = 5
# An account is locked only from the address its failures came from, and no address is locked as a whole: the
# bureau's clerks share one office address (and every visitor is the proxy when TRUSTED_PROXY_* is wrong), so
# one clerk's typos must not lock out the others.
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_CLIENT_IP_CALLABLE = "labor_portal.core.clientip.client_ip_for_axes"
AXES_COOLOFF_TIME = timedelta(minutes=30)
AXES_RESET_ON_SUCCESS = True
# Renders registration/locked_out.html with the time the lockout ends and the help desk to call.
AXES_LOCKOUT_CALLABLE = "labor_portal.core.accounts.lockout_response"
# How to reach the bureau's IT help desk (a phone number, extension or e-mail), shown to a locked-out or
# forgetful clerk on the lockout and password-reset pages. The default is the bureau's switchboard.
STAFF_HELPDESK = env_str("STAFF_HELPDESK", "(07) 812-4613")
# A password-reset link is good for an hour (Django's default is three days).
PASSWORD_RESET_TIMEOUT = 60 * 60
# Staff sessions end after 8 idle hours: labor_portal.core.sessions.IdleSessionMiddleware pushes the end on.
SESSION_COOKIE_AGE = 8 * 60 * 60
AXES_VERBOSE = False

# --- Internationalisation -------------------------------------------------------------------------

LANGUAGE_CODE = "zh-hant"
LANGUAGES = [
    ("zh-hant", "繁體中文"), ("en", "English"),
    # The migrant workers' languages (the 1955 hotline's): migrant_workers/locale translates their pages.
    ("id", "Bahasa Indonesia"), ("vi", "Tiếng Việt"), ("th", "ภาษาไทย"), ("tl", "Tagalog"),
]
# Django ships no locale data for Tagalog: declared here (the Django docs' EXTRA_LANG_INFO pattern).
EXTRA_LANG_INFO = {"tl": {"bidi": False, "code": "tl", "name": "Tagalog", "name_local": "Tagalog"}}
django.conf.locale.LANG_INFO.update(EXTRA_LANG_INFO)
LOCALE_PATHS = [BASE_DIR / "locale"]
# zh-Hant numbers with thousands separators, as in the printed report (labor_portal/formats/zh_Hant).
FORMAT_MODULE_PATH = ["labor_portal.formats"]
TIME_ZONE = env_str("TIME_ZONE", "Asia/Taipei")
USE_I18N = True
USE_TZ = True

# --- Static and uploaded files --------------------------------------------------------------------

STATIC_URL = "static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = BASE_DIR / "staticfiles"
# Uploaded attachments and generated reports are private: they are served only through views that check
# permissions, never from a public URL.
MEDIA_ROOT = Path(env_str("MEDIA_ROOT", str(BASE_DIR / "media")))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
        if not DEBUG
        else "django.contrib.staticfiles.storage.StaticFilesStorage"
    },
}
# Uploads above this go to a temporary file rather than memory.
FILE_UPLOAD_MAX_MEMORY_SIZE = 2 * 1024 * 1024
# Everything but files: the longest form (a mediation application, 5,000-character account) is far below it.
DATA_UPLOAD_MAX_MEMORY_SIZE = int(2.5 * 1024 * 1024)
# The largest form sends 5 attachments of 10 MB: a request above 55 MB is refused from its Content-Length
# before it is read (labor_portal.core.middleware). The proxy must cap bodies too (README: client_max_body_size).
MAX_REQUEST_BYTES = env_int("MAX_REQUEST_BYTES", 55 * 1024 * 1024)
# The multipart parser stops at the 11th file: no form takes more than 5 (an import takes 1).
DATA_UPLOAD_MAX_NUMBER_FILES = 10

# --- E-mail ---------------------------------------------------------------------------------------

EMAIL_BACKEND = env_str("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
EMAIL_HOST = env_str("EMAIL_HOST", "localhost")
EMAIL_PORT = env_int("EMAIL_PORT", 25)
EMAIL_HOST_USER = env_str("EMAIL_HOST_USER")
EMAIL_HOST_PASSWORD = env_str("EMAIL_HOST_PASSWORD")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
EMAIL_TIMEOUT = 10
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "高雄市政府勞工局 <noreply@labor.kcg.gov.tw>")
# Text messages (a re-issued access code for a case with a phone only). No gateway yet: the default prints them,
# like the console e-mail backend; a gateway's class has `send(*, to, body)` (labor_portal.cases.sms).
# Production without a gateway sends nothing rather than print access codes into the logs.
SMS_BACKEND = env_str(
    "SMS_BACKEND", "labor_portal.cases.sms.ConsoleBackend" if DEBUG else "labor_portal.cases.sms.DisabledBackend"
)

# --- API ------------------------------------------------------------------------------------------

REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "rest_framework.authentication.SessionAuthentication",
        "knox.auth.TokenAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["labor_portal.core.permissions.SectionModelPermissions"],
    "DEFAULT_PAGINATION_CLASS": "rest_framework.pagination.PageNumberPagination",
    "PAGE_SIZE": 50,
    "DEFAULT_FILTER_BACKENDS": [
        "django_filters.rest_framework.DjangoFilterBackend",
        "rest_framework.filters.SearchFilter",
        "rest_framework.filters.OrderingFilter",
    ],
    # Paths grouped by section in the API docs (tags named after the sections' titles, core.sections).
    "DEFAULT_SCHEMA_CLASS": "labor_portal.core.api.SectionAutoSchema",
    # A delete refused because other records depend on it is a 409 with a clear message, not a 500.
    "EXCEPTION_HANDLER": "labor_portal.core.api.exception_handler",
}
# API tokens (django-rest-knox) are stored as SHA-512 digests, shown once when created, and expire.
API_TOKEN_TTL_HOURS = env_int("API_TOKEN_TTL_HOURS", 10)
if API_TOKEN_TTL_HOURS <= 0:
    raise ImproperlyConfigured(f"API_TOKEN_TTL_HOURS must be 1 or more, not {API_TOKEN_TTL_HOURS}")
REST_KNOX = {"TOKEN_TTL": timedelta(hours=API_TOKEN_TTL_HOURS), "AUTH_HEADER_PREFIX": "Token"}
SPECTACULAR_SETTINGS = {
    "TITLE": "高雄市政府勞工局 業務入口網 API",
    "DESCRIPTION": "Kaohsiung City Labor Affairs Bureau portal API",
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "DEFAULT_GENERATOR_CLASS": "labor_portal.core.api.SchemaGenerator",  # generated once per process and language
    # Local copies of Swagger UI and ReDoc: no CDN.
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    "POSTPROCESSING_HOOKS": ["drf_spectacular.hooks.postprocess_schema_enums", "labor_portal.core.api.section_tags"],
    # One name for a choice set that several fields share (a seeker's desired occupation, a vacancy's occupation).
    "ENUM_NAME_OVERRIDES": {"OccupationGroupEnum": "employment.models.job_centre.OccupationGroup"},
}

# --- Rate limits ----------------------------------------------------------------------------------

# A citizen's filing must not fail because the cache (Redis) is down: let requests through then.
RATELIMIT_FAIL_OPEN = True
RATELIMIT_VIEW = "labor_portal.core.views.rate_limited"
# Per-IP limits of citizens' pages by group (see labor_portal.core.ratelimit); each view has its default.
RATE_LIMITS: dict[str, str] = {}
if not REDIS_URL:
    # Local memory is per process; fine for development and tests, where there is one process.
    SILENCED_SYSTEM_CHECKS = ["django_ratelimit.E003", "django_ratelimit.W001"]
if DATABASES["default"]["ENGINE"].endswith("sqlite3"):
    # The covering indexes' INCLUDE columns are for PostgreSQL's index-only scans; SQLite builds the index
    # without them, which is all development needs.
    SILENCED_SYSTEM_CHECKS = [*globals().get("SILENCED_SYSTEM_CHECKS", []), "models.W040"]

# --- Production security --------------------------------------------------------------------------

SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", not DEBUG)
# Container health checks call /healthz over plain HTTP from inside the network.
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SESSION_COOKIE_SECURE = not DEBUG
CSRF_COOKIE_SECURE = not DEBUG
SESSION_COOKIE_HTTPONLY = True
SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 0 if DEBUG else 31536000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = not DEBUG
SECURE_HSTS_PRELOAD = not DEBUG
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
# An expired or cookie-less form gets the portal's page in the visitor's language, not Django's English one.
CSRF_FAILURE_VIEW = "labor_portal.core.views.csrf_failure"

# Content-Security-Policy (django-csp 4 format): our own files only, no inline script or style. A template
# that truly needs an inline block (the Swagger UI page, templates/drf_spectacular/swagger_ui.html) marks it
# with {{ request.csp_nonce }}; the nonce enters the header only on responses that used it.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [CSP_SELF],
        "script-src": [CSP_SELF, CSP_NONCE],
        "style-src": [CSP_SELF, CSP_NONCE],
        # Django admin and Swagger UI draw their icons as data: SVGs in their stylesheets.
        "img-src": [CSP_SELF, "data:"],
        "font-src": [CSP_SELF],
        "connect-src": [CSP_SELF],
        "object-src": [CSP_NONE],
        "base-uri": [CSP_NONE],
        "form-action": [CSP_SELF],
        "frame-ancestors": [CSP_NONE],
    },
}
# Anonymous pages that show a citizen's own case (filing, the filed page with its access code, the case page
# and its attachments) are never stored by a cache; for logged-in users every page is (headers.py says why).
NO_STORE_PATH_PREFIXES = env_list("NO_STORE_PATH_PREFIXES", ["/track/", "/disputes/", "/employment/", "/api/"])

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "INFO")},
    "loggers": {"django.db.backends": {"level": "INFO"}, "axes": {"level": "WARNING"}},
}
