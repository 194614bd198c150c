"""Faults a council's servers will have: a worker killed mid-report, Redis restarted, Postgres
going away in the middle of a request. Real processes and servers throughout; the Redis here is
a private Valkey of the test's own, so restarting it disturbs nothing else."""

import os
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import uuid
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import pytest
import redis
import requests
from django.conf import settings
from django.db import connection
from django.db.models import Count
from django.urls import reverse

from coproduction import backup, devservers
from coproduction.celery import app
from coproduction.reports.models import ReportJob
from coproduction.reports.tasks import report_job_render
from tests.coproduction.accounts.factories import UserFactory
from tests.coproduction.reports.factories import ReportJobFactory
from tests.coproduction.reports.test_pipeline import pdf_text
from tests.harness.worker import wait_for
from tests.ops.test_backup import server_admin

pytestmark = pytest.mark.slow

JOBS = 100
# Short, so a job held by the killed worker comes back within the test: the broker's visibility
# timeout is REPORT_TIME_LIMIT_MAX + 15 s (settings.py).
WORKER_REPORT_TIME_LIMIT = 25


def test_database_url() -> str:
    """DATABASE_URL with this run's test database in place of the configured one."""
    parts = urlsplit(os.environ["DATABASE_URL"])
    return urlunsplit(parts._replace(path=f"/{connection.settings_dict['NAME']}"))


class Worker:
    """`celery -A coproduction worker` as its own process group, as a server runs it."""

    def __init__(self, broker_dir: Path, queue: str, log: Path):
        env = {
            **os.environ,
            "DATABASE_URL": test_database_url(),
            "CELERY_BROKER_URL": f"redis+socket://{broker_dir / 'redis.sock'}",
            "REDIS_URL": f"unix://{broker_dir / 'redis.sock'}?db=0",
            "MEDIA_ROOT": str(settings.MEDIA_ROOT),
            "REPORT_TIME_LIMIT": str(WORKER_REPORT_TIME_LIMIT),
            "REPORT_TIME_LIMIT_MAX": str(WORKER_REPORT_TIME_LIMIT),
            # Static files from the source folders, as the test process serves them; a server
            # runs collectstatic at deploy instead.
            "DEBUG": "true",
        }
        cmd = [
            sys.executable, "-m", "celery", "-A", "coproduction", "worker", "-Q", queue,
            "--concurrency=2", "--loglevel=WARNING", f"--hostname=fault-{uuid.uuid4().hex[:6]}@%h",
            "--without-gossip", "--without-mingle", "--without-heartbeat",
        ]
        self.log = log.open("ab")
        self.process = subprocess.Popen(
            cmd, cwd=settings.BASE_DIR, env=env, stdout=self.log, stderr=subprocess.STDOUT, start_new_session=True
        )

    def kill(self) -> None:
        """SIGKILL to the main process and its pool children at once: a server losing power."""
        os.killpg(self.process.pid, signal.SIGKILL)
        self.process.wait(timeout=30)

    def stop(self) -> None:
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.kill()
        self.log.close()


@pytest.fixture
def private_redis():
    # A short path: unix socket paths stop at about 107 characters.
    directory = Path(tempfile.mkdtemp(prefix="cp-fault-", dir="/tmp"))
    devservers.start_redis(directory)
    yield directory
    devservers.stop_redis(directory)
    shutil.rmtree(directory, ignore_errors=True)


def status_counts() -> dict[str, int]:
    # One small query per poll: the workers need the two cores more than the test does.
    counts = dict(ReportJob.objects.values_list("status").annotate(n=Count("pk")).order_by())
    return {status: counts.get(status, 0) for status in ReportJob.Status.values}


def mid_render() -> bool:
    counts = status_counts()
    return counts["done"] >= 5 and counts["running"] >= 1


@pytest.mark.django_db(transaction=True)
def test_a_hundred_reports_finish_exactly_once_through_a_killed_worker_and_a_redis_restart(private_redis, tmp_path):
    queue = f"fault-{uuid.uuid4().hex[:8]}"
    broker_url = f"redis+socket://{private_redis / 'redis.sock'}"
    broker = redis.Redis(unix_socket_path=str(private_redis / "redis.sock"))
    jobs = [ReportJobFactory(requested_by=UserFactory(full_name=f"Fault Person {n:03}")) for n in range(JOBS)]
    with app.connection_for_write(broker_url) as conn, conn.Producer() as producer:
        for job in jobs:
            report_job_render.apply_async((str(job.pk),), producer=producer, queue=queue)
    assert broker.llen(queue) == JOBS

    log = tmp_path / "worker.log"
    first = Worker(private_redis, queue, log)
    try:
        # Mid-render: some reports made, one being made right now.
        wait_for(mid_render, timeout=120, every=0.1)
        first.kill()
    finally:
        first.stop()
    interrupted = set(ReportJob.objects.filter(status=ReportJob.Status.RUNNING).values_list("pk", flat=True))
    assert interrupted, "the worker was killed between two reports, not mid-render"

    second = Worker(private_redis, queue, log)
    try:
        # Redis restarts under the new worker while it works through the queue.
        wait_for(lambda: status_counts()["done"] >= 30, timeout=120)
        devservers.restart_redis(private_redis)
        wait_for(lambda: status_counts()["done"] == JOBS, timeout=240, every=1)
        # Every message acknowledged: nothing is left to be delivered a second time.
        wait_for(lambda: broker.llen(queue) == 0 and broker.hlen("unacked") == 0, timeout=30)
    finally:
        second.stop()

    for job in ReportJob.objects.all():
        assert (job.status, job.error, job.progress) == (ReportJob.Status.DONE, "", 100), job.pk
        # Made once; twice only when the first attempt died with its worker.
        assert job.attempts == (2 if job.pk in interrupted else 1), job.pk
    reports = sorted(p.name for p in (Path(settings.MEDIA_ROOT) / "reports").iterdir() if p.stem in {str(j.pk) for j in jobs})
    assert reports == sorted(f"{job.pk}.pdf" for job in jobs)  # one file per job, no leftovers
    for job in ReportJob.objects.select_related("requested_by"):
        with job.file.open("rb") as handle:
            assert f"Your data: {job.requested_by.full_name}" in pdf_text(handle.read())


@pytest.fixture
def signed_in_session(client_as, person):
    session = requests.Session()
    client = client_as(person)
    session.cookies.set(settings.SESSION_COOKIE_NAME, client.cookies[settings.SESSION_COOKIE_NAME].value)
    return session


def assert_try_again_later_page(response) -> None:
    assert response.status_code == 503
    assert response.headers["Retry-After"] == "30"
    assert "Sorry, there is a problem with the service" in response.text
    assert "Try again later." in response.text
    assert "Traceback" not in response.text and "OperationalError" not in response.text
    assert 'class="govuk-header' in response.text  # the service's own page, not a bare error


@pytest.mark.django_db(transaction=True)
def test_postgres_going_away_gives_a_try_again_later_page_and_the_next_request_works(live_server, person, signed_in_session):
    job = ReportJobFactory(requested_by=person)
    url = live_server.url + reverse("reports:job_detail", kwargs={"job_id": job.pk})
    assert "Waiting to start" in signed_in_session.get(url).text
    database = connection.settings_dict["NAME"]
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_backend_pid()")
        own_pid = cursor.fetchone()[0]  # the test's own connection stays

    with server_admin() as admin:
        # 1. Cut off mid-request: the page's query waits on a lock, and its connection is ended
        # while it waits, as a database restart or failover ends it.
        with backup._connect(connection.settings_dict) as locker:
            locker.execute(f"LOCK TABLE {ReportJob._meta.db_table} IN ACCESS EXCLUSIVE MODE")
            result = {}
            request = threading.Thread(target=lambda: result.update(response=signed_in_session.get(url, timeout=60)))
            request.start()
            waiting = wait_for(
                lambda: admin.execute(
                    "SELECT pid FROM pg_stat_activity WHERE datname = %s AND wait_event_type = 'Lock'", [database]
                ).fetchone(),
                timeout=30,
            )
            admin.execute("SELECT pg_terminate_backend(%s)", [waiting[0]])
            request.join(60)
            locker.rollback()
        assert_try_again_later_page(result["response"])
        assert "Waiting to start" in signed_in_session.get(url).text  # the next request works

        # 2. Down for a while: every connection ended and new ones refused, so the failure comes
        # while signing the request in (middleware), before any view runs.
        admin.execute(f'ALTER DATABASE "{database}" ALLOW_CONNECTIONS false')
        try:
            admin.execute(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = %s AND pid <> %s",
                [database, own_pid],
            )
            assert_try_again_later_page(signed_in_session.get(url, timeout=60))
            assert_try_again_later_page(signed_in_session.get(url, timeout=60))  # still away: still the page
        finally:
            admin.execute(f'ALTER DATABASE "{database}" ALLOW_CONNECTIONS true')
        response = signed_in_session.get(url, timeout=60)
        assert response.status_code == 200 and "Waiting to start" in response.text
