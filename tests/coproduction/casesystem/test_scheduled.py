"""The nightly import from the drop folder: each file once, safe to run twice, and a report
to administrators of what changed and what was refused."""

import pytest

from coproduction.casesystem.models import ImportRun
from coproduction.casesystem.tasks import scheduled_import
from coproduction.notifications.models import Message
from coproduction.people.models import Person

from .helpers import administrator, extract, las_mapping, person_row

pytestmark = pytest.mark.django_db


@pytest.fixture
def drop_folder(tmp_path, settings):
    settings.CASE_SYSTEM_IMPORT_FOLDER = str(tmp_path)
    return tmp_path


def test_each_dropped_extract_is_imported_once_and_administrators_are_told(drop_folder, django_capture_on_commit_callbacks):
    las_mapping(scheduled=True)
    admin = administrator()
    (drop_folder / "extract-2026-12-07.csv").write_bytes(extract([person_row("LAS-1"), person_row("LAS-2", NHS_NUMBER="1234567890")]))
    (drop_folder / "readme.txt").write_text("not an extract")
    with django_capture_on_commit_callbacks(execute=True):
        assert scheduled_import() == 1
    assert list(Person.objects.values_list("case_system_id", flat=True)) == ["LAS-1"]
    run = ImportRun.objects.get()
    assert run.scheduled and run.run_by is None and (run.created, run.refused) == (1, 1)
    message = Message.objects.get(recipient=admin)
    assert message.subject == "Case system import: 1 added, 0 updated, 1 refused"
    assert "extract-2026-12-07.csv" in message.body and "1 rows refused" in message.body

    # Run again, and again with the same file under another name: nothing happens twice.
    (drop_folder / "extract-copy.csv").write_bytes((drop_folder / "extract-2026-12-07.csv").read_bytes())
    with django_capture_on_commit_callbacks(execute=True):
        assert scheduled_import() == 0
        assert scheduled_import() == 0
    assert ImportRun.objects.count() == 1 and Person.objects.count() == 1 and Message.objects.count() == 1

    # The next night's extract is new.
    (drop_folder / "extract-2026-12-08.csv").write_bytes(extract([person_row("LAS-1", "Joan", "Smith"), person_row("LAS-3")]))
    with django_capture_on_commit_callbacks(execute=True):
        assert scheduled_import() == 1
    assert Person.objects.get(case_system_id="LAS-1").full_name == "Joan Smith"
    assert Message.objects.filter(recipient=admin).count() == 2


def test_an_unreadable_extract_is_refused_whole_and_reported(drop_folder, django_capture_on_commit_callbacks):
    las_mapping(scheduled=True)
    admin = administrator()
    (drop_folder / "broken.csv").write_bytes(b"SOMETHING,ELSE\n1,2\n")
    with django_capture_on_commit_callbacks(execute=True):
        assert scheduled_import() == 1
    run = ImportRun.objects.get()
    assert run.status == ImportRun.Status.REFUSED and "missing: PERSON_ID" in run.message
    assert Message.objects.get(recipient=admin).subject == "Case system import refused: broken.csv"
    assert Person.objects.count() == 0
    with django_capture_on_commit_callbacks(execute=True):
        assert scheduled_import() == 0  # the same broken file is not reported every night


def test_nothing_runs_without_a_scheduled_mapping_or_a_folder(drop_folder, settings):
    (drop_folder / "extract.csv").write_bytes(extract([person_row("LAS-1")]))
    las_mapping(scheduled=False)
    assert scheduled_import() == 0
    settings.CASE_SYSTEM_IMPORT_FOLDER = ""
    settings.CASE_SYSTEM_IMPORT_PREFIX = ""
    assert scheduled_import() == 0
    assert Person.objects.count() == 0
