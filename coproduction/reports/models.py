import uuid

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils import timezone


def report_file_path(job: "ReportJob", filename: str) -> str:
    # Named by the job, so rendering the same job again overwrites the same file.
    return f"reports/{job.pk}.{job.extension}"


class ReportJob(models.Model):
    """A PDF made in the background. Only its id crosses the broker."""

    class Kind(models.TextChoices):
        MY_DATA = "my_data", "Your data"
        CARE_PLAN = "care_plan", "Care and support plan"
        CARE_PLAN_LARGE = "care_plan_large", "Care and support plan in large print"
        CARE_PLAN_EASY_READ = "care_plan_easy_read", "Care and support plan in Easy Read"
        CARE_PLAN_BRAILLE = "care_plan_braille", "Care and support plan, braille-ready file"
        CARE_PLAN_AUDIO = "care_plan_audio", "Care and support plan read aloud by a computer voice (audio)"
        CHECKLIST_TEAM = "checklist_team", "Team checklist report"
        CHECKLIST_COUNCIL = "checklist_council", "Council-wide checklist report"
        CHECKLIST_CSV = "checklist_csv", "Checklist totals as a spreadsheet (CSV)"
        SPECIFICATION = "specification", "Service specification"
        BUDGETING_BALLOTS = "budgeting_ballots", "Paper ballots"
        BUDGETING_CARDS = "budgeting_cards", "Idea cards"
        MONITORING_PAPERS = "monitoring_papers", "Monitoring meeting papers"
        PANEL_BRIEFING = "panel_briefing", "Procurement panel briefing pack"
        PANEL_REPORT = "panel_report", "Procurement panel report"
        PANEL_FEEDBACK = "panel_feedback", "Assessment summary for a bidder"
        PANEL_SHORTLIST_LETTER = "panel_shortlist_letter", "Shortlisting letter to a bidder"
        SUBJECT_ACCESS_PDF = "subject_access_pdf", "Subject access request (PDF)"
        SUBJECT_ACCESS_ZIP = "subject_access_zip", "Subject access request (machine-readable ZIP)"

    class Status(models.TextChoices):
        QUEUED = "queued", "Waiting to start"
        RUNNING = "running", "Being made"
        DONE = "done", "Ready"
        FAILED = "failed", "Could not be made"
        # The requester lost access to what it is about before it was made: never made.
        VOIDED = "voided", "Stopped"

    # A random id in the URL: a job's existence is private too.
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    kind = models.CharField(max_length=30, choices=Kind)
    requested_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="report_jobs")
    # What the report is about (for "your data": the requesting user).
    subject_type = models.ForeignKey(ContentType, on_delete=models.PROTECT)
    subject_id = models.CharField(max_length=64)
    subject = GenericForeignKey("subject_type", "subject_id")
    # What the report covers beyond its subject, e.g. {"period": "12m"}: never personal data.
    options = models.JSONField(default=dict, blank=True)
    status = models.CharField(max_length=10, choices=Status, default=Status.QUEUED)
    progress = models.PositiveSmallIntegerField(default=0)  # per cent
    file = models.FileField(upload_to=report_file_path, blank=True)
    page_count = models.PositiveIntegerField(null=True, blank=True)
    # Shown to the requester: plain words, never a traceback or personal data.
    error = models.CharField(max_length=300, blank=True)
    attempts = models.PositiveSmallIntegerField(default=0)
    # Sized by the kind when the job is queued (reports.kinds.TimeLimit): the rows it will hold
    # and the seconds it may run before it is stopped. A job cut off is given more on its retry.
    measured_rows = models.PositiveIntegerField(null=True, blank=True)
    time_limit = models.PositiveIntegerField(null=True, blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(auto_now=True)
    started_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    render_seconds = models.FloatField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        indexes = [
            models.Index(fields=["requested_by", "-created_at"], name="report_requester_idx"),
            # The sweep looks for unfinished jobs only.
            models.Index(
                fields=["status", "updated_at"],
                name="report_unfinished_idx",
                condition=models.Q(status__in=["queued", "running"]),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} ({self.get_status_display()})"

    @property
    def is_finished(self) -> bool:
        return self.status in (self.Status.DONE, self.Status.FAILED, self.Status.VOIDED)

    @property
    def work_name(self) -> str:
        """Where the document's source is kept while it is made, so a retry need not gather it again."""
        return f"reports/{self.pk}.work"

    @property
    def extension(self) -> str:
        return _EXTENSIONS.get(self.kind, "pdf")

    @property
    def content_type(self) -> str:
        return {"csv": "text/csv", "zip": "application/zip", "brf": "text/plain; charset=us-ascii"}.get(self.extension, "application/pdf")

    @property
    def file_noun(self) -> str:
        """What the file is, in a word or two: "Your {file_noun} is ready"."""
        return _NOUNS.get(self.kind) or {"csv": "spreadsheet", "zip": "ZIP file"}.get(self.extension, "PDF")

    @property
    def file_description(self) -> str:
        """What the file is, in plain words: "Download the {file_description}"."""
        return _DESCRIPTIONS.get(self.kind) or {"csv": "spreadsheet (CSV)", "zip": "ZIP file"}.get(self.extension, "PDF")

    @property
    def filename(self) -> str:
        return f"{self.kind.replace('_', '-')}-{self.created_at:%Y-%m-%d}.{self.extension}"


_EXTENSIONS = {
    ReportJob.Kind.SUBJECT_ACCESS_ZIP: "zip",
    ReportJob.Kind.CHECKLIST_CSV: "csv",
    # Braille ready format: plain ASCII braille, for an embosser or a braille display.
    ReportJob.Kind.CARE_PLAN_BRAILLE: "brf",
    # Numbered audio tracks, one a section, with a note that a computer voice reads them.
    ReportJob.Kind.CARE_PLAN_AUDIO: "zip",
}
_NOUNS = {
    ReportJob.Kind.CARE_PLAN_BRAILLE: "braille-ready file",
    ReportJob.Kind.CARE_PLAN_AUDIO: "audio",
}
_DESCRIPTIONS = {
    ReportJob.Kind.CARE_PLAN_BRAILLE: "braille-ready file (BRF)",
    ReportJob.Kind.CARE_PLAN_AUDIO: "audio (a ZIP of sound files, one a section)",
}
