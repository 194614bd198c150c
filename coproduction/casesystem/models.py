"""How the council's case management system (Liquidlogic LAS, Mosaic, CareDirector, Eclipse)
exchanges people and teams with this service: the column mapping of each system's extract,
the case system's ids for teams, and a record of every import run (uploaded or scheduled)."""

from django.conf import settings
from django.db import models
from django.utils import timezone

from coproduction.accounts.models import Organisation, Team
from coproduction.core.names import NameField


class Field(models.TextChoices):
    """The service's one column layout for people (documented in the README). A mapping says
    which column of a source system's extract fills each of these."""

    PERSON_ID = "person_id", "Case system person ID"
    FULL_NAME = "full_name", "Full name"
    GIVEN_NAME = "given_name", "Given name (when the full name is in two columns)"
    FAMILY_NAME = "family_name", "Family name (when the full name is in two columns)"
    PREFERRED_NAME = "preferred_name", "Preferred name"
    DATE_OF_BIRTH = "date_of_birth", "Date of birth"
    NHS_NUMBER = "nhs_number", "NHS number"
    TEAM_ID = "team_id", "Case system team ID"
    TEAM_NAME = "team_name", "Team name"
    WORKER_EMAIL = "worker_email", "Allocated worker's email address"
    COMMUNICATION_NEEDS = "communication_needs", "Communication needs"
    INTERPRETER_LANGUAGE = "interpreter_language", "Interpreter language"
    POSTCODE = "postcode", "Home postcode"


class SourceSystem(models.TextChoices):
    LAS = "las", "Liquidlogic LAS"
    MOSAIC = "mosaic", "Mosaic"
    CAREDIRECTOR = "caredirector", "CareDirector"
    ECLIPSE = "eclipse", "Eclipse"
    OTHER = "other", "Another case management system"


class DateFormat(models.TextChoices):
    ISO = "%Y-%m-%d", "2026-03-31 (year-month-day)"
    UK = "%d/%m/%Y", "31/03/2026 (day/month/year)"
    UK_DASHES = "%d-%m-%Y", "31-03-2026 (day-month-year)"


class SourceMapping(models.Model):
    """Which extract column fills which field, for one source system's extract."""

    name = NameField(max_length=100, unique=True)
    system = models.CharField(max_length=20, choices=SourceSystem)
    # {field: the extract's column heading}; a field with no column is left as the service has it.
    columns = models.JSONField(default=dict)
    date_format = models.CharField(max_length=20, choices=DateFormat, default=DateFormat.ISO)
    needs_separator = models.CharField(max_length=1, default=";")
    # {the extract's code: a communication need}, e.g. {"LP": "large_print"}.
    need_codes = models.JSONField(default=dict, blank=True)
    # Teams the extract names that are new here are made in this organisation.
    organisation = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="+")
    # The mapping the nightly import from the drop folder or bucket uses (at most one).
    scheduled = models.BooleanField(default=False)
    updated_at = models.DateTimeField(auto_now=True)
    updated_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+")

    class Meta:
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["scheduled"], condition=models.Q(scheduled=True), name="mapping_one_scheduled"),
        ]

    def __str__(self) -> str:
        return self.name

    def heading(self, field: str) -> str:
        return (self.columns or {}).get(field, "")


class TeamLink(models.Model):
    """A team as the case system knows it, by its own id, so a renamed team stays one team."""

    case_system_team_id = models.CharField(max_length=50, unique=True)
    team = models.OneToOneField(Team, on_delete=models.CASCADE, related_name="case_system_link")

    def __str__(self) -> str:
        return self.case_system_team_id


class ImportRun(models.Model):
    """One import of an extract: who or what ran it, from which file, and what changed."""

    class Status(models.TextChoices):
        # An uploaded extract is imported in the background: queued, then running, then done.
        QUEUED = "queued", "Waiting to start"
        RUNNING = "running", "Importing"
        DONE = "done", "Imported"
        REFUSED = "refused", "Refused: nothing imported"
        FAILED = "failed", "Could not be finished: nothing imported"

    mapping = models.ForeignKey(SourceMapping, on_delete=models.SET_NULL, null=True, blank=True, related_name="runs")
    file_name = models.CharField(max_length=255)
    checksum = models.CharField(max_length=64)  # SHA-256 of the file's bytes
    scheduled = models.BooleanField(default=False)
    run_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+")
    started_at = models.DateTimeField(default=timezone.now)
    finished_at = models.DateTimeField(null=True, blank=True)
    status = models.CharField(max_length=20, choices=Status, default=Status.DONE)
    message = models.TextField(blank=True)  # why a whole file was refused
    rows = models.PositiveIntegerField(default=0)
    created = models.PositiveIntegerField(default=0)
    updated = models.PositiveIntegerField(default=0)
    unchanged = models.PositiveIntegerField(default=0)
    refused = models.PositiveIntegerField(default=0)
    flagged = models.PositiveIntegerField(default=0)
    teams_created = models.PositiveIntegerField(default=0)
    teams_renamed = models.PositiveIntegerField(default=0)
    # [[row, column, message], ...]: what was refused and why (no names, only row numbers).
    problems = models.JSONField(default=list, blank=True)
    # An uploaded extract waiting to be imported in the background, kept privately by the run's
    # id until it is imported (only the id crosses the broker), and how often it was started.
    stored_file = models.CharField(max_length=255, blank=True)
    attempts = models.PositiveSmallIntegerField(default=0)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-started_at", "-id"]
        constraints = [
            # A file dropped for the nightly import is imported once, whatever it is called.
            models.UniqueConstraint(fields=["checksum"], condition=models.Q(scheduled=True), name="import_run_file_once"),
        ]

    def __str__(self) -> str:
        return f"Import of {self.file_name}"

    @property
    def is_finished(self) -> bool:
        return self.status not in (self.Status.QUEUED, self.Status.RUNNING)
