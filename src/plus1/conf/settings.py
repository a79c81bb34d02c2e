# SPDX-License-Identifier: EUPL-1.2
"""Plus1 settings: one module, every value from the environment, documented where read.

SQLite under PLUS1_DATA_DIR is the embedded default; DATABASE_URL selects PostgreSQL.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import dj_database_url

from plus1.conf.env import env_bool, env_int, env_list, env_secret, env_str

BASE_DIR = Path(__file__).resolve().parent.parent

DEMO_SECRET_KEY = "plus1-demo-secret-key-not-for-production"  # noqa: S105 (refused by `plus1 serve`)

DEBUG = env_bool("PLUS1_DEBUG", False, help="Show Django's debug pages. Never on in production.")
SECRET_KEY = env_secret(
    "PLUS1_SECRET_KEY",
    DEMO_SECRET_KEY,
    help="Django's secret key (signing sessions). `plus1 serve` refuses the demo default.",
)
DEMO_MODE = env_bool(
    "PLUS1_DEMO_MODE",
    False,
    help="Demo municipality: enables the simulated DigiD login. Off in production.",
)
DATA_DIR = Path(
    env_str(
        "PLUS1_DATA_DIR",
        "var",
        help="Folder for the SQLite database, uploaded files and demo mail (relative to the current folder).",
    )
).resolve()
ALLOWED_HOSTS = env_list(
    "PLUS1_ALLOWED_HOSTS",
    ["localhost", "127.0.0.1", "[::1]"],
    help="Host names this server answers to.",
)
CSRF_TRUSTED_ORIGINS = env_list(
    "PLUS1_CSRF_TRUSTED_ORIGINS", [], help="Origins trusted for form posts behind a proxy."
)
BASE_URL = env_str(
    "PLUS1_BASE_URL",
    "http://127.0.0.1:8000",
    help="Public address of this server, for links in messages.",
)
MUNICIPALITY_NAME = env_str(
    "PLUS1_MUNICIPALITY_NAME", "Gemeente Plusstad", help="Name shown to residents and staff."
)
MUNICIPALITY_TOOI_CODE = env_str(
    "PLUS1_MUNICIPALITY_TOOI_CODE",
    "",
    help="TOOI code of the municipality (gm and the CBS number, e.g. gm0363): the publisher of "
    "Woo publications in their DiWoo metadata. Empty: the publisher is named by PLUS1_BASE_URL.",
)
CONTACT_PHONE = env_str(
    "PLUS1_CONTACT_PHONE", "14 0123", help="The municipality's phone number, shown on every page."
)
CONTACT_ADDRESS = env_str(
    "PLUS1_CONTACT_ADDRESS",
    "Stadhuis, Markt 1, 1234 AB Plusstad",
    help="Where residents can visit the municipality, shown on every page.",
)
CONTACT_HOURS = env_str(
    "PLUS1_CONTACT_HOURS",
    "maandag tot en met vrijdag 8.30–17.00 uur",
    help="Opening hours of the phone line and the counter, shown on every page.",
)
CONTACT_HOURS_EN = env_str(
    "PLUS1_CONTACT_HOURS_EN",
    "Monday to Friday 8.30–17.00",
    help="The opening hours in English, for pages shown in English (empty: the Dutch text).",
)
DATA_TRAIL_SHOW_STAFF_NAMES = env_bool(
    "PLUS1_DATA_TRAIL_SHOW_STAFF_NAMES",
    False,
    help="Show residents the name of the staff member in 'Mijn dataspoor' (else team and role only).",
)
MAP_TILE_URL = env_str(
    "PLUS1_MAP_TILE_URL",
    "",
    help="Map tiles behind the public map, e.g. https://tile.example.nl/{z}/{x}/{y}.png; in "
    "production the PDOK BRT-Achtergrondkaart: https://service.pdok.nl/brt/achtergrondkaart/"
    "wmts/v2_0/standaard/EPSG:3857/{z}/{x}/{y}.png. With tiles the report pages show an "
    "interactive Leaflet map. Empty: only the schematic map of wijken and buurten (no requests "
    "to a tile server; also the fallback without JavaScript).",
)
# Production: the PDOK BRT-Achtergrondkaart (EPSG:3857 tiles), with this attribution.
PDOK_BRT_TILES = (
    "https://service.pdok.nl/brt/achtergrondkaart/wmts/v2_0/standaard/EPSG:3857/{z}/{x}/{y}.png"
)
MAP_TILE_ATTRIBUTION = env_str(
    "PLUS1_MAP_TILE_ATTRIBUTION",
    "Kaart: BRT-Achtergrondkaart, © Kadaster (PDOK)",
    help="The credit line shown on the interactive map for the tiles of PLUS1_MAP_TILE_URL.",
)

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.postgres",  # trigram search indexes (plus1.common.search_index)
    "rest_framework",
    "drf_spectacular",
    "drf_spectacular_sidecar",  # Redoc for the ZGW API reference pages, served by us
    "django_filters",
    "plus1.common",
    "plus1.audit",
    "plus1.events",
    "plus1.identity",
    "plus1.catalog",
    "plus1.cases",
    "plus1.documents",
    "plus1.decisions",
    "plus1.zgw",
    "plus1.geo",
    "plus1.meldingen",
    "plus1.privacy",
    "plus1.portal",
    "plus1.workbench",
    "plus1.contact",  # contact moments, callbacks and appointments (issue 10)
    "plus1.insights",  # legal clock to its end, performance figures (issue 14)
    "plus1.opendata",  # DCAT catalogue and open datasets (issue 14)
    "plus1.demo",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "plus1.common.middleware.DutchUnlessChosenMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "plus1.common.middleware.RefuseNulCharactersMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "plus1.common.api.ApiVersionMiddleware",
    "plus1.zgw.middleware.ZgwErrorMiddleware",
    "plus1.privacy.trace.TraceContextMiddleware",
]

ROOT_URLCONF = "plus1.conf.urls"
# The development server (the demo); production servers load plus1.conf.wsgi, which runs the
# production checks.
WSGI_APPLICATION = "plus1.conf.wsgi_demo.application"

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
                "plus1.common.context_processors.municipality",
                "django.template.context_processors.i18n",
            ],
        },
    },
]

DATABASE_URL = env_str(
    "DATABASE_URL",
    "",
    help="PostgreSQL connection URL (postgres://user@host:5432/name). Empty: SQLite in PLUS1_DATA_DIR.",
)
if DATABASE_URL:
    DATABASES = {"default": dj_database_url.parse(DATABASE_URL, conn_max_age=60)}
else:
    DATA_DIR.mkdir(parents=True, exist_ok=True)
    DATABASES = {
        "default": {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": str(DATA_DIR / "plus1.sqlite3"),
            "OPTIONS": {
                "transaction_mode": "IMMEDIATE",
                "timeout": 20,
                "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
            },
        }
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
]
LOGIN_URL = "workbench:login"

LANGUAGE_CODE = "nl"
LANGUAGES = [("nl", "Nederlands"), ("en", "English")]  # Dutch unless the resident chooses
LOCALE_PATHS = [BASE_DIR / "locale"]  # the English translation (compiled .mo in the repo)
LANGUAGE_COOKIE_NAME = "plus1_taal"
LANGUAGE_COOKIE_SECURE = not DEBUG
LANGUAGE_COOKIE_SAMESITE = "Lax"
TIME_ZONE = "Europe/Amsterdam"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = DATA_DIR / "static"
MEDIA_URL = "/media/"
MEDIA_ROOT = DATA_DIR / "media"
DOCUMENT_PART_SIZE = env_int(
    "PLUS1_DOCUMENT_PART_SIZE",
    100 * 1024 * 1024,
    help="Bytes per bestandsdeel when a document is uploaded in parts (Documenten API).",
)
UPLOAD_MAX_BYTES = env_int(
    "PLUS1_UPLOAD_MAX_BYTES",
    10 * 1024 * 1024,
    help="Largest file (bytes) a resident may upload with an answer to an aanvulverzoek.",
)
UPLOAD_VIRUS_SCANNER = env_str(
    "PLUS1_UPLOAD_VIRUS_SCANNER",
    "",
    help="Dotted path of a callable scan(name, content) -> reason or None that checks each "
    "uploaded file before it is stored (e.g. a ClamAV client); empty: no scan.",
)
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedStaticFilesStorage"},
}
WHITENOISE_USE_FINDERS = True

SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SECURE = env_bool(
    "PLUS1_SECURE_COOKIES", True, help="Send cookies over HTTPS only (the demo switches this off)."
)
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE

EMAIL_BACKEND = env_str(
    "PLUS1_EMAIL_BACKEND",
    "django.core.mail.backends.smtp.EmailBackend",
    help="Django e-mail backend; the demo uses the file backend so messages are visible.",
)
EMAIL_FILE_PATH = DATA_DIR / "mail"
EMAIL_HOST = env_str("PLUS1_EMAIL_HOST", "localhost", help="SMTP server for messages.")
EMAIL_PORT = env_int("PLUS1_EMAIL_PORT", 25, help="SMTP port.")
DEFAULT_FROM_EMAIL = env_str(
    "PLUS1_FROM_EMAIL", "noreply@plusstad.nl", help="Sender of messages to residents."
)

# BSN protection (plus1.common.bsn): its own keys, never derived from the secret key in
# production (the deploy checks refuse that); rotation with `plus1 keys rotate`.
BSN_KEY = env_secret(
    "PLUS1_BSN_KEY",
    "",
    help="Key encrypting BSNs at rest (make one with `plus1 keys generate`). Required in "
    "production. Empty: a demo key derived from the secret key.",
)
BSN_PREVIOUS_KEYS = env_list(
    "PLUS1_BSN_PREVIOUS_KEYS",
    [],
    help="Earlier values of PLUS1_BSN_KEY, still readable while `plus1 keys rotate` "
    "re-encrypts every stored BSN with the current one; remove them afterwards.",
)
BSN_INDEX_KEY = env_secret(
    "PLUS1_BSN_INDEX_KEY",
    "",
    help="Key of the BSN blind index and the data-trail pseudonyms (at least 32 random "
    "characters). Required in production; never rotated. Empty: derived from the secret key (demo).",
)

# --- Login of residents and businesses (DigiD, eHerkenning via OIDC brokers) ---------
from plus1.conf.settings_login import (  # noqa: E402, F401 (settings are read by name)
    LOGIN_BROKER_TIMEOUT,
    LOGIN_BROKERS,
    LOGIN_TOKEN_LEEWAY,
    RESIDENT_SESSION_IDLE_MINUTES,
    RESIDENT_SESSION_WARNING_MINUTES,
)

MIDDLEWARE.insert(
    MIDDLEWARE.index("django.contrib.auth.middleware.AuthenticationMiddleware") + 1,
    "plus1.identity.login.session.ResidentIdleTimeoutMiddleware",
)
TEMPLATES[0]["OPTIONS"]["context_processors"].append(  # type: ignore[index]
    "plus1.portal.context_processors.portal_session"
)

# --- end of resident login ----------------------------------------------------------

CELERY_BROKER_URL = env_str(
    "PLUS1_CELERY_BROKER_URL",
    "redis://127.0.0.1:6379/0",
    help="Celery broker (Redis) for `plus1 worker`.",
)
CELERY_TASK_ALWAYS_EAGER = False
# Celery would replace the root logger's handlers by its own, without the BSN filter.
CELERY_WORKER_HIJACK_ROOT_LOGGER = False
OUTBOX_WORKER = env_str(
    "PLUS1_OUTBOX_WORKER",
    "celery",
    help="Who delivers the outbox: celery (production), thread (in-process, the demo) or none.",
)
OUTBOX_POLL_SECONDS = env_int(
    "PLUS1_OUTBOX_POLL_SECONDS",
    2,
    help="How often the worker looks for undelivered outbox messages.",
)
AUDIT_SIGNING_KEY_FILE = Path(
    env_str(
        "PLUS1_AUDIT_SIGNING_KEY_FILE",
        "",
        help="Ed25519 private key (PEM) that seals audit entries and signs checkpoints; keep it where the database user cannot read it. Empty: audit-signing-key.pem in PLUS1_DATA_DIR, made on first use. `plus1 serve` refuses to start while it does not exist (`plus1 audit keygen`).",
    )
    or DATA_DIR / "audit-signing-key.pem"
)
AUDIT_CHECKPOINT_DIR = Path(
    env_str(
        "PLUS1_AUDIT_CHECKPOINT_DIR",
        "",
        help="Folder the signed audit checkpoints are appended to: storage the database user cannot change (an append-only mount, or one synchronised to an object store with object lock). Empty: audit-checkpoints in PLUS1_DATA_DIR.",
    )
    or DATA_DIR / "audit-checkpoints"
)
AUDIT_CHECKPOINT_SECONDS = env_int(
    "PLUS1_AUDIT_CHECKPOINT_SECONDS",
    3600,
    help="How often the worker publishes a signed checkpoint of the audit chain's head.",
)
BOOKING_RATE_LIMIT = env_int(
    "PLUS1_BOOKING_RATE_LIMIT",
    10,
    help="Appointments one client address may book per hour without logging in (0: no limit, for load tests).",
)
CONTACT_CALLBACK_TEAM = env_str(
    "PLUS1_CONTACT_CALLBACK_TEAM",
    "klantcontact",
    help="Slug of the team that calls back about a product no team owns (no case type, no setting).",
)
OUTBOX_MAX_ATTEMPTS = env_int(
    "PLUS1_OUTBOX_MAX_ATTEMPTS",
    12,
    help="Delivery attempts (exponential backoff) before a message is parked.",
)
IDEMPOTENCY_KEY_DAYS = env_int(
    "PLUS1_IDEMPOTENCY_KEY_DAYS",
    30,
    help="Days a done delivery's idempotency key is kept (at least 1; far beyond the outbox's retry window of about two hours); the worker prunes older keys daily, or `plus1 events prune-keys`.",
)
MESSAGE_CHANNEL_ATTEMPTS = env_int(
    "PLUS1_MESSAGE_CHANNEL_ATTEMPTS",
    4,
    help="Attempts on one channel (while its backend is down) before a message to a resident falls back to the next channel.",
)
SMS_BACKEND = env_str(
    "PLUS1_SMS_BACKEND",
    "plus1.contact.channels.FileSmsBackend",
    help="Sms backend: plus1.contact.channels.FileSmsBackend (writes files, the demo) or plus1.contact.channels.HttpSmsBackend (a gateway).",
)
SMS_FILE_PATH = DATA_DIR / "sms"
SMS_GATEWAY_URL = env_str(
    "PLUS1_SMS_GATEWAY_URL", "", help="URL the HTTP sms backend POSTs each message to (JSON)."
)
SMS_GATEWAY_TOKEN = env_secret(
    "PLUS1_SMS_GATEWAY_TOKEN", "", help="Bearer token for the sms gateway."
)
DELIVERY_REPORT_TOKEN = env_secret(
    "PLUS1_DELIVERY_REPORT_TOKEN",
    "",
    help="Bearer token a message provider sends with its delivery reports (POST /api/v1/afleverrapporten). Empty: the endpoint is off.",
)
SMS_GATEWAY_TIMEOUT = env_int(
    "PLUS1_SMS_GATEWAY_TIMEOUT", 10, help="Seconds to wait for the sms gateway."
)

REST_FRAMEWORK = {
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "DEFAULT_RENDERER_CLASSES": ["plus1.common.renderers.FastJSONRenderer"],
    "DEFAULT_CONTENT_NEGOTIATION_CLASS": "plus1.common.negotiation.StrictNegotiation",
    "EXCEPTION_HANDLER": "plus1.common.api.problem_exception_handler",
    "UNAUTHENTICATED_USER": None,
}
API_CONTACT_EMAIL = env_str(
    "PLUS1_API_CONTACT_EMAIL",
    "api@plusstad.nl",
    help="Contact address for API users, in the OpenAPI document of /api/v1.",
)
SPECTACULAR_SETTINGS = {
    "TITLE": "Plus1 API",
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    # NL API Design Rules: the server URL names the major version; paths are relative to it.
    "SCHEMA_PATH_PREFIX": r"/api/v1",
    "SCHEMA_PATH_PREFIX_TRIM": True,
    "SERVERS": [{"url": "/api/v1", "description": "Deze installatie van Plus1"}],
    "CONTACT": {"name": MUNICIPALITY_NAME, "url": BASE_URL, "email": API_CONTACT_EMAIL},
    "POSTPROCESSING_HOOKS": [
        "drf_spectacular.hooks.postprocess_schema_enums",
        "plus1.common.api.adr_postprocess",
    ],
}

ZGW_RSIN = env_str(
    "PLUS1_ZGW_RSIN",
    "002220647",
    help="RSIN of the municipality: bronorganisatie of zaken in the ZGW APIs.",
)
OIN = env_str(
    "PLUS1_OIN",
    "",
    help="Organisatie-identificatienummer (OIN) of the municipality: the `source` of CloudEvents (urn:nld:oin:…:systeem:plus1). Empty: the OIN made from PLUS1_ZGW_RSIN (00000001 + RSIN + 000).",
)
ZGW_DEFAULT_TEAM = env_str(
    "PLUS1_ZGW_DEFAULT_TEAM",
    "zgw",
    help="Slug of the team that handles zaaktypen created through the Catalogi API (if the catalogus names none).",
)
ZGW_JWT_EXPIRY = env_int(
    "PLUS1_ZGW_JWT_EXPIRY", 3600, help="Seconds a ZGW JWT stays valid after its `iat` claim."
)
ZGW_JWT_LEEWAY = env_int(
    "PLUS1_ZGW_JWT_LEEWAY",
    300,
    help="Seconds of clock difference allowed for a ZGW JWT's `iat` (the VNG suite signs 257 s ahead).",
)

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"scrub_bsn": {"()": "plus1.common.logging.ScrubBsnFilter"}},
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}},
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "formatter": "plain",
            "filters": ["scrub_bsn"],
        }
    },
    "root": {
        "handlers": ["console"],
        "level": env_str("PLUS1_LOG_LEVEL", "INFO", help="Log level."),
    },
    # The development server logs request lines (query strings, e.g. a BSN filter of the
    # Zaken API) through its own handler: route them through the scrubbing one instead.
    "loggers": {"django.server": {"handlers": ["console"], "propagate": False}},
}

# --- Staff login: second factor, lock-out, session length (issue 9, section 3) ---------------
# Staff and administrators log in with a password and a TOTP code (or a recovery code) from
# django-otp; django-axes locks an account after repeated wrong passwords. The admin site is
# Plus1's own (plus1.identity.admin_site), which sends its login to the workbench's two steps.
INSTALLED_APPS[INSTALLED_APPS.index("django.contrib.admin")] = (
    "plus1.identity.admin_apps.StaffAdminConfig"
)
INSTALLED_APPS += [
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "axes",
]
MIDDLEWARE.insert(
    MIDDLEWARE.index("django.contrib.auth.middleware.AuthenticationMiddleware") + 1,
    "django_otp.middleware.OTPMiddleware",
)
MIDDLEWARE.insert(
    MIDDLEWARE.index("django.contrib.messages.middleware.MessageMiddleware") + 1,
    "plus1.identity.middleware.StaffSessionMiddleware",
)
# No-store goes around the lock-out page too; axes wants to be the innermost (last) one.
MIDDLEWARE += ["plus1.privacy.no_store.NoStoreMiddleware", "axes.middleware.AxesMiddleware"]
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = env_int(
    "PLUS1_LOGIN_FAILURE_LIMIT",
    5,
    help="Wrong passwords in a row after which a staff account is locked.",
)
AXES_COOLOFF_TIME = dt.timedelta(
    minutes=env_int(
        "PLUS1_LOGIN_LOCKOUT_MINUTES",
        30,
        help="Minutes a locked staff account stays locked after the last attempt "
        "(every attempt during the lock-out starts the time again).",
    )
)
# Per account, not per address: staff behind one office address must not lock each other out.
# Axes warns (W006) that this lets an attacker rotate addresses: true for spraying many
# accounts, but each account still locks after AXES_FAILURE_LIMIT wrong passwords.
AXES_LOCKOUT_PARAMETERS = ["username"]
SILENCED_SYSTEM_CHECKS = [*globals().get("SILENCED_SYSTEM_CHECKS", []), "axes.W006"]
AXES_RESET_ON_SUCCESS = True  # "in a row": a full login (both factors) clears the count
AXES_LOCKOUT_TEMPLATE = "workbench/locked_out.html"
AXES_SENSITIVE_PARAMETERS = ["username", "ip_address", "csrfmiddlewaretoken"]
AXES_VERBOSE = False
OTP_TOTP_ISSUER = MUNICIPALITY_NAME
OTP_TOTP_SYNC = False  # one step (30 s) either side is accepted; no learned drift that creeps
# No API takes a staff password (DRF's default Basic and Session authentication): staff use the
# web pages with both factors, API clients their own tokens, declared on each view.
REST_FRAMEWORK["DEFAULT_AUTHENTICATION_CLASSES"] = []
STAFF_SESSION_HOURS = env_int(
    "PLUS1_STAFF_SESSION_HOURS",
    9,
    help="Hours after logging in that a staff session ends (a working day), whatever the activity.",
)

# --- Hardening: security headers, TLS behind a proxy, CORS, security.txt ------------------
# (kept in one block; the production checks that guard it are in plus1.common.checks)
from csp.constants import NONCE, NONE, SELF  # noqa: E402

from plus1.conf.hardening import cors_url_pattern, origin_of, proxy_ssl_header  # noqa: E402

INSTALLED_APPS += ["csp", "corsheaders"]
# CORS answers before CommonMiddleware can redirect; the CSP header goes on every response.
MIDDLEWARE.insert(
    MIDDLEWARE.index("django.middleware.common.CommonMiddleware"),
    "corsheaders.middleware.CorsMiddleware",
)
MIDDLEWARE.insert(1, "csp.middleware.CSPMiddleware")
# Listed after CSPMiddleware, so it adds the login brokers to form-action before CSP answers.
MIDDLEWARE.insert(2, "plus1.identity.login.csp.BrokerFormActionMiddleware")

TRUSTED_PROXY_TLS_HEADER = env_str(
    "PLUS1_TRUSTED_PROXY_TLS_HEADER",
    "",
    help="Only behind a TLS-terminating proxy that always sets (and never passes on from clients) "
    "this header with `https`, e.g. X-Forwarded-Proto: requests carrying it count as HTTPS "
    "(secure cookies, HSTS). Empty: only the server's own TLS counts.",
)
SECURE_PROXY_SSL_HEADER = proxy_ssl_header(TRUSTED_PROXY_TLS_HEADER)
SECURE_SSL_REDIRECT = env_bool(
    "PLUS1_SSL_REDIRECT",
    False,
    help="Redirect plain HTTP to HTTPS (off when the proxy already does; /health is never redirected).",
)
SECURE_REDIRECT_EXEMPT = [r"^health$"]
SECURE_HSTS_SECONDS = env_int(
    "PLUS1_HSTS_SECONDS",
    31_536_000,
    help="Strict-Transport-Security max-age on HTTPS responses (0: no HSTS header).",
)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool(
    "PLUS1_HSTS_INCLUDE_SUBDOMAINS",
    False,
    help="Let HSTS cover every subdomain too (only when all of them serve HTTPS).",
)
SECURE_HSTS_PRELOAD = env_bool(
    "PLUS1_HSTS_PRELOAD", False, help="Mark HSTS for the browsers' preload list."
)
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"
CSRF_FAILURE_VIEW = "plus1.common.views.csrf_failure"

CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        # No 'unsafe-inline': scripts only from our static files, or with this response's nonce.
        "script-src": [SELF, NONCE],
        "style-src": [SELF],
        "img-src": [SELF, "data:", *filter(None, [origin_of(MAP_TILE_URL)])],
        "font-src": [SELF],
        "connect-src": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
        "base-uri": [SELF],
        "object-src": [NONE],
    },
}

CORS_ALLOWED_ORIGINS = env_list(
    "PLUS1_CORS_ALLOWED_ORIGINS",
    [],
    help="Origins (https://app.example.nl) whose browser apps may call the APIs. Empty: none.",
)
CORS_URLS_REGEX = cors_url_pattern()
CORS_ALLOW_HEADERS = [
    "accept",
    "authorization",
    "content-type",
    "accept-crs",
    "content-crs",
    "api-version",
]
CORS_EXPOSE_HEADERS = ["API-Version", "Location", "Content-Crs"]

SECURITY_CONTACT = env_list(
    "PLUS1_SECURITY_CONTACT",
    [],
    help="Where to report vulnerabilities, for /.well-known/security.txt (RFC 9116): "
    "mailto: or https: addresses. Required in production.",
)
SECURITY_POLICY_URL = env_str(
    "PLUS1_SECURITY_POLICY_URL",
    "",
    help="Page with the municipality's disclosure policy (security.txt `Policy`), if any.",
)

# Open data (issue 14): each build is written here; `current.json` names the published one.
OPENDATA_DIR = Path(
    env_str(
        "PLUS1_OPENDATA_DIR",
        "",
        help="Folder for the published open-data builds (empty: opendata in PLUS1_DATA_DIR).",
    )
    or DATA_DIR / "opendata"
).resolve()
# First-time-right (issue 14 §2): which cases are a bezwaar, and which final status of
# such a case means it was upheld.
KPI_OBJECTION_CASE_TYPES = env_list(
    "PLUS1_KPI_OBJECTION_CASE_TYPES",
    ["bezwaar"],
    help="Codes of the case types that are a bezwaar (objection) against a decision; an "
    "upheld one makes the contested case not first-time-right.",
)
KPI_OBJECTION_UPHELD_STATUSES = env_list(
    "PLUS1_KPI_OBJECTION_UPHELD_STATUSES",
    ["gegrond"],
    help="Codes of the final statuses of a bezwaar case that mean it was upheld (gegrond).",
)
KPI_OBJECTION_REFERENCE_FIELD = env_str(
    "PLUS1_KPI_OBJECTION_REFERENCE_FIELD",
    "kenmerk_besluit",
    help="The field of the bezwaar form that holds the zaaknummer of the contested case.",
)

# Doorbraak (issue 14 §5): the team that takes cases where rules block a sensible outcome.
BREAKTHROUGH_TEAM = env_str(
    "PLUS1_BREAKTHROUGH_TEAM",
    "doorbraak",
    help="URL name (slug) of the doorbraak team that takes the cases staff mark 'doorbraak "
    "nodig'. Without such a team, marking is refused with a message to the administrator.",
)
BREAKTHROUGH_WORKING_DAYS = env_int(
    "PLUS1_BREAKTHROUGH_WORKING_DAYS",
    5,
    help="The doorbraak team's own term: working days from marking to its decision.",
)
