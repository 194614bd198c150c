"""Peer research: people who use services interview their peers before the specification is
written (appreciative inquiry), record what people said with their consent and without their
names, and theme it into findings that priorities and specification sections cite."""

from django.conf import settings
from django.db import models
from django.utils import timezone

from coproduction.core.names import NameField

# Appreciative inquiry prompts, offered as the starting questions of every new project.
APPRECIATIVE_INQUIRY_QUESTIONS = [
    "What works well for you now?",
    "Tell us about a time your support was at its best. What made it good?",
    "What would make it even better?",
    "What matters most to you in a good day?",
]


class ResearchProject(models.Model):
    programme = models.ForeignKey("commissioning.Programme", on_delete=models.CASCADE, related_name="research_projects")
    # Peer researchers claim their time against this activity in the involvement ledger.
    activity = models.OneToOneField("commissioning.Activity", on_delete=models.CASCADE, related_name="research_project")
    title = NameField(max_length=200)
    purpose = models.TextField(help_text="What the research is for, in plain English.")
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-created_at", "pk"]

    def __str__(self) -> str:
        return self.title


class ResearchQuestion(models.Model):
    project = models.ForeignKey(ResearchProject, on_delete=models.CASCADE, related_name="questions")
    text = models.CharField(max_length=500)
    position = models.PositiveSmallIntegerField()

    class Meta:
        ordering = ["position", "pk"]

    def __str__(self) -> str:
        return self.text


class Interview(models.Model):
    """What one person said to a peer researcher: their words, never their name."""

    project = models.ForeignKey(ResearchProject, on_delete=models.CASCADE, related_name="interviews")
    researcher = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="research_interviews")
    held_on = models.DateField()
    consent_given = models.BooleanField()
    words = models.TextField()
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["held_on", "pk"]
        constraints = [models.CheckConstraint(condition=models.Q(consent_given=True), name="interview_needs_consent")]

    def __str__(self) -> str:
        return f"Interview {self.held_on:%-d %B %Y}"


class Finding(models.Model):
    """A theme the researchers found across interviews, with an "I" statement in people's words."""

    project = models.ForeignKey(ResearchProject, on_delete=models.CASCADE, related_name="findings")
    theme = NameField(max_length=200)
    i_statement = models.CharField(max_length=300)
    summary = models.TextField()
    interviews = models.ManyToManyField(Interview, blank=True, related_name="findings")
    # The Working Together for Change theme the group put it in on the theming board, beside the
    # statements from people's reviews.
    wtfc_theme = models.ForeignKey(
        "coassessment.WtfcTheme", on_delete=models.SET_NULL, null=True, blank=True, related_name="research_findings"
    )
    # The priorities that rest on it: each priority's page names the findings it cites.
    priorities = models.ManyToManyField("priorities.Priority", blank=True, related_name="research_findings")
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["pk"]

    def __str__(self) -> str:
        return self.theme


class FindingCitation(models.Model):
    """A specification section a finding informed. By section key, so later versions still cite it."""

    finding = models.ForeignKey(Finding, on_delete=models.CASCADE, related_name="citations")
    specification = models.ForeignKey("specifications.Specification", on_delete=models.CASCADE, related_name="research_citations")
    section_key = models.CharField(max_length=40)
    # "Specification: Section" as it was when cited, for the findings page and report.
    label = models.CharField(max_length=500)

    class Meta:
        ordering = ["pk"]
        constraints = [models.UniqueConstraint(fields=["finding", "specification", "section_key"], name="one_citation_per_section")]
