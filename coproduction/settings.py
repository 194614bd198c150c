"""The only settings module.

A laptop, CI and a council's server differ only in environment variables, all read
here. `make run` and `make test` export DATABASE_URL / REDIS_URL after starting the
embedded servers (coproduction/devservers.py), so settings never know which kind of
server they talk to.
"""

from datetime import timedelta
from pathlib import Path

import environ
from csp.constants import NONCE, NONE, SELF

BASE_DIR = Path(__file__).resolve().parent.parent
env = environ.Env()

# ---------------------------------------------------------------------------
# Core
# ---------------------------------------------------------------------------
DEBUG = env.bool("DEBUG", default=False)
SECRET_KEY = env("SECRET_KEY", default="dev-only-insecure-key" if DEBUG else environ.Env.NOTSET)
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["127.0.0.1", "localhost"])
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])
SERVICE_NAME = env("SERVICE_NAME", default="Co-production in adult social care")
# Shown in the phase banner: a council's own deployment sets this to "Beta" or "".
SERVICE_PHASE = env("SERVICE_PHASE", default="Alpha")
COUNCIL_NAME = env("COUNCIL_NAME", default="Demo Council")
# The council's prefix for open contracting identifiers (OCIDs) in the procurement open data,
# as registered with the Open Contracting Partnership: "ocds-" and six letters or digits.
OCDS_OCID_PREFIX = env("OCDS_OCID_PREFIX", default="ocds-demo01")
DATA_DIR = Path(env("DATA_DIR", default=str(BASE_DIR / ".data")))

INSTALLED_APPS = [
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.postgres",
    "django.forms",  # FORM_RENDERER TemplatesSetting finds Django's widget templates here
    # Third party
    "rules.apps.AutodiscoverRulesConfig",  # imports every app's rules.py
    "django_htmx",
    "template_partials",
    "crispy_forms",
    "crispy_forms_gds",
    "csp",
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    # Shared core
    "coproduction.core",
    "coproduction.accounts",
    "coproduction.people",
    "coproduction.audit",
    "coproduction.reports",
    "coproduction.notifications",
    "coproduction.governance",
    "coproduction.casesystem",
    # Feature apps: each gets its content from its own issue.
    "careplans",
    "checklist",
    "commissioning",
    "commissioning.priorities",
    "commissioning.budgeting",
    "commissioning.workshops",
    "commissioning.specifications",
    "commissioning.assets",
    "commissioning.panels",
    "commissioning.monitoring",
    "commissioning.involvement",
    "commissioning.coassessment",
    "commissioning.boards",
    "commissioning.recruitment",
    "commissioning.networks",
    "commissioning.training",
    "commissioning.research",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "csp.middleware.CSPMiddleware",
    # A database that is away gives a "try again later" page (503), not a 500.
    "coproduction.core.database_errors.DatabaseUnavailableMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # Signed-in pages and downloads are never kept by a browser's or proxy's cache.
    "coproduction.core.no_store.SignedInNoStoreMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "coproduction.accounts.middleware.SessionTimeoutMiddleware",
    "coproduction.accounts.middleware.StaffMFAMiddleware",
    # Default deny: every view needs a signed-in user unless marked @login_not_required.
    "django.contrib.auth.middleware.LoginRequiredMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "coproduction.urls"
WSGI_APPLICATION = "coproduction.wsgi.application"
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
                "coproduction.core.context_processors.service",
                "coproduction.accounts.context_processors.navigation",
                "coproduction.notifications.context_processors.unread_messages",
            ],
        },
    }
]
FORM_RENDERER = "django.forms.renderers.TemplatesSetting"
CRISPY_ALLOWED_TEMPLATE_PACKS = ["gds"]
CRISPY_TEMPLATE_PACK = "gds"
# The GOV.UK class for the project's own widgets (crispy knows Django's by their class name).
CRISPY_CLASS_CONVERTERS = {"longselect": "govuk-select"}

# ---------------------------------------------------------------------------
# Database, cache, sessions
# ---------------------------------------------------------------------------
DATABASES = {"default": env.db("DATABASE_URL")}
DATABASES["default"]["CONN_MAX_AGE"] = env.int("CONN_MAX_AGE", default=60)
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
# Several test runs can share one database server when each names its own test database.
DATABASES["default"]["TEST"] = {"NAME": env("TEST_DATABASE_NAME", default=None)}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

REDIS_URL = env("REDIS_URL")
CACHES = {
    "default": {
        # Django's Redis cache, reusing its client (coproduction/core/redis_cache.py).
        "BACKEND": "coproduction.core.redis_cache.SharedClientRedisCache",
        "LOCATION": REDIS_URL,
        "KEY_PREFIX": env("CACHE_KEY_PREFIX", default="coproduction"),
    }
}
# Sessions live in Redis (append-only, noeviction), so a page costs no session query; they are
# read in the same round trip as the signed-in account (coproduction/accounts/sessions.py).
SESSION_ENGINE = "coproduction.accounts.sessions"
SESSION_COOKIE_AGE = int(timedelta(hours=12).total_seconds())  # absolute limit, see below
SESSION_IDLE_TIMEOUT = int(timedelta(minutes=env.int("SESSION_IDLE_MINUTES", default=30)).total_seconds())
SESSION_ABSOLUTE_TIMEOUT = int(timedelta(hours=12).total_seconds())
# The warning appears this long before the idle limit (WCAG 2.2.1 asks for at least 20 s).
SESSION_WARNING_SECONDS = 5 * 60
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"

# ---------------------------------------------------------------------------
# Authentication
# ---------------------------------------------------------------------------
AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",  # first: refuses locked-out logins
    "rules.permissions.ObjectPermissionBackend",
    "coproduction.accounts.backends.EmailPasswordBackend",
    # Council staff through the council's identity provider, when OIDC_ISSUER is set.
    "coproduction.accounts.backends.IdentityProviderBackend",
]
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 12}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "accounts:home"
LOGOUT_REDIRECT_URL = "accounts:login"
# Staff roles must use a TOTP app; off by default only when DEBUG is on (make run).
REQUIRE_STAFF_MFA = env.bool("REQUIRE_STAFF_MFA", default=not DEBUG)
OTP_TOTP_ISSUER = SERVICE_NAME

# Single sign-on for council staff through the council's identity provider (OpenID Connect,
# authorization code flow with PKCE; mozilla-django-oidc). Off unless OIDC_ISSUER is set: the
# endpoints and signing keys come from the issuer's discovery document, fetched when first
# needed and cached (coproduction/accounts/identity_provider.py). Microsoft Entra ID's issuer is
# https://login.microsoftonline.com/<tenant id>/v2.0.
OIDC_ISSUER = env("OIDC_ISSUER", default="").rstrip("/")
OIDC_RP_CLIENT_ID = env("OIDC_CLIENT_ID", default="")
OIDC_RP_CLIENT_SECRET = env("OIDC_CLIENT_SECRET", default="")
OIDC_PROVIDER_NAME = env("OIDC_PROVIDER_NAME", default="your council account")
OIDC_RP_SCOPES = env("OIDC_SCOPES", default="openid email profile")
# The ID token claim listing the person's groups (Entra ID: "groups", as object ids).
OIDC_GROUPS_CLAIM = env("OIDC_GROUPS_CLAIM", default="groups")
# The provider has done multi-factor authentication when the ID token's `amr` holds one of these,
# or its `acr` is one of OIDC_MFA_ACR_VALUES; then the service's own TOTP step is skipped.
OIDC_MFA_AMR_VALUES = env.list("OIDC_MFA_AMR_VALUES", default=["mfa"])
OIDC_MFA_ACR_VALUES = env.list("OIDC_MFA_ACR_VALUES", default=[])
OIDC_DISCOVERY_CACHE_SECONDS = env.int("OIDC_DISCOVERY_CACHE_SECONDS", default=3600)
OIDC_TIMEOUT = env.int("OIDC_TIMEOUT_SECONDS", default=10)
OIDC_USE_PKCE = True
OIDC_PKCE_CODE_CHALLENGE_METHOD = "S256"
OIDC_USE_NONCE = True
OIDC_STORE_ID_TOKEN = False  # holds the name and email: never kept once its claims are read
OIDC_AUTHENTICATION_CALLBACK_URL = "accounts:sso_callback"
# The provider's endpoints and keys are read from its discovery document, never from settings
# (mozilla-django-oidc's OIDC_OP_* settings are unused), and only asymmetric signatures are
# accepted (identity_provider.ALLOWED_ALGORITHMS).

AXES_FAILURE_LIMIT = env.int("AXES_FAILURE_LIMIT", default=5)
AXES_COOLOFF_TIME = timedelta(minutes=env.int("AXES_COOLOFF_MINUTES", default=15))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_USERNAME_FORM_FIELD = "username"
AXES_USERNAME_CALLABLE = "coproduction.accounts.lockout.axes_username"
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "accounts/locked_out.html"
# Axes must not write usernames (email addresses: personal data) or addresses to the log,
# nor keep the typed email in the raw request data it stores.
AXES_VERBOSE = False
AXES_CLIENT_STR_CALLABLE = "coproduction.accounts.logging.axes_client_str"
AXES_SENSITIVE_PARAMETERS = ["username", "password", "email", "token"]
AXES_IPWARE_PROXY_COUNT = env.int("PROXY_COUNT", default=0)

EMAIL_BACKEND = env(
    "EMAIL_BACKEND",
    default="django.core.mail.backends.console.EmailBackend" if DEBUG else "django.core.mail.backends.smtp.EmailBackend",
)
EMAIL_HOST = env("EMAIL_HOST", default="localhost")
EMAIL_PORT = env.int("EMAIL_PORT", default=25)
EMAIL_HOST_USER = env("EMAIL_HOST_USER", default="")
EMAIL_HOST_PASSWORD = env("EMAIL_HOST_PASSWORD", default="")
EMAIL_USE_TLS = env.bool("EMAIL_USE_TLS", default=False)
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", default="no-reply@example.invalid")
PASSWORD_RESET_TIMEOUT = int(timedelta(hours=2).total_seconds())

# ---------------------------------------------------------------------------
# Security headers (check --deploy is clean with DEBUG off)
# ---------------------------------------------------------------------------
SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=not DEBUG)
# Behind a council's load balancer that terminates TLS, set TRUST_PROXY_SSL_HEADER=1.
if env.bool("TRUST_PROXY_SSL_HEADER", default=False):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_REDIRECT_EXEMPT = [r"^health/"]  # probes speak plain HTTP inside the cluster
SECURE_HSTS_SECONDS = 0 if DEBUG else int(timedelta(days=365).total_seconds())
SECURE_HSTS_INCLUDE_SUBDOMAINS = not DEBUG
SECURE_HSTS_PRELOAD = not DEBUG
SESSION_COOKIE_SECURE = not DEBUG
CSRF_COOKIE_SECURE = not DEBUG
CSRF_COOKIE_HTTPONLY = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"

# The asset map's background tiles: OpenStreetMap's by default (its attribution is required);
# a council may point at its own tile server. Empty: the map shows markers without tiles.
ASSET_TILE_URL = env("ASSET_TILE_URL", default="https://tile.openstreetmap.org/{z}/{x}/{y}.png")
ASSET_TILE_ATTRIBUTION = env(
    "ASSET_TILE_ATTRIBUTION",
    default='&copy; <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a> contributors',
)
# A published asset nobody has checked for this long is marked "needs checking".
ASSET_STALE_AFTER_DAYS = env.int("ASSET_STALE_AFTER_DAYS", default=365)
_ASSET_TILE_ORIGIN = "/".join(ASSET_TILE_URL.split("/")[:3]).replace("{s}.", "*.") if ASSET_TILE_URL.startswith("https://") else None

CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF, NONCE],
        "style-src": [SELF],
        "img-src": [SELF, "data:", *([_ASSET_TILE_ORIGIN] if _ASSET_TILE_ORIGIN else [])],
        "font-src": [SELF],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [NONE],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    }
}

# ---------------------------------------------------------------------------
# Static and private files
# ---------------------------------------------------------------------------
STATIC_URL = "/static/"
STATIC_ROOT = Path(env("STATIC_ROOT", default=str(BASE_DIR / "staticfiles")))
STATICFILES_DIRS = [BASE_DIR / "static"]
# Reports are private: never served from a public URL, only through a checked view.
MEDIA_ROOT = Path(env("MEDIA_ROOT", default=str(DATA_DIR / "media")))
# Reports and uploads are readable by the service's own account only, never by other accounts
# on the server: FileSystemStorage sets these on every file and folder it makes, uploads and
# the worker's reports alike.
FILE_UPLOAD_PERMISSIONS = 0o600
FILE_UPLOAD_DIRECTORY_PERMISSIONS = 0o700
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
        if DEBUG
        else "whitenoise.storage.CompressedManifestStaticFilesStorage"
    },
}

# ---------------------------------------------------------------------------
# Celery (Redis broker; see coproduction/celery.py)
# ---------------------------------------------------------------------------
CELERY_BROKER_URL = env("CELERY_BROKER_URL", default=REDIS_URL)
CELERY_RESULT_BACKEND = None  # job state lives in ReportJob rows, not in Redis
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_TASK_SERIALIZER = "json"
CELERY_ACCEPT_CONTENT = ["json"]
# Each report kind sizes its own time limit from what it will hold, counted when it is queued
# (coproduction/reports/kinds.py): REPORT_TIME_LIMIT is what a kind that counts nothing gets, and
# no job is given more than REPORT_TIME_LIMIT_MAX. The visibility timeout must be longer than the
# largest limit, or a running task is delivered twice; a job held by a worker that died comes back
# after it. (A 93-page "your data" export took 17 to 24 s on a quiet server and over 30 s under
# load; a job cut off at its limit is retried from the work it saved, with twice the time.)
REPORT_TIME_LIMIT = env.int("REPORT_TIME_LIMIT", default=40)
REPORT_TIME_LIMIT_MAX = max(env.int("REPORT_TIME_LIMIT_MAX", default=240), REPORT_TIME_LIMIT)
CELERY_BROKER_TRANSPORT_OPTIONS = {
    "visibility_timeout": REPORT_TIME_LIMIT_MAX + 15,
    "unacked_restore_interval": 1,
    "unacked_restore_throttle": 1,
}
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
CELERY_WORKER_MAX_TASKS_PER_CHILD = env.int("CELERY_WORKER_MAX_TASKS_PER_CHILD", default=200)
CELERY_WORKER_MAX_MEMORY_PER_CHILD = env.int("CELERY_WORKER_MAX_MEMORY_KB", default=400_000)
CELERY_WORKER_HIJACK_ROOT_LOGGER = False
CELERY_BEAT_SCHEDULE = {
    # A job whose message was lost (Redis restarted before it was written to the AOF,
    # or a worker died) is queued again.
    "report-jobs-requeue-stuck": {
        "task": "coproduction.reports.tasks.report_jobs_requeue_stuck",
        "schedule": 60.0,
    },
    # The same for a participatory budgeting count that runs in the background.
    "budgeting-counts-requeue-stuck": {
        "task": "commissioning.budgeting.tasks.round_counts_requeue_stuck",
        "schedule": 60.0,
    },
    # Published assets not checked for ASSET_STALE_AFTER_DAYS become "needs checking", daily.
    "assets-mark-stale": {
        "task": "commissioning.assets.tasks.assets_mark_stale",
        "schedule": 24 * 60 * 60.0,
    },
}
# A queued job untouched this long is assumed lost and queued again.
REPORT_REQUEUE_AFTER = timedelta(seconds=env.int("REPORT_REQUEUE_AFTER_SECONDS", default=120))

# ---------------------------------------------------------------------------
# Internationalisation
# ---------------------------------------------------------------------------
LANGUAGE_CODE = "en-gb"
TIME_ZONE = "Europe/London"
USE_I18N = True
USE_TZ = True

# ---------------------------------------------------------------------------
# Logging: no personal data. Request paths carry only ids; bodies are never logged.
# ---------------------------------------------------------------------------
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", default="INFO")},
    "loggers": {
        # Axes logs usernames on failed logins even when not verbose.
        "axes": {"level": "WARNING"},
        "weasyprint": {"level": "ERROR"},
        "fontTools": {"level": "WARNING"},
    },
}

PAGE_SIZE = 25

# Care plan reviews: the first some weeks after a plan is agreed, then at least yearly
# (practice under the Care Act statutory guidance, as councils' procedures describe it).
CAREPLAN_FIRST_REVIEW_WEEKS = env.int("CAREPLAN_FIRST_REVIEW_WEEKS", default=8)
CAREPLAN_REVIEW_INTERVAL_WEEKS = env.int("CAREPLAN_REVIEW_INTERVAL_WEEKS", default=52)
# Checklist results are never shown for fewer answers than this, so nobody's can be singled out.
CHECKLIST_MIN_GROUP_SIZE = env.int("CHECKLIST_MIN_GROUP_SIZE", default=5)
# Involvement claims must be made within this many days of the activity, so the finance team
# can close its accounts.
CLAIM_DEADLINE_DAYS = env.int("CLAIM_DEADLINE_DAYS", default=90)

# Bidders' answers uploaded to procurement panels: PDF or Word, up to this size.
PANEL_BID_MAX_BYTES = env.int("PANEL_BID_MAX_BYTES", default=10 * 1024 * 1024)

# ---------------------------------------------------------------------------
# Messages and reminders (coproduction/notifications)
# ---------------------------------------------------------------------------
# BEGIN notifications settings
# Links in emails, texts and letters are made absolute with this address (no trailing slash).
SITE_URL = env("SITE_URL", default="http://localhost:8000")
# GOV.UK Notify: used for email, text messages and letters when a key is set; without one,
# email goes through EMAIL_BACKEND and texts and letters are recorded as not sent.
# Each template is a generic one with ((subject)), ((body)) and ((link)) (see the README).
NOTIFY_API_KEY = env("NOTIFY_API_KEY", default="")
NOTIFY_BASE_URL = env("NOTIFY_BASE_URL", default="https://api.notifications.service.gov.uk")
NOTIFY_TEMPLATE_EMAIL = env("NOTIFY_TEMPLATE_EMAIL", default="")
NOTIFY_TEMPLATE_SMS = env("NOTIFY_TEMPLATE_SMS", default="")
NOTIFY_TEMPLATE_LETTER = env("NOTIFY_TEMPLATE_LETTER", default="")
NOTIFY_TIMEOUT = env.int("NOTIFY_TIMEOUT", default=20)  # seconds, for Notify and the mail server
EMAIL_TIMEOUT = NOTIFY_TIMEOUT
# A send that fails for a passing reason is tried again after about 30 s, 1, 2, 4 ... minutes
# (with jitter), up to NOTIFY_MAX_RETRIES times, then shown to administrators as failed.
NOTIFY_MAX_RETRIES = env.int("NOTIFY_MAX_RETRIES", default=6)
NOTIFY_RETRY_BACKOFF = env.int("NOTIFY_RETRY_BACKOFF", default=30)
NOTIFY_RETRY_BACKOFF_MAX = env.int("NOTIFY_RETRY_BACKOFF_MAX", default=60 * 60)
# A delivery still queued after this long lost its task and is queued again; one still
# "sending" after NOTIFY_SENDING_ABANDONED_AFTER is marked for an administrator to check.
NOTIFY_REQUEUE_AFTER = timedelta(seconds=env.int("NOTIFY_REQUEUE_AFTER_SECONDS", default=60 * 60 * 2))
NOTIFY_SENDING_ABANDONED_AFTER = timedelta(seconds=env.int("NOTIFY_SENDING_ABANDONED_AFTER_SECONDS", default=15 * 60))
CELERY_BEAT_SCHEDULE["notifications-requeue-stuck"] = {
    "task": "coproduction.notifications.tasks.deliveries_requeue_stuck",
    "schedule": 5 * 60.0,
}
# Care plan reviews: the practitioner hears this many days before the review date, the person
# and their representatives this many (the council sets it; four weeks gives time to prepare).
REVIEW_DUE_PRACTITIONER_DAYS = env.int("REVIEW_DUE_PRACTITIONER_DAYS", default=14)
REVIEW_DUE_PERSON_DAYS = env.int("REVIEW_DUE_PERSON_DAYS", default=28)
# A report's requester who looked at its progress page this recently is still there: no message.
REPORT_WATCHED_SECONDS = env.int("REPORT_WATCHED_SECONDS", default=30)
# How long the readiness probe waits for a Celery worker to answer its ping.
HEALTH_WORKER_PING_SECONDS = env.float("HEALTH_WORKER_PING_SECONDS", default=1.0)
# Early each morning: reviews coming up and overdue, and checklist surveys opening today.
from celery.schedules import crontab  # noqa: E402

CELERY_BEAT_SCHEDULE["careplans-review-reminders"] = {
    "task": "careplans.tasks.review_reminders_daily",
    "schedule": crontab(hour=6, minute=30),
}
CELERY_BEAT_SCHEDULE["checklist-round-invitations"] = {
    "task": "checklist.tasks.round_invitations_daily",
    "schedule": crontab(hour=7, minute=0),
}
# Day-before reminders for workshops, events and monitoring meetings: once a day, early
# morning, so they arrive the day before. The run is keyed per event and date: safe to repeat.
CELERY_BEAT_SCHEDULE["commissioning-day-before-reminders"] = {
    "task": "commissioning.tasks.day_before_reminders",
    "schedule": crontab(hour=7, minute=0),
}
# END notifications settings

# ---------------------------------------------------------------------------
# Information governance: subject access, consent, retention, access review
# (coproduction/governance)
# ---------------------------------------------------------------------------
# BEGIN governance settings
# Retention schedule: how long each kind of record is kept, and what happens after. Each
# period is set by the council through an environment variable; the nightly run (02:30)
# anonymises or deletes what is due and writes counts to the audit trail.
RETENTION_SCHEDULE = {
    "care_records": {
        "label": "Closed care records",
        "keep": env.int("RETENTION_CARE_RECORD_YEARS", default=8), "unit": "years",
        "after": "the last contact (the latest review or plan change), once the plan was closed at a review",
        "action": "anonymise",
        "why": "Adult social care records are usually kept for 8 years after the last contact.",
    },
    "involvement_profiles": {
        "label": "Involvement profiles",
        "keep": env.int("RETENTION_INVOLVEMENT_PROFILE_MONTHS", default=24), "unit": "months",
        "after": "the last activity (signing in, taking part, a claim or a change to the profile)",
        "action": "delete",
        "why": "Held only while someone is involved; what they took part in keeps its own counts.",
    },
    "report_files": {
        "label": "Finished report files",
        "keep": env.int("RETENTION_REPORT_FILE_DAYS", default=30), "unit": "days",
        "after": "the report was made (or could not be made)",
        "action": "delete",
        "why": "A report can be made again at any time; old copies are not kept.",
    },
    "messages": {
        "label": "Messages in the service",
        "keep": env.int("RETENTION_MESSAGE_MONTHS", default=24), "unit": "months",
        "after": "the message was sent",
        "action": "delete",
        "why": "Reminders and notices are of no use after this; the records they point to are kept.",
    },
    "wtfc_statements": {
        "label": "Working Together for Change statements",
        "keep": env.int("RETENTION_WTFC_STATEMENT_YEARS", default=3), "unit": "years",
        "after": "the exercise was set up",
        "action": "anonymise",
        "why": "The words are removed; the counts per theme stay for the commissioning record.",
    },
    "recruitment_candidates": {
        "label": "Candidates for jobs recruited with local people",
        "keep": env.int("RETENTION_RECRUITMENT_CANDIDATE_MONTHS", default=6), "unit": "months",
        "after": "the campaign closed (its closing date, or the appointing manager's decision if later)",
        "action": "delete",
        "why": "Long enough to answer a question about the appointment; the values, questions and decisions stay.",
    },
    "network_posts": {
        "label": "Messages in network discussions",
        "keep": env.int("RETENTION_NETWORK_POST_MONTHS", default=24), "unit": "months",
        "after": "the discussion's last message",
        "action": "anonymise",
        "why": "Discussions are for working together now; the words are removed, who took part stays for counts.",
    },
    "guest_invitations": {
        "label": "Invitations to people without an account",
        "keep": env.int("RETENTION_GUEST_INVITATION_MONTHS", default=6), "unit": "months",
        "after": "the event they were invited to",
        "action": "delete",
        "why": "Their name and how to reach them are needed only to invite them and welcome them on the day.",
    },
    "audit_entries": {
        "label": "Audit trail entries",
        "keep": env.int("RETENTION_AUDIT_YEARS", default=7), "unit": "years",
        "after": "the entry was written",
        "action": "delete",
        "why": "Long enough to answer a complaint or an investigation about the care record.",
    },
}
# Rows changed per transaction in a retention run, so a large backlog never holds long locks.
RETENTION_BATCH_SIZE = env.int("RETENTION_BATCH_SIZE", default=500)
from celery.schedules import crontab  # noqa: E402

CELERY_BEAT_SCHEDULE["governance-retention-nightly"] = {
    "task": "coproduction.governance.tasks.retention_nightly",
    "schedule": crontab(hour=2, minute=30),
}
# Accounts nobody has signed in to for this many days are listed for an administrator to disable.
INACTIVE_ACCOUNT_DAYS = env.int("INACTIVE_ACCOUNT_DAYS", default=90)
# END governance settings

# ---------------------------------------------------------------------------
# Running beyond one server: shared report storage and a read replica
# ---------------------------------------------------------------------------
# BEGIN deployment settings
# Report files (and other uploads) on S3-compatible object storage, so any worker can write a
# file and any web node can serve it. The bucket stays private: files are still streamed
# through the checked download views, never handed out as signed or public URLs.
AWS_STORAGE_BUCKET_NAME = env("AWS_STORAGE_BUCKET_NAME", default="")
if AWS_STORAGE_BUCKET_NAME:
    STORAGES["default"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": AWS_STORAGE_BUCKET_NAME,
            # Empty means the provider's default (AWS); set it for any other S3-compatible store.
            "endpoint_url": env("AWS_S3_ENDPOINT_URL", default="") or None,
            "region_name": env("AWS_S3_REGION_NAME", default="") or None,
            # Keys from the environment; unset means the platform's own credentials (an IAM role).
            "access_key": env("AWS_ACCESS_KEY_ID", default="") or None,
            "secret_key": env("AWS_SECRET_ACCESS_KEY", default="") or None,
            "location": env("AWS_LOCATION", default=""),
            "default_acl": "private",
            "querystring_auth": True,  # should a URL ever be made, it is signed and short-lived
            "querystring_expire": 60,
            "file_overwrite": False,
            "object_parameters": {"ServerSideEncryption": env("AWS_S3_SERVER_SIDE_ENCRYPTION", default="AES256")}
            if env("AWS_S3_SERVER_SIDE_ENCRYPTION", default="AES256")
            else {},
        },
    }

# An optional read replica for dashboards and reports. Nothing reads from it unless a
# selector asks for coproduction.core.db_router.reporting_db(), so ordinary pages always read
# what they have just written. Tests mirror it onto the default database.
if env("DATABASE_REPLICA_URL", default=""):
    DATABASES["replica"] = env.db("DATABASE_REPLICA_URL")
    DATABASES["replica"]["CONN_MAX_AGE"] = DATABASES["default"]["CONN_MAX_AGE"]
    DATABASES["replica"]["CONN_HEALTH_CHECKS"] = True
    DATABASES["replica"]["TEST"] = {"MIRROR": "default"}
DATABASE_ROUTERS = ["coproduction.core.db_router.PrimaryReplicaRouter"]

# Managed Redis over TLS (rediss://): the cache's client checks the certificate by default;
# Celery must be told to.
if CELERY_BROKER_URL.startswith("rediss://"):
    import ssl

    CELERY_BROKER_USE_SSL = {"ssl_cert_reqs": ssl.CERT_REQUIRED}
# END deployment settings

# ---------------------------------------------------------------------------
# The case management system: people and teams in, plans out
# ---------------------------------------------------------------------------
# BEGIN case system settings
# The nightly extract arrives in a folder on the server, or, with object storage, under a
# prefix in the bucket; agreed plans and finished reviews go back the same way. Unset: off.
CASE_SYSTEM_IMPORT_FOLDER = env("CASE_SYSTEM_IMPORT_FOLDER", default="")
CASE_SYSTEM_IMPORT_PREFIX = env("CASE_SYSTEM_IMPORT_PREFIX", default="case-system/incoming" if AWS_STORAGE_BUCKET_NAME else "")
CASE_SYSTEM_EXPORT_FOLDER = env("CASE_SYSTEM_EXPORT_FOLDER", default="")
CASE_SYSTEM_EXPORT_PREFIX = env("CASE_SYSTEM_EXPORT_PREFIX", default="case-system/outgoing" if AWS_STORAGE_BUCKET_NAME else "")
CELERY_BEAT_SCHEDULE["case-system-import-nightly"] = {
    "task": "coproduction.casesystem.tasks.scheduled_import",
    "schedule": crontab(hour=1, minute=15),
}
# An uploaded extract whose import message was lost (Redis restarted) or whose worker died is
# queued again, as report jobs are.
CELERY_BEAT_SCHEDULE["case-system-imports-requeue-stuck"] = {
    "task": "coproduction.casesystem.tasks.import_runs_requeue_stuck",
    "schedule": 60.0,
}
CELERY_BEAT_SCHEDULE["case-system-export-plans"] = {
    "task": "careplans.tasks.case_system_export",
    "schedule": crontab(hour=1, minute=45),
}
# END case system settings
