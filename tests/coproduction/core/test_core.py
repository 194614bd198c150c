import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.apps import apps
from django.conf import settings
from django.urls import reverse

from coproduction.celery import app
from tests.harness.worker import celery_worker

ROOT = Path(__file__).resolve().parents[3]


def test_liveness_answers_without_signing_in(client):
    response = client.get(reverse("core:health_live"))
    assert response.status_code == 200 and response.text == "ok"


def test_readiness_reports_a_missing_worker(client):
    response = client.get(reverse("core:health_ready"))
    assert response.status_code == 503
    assert response.json()["checks"] == {"database": "ok", "redis": "ok", "worker": "failing"}


@pytest.mark.django_db(transaction=True)  # the in-process worker closes this thread's connections
def test_readiness_is_ok_with_database_redis_and_a_worker(client):
    with celery_worker():
        response = client.get(reverse("core:health_ready"))
    assert response.status_code == 200, response.json()


def test_pages_send_a_nonce_content_security_policy(client):
    response = client.get(reverse("accounts:login"))
    policy = response["Content-Security-Policy"]
    assert "'unsafe-inline'" not in policy
    nonce = policy.split("'nonce-")[1].split("'")[0]
    assert f'nonce="{nonce}"' in response.text
    assert "frame-ancestors 'none'" in policy
    assert response["X-Frame-Options"] == "DENY"


def test_every_page_is_private_unless_marked_public(client):
    response = client.get("/home/")
    assert response.status_code == 302 and response["Location"].startswith("/accounts/login/")


def test_check_deploy_is_clean_with_production_settings():
    env = {
        **{k: v for k, v in os.environ.items() if k != "DJANGO_ALLOW_ASYNC_UNSAFE"},  # set for browser tests only
        "DEBUG": "false",
        "SECRET_KEY": "x7!" + "k2#p9@m4$v8%" * 5,
        "ALLOWED_HOSTS": "coproduction.example.gov.uk",
    }
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT, env=env, capture_output=True, text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_collectstatic_succeeds_with_the_manifest_storage(tmp_path):
    env = {**os.environ, "DEBUG": "false", "SECRET_KEY": "x" * 60, "STATIC_ROOT": str(tmp_path)}
    result = subprocess.run(
        [sys.executable, "manage.py", "collectstatic", "--noinput"], cwd=ROOT, env=env, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "staticfiles.json").exists()
    # Every page's stylesheet and scripts, compressed both ways and served under a hashed name
    # that browsers keep for a year without asking again.
    hashed = json.loads((tmp_path / "staticfiles.json").read_text())["paths"]["govuk/govuk-frontend.min.css"]
    assert (tmp_path / f"{hashed}.gz").exists() and (tmp_path / f"{hashed}.br").exists()
    served = subprocess.run(
        [sys.executable, "-c", SERVE_STATIC, f"/static/{hashed}"], cwd=ROOT, env={**env, "ALLOWED_HOSTS": "testserver"},
        capture_output=True, text=True,
    )
    assert served.returncode == 0, served.stderr
    answers = json.loads(served.stdout)
    assert answers["br"] == [200, "br", "max-age=315360000, public, immutable"]
    assert answers["gzip"] == [200, "gzip", "max-age=315360000, public, immutable"]
    assert answers["identity"][:2] == [200, None]


# Asks the service for a static file as browsers do, with each encoding they accept.
SERVE_STATIC = """
import json, sys, django
django.setup()
from django.test import Client
answers = {}
for encoding in ("br", "gzip", "identity"):
    response = Client().get(sys.argv[1], headers={"accept-encoding": encoding}, secure=True)
    answers[encoding] = [response.status_code, response.get("Content-Encoding"), response.get("Cache-Control")]
print(json.dumps(answers))
"""


def test_celery_is_configured_from_django_and_never_falls_back_to_amqp():
    assert app.conf.broker_url.split("://")[0] in {"redis", "rediss", "redis+socket", "unix"}
    assert app.conf.task_acks_late and app.conf.task_reject_on_worker_lost
    assert app.conf.worker_prefetch_multiplier == 1
    options = app.conf.broker_transport_options
    from coproduction.reports.tasks import report_job_render

    # No report is given longer than the visibility timeout, or a running job is delivered twice.
    assert report_job_render.time_limit <= settings.REPORT_TIME_LIMIT_MAX < options["visibility_timeout"]
    assert options["unacked_restore_interval"] <= 1


def test_feature_apps_are_registered():
    labels = {config.label for config in apps.get_app_configs()}
    assert {"careplans", "checklist", "commissioning", "assets", "panels", "monitoring", "involvement"} <= labels
