"""footlog's one settings module, driven by the environment (see README "Configuration").

Every variable is read through footlog.lib.config, and nothing else here touches the environment: a malformed or
out-of-range value stops start-up with a message naming the variable and what it accepts.
Defaults need no external service: SQLite, files and the embedded broker live in FOOTLOG_DATA_DIR.
"""

from __future__ import annotations

from email.utils import parseaddr
from pathlib import Path

from csp import constants as csp_constants

from footlog.lib import config
from footlog.lib.cache import redis_cache_settings

BASE_DIR = Path(__file__).resolve().parent.parent

DATA_DIR = config.parse_path("FOOTLOG_DATA_DIR", default=BASE_DIR / "var")
DATA_DIR.mkdir(parents=True, exist_ok=True)

DEBUG = config.parse_bool("DJANGO_DEBUG", default=False)
SECRET_KEY = config.parse_str("DJANGO_SECRET_KEY", default="") or config.generated_secret(DATA_DIR / "secret_key")
ALLOWED_HOSTS = config.parse_list("DJANGO_ALLOWED_HOSTS", default="localhost,127.0.0.1")
FOOTLOG_PUBLIC_URL = config.parse_url("FOOTLOG_PUBLIC_URL", default=config.local_base_url())
# Unset: links made in a request follow that request's origin, the rest make run's HOST/PORT
# (footlog/lib/links.py): fine on a laptop, wrong in production (`check --deploy` warns).
FOOTLOG_PUBLIC_URL_SET = bool(config.parse_str("FOOTLOG_PUBLIC_URL", default=""))
# Tests flip this on in CI so that a missing service or browser fails instead of skipping.
FOOTLOG_REQUIRE_SERVICES = config.parse_bool("FOOTLOG_REQUIRE_SERVICES", default=False)

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "rest_framework",
    "drf_spectacular",
    "drf_spectacular_sidecar",  # Swagger UI at /api/docs/ from the installed package, never a CDN
    "csp",
    "allauth",
    "allauth.account",
    "allauth.mfa",  # passkeys (WebAuthn) and recovery codes; its migrations come with it
    "allauth.headless",
    "accounts",
    "footlog.diary",
    "footlog.clinical",
    "footlog.timeline",
    "footlog.exports",
    "footlog.sharing",
    "footlog.portability",  # the account's data: export, import, deletion (above every feature app)
    "footlog.pwa",
    "reminders",
    "footlog.ops",  # probes, metrics, error reports, backup/restore (docs/deploy.md "Operations")
]

MIDDLEWARE = [
    # Outermost: one JSON line per request with the route pattern, never the path (footlog/middleware.py).
    "footlog.middleware.RequestLogMiddleware",
    "django.middleware.security.SecurityMiddleware",
    # Static files answer before the CSP: a policy on a CSS or JS file is ~330 bytes that protects nothing, and a
    # page loads a dozen of them (Today must stay under 40 KB on a first visit).
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "csp.middleware.CSPMiddleware",
    # Pages and API answers compressed (static files come precompressed from WhiteNoise, above, and never reach
    # this). BREACH: Django pads each gzip body with random bytes and masks the CSRF token anew in every
    # response; no other secret is written into a page.
    "django.middleware.gzip.GZipMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    # The language: the signed-out switch's cookie, else Accept-Language, else English; the account's choice
    # wins below, once the user is known (footlog/i18n.py).
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "footlog.i18n.AccountLanguageMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "footlog.middleware.HeadlessJsonDepthMiddleware",
    "footlog.middleware.PrivateApiMiddleware",
]

ROOT_URLCONF = "footlog.urls"
WSGI_APPLICATION = "footlog.wsgi.application"
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
                "csp.context_processors.nonce",
                "footlog.lib.device.device_account",
            ],
        },
    },
]

# --- Data stores -------------------------------------------------------------------------------
DATABASES = {"default": config.parse_database_url("DATABASE_URL", default=f"sqlite:///{DATA_DIR / 'footlog.sqlite3'}")}
SQLITE = "sqlite" in DATABASES["default"]["ENGINE"]
DATABASES["default"]["CONN_MAX_AGE"] = 0 if SQLITE else 60
DATABASES["default"]["ATOMIC_REQUESTS"] = False
# Lets parallel test runs (or developers) on one database server use separate test databases.
TEST_DB_NAME = config.parse_str("FOOTLOG_TEST_DB_NAME", default="")
if SQLITE:
    DATABASES["default"]["OPTIONS"] = {
        # The web threads, the worker and beat share one file. A deferred transaction that reads and then writes
        # asks for the write lock mid-way, and SQLite answers "database is locked" at once instead of waiting;
        # IMMEDIATE takes the write lock at BEGIN, where the busy timeout (seconds) applies. WAL keeps reads
        # outside transactions from blocking on a writer.
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
        "init_command": "PRAGMA journal_mode=WAL;",
    }
    # Tests use a file too: Django's default in-memory test database is shared between the live server's
    # threads in shared-cache mode, whose table locks ignore the busy timeout ("database table is locked").
    DATABASES["default"]["TEST"] = {"NAME": str(DATA_DIR / f"{TEST_DB_NAME or 'test_footlog'}.sqlite3")}
elif TEST_DB_NAME:
    DATABASES["default"]["TEST"] = {"NAME": TEST_DB_NAME}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

REDIS_URL = config.parse_optional_url("REDIS_URL", schemes=("redis", "rediss"))
if REDIS_URL:
    # Falls back to a per-process memory cache while Redis is unreachable (footlog/lib/cache.py).
    CACHES = {"default": redis_cache_settings(REDIS_URL)}
else:
    # A file cache, unlike locmem, is shared by the web processes so rate limits hold across them.
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": str(DATA_DIR / "cache"),
        }
    }

# --- Celery (footlog/celery.py reads the CELERY_ namespace) ---------------------------------------
if REDIS_URL:
    CELERY_BROKER_URL = REDIS_URL
    CELERY_RESULT_BACKEND = REDIS_URL
    CELERY_BROKER_TRANSPORT_OPTIONS: dict[str, object] = {"visibility_timeout": 3600}
else:
    BROKER_DIR = DATA_DIR / "broker"
    for sub in ("queue", "processed", "results", "control"):
        (BROKER_DIR / sub).mkdir(parents=True, exist_ok=True)
    CELERY_BROKER_URL = "filesystem://"
    CELERY_BROKER_TRANSPORT_OPTIONS = {
        "data_folder_in": str(BROKER_DIR / "queue"),
        "data_folder_out": str(BROKER_DIR / "queue"),
        "processed_folder": str(BROKER_DIR / "processed"),
        "control_folder": str(BROKER_DIR / "control"),  # kombu's default is the current directory
        "store_processed": False,
    }
    CELERY_RESULT_BACKEND = f"file://{BROKER_DIR / 'results'}"
# The queue tasks go to and workers consume unless routed (below): `celery` as Celery names it. Parallel test
# workers each use their own (tests/isolated_env.py) so that one never runs another's tasks.
CELERY_TASK_DEFAULT_QUEUE = config.parse_queue_name("FOOTLOG_CELERY_QUEUE", default="celery")
CELERY_ACCEPT_CONTENT = ["json"]
CELERY_TASK_SERIALIZER = "json"
CELERY_RESULT_SERIALIZER = "json"
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_TASK_SOFT_TIME_LIMIT = 120
CELERY_TASK_TIME_LIMIT = 180
CELERY_RESULT_EXPIRES = 3600
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
CELERY_TIMEZONE = "UTC"
# Report and import jobs: the worker refreshes a job's heartbeat this often while it runs; a running job whose
# heartbeat is older than FOOTLOG_JOB_STALE_S has lost its worker (kill -9, OOM) and the sweep re-queues it.
FOOTLOG_JOB_HEARTBEAT_S = config.parse_int("FOOTLOG_JOB_HEARTBEAT_S", 1, 600, default=20)
FOOTLOG_JOB_STALE_S = config.parse_int("FOOTLOG_JOB_STALE_S", 2, 86400, default=120)
CELERY_BEAT_SCHEDULE: dict[str, dict[str, object]] = {
    # reminders: every minute, claim the reminders that are due (reminders/services/dispatch.py dispatch_due).
    "reminders-tick": {"task": "reminders.tick", "schedule": 60.0},
    # report jobs: re-queue stuck ones, delete reports past 7 days and orphan files (footlog/exports/report_jobs.py).
    # Every minute: a job whose heartbeat is older than FOOTLOG_JOB_STALE_S has lost its worker (issue 22).
    "exports-sweep": {"task": "exports.sweep", "schedule": 60.0},
    # shares: the SMART Health Link file of a share that expired or locked is dropped (footlog/sharing/services.py).
    "sharing-sweep": {"task": "sharing.sweep", "schedule": 60.0},
    # account imports: re-queue or fail lost jobs, delete finished ones past 7 days
    # (footlog/portability/account_import.py).
    "exports-import-sweep": {"task": "exports.import_sweep", "schedule": 60.0},
}
CELERY_BEAT_SCHEDULE_FILENAME = str(DATA_DIR / "celerybeat-schedule")
# Web Push reaches public https hosts only (reminders/endpoints.py). Hosts named here are exempt (http and private
# addresses allowed): for a local test push service only; `manage.py check --deploy` refuses it.
REMINDERS_PUSH_ALLOWED_HOSTS = tuple(config.parse_list("FOOTLOG_PUSH_ALLOWED_HOSTS", default=""))

# --- Mail ------------------------------------------------------------------------------------------
vars().update(config.parse_email_url("EMAIL_URL", default="consolemail://"))
DEFAULT_FROM_EMAIL = config.parse_from_address("DEFAULT_FROM_EMAIL", default="footlog <no-reply@localhost>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
# Web Push identity (reminders/vapid.py): empty keys mean one generated once into the data dir.
VAPID = config.parse_vapid(default_subject=f"mailto:{parseaddr(DEFAULT_FROM_EMAIL)[1]}")

# --- Accounts (django-allauth) --------------------------------------------------------------------
AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_EMAIL_VERIFICATION_BY_CODE_ENABLED = True
ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION = True
ACCOUNT_CHANGE_EMAIL = True
ACCOUNT_PASSWORD_RESET_BY_CODE_ENABLED = True
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_LOGOUT_ON_PASSWORD_CHANGE = False
# A stolen session must not quietly take the account over: changing the email needs the password again (within
# 5 minutes), a password change needs the old one, and both send a notice to the address on file before.
ACCOUNT_REAUTHENTICATION_REQUIRED = True
ACCOUNT_EMAIL_NOTIFICATIONS = True
ACCOUNT_EMAIL_SUBJECT_PREFIX = "[footlog] "
ACCOUNT_ADAPTER = "accounts.adapter.AccountAdapter"
ACCOUNT_SIGNUP_FORM_CLASS = "accounts.forms.SignupBase"  # same work for known and new emails (timing)
ACCOUNT_RATE_LIMITS: dict[str, str] = {}  # allauth's defaults, kept in the shared cache
LOGIN_REDIRECT_URL = "/"
# Not `/` (the landing, signed out): the service worker keeps `/`, and signing out leaves this phone's caches empty.
ACCOUNT_LOGOUT_REDIRECT_URL = "/accounts/login/"
LOGIN_URL = "/accounts/login/"
# Passkeys (allauth's MFA, README "Accounts"): a passkey is a second factor after the password, or a password-free
# sign-in (and sign-up) of its own. Recovery codes are made with the first passkey and shown once.
MFA_SUPPORTED_TYPES = ["webauthn", "recovery_codes"]
MFA_PASSKEY_LOGIN_ENABLED = True
# allauth's checks want email-by-code verification, `email*` and mandatory verification for this (all set above).
MFA_PASSKEY_SIGNUP_ENABLED = True
MFA_RECOVERY_CODES_SHOW_ONCE = True
# WebAuthn wants https, or http on `localhost` (what the tests serve). Accepting any origin is for development
# under DEBUG only (refused at start-up otherwise) and `check --deploy` refuses it (footlog.E001).
MFA_WEBAUTHN_ALLOW_INSECURE_ORIGIN = config.parse_debug_only_bool("FOOTLOG_WEBAUTHN_INSECURE_ORIGIN", debug=DEBUG)
HEADLESS_CLIENTS = ("app", "browser")
HEADLESS_ONLY = False
HEADLESS_SERVE_SPECIFICATION = False

# --- API -------------------------------------------------------------------------------------------
REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "footlog.api.authentication.SessionTokenAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    # Signed in, then consent given (403 consent_required): views opt out with footlog.api.permissions.WITHOUT_CONSENT.
    "DEFAULT_PERMISSION_CLASSES": [
        "rest_framework.permissions.IsAuthenticated",
        "footlog.api.permissions.HealthDataConsent",
        "footlog.api.permissions.SameAccountAsTheItem",
    ],
    "DEFAULT_PARSER_CLASSES": ["footlog.api.parsers.BoundedJSONParser"],
    # JSON only, 406 for anything else (footlog/api/negotiation.py): no browsable API.
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_CONTENT_NEGOTIATION_CLASS": "footlog.api.negotiation.ApiContentNegotiation",
    "DEFAULT_SCHEMA_CLASS": "footlog.api.schema.FootlogAutoSchema",
    "EXCEPTION_HANDLER": "footlog.api.errors.exception_handler",
    "DEFAULT_PAGINATION_CLASS": "footlog.api.pagination.Pagination",
    "PAGE_SIZE": 50,
    "UNAUTHENTICATED_USER": None,
}
# Largest JSON body the API parses; bigger bodies get 413 before being read.
FOOTLOG_MAX_JSON_BYTES = 1024 * 1024
SPECTACULAR_SETTINGS = {
    "TITLE": "footlog API",
    "DESCRIPTION": (
        "Daily log of skin bumps on feet and ankles: entries, photos, timeline, reminders, exports. Not a diagnosis."
    ),
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "SCHEMA_PATH_PREFIX": "/api/v1",
    "COMPONENT_SPLIT_REQUEST": True,
    # Every operation may answer the error shape (footlog/api/schema.py); the enum hook is drf-spectacular's default.
    "POSTPROCESSING_HOOKS": [
        "drf_spectacular.hooks.postprocess_schema_enums",
        "footlog.api.schema.document_errors",
        "footlog.diary.schema.observation_limits",  # the diary's own (the API's plumbing may not import it)
    ],
    # Site keys appear with and without labels (model choices vs. serializer keys): name both sets.
    "ENUM_NAME_OVERRIDES": {
        "SiteEnum": "footlog.diary.sites.SITE_KEYS",
        "SiteLabelledEnum": "footlog.diary.sites.SITE_CHOICES",
        # Two choice sets share the field name "kind": routine steps (care/trigger) and red flags.
        "KindEnum": [("care", "care"), ("trigger", "trigger")],
        "RedFlagKindEnum": "footlog.timeline.serializers.RED_FLAG_KINDS",
        "VisitKindEnum": "footlog.clinical.models.Visit.Kind",
        # The account's language (labelled) and a report's (bare codes) share the field name "language".
        "LanguageEnum": "accounts.models.LANGUAGE_CHOICES",
        "ReportLanguageEnum": [("en", "en"), ("de", "de"), ("es", "es")],
    },
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
}

# --- Files -----------------------------------------------------------------------------------------
STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
# The app's CSS, JS and icons live in footlog/static/ (footlog itself is not an installed app).
STATICFILES_DIRS = [BASE_DIR / "footlog" / "static"]
STORAGES = {
    # Photos are private: stored under the data dir and only ever served by an owner-checking view.
    "default": {
        "BACKEND": "django.core.files.storage.FileSystemStorage",
        "OPTIONS": {"location": str(DATA_DIR / "media"), "base_url": None},
    },
    # Hashed names (app.3f2a….css) and precompressed copies: WhiteNoise serves a hashed file with a one-year,
    # immutable cache, so a repeat visit asks for no CSS or JS at all. Needs collectstatic's manifest (`make run`
    # and `make test` collect); a name not collected keeps its plain name (footlog/lib/static_storage.py).
    "staticfiles": {"BACKEND": "footlog.lib.static_storage.HashedStaticStorage"},
}
# No `Access-Control-Allow-Origin: *` on static files: only footlog's own pages load them, and the 32 bytes on each
# of a dozen answers count against Today's first load (40 KB).
WHITENOISE_ALLOW_ALL_ORIGINS = False
MEDIA_ROOT = DATA_DIR / "media"

# --- Photos (footlog/diary/photo_storage.py; README "Photos") --------------------------------------
# Files go to the "photos" storage: FileSystemStorage under the data dir (no URL), or an S3 bucket when
# FOOTLOG_S3_BUCKET is set; credentials come from boto3's usual AWS_* variables.
FOOTLOG_S3_BUCKET = config.parse_str("FOOTLOG_S3_BUCKET", default="")
FOOTLOG_S3_ENDPOINT_URL = config.parse_optional_url("FOOTLOG_S3_ENDPOINT_URL", schemes=("http", "https"))
# Signed S3 URLs live at most five minutes.
FOOTLOG_PHOTO_URL_TTL = config.parse_int("FOOTLOG_PHOTO_URL_TTL", 1, 300, default=300)
if FOOTLOG_S3_BUCKET:
    STORAGES["photos"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": FOOTLOG_S3_BUCKET,
            "endpoint_url": FOOTLOG_S3_ENDPOINT_URL,
            "region_name": config.parse_str("FOOTLOG_S3_REGION", default="") or None,
            "location": config.parse_str("FOOTLOG_S3_PREFIX", default="photos"),
            "default_acl": "private",
            "querystring_auth": True,
            "querystring_expire": FOOTLOG_PHOTO_URL_TTL,
            "file_overwrite": False,
            "signature_version": "s3v4",
        },
    }
else:
    STORAGES["photos"] = {
        "BACKEND": "django.core.files.storage.FileSystemStorage",
        "OPTIONS": {"location": str(DATA_DIR / "photos"), "base_url": None},
    }
# With nginx in front: serve photo bytes via `X-Accel-Redirect: <prefix><key>` (an `internal` location).
FOOTLOG_PHOTO_X_ACCEL_PREFIX = config.parse_str("FOOTLOG_PHOTO_X_ACCEL_PREFIX", default="")
FOOTLOG_PHOTO_MAX_BYTES = 15 * 1024 * 1024  # per file; larger uploads get 413
# Photos per user per 24 h, and stored bytes per user (at least one photo's worth, at most 1 TiB).
FOOTLOG_PHOTO_DAILY_COUNT = config.parse_int("FOOTLOG_PHOTO_DAILY_COUNT", 1, 10_000, default=60)
FOOTLOG_PHOTO_QUOTA_BYTES = config.parse_int(
    "FOOTLOG_PHOTO_QUOTA_BYTES", FOOTLOG_PHOTO_MAX_BYTES, 1024**4, default=2 * 1024**3
)
# The largest account export zip POST account/import takes (footlog/portability/account_import.py; README "Import").
FOOTLOG_IMPORT_MAX_BYTES = config.parse_int("FOOTLOG_IMPORT_MAX_BYTES", 1024 * 1024, 1024**4, default=200 * 1024**2)
# Requests per client and minute to the share pages (footlog/sharing/pages.py).
FOOTLOG_SHARE_RATE_PER_MINUTE = config.parse_int("FOOTLOG_SHARE_RATE_PER_MINUTE", 1, 10_000, default=60)
DATA_UPLOAD_MAX_NUMBER_FILES = 10  # files per multipart request

# --- Locale ----------------------------------------------------------------------------------------
# English, German and Spanish (docs/languages.md); the catalogs live in locale/, compiled .mo files committed.
LANGUAGE_CODE = "en"
LANGUAGES = [("en", "English"), ("de", "Deutsch"), ("es", "Español")]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True
# English as footlog writes it: allauth's Title Case ("Sign Up", "Password Reset") in sentence case, like every
# other page. The .po is the source; its .mo is compiled (msgfmt) and committed; tests/accounts/test_wording.py.
LOCALE_PATHS = [BASE_DIR / "locale"]

# --- Security (owner: hardening; README "Production and scaling") ----------------------------------
# https in FOOTLOG_PUBLIC_URL means "this is a real deployment behind TLS": Secure cookies, HSTS and an
# https redirect switch on. http://localhost (make run, the tests) keeps plain-http cookies working.
HTTPS = FOOTLOG_PUBLIC_URL.startswith("https://")
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
SESSION_COOKIE_SECURE = HTTPS
# The page scripts read the CSRF cookie (outbox.js hands it to the service worker), so it cannot be
# HttpOnly; it is not a credential on its own.
CSRF_COOKIE_HTTPONLY = False
CSRF_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SECURE = HTTPS
if HTTPS:
    # __Host- cookies are only accepted over TLS, for this exact host and path "/".
    SESSION_COOKIE_NAME = "__Host-sessionid"
    CSRF_TRUSTED_ORIGINS = [FOOTLOG_PUBLIC_URL]
SECURE_SSL_REDIRECT = config.parse_bool("DJANGO_SECURE_SSL_REDIRECT", default=HTTPS)
# TLS ends at the proxy (deploy/nginx.conf sets X-Forwarded-Proto and overwrites any client value).
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https") if HTTPS else None
# How many proxies of our own stand before gunicorn (deploy/nginx.conf: 1). They decide which X-Forwarded-For
# entry is the client (footlog/lib/client_ip.py): allauth's rate limits, the share limiter and the request log.
FOOTLOG_TRUSTED_PROXIES = config.parse_int("FOOTLOG_TRUSTED_PROXIES", 0, 5, default=0)
ALLAUTH_TRUSTED_PROXY_COUNT = FOOTLOG_TRUSTED_PROXIES  # the adapter asks client_ip(); allauth's own knob agrees
SECURE_HSTS_SECONDS = 365 * 24 * 3600 if HTTPS else 0
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True  # only a directive; joining the browsers' preload list stays a manual step
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"  # the share page sends its own "no-referrer"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"

# Content Security Policy (django-csp 4.x). No inline script anywhere: page scripts are static files;
# a template that truly needs an inline block uses nonce="{{ request.csp_nonce }}".
# (The app "csp", its middleware and its nonce context processor are in the lists above.)
_IMG_SOURCES = ["'self'", "data:", "blob:"]  # blob: previews of photos not yet uploaded
if FOOTLOG_S3_BUCKET:
    # The photo view may redirect to a short-lived signed URL on the bucket.
    _IMG_SOURCES.append(FOOTLOG_S3_ENDPOINT_URL or "https://*.amazonaws.com")
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'", csp_constants.NONCE],
        "style-src": ["'self'", csp_constants.NONCE],
        "img-src": _IMG_SOURCES,
        # font-src, manifest-src and worker-src fall back to default-src 'self': not repeated, as this header rides
        # on every page and API answer (Today's first load must stay under 40 KB). connect-src stays explicit: it is
        # what keeps the SMART Health Link viewer's decrypted data on this origin.
        "connect-src": ["'self'"],
        "form-action": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'none'"],
        "frame-ancestors": ["'none'"],
        **({"upgrade-insecure-requests": True} if HTTPS else {}),
    },
}
# Scaling out (docs/deploy.md): reminders and exports get queues of their own so a burst of PDF reports
# never delays the evening reminders. Off by default: `make run` starts one worker on the default queue.
if config.parse_bool("FOOTLOG_TASK_QUEUES", default=False):
    CELERY_TASK_ROUTES = {
        "reminders.*": {"queue": "reminders"},
        "exports.*": {"queue": "exports"},  # exports.build_report (PDF reports)
    }

# --- Logging: never log request bodies, note text, tokens or share links ---------------------------
LOG_FORMAT = config.parse_choice("FOOTLOG_LOG_FORMAT", ("json", "plain"), default="json")
LOG_LEVEL = config.parse_choice("FOOTLOG_LOG_LEVEL", ("DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL"), default="INFO")
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    # JSON lines by default (footlog/lib/logjson.py); FOOTLOG_LOG_FORMAT=plain for a human at a terminal.
    "formatters": {
        "plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"},
        "json": {"()": "footlog.lib.logjson.JsonFormatter"},
    },
    # Share links are bearer secrets: /share/<token>/ becomes /share/[redacted] before any handler sees it.
    "filters": {"redact_share_links": {"()": "footlog.lib.logredact.RedactShareLinks"}},
    "handlers": {
        "console": {"class": "logging.StreamHandler", "formatter": LOG_FORMAT, "filters": ["redact_share_links"]},
        # PDF rendering libraries quote the notes they render: their records lose the text before propagating.
        "strip_text": {"class": "footlog.lib.logtext.StripText"},
    },
    "root": {"handlers": ["console"], "level": LOG_LEVEL},
    "loggers": {
        "django.db.backends": {"level": "WARNING"},
        # Django gives these their own handlers; filters on the loggers catch the record where it is made.
        "django.request": {"filters": ["redact_share_links"], "handlers": ["console"], "propagate": False},
        "django.server": {"filters": ["redact_share_links"], "handlers": ["console"], "propagate": False},
        "weasyprint": {"level": "WARNING", "handlers": ["strip_text"]},
        "fontTools": {"level": "WARNING", "handlers": ["strip_text"]},
    },
}

# --- Operations (footlog/ops; docs/deploy.md "Operations") -----------------------------------------
# /healthz and /readyz answer probes over plain http too (a load balancer's local check).
SECURE_REDIRECT_EXEMPT = [r"^healthz$", r"^readyz$"]
# /metrics exists only with a token (Authorization: Bearer <token>); unset means 404.
FOOTLOG_METRICS_TOKEN = config.parse_token("FOOTLOG_METRICS_TOKEN", min_length=16)
# Error reports to Sentry (or a compatible service) only when a DSN is set; scrubbed of request data, note texts
# and local variables before they leave (footlog/ops/sentry.py).
SENTRY_DSN = config.parse_optional_url("SENTRY_DSN", schemes=("http", "https"))
if SENTRY_DSN:
    from footlog.ops.sentry import init_sentry

    init_sentry(SENTRY_DSN)
