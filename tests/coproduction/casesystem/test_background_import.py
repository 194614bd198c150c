"""An uploaded extract is imported by a worker, not in the web request: the run's page shows its
progress (polling with JavaScript, a link to look again without), only the run's id crosses the
broker, and neither a worker nor Redis going away loses the import or imports it twice."""

from datetime import timedelta

import pytest
from bs4 import BeautifulSoup
from django.conf import settings
from django.core.cache import cache
from django.core.files.storage import default_storage
from django.db import OperationalError
from django.urls import reverse
from django.utils import timezone

from coproduction.casesystem import importing, selectors, services, tasks
from coproduction.casesystem.models import ImportRun
from coproduction.people.models import Person
from tests.harness.auth import login_as
from tests.harness.worker import celery_worker, wait_for

from .helpers import administrator, extract, las_mapping, person_row
from .test_import import upload

CONFIRM = "casesystem:import_confirm"


def post_confirm(client, check):
    page = BeautifulSoup(check.content, "html.parser")
    fields = {field["name"]: field.get("value", "") for field in page.select(f"form[action='{reverse(CONFIRM)}'] input[name]")}
    return client.post(reverse(CONFIRM), fields)


def status_text(response) -> str:
    return BeautifulSoup(response.content, "html.parser").select_one("#run-status").get_text(" ", strip=True)


def queued_run(mapping, rows=3, admin=None) -> ImportRun:
    data = extract([person_row(f"LAS-{n}", NHS_NUMBER="") for n in range(1, rows + 1)])
    return services.upload_import(data=data, file_name="las-extract.csv", mapping=mapping, actor=admin or administrator())


@pytest.mark.django_db
def test_confirming_queues_the_import_with_only_the_run_id_and_the_page_follows_it(client, django_capture_on_commit_callbacks, monkeypatch):
    sent = []
    monkeypatch.setattr(tasks.import_run, "delay", lambda *args, **kwargs: sent.append((args, kwargs)))
    mapping = las_mapping()
    login_as(client, administrator())
    check = upload(client, mapping, extract([person_row("LAS-1"), person_row("LAS-2", "Kris", "Nowak", NHS_NUMBER="")]))
    with django_capture_on_commit_callbacks(execute=True):
        response = post_confirm(client, check)
    run = ImportRun.objects.get()
    assert response["Location"] == reverse("casesystem:run_detail", kwargs={"run_id": run.pk})
    # Nothing is saved in the request; the worker is given the run's id and nothing else.
    assert Person.objects.count() == 0 and run.status == ImportRun.Status.QUEUED
    assert sent == [((run.pk,), {})]

    page = client.get(response["Location"])
    assert "Waiting to start" in status_text(page)
    status = BeautifulSoup(page.content, "html.parser").select_one("#run-status")
    assert status["hx-get"] == response["Location"] and status["hx-trigger"] == "every 2s"
    # Without JavaScript: a link to look again, and no refresh that moves the page by itself.
    assert status.find("a", string="refresh the page")["href"] == response["Location"]
    assert 'http-equiv="refresh"' not in page.text

    services.import_run_execute(run_id=run.pk)
    assert sorted(Person.objects.values_list("case_system_id", flat=True)) == ["LAS-1", "LAS-2"]
    finished = client.get(response["Location"], headers={"HX-Request": "true"})
    assert finished.text.lstrip().startswith('<div id="run-status">')  # only the part that polls, now still
    assert "Imported 2 added, 0 updated, 0 refused" in status_text(finished)
    assert not default_storage.exists(ImportRun.objects.get().stored_file)  # the extract is not kept once imported


@pytest.mark.django_db
def test_a_running_import_shows_the_rows_saved_of_the_total(client):
    admin = administrator()
    run = queued_run(las_mapping(), admin=admin)
    ImportRun.objects.filter(pk=run.pk).update(status=ImportRun.Status.RUNNING, rows=25000)
    cache.set(selectors.progress_key(run.pk), 7000)
    login_as(client, admin)
    page = client.get(reverse("casesystem:run_detail", kwargs={"run_id": run.pk}), headers={"HX-Request": "true"})
    assert "Importing: 7000 of 25000 rows saved." in status_text(page)
    bar = BeautifulSoup(page.content, "html.parser").select_one("progress")
    assert (bar["value"], bar["max"]) == ("7000", "25000")


@pytest.mark.django_db
def test_progress_is_told_after_each_batch(monkeypatch):
    monkeypatch.setattr(importing, "BATCH", 2)
    seen = []
    monkeypatch.setattr(services.cache, "set", lambda key, value, timeout=None: seen.append(value))
    run = queued_run(las_mapping(), rows=5)
    services.import_run_execute(run_id=run.pk)
    assert seen == [0, 2, 4, 5]
    assert ImportRun.objects.get(pk=run.pk).rows == 5


@pytest.mark.django_db
def test_a_worker_lost_half_way_saves_nothing_and_the_redelivered_import_saves_everything_once(monkeypatch):
    monkeypatch.setattr(importing, "BATCH", 2)
    run = queued_run(las_mapping(), rows=5)
    real_save = importing._save_batch
    calls = []

    def database_goes_away(*args, **kwargs):
        calls.append(1)
        if len(calls) == 2:
            raise OperationalError("server closed the connection unexpectedly")
        return real_save(*args, **kwargs)

    monkeypatch.setattr(importing, "_save_batch", database_goes_away)
    with pytest.raises(OperationalError):
        services.import_run_execute(run_id=run.pk)
    assert Person.objects.count() == 0  # the first batch was rolled back with the rest
    assert ImportRun.objects.get(pk=run.pk).status == ImportRun.Status.RUNNING

    monkeypatch.setattr(importing, "_save_batch", real_save)
    services.import_run_execute(run_id=run.pk)
    services.import_run_execute(run_id=run.pk)  # delivered once more: nothing happens twice
    run.refresh_from_db()
    assert (run.status, run.created, run.attempts) == (ImportRun.Status.DONE, 5, 2)
    assert Person.objects.count() == 5


@pytest.mark.django_db
def test_lost_and_abandoned_imports_are_queued_again_and_one_that_keeps_failing_is_given_up(monkeypatch):
    queued = []
    monkeypatch.setattr(services, "_enqueue", queued.append)
    mapping = las_mapping()
    lost, fresh, abandoned, hopeless = (queued_run(mapping) for _ in range(4))
    long_ago = timezone.now() - timedelta(seconds=settings.CELERY_BROKER_TRANSPORT_OPTIONS["visibility_timeout"] + settings.REPORT_TIME_LIMIT_MAX + 60)
    ImportRun.objects.filter(pk=lost.pk).update(updated_at=timezone.now() - settings.REPORT_REQUEUE_AFTER - timedelta(minutes=1))
    ImportRun.objects.filter(pk=abandoned.pk).update(status=ImportRun.Status.RUNNING, attempts=1, updated_at=long_ago)
    ImportRun.objects.filter(pk=hopeless.pk).update(status=ImportRun.Status.RUNNING, attempts=3, updated_at=long_ago)

    assert services.import_runs_requeue_stuck() == 2
    assert sorted(queued) == sorted([lost.pk, abandoned.pk])
    assert ImportRun.objects.get(pk=abandoned.pk).status == ImportRun.Status.QUEUED
    assert ImportRun.objects.get(pk=fresh.pk).status == ImportRun.Status.QUEUED
    given_up = ImportRun.objects.get(pk=hopeless.pk)
    assert given_up.status == ImportRun.Status.FAILED and "could not be finished" in given_up.message
    assert not default_storage.exists(given_up.stored_file)
    assert services.import_runs_requeue_stuck() == 0  # touched: not queued again at once


@pytest.mark.django_db
def test_an_extract_that_became_unimportable_while_queued_is_refused_and_said_so(client):
    admin = administrator()
    mapping = las_mapping()
    run = services.upload_import(data=extract([person_row("LAS-1", NHS_NUMBER="123")]), file_name="bad.csv", mapping=mapping, actor=admin)
    services.import_run_execute(run_id=run.pk)
    login_as(client, admin)
    page = client.get(reverse("casesystem:run_detail", kwargs={"run_id": run.pk}))
    assert "Nothing was imported: No row can be imported" in status_text(page)
    assert Person.objects.count() == 0


@pytest.mark.django_db(transaction=True)
def test_a_real_worker_imports_the_confirmed_extract(client):
    mapping = las_mapping()
    login_as(client, administrator())
    check = upload(client, mapping, extract([person_row("LAS-1"), person_row("LAS-2", "Kris", "Nowak", NHS_NUMBER="")]))
    from coproduction.celery import app

    with app.connection_for_read() as connection:
        connection.SimpleQueue(app.conf.task_default_queue).clear()  # a message an earlier test left is not ours
    response = post_confirm(client, check)
    run = ImportRun.objects.get()
    with celery_worker():
        wait_for(lambda: ImportRun.objects.filter(pk=run.pk, status=ImportRun.Status.DONE).exists())
    assert "Imported 2 added" in status_text(client.get(response["Location"]))
    assert Person.objects.count() == 2


@pytest.mark.django_db
def test_an_import_whose_file_or_mapping_went_while_queued_says_why_nothing_was_imported():
    mapping = las_mapping()
    no_file, no_mapping = queued_run(mapping), queued_run(mapping)
    default_storage.delete(no_file.stored_file)
    ImportRun.objects.filter(pk=no_mapping.pk).update(mapping=None)
    for run in (no_file, no_mapping):
        services.import_run_execute(run_id=run.pk)
        run.refresh_from_db()
        assert run.status == ImportRun.Status.FAILED
    assert no_file.message.startswith("The uploaded extract is no longer kept")
    assert no_mapping.message.startswith("Its mapping was deleted")
    assert Person.objects.count() == 0
