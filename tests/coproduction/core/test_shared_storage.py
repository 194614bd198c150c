"""Running on more than one server: report files in S3-compatible object storage, and a read
replica for dashboards and reports.

The object store is moto's standalone S3 server: a real S3 HTTP API on a local port, spoken to
by django-storages and boto3 exactly as they speak to a council's bucket. The storage settings
are the ones coproduction/settings.py makes from the environment, read in a fresh process.
"""

import json
import os
import socket
import subprocess
import sys
import uuid
from datetime import timedelta
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import boto3
import pytest
from django.conf import settings
from django.urls import reverse

from coproduction.core.db_router import reporting_db
from coproduction.reports.models import ReportJob
from tests.harness.worker import celery_worker, wait_for

ROOT = Path(__file__).resolve().parents[3]
BUCKET = f"council-reports-{uuid.uuid4().hex[:8]}"
REGION = "eu-west-2"


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _settings_in_fresh_process(env: dict, expression: str, prelude: str = ""):
    """Evaluate `expression` in a new process whose settings come from `env`."""
    code = (
        "import json, django; django.setup()\n"
        "from django.conf import settings\n"
        "from django.db import connections, router\n"
        "from coproduction.accounts.models import User\n"
        "from coproduction.core.db_router import reporting_db\n"
        f"{prelude}\n"
        f"print(json.dumps({expression}, default=str))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True,
        env={**os.environ, "DJANGO_SETTINGS_MODULE": "coproduction.settings", **env},
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


@pytest.fixture(scope="module")
def s3_server():
    from moto.server import ThreadedMotoServer

    port = _free_port()
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=port, verbose=False)
    server.start()
    endpoint = f"http://127.0.0.1:{port}"
    client = boto3.client(
        "s3", endpoint_url=endpoint, region_name=REGION, aws_access_key_id="council-key", aws_secret_access_key="council-secret"
    )
    try:
        client.create_bucket(Bucket=BUCKET, CreateBucketConfiguration={"LocationConstraint": REGION})
    except client.exceptions.BucketAlreadyOwnedByYou:
        pass  # a slow first answer, and the client's retry found it made
    yield endpoint, client
    server.stop()


@pytest.fixture
def object_storage(s3_server, settings):
    """The default storage as settings.py configures it from the council's environment."""
    endpoint, client = s3_server
    environment = {
        "AWS_STORAGE_BUCKET_NAME": BUCKET, "AWS_S3_ENDPOINT_URL": endpoint, "AWS_S3_REGION_NAME": REGION,
        "AWS_ACCESS_KEY_ID": "council-key", "AWS_SECRET_ACCESS_KEY": "council-secret",
    }
    default = _settings_in_fresh_process(environment, 'settings.STORAGES["default"]')
    assert default["BACKEND"] == "storages.backends.s3.S3Storage"
    settings.STORAGES = {**settings.STORAGES, "default": default}
    return client


def _objects(client) -> dict[str, bytes]:
    listed = client.list_objects_v2(Bucket=BUCKET).get("Contents", [])
    return {item["Key"]: client.get_object(Bucket=BUCKET, Key=item["Key"])["Body"].read() for item in listed}


def test_without_a_bucket_reports_stay_on_the_local_disk():
    default = _settings_in_fresh_process({"AWS_STORAGE_BUCKET_NAME": ""}, 'settings.STORAGES["default"]')
    assert default["BACKEND"] == "django.core.files.storage.FileSystemStorage"


@pytest.mark.django_db(transaction=True)
def test_a_report_made_by_a_worker_lands_in_the_bucket_and_downloads_through_the_checked_view(
    object_storage, client_as, person, team_manager
):
    client = client_as(person)
    client.post(reverse("reports:my_data"))
    job = ReportJob.objects.get(requested_by=person)
    with celery_worker():
        wait_for(lambda: ReportJob.objects.filter(pk=job.pk, status=ReportJob.Status.DONE).exists())
    job.refresh_from_db()

    # The worker wrote the PDF to the bucket, privately and encrypted, and nothing to its disk.
    # Other tests of this module leave case-system files in the same bucket: only the reports count here.
    stored = {key: body for key, body in _objects(object_storage).items() if key.startswith("reports/")}
    assert list(stored) == [job.file.name] and stored[job.file.name].startswith(b"%PDF")
    assert not (Path(settings.MEDIA_ROOT) / job.file.name).exists()
    acl = object_storage.get_object_acl(Bucket=BUCKET, Key=job.file.name)
    assert [grant["Permission"] for grant in acl["Grants"]] == ["FULL_CONTROL"]  # the owner only, no public grant
    assert "URI" not in acl["Grants"][0]["Grantee"]
    head = object_storage.head_object(Bucket=BUCKET, Key=job.file.name)
    assert head["ServerSideEncryption"] == "AES256"

    # The web side streams it from the bucket through the checked view: no link to the bucket.
    page = client.get(reverse("reports:job_detail", kwargs={"job_id": job.pk}))
    assert "Your PDF is ready" in page.text and BUCKET not in page.text and "X-Amz" not in page.text
    download = client.get(reverse("reports:job_download", kwargs={"job_id": job.pk}))
    assert download.status_code == 200 and "Location" not in download
    assert download["Cache-Control"] == "private, no-store"
    body = b"".join(download.streaming_content)
    assert body == stored[job.file.name]
    text = subprocess.run(["pdftotext", "-", "-"], input=body, capture_output=True, check=True).stdout.decode()
    assert f"Your data: {person.full_name}" in text
    # Someone else still cannot get it, wherever the file lives.
    assert client_as(team_manager).get(reverse("reports:job_download", kwargs={"job_id": job.pk})).status_code == 404


def test_a_checked_asset_import_file_waits_in_the_bucket_and_is_forgotten(object_storage):
    """The asset import keeps uploads through the same storage (list, age, read, delete)."""
    from commissioning.assets import importing

    session = {}
    upload_id = importing.store_upload(data=b"name,postcode\nLunch club,LA9 4DL\n", session=session)
    assert [key for key in _objects(object_storage) if upload_id in key]
    assert importing.read_upload(upload_id=upload_id, session=session) == b"name,postcode\nLunch club,LA9 4DL\n"
    assert importing.read_upload(upload_id=upload_id, session={}) is None  # not this session's
    assert importing.forget_old_uploads(older_than=timedelta(days=1)) == 0
    assert importing.forget_old_uploads(older_than=timedelta(seconds=-60)) == 1
    assert not [key for key in _objects(object_storage) if upload_id in key]


# --- The read replica --------------------------------------------------------------------


def test_without_a_replica_reports_read_the_primary():
    assert "replica" not in settings.DATABASES
    assert reporting_db() == "default"


@pytest.mark.django_db(transaction=True)
def test_with_a_replica_only_reports_that_ask_read_from_it(person):
    """A second connection to the same server stands in for the replica: reporting_db() names
    it, rows are read through it, and everything else still reads and writes the primary."""
    test_db = settings.DATABASES["default"]["NAME"]
    url = urlunsplit(urlsplit(os.environ["DATABASE_URL"])._replace(path=f"/{test_db}"))
    seen = _settings_in_fresh_process(
        {"DATABASE_URL": url, "DATABASE_REPLICA_URL": url},
        "{'alias': reporting_db(), 'found': found, 'replica_used': connections['replica'].connection is not None,"
        " 'normal_reads': User.objects.all().db, 'writes': router.db_for_write(User),"
        " 'migrates_replica': router.allow_migrate('replica', 'accounts'),"
        " 'test_mirror': settings.DATABASES['replica']['TEST']['MIRROR']}",
        prelude=f"found = User.objects.using(reporting_db()).filter(pk={person.pk}).exists()",
    )
    assert seen == {
        "alias": "replica", "found": True, "replica_used": True, "normal_reads": "default", "writes": "default",
        "migrates_replica": False, "test_mirror": "default",
    }


def test_the_case_systems_extract_is_read_from_the_bucket_and_plans_go_back_to_it(object_storage, settings):
    """With object storage and no folder, the nightly import and export use prefixes in the bucket."""
    from django.utils import timezone

    from careplans.tasks import case_system_export
    from coproduction.casesystem.models import ImportRun
    from coproduction.casesystem.tasks import scheduled_import
    from coproduction.people.models import Person
    from tests.careplans.factories import CarePlanFactory
    from tests.coproduction.casesystem.helpers import extract, las_mapping, person_row

    settings.CASE_SYSTEM_IMPORT_FOLDER = settings.CASE_SYSTEM_EXPORT_FOLDER = ""
    settings.CASE_SYSTEM_IMPORT_PREFIX, settings.CASE_SYSTEM_EXPORT_PREFIX = "case-system/incoming", "case-system/outgoing"
    las_mapping(scheduled=True)
    object_storage.put_object(Bucket=BUCKET, Key="case-system/incoming/extract.csv", Body=extract([person_row("LAS-1")]))
    assert scheduled_import() == 1
    assert scheduled_import() == 0  # the same file, once
    joan = Person.objects.get(case_system_id="LAS-1")
    assert ImportRun.objects.get().file_name == "extract.csv"

    plan = CarePlanFactory(person=joan, version=1, status="agreed", agreed_at=timezone.now())
    assert case_system_export() == 1
    assert case_system_export() == 0
    sent = {key: body for key, body in _objects(object_storage).items() if key.startswith("case-system/outgoing/")}
    assert sorted(sent) == [f"case-system/outgoing/LAS-1_plan_{plan.pk}_v1.json", f"case-system/outgoing/LAS-1_plan_{plan.pk}_v1.pdf"]
    assert sent[f"case-system/outgoing/LAS-1_plan_{plan.pk}_v1.pdf"].startswith(b"%PDF")
