"""Shared fixtures: real Postgres and Redis (from DATABASE_URL / REDIS_URL, which `make test`
sets after starting the embedded servers), one user per role, and the harnesses."""

import os
import tempfile
import uuid
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

import pytest
from django.conf import settings

from coproduction.accounts.models import Role
from tests.coproduction.accounts.factories import OrganisationFactory, TeamFactory, users_for_every_role
from tests.harness import reference_data
from tests.harness.auth import login_as

# The `browser` fixture (system Chromium) for every test module that asks for it.
pytest_plugins = [
    "tests.harness.browser",
    "tests.harness.mailbox",
    "tests.harness.notify_server",
    "tests.harness.oidc",
    "tests.coproduction.notifications.delivery",
]

# Modules that build the demo world once (seconds of seeding and a report worker) run whole on
# one worker; every other test is handed out on its own, to whichever worker is free.
ONE_WORKER_MODULES = {
    "tests/coproduction/core/test_seed_demo.py",
    "tests/coproduction/reports/test_demo_world.py",
    "tests/test_journeys.py",
}


def pytest_xdist_make_scheduler(config, log):
    if config.getvalue("dist") != "loadscope":
        return None
    from xdist.scheduler import LoadScopeScheduling

    class OneWorkerModulesScheduling(LoadScopeScheduling):
        def _split_scope(self, nodeid: str) -> str:
            module = nodeid.split("::", 1)[0]
            return module if module in ONE_WORKER_MODULES else nodeid

    return OneWorkerModulesScheduling(config, log)


# Live-server browser tests drive Django from Playwright's sync API in the same thread.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


def xdist_worker_number() -> int:
    """0 outside pytest-xdist, else 1 for gw0, 2 for gw1...: each worker's own Redis database."""
    worker = os.environ.get("PYTEST_XDIST_WORKER", "")
    return int(worker[2:]) + 1 if worker.startswith("gw") else 0


def redis_url_with_database(url: str, number: int) -> str:
    """The same Redis server, another numbered database: redis://host/N, unix://path?db=N for
    redis-py, redis+socket://path?virtual_host=N for Celery's broker."""
    parts = urlsplit(url)
    query_key = {"unix": "db", "redis+socket": "virtual_host", "socket": "virtual_host"}.get(parts.scheme)
    if query_key:
        query = dict(parse_qsl(parts.query))
        query[query_key] = str(number)
        # Spelled out: urlunsplit drops the "//" of a URL with no host (unix:///path).
        return f"{parts.scheme}://{parts.netloc}{parts.path}?{urlencode(query)}"
    return urlunsplit(parts._replace(path=f"/{number}"))


def pytest_configure(config):
    # pytest-django forces DEBUG off, which turns on the manifest storage; the live server
    # serves static files through finders, which only know the unhashed names.
    settings.STORAGES = {**settings.STORAGES, "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}}
    # Reports and collected static files go to throwaway folders, never a developer's .data/.
    settings.MEDIA_ROOT = tempfile.mkdtemp(prefix="coproduction-media-")
    settings.STATIC_ROOT = tempfile.mkdtemp(prefix="coproduction-static-")
    # The test client and live server speak plain HTTP; every other production setting stays.
    settings.SECURE_SSL_REDIRECT = False
    # Keep this run's sessions and cache apart from a developer's `make run` on the same Redis,
    # and each parallel worker's apart from the others' (pytest-django already gives each
    # worker its own test database, and the folders above are each process's own).
    settings.CACHES["default"]["KEY_PREFIX"] = f"test-{uuid.uuid4().hex[:8]}"
    if xdist_worker_number():
        settings.CACHES["default"]["LOCATION"] = redis_url_with_database(settings.CACHES["default"]["LOCATION"], xdist_worker_number())
    # Tasks go to a queue of this run's own, so a `make run` worker never takes them.
    from coproduction.celery import app

    app.conf.task_default_queue = f"test-{uuid.uuid4().hex[:8]}"
    if xdist_worker_number():
        # Broadcasts (a readiness ping, a worker's control messages) stay within the worker too.
        app.conf.broker_url = redis_url_with_database(app.conf.broker_url, xdist_worker_number())
    # Password hashing at full Argon2 strength makes factories slow; the hasher is not under test.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher", *settings.PASSWORD_HASHERS]
    # No worker runs beside most tests: the readiness probe need not wait a whole second for one.
    settings.HEALTH_WORKER_PING_SECONDS = 0.5
    # No network in tests: the asset map draws its markers without background tiles.
    settings.ASSET_TILE_URL = ""
    # A flushed database gets back what the migrations put in it.
    reference_data.connect()


@pytest.fixture(autouse=True)
def _database(db):
    """Every test may use the real database; each runs in a transaction rolled back after."""


@pytest.fixture
def council():
    return OrganisationFactory(name="Test Council")


@pytest.fixture
def team(council):
    return TeamFactory(name="North Adults Team", organisation=council)


@pytest.fixture
def other_team(council):
    return TeamFactory(name="South Adults Team", organisation=council)


@pytest.fixture
def users(team):
    """One user per role, the manager managing `team`."""
    return users_for_every_role(team)


def _role_fixture(role: Role):
    @pytest.fixture
    def fixture(users):
        return users[role]

    return fixture


commissioner = _role_fixture(Role.COMMISSIONER)
practitioner = _role_fixture(Role.PRACTITIONER)
team_manager = _role_fixture(Role.TEAM_MANAGER)
person = _role_fixture(Role.PERSON)
carer = _role_fixture(Role.CARER)
provider = _role_fixture(Role.PROVIDER)
quality_assessor = _role_fixture(Role.QUALITY_ASSESSOR)
administrator = _role_fixture(Role.ADMINISTRATOR)


@pytest.fixture
def client_as():
    """client_as(user) gives a new test client signed in as user, two-factor passed for staff."""
    from django.test import Client

    def sign_in(user):
        return login_as(Client(), user)

    return sign_in
