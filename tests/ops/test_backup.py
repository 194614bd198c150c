"""`make backup` / `make restore`: a backup of a real database and its report files, the database
dropped, restored, and every record found again."""

import contextlib
import json

import pytest
from django.core.files.storage import default_storage
from django.core.management import CommandError, call_command
from django.db import connection, connections
from psycopg import sql

from careplans.models import CarePlan, PlanComment
from coproduction.people.models import Person
from checklist.models import Rating
from commissioning.models import Programme, Stage
from coproduction import backup
from coproduction.accounts.models import User
from coproduction.reports import services as report_services
from coproduction.reports.models import ReportJob
from tests.careplans.factories import CarePlanFactory, PlanCommentFactory
from tests.checklist.factories import submitted_checklist
from tests.commissioning.factories import ProgrammeFactory
from tests.coproduction.reports.factories import ReportJobFactory

# Drops and creates databases on the shared server: run alone, after the parallel suite.
pytestmark = pytest.mark.slow


@contextlib.contextmanager
def server_admin():
    """A connection to the server's maintenance database, for creating and dropping databases."""
    conn = backup._connect({**connection.settings_dict, "NAME": "postgres"})
    conn.autocommit = True
    try:
        yield conn
    finally:
        conn.close()


def copy_of_the_test_database(name: str) -> dict:
    """A database of the test's own, holding the records made so far (a template copy)."""
    source = connection.settings_dict["NAME"]
    connections.close_all()
    with server_admin() as admin:
        # A copy needs the source to itself.
        admin.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = %s", [source])
        admin.execute(sql.SQL("DROP DATABASE IF EXISTS {}").format(sql.Identifier(name)))
        admin.execute(sql.SQL("CREATE DATABASE {} TEMPLATE {}").format(sql.Identifier(name), sql.Identifier(source)))
    return {**connection.settings_dict, "NAME": name}


def drop_database(name: str, *, recreate: bool = False) -> None:
    with server_admin() as admin:
        admin.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name)))
        if recreate:
            admin.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))


def row(database: dict, model, pk, *columns):
    with backup._connect(database) as conn:
        query = sql.SQL("SELECT {} FROM {} WHERE id = %s").format(
            sql.SQL(", ").join(map(sql.Identifier, columns)), sql.Identifier(model._meta.db_table)
        )
        return conn.execute(query, [pk]).fetchone()


@pytest.fixture
def records(person):
    """Records across several apps, and a real report PDF in the file storage."""
    plan = CarePlanFactory(person__full_name="Ada Backup-Lovelace")
    comment = PlanCommentFactory(plan=plan, text="Tuesdays at the allotment, please")
    checklist = submitted_checklist(person=plan.person)
    programme = ProgrammeFactory(title="Day opportunities, restored")
    job = report_services.report_job_render(job=ReportJobFactory(requested_by=person))
    with default_storage.open(job.file.name, "rb") as handle:
        pdf = handle.read()
    return {"plan": plan, "comment": comment, "checklist": checklist, "programme": programme, "job": job, "pdf": pdf}


@pytest.mark.django_db(transaction=True)
def test_a_dropped_database_is_restored_from_its_backup_with_every_record_and_report_file(records, person, tmp_path):
    name = f"{connection.settings_dict['NAME']}_restore"
    database = copy_of_the_test_database(name)
    try:
        with backup._connect(database) as conn:
            before = backup.table_counts(conn)
        made = backup.backup(target_dir=tmp_path, database=database)

        manifest = json.loads((made.path / "manifest.json").read_text())
        assert manifest["database"]["tables"] == before
        assert manifest["files"][records["job"].file.name]  # the report is in the archive
        assert made.path.stat().st_mode & 0o077 == 0  # readable by the service's account alone

        # Disaster: the database and the report file are gone.
        drop_database(name, recreate=True)
        default_storage.delete(records["job"].file.name)
        with backup._connect(database) as conn:
            assert backup.table_counts(conn) == {}

        restored = backup.restore(made.path, database=database)

        assert (restored.tables, restored.rows) == (made.tables, made.rows)
        with backup._connect(database) as conn:
            assert backup.table_counts(conn) == before
        for model in (User, Person, CarePlan, PlanComment, Rating, Programme, Stage, ReportJob):
            assert before[model._meta.db_table] > 0, model  # the check covers every app's rows
        plan, job = records["plan"], records["job"]
        assert row(database, Person, plan.person.pk, "full_name") == ("Ada Backup-Lovelace",)
        assert row(database, CarePlan, plan.pk, "content")[0] == plan.content
        assert row(database, PlanComment, records["comment"].pk, "text") == ("Tuesdays at the allotment, please",)
        assert row(database, Programme, records["programme"].pk, "title") == ("Day opportunities, restored",)
        assert row(database, User, person.pk, "email", "password") == (person.email, person.password)
        assert row(database, ReportJob, job.pk, "status", "file") == (ReportJob.Status.DONE, job.file.name)
        with default_storage.open(job.file.name, "rb") as handle:
            assert handle.read() == records["pdf"]

        # A second restore over the restored database is refused, and changes nothing.
        with pytest.raises(backup.BackupError, match="already has .* tables"):
            backup.restore(made.path, database=database)
        # With --force it replaces the contents, and the counts still match.
        with backup._connect(database) as conn:
            conn.execute(sql.SQL("DELETE FROM {}").format(sql.Identifier(PlanComment._meta.db_table)))
        backup.restore(made.path, database=database, force=True)
        assert row(database, PlanComment, records["comment"].pk, "text") == ("Tuesdays at the allotment, please",)
    finally:
        drop_database(name)


@pytest.mark.django_db(transaction=True)
def test_a_damaged_backup_is_refused_before_anything_is_touched(records, tmp_path):
    name = f"{connection.settings_dict['NAME']}_damaged"
    database = copy_of_the_test_database(name)
    try:
        made = backup.backup(target_dir=tmp_path, database=database)
        drop_database(name, recreate=True)
        dump = made.path / "database.dump"
        data = bytearray(dump.read_bytes())
        data[len(data) // 2] ^= 0xFF
        dump.write_bytes(bytes(data))
        with pytest.raises(backup.BackupError, match="database.dump does not match the checksum"):
            backup.restore(made.path, database=database)
        with backup._connect(database) as conn:
            assert backup.table_counts(conn) == {}  # nothing was restored from the damaged dump
    finally:
        drop_database(name)


@pytest.mark.django_db(transaction=True)
def test_the_commands_back_up_the_configured_database_and_refuse_to_restore_over_it(records, tmp_path, capsys):
    call_command("backup", to=tmp_path)
    out = capsys.readouterr().out
    folder = next(tmp_path.glob("coproduction-*"))
    assert str(folder) in out and "Backed up" in out
    assert not list(tmp_path.glob(".partial-*"))
    comments = PlanComment.objects.count()
    with pytest.raises(CommandError, match="already has .* tables.*--force"):
        call_command("restore", str(folder))
    assert PlanComment.objects.count() == comments
