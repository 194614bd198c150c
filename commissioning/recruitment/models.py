"""Recruiting social care staff with local people (seed 001: involve people "in the recruitment
of professionals, for example outlining what values are important, as well supporting to design
interview questions and contributing to interview panels").

A campaign recruits to one post. Its panel has a chair, people who use services and carers, staff
interviewers, an HR officer and the appointing manager. Members propose the values that matter for
the post and interview questions that test them, discuss them, and the chair records the agreed
set in the programme's decisions log. Candidates are known to the panel by a reference: only the
HR officer sees their names. Each scoring member scores each candidate against each value alone,
with a reason, and sees nobody else's scores until theirs are sent; the chair then moderates,
keeping every member's own score beside the agreed one. The panel's recommendation and the
appointing manager's decision go into the decisions log. The campaign owns the programme's
Activity, so "Who took part" and the involvement ledger treat it like any other activity."""

from django.conf import settings
from django.db import models
from django.utils import timezone

from coproduction.core.names import NameField


class Campaign(models.Model):
    programme = models.ForeignKey("commissioning.Programme", on_delete=models.CASCADE, related_name="recruitment_campaigns")
    activity = models.OneToOneField("commissioning.Activity", on_delete=models.CASCADE, related_name="recruitment_campaign")
    post = NameField(max_length=200, help_text="The job being recruited to, for example “Social worker”.")
    team = NameField(max_length=200, help_text="The team the post is in.")
    closing_date = models.DateField()
    about = models.TextField(help_text="What the job is and why it matters to people, in plain English.")
    about_easy_read = models.TextField(blank=True)
    score_max = models.PositiveSmallIntegerField(default=4)
    # The decision recording the values and interview questions the panel agreed.
    values_decision = models.ForeignKey(
        "commissioning.Decision", on_delete=models.SET_NULL, null=True, blank=True, related_name="recruitment_campaigns"
    )
    # Set when the appointing manager records their decision; candidates' data is deleted a set
    # time after this (or after the closing date, whichever is later).
    closed_on = models.DateField(null=True, blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-closing_date", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(score_max__gte=1) & models.Q(score_max__lte=10), name="campaign_score_max_in_range"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.post}, {self.team}"

    @property
    def values_agreed(self) -> bool:
        return self.values_decision_id is not None

    @property
    def stage(self) -> str:
        if self.closed_on is not None:
            return "Decided"
        if getattr(self, "outcome", None) is not None:  # read with select_related("outcome")
            return "Recommended"
        return "Interviewing" if self.values_agreed else "Agreeing values and questions"


class CampaignMember(models.Model):
    class Role(models.TextChoices):
        CHAIR = "chair", "Chair"
        LIVED_EXPERIENCE = "lived_experience", "Person who uses services"
        CARER = "carer", "Carer"
        STAFF = "staff", "Staff interviewer"
        HR_OFFICER = "hr_officer", "HR officer (sees candidates' names, does not score)"
        APPOINTING_MANAGER = "appointing_manager", "Appointing manager (decides, does not score)"

    SCORING_ROLES = (Role.CHAIR, Role.LIVED_EXPERIENCE, Role.CARER, Role.STAFF)
    LAY_ROLES = (Role.LIVED_EXPERIENCE, Role.CARER)

    campaign = models.ForeignKey(Campaign, on_delete=models.CASCADE, related_name="members")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="recruitment_memberships")
    role = models.CharField(max_length=20, choices=Role)
    conflicts_declared_at = models.DateTimeField(null=True, blank=True)
    # The format the briefing pack was last sent in ("" until sent).
    briefing_format = models.CharField(max_length=20, blank=True)
    briefing_sent_at = models.DateTimeField(null=True, blank=True)
    added_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+")
    added_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["campaign", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["campaign", "user"], name="one_place_per_recruitment_panel"),
            models.UniqueConstraint(fields=["campaign"], condition=models.Q(role="chair"), name="one_chair_per_recruitment_panel"),
        ]

    def __str__(self) -> str:
        return f"{self.get_role_display()} on the panel for {self.campaign}"

    @property
    def is_chair(self) -> bool:
        return self.role == self.Role.CHAIR

    @property
    def is_scorer(self) -> bool:
        return self.role in self.SCORING_ROLES

    @property
    def has_declared(self) -> bool:
        return self.conflicts_declared_at is not None

    @property
    def short_role(self) -> str:
        return self.get_role_display().split(" (")[0]


class Candidate(models.Model):
    """Someone who applied. Known to the panel by the reference; the name is for the HR officer."""

    campaign = models.ForeignKey(Campaign, on_delete=models.CASCADE, related_name="candidates")
    reference = models.CharField(max_length=10)
    name = NameField(max_length=200)
    # Their account here, if they have one (say an internal applicant): their subject access export finds them by it.
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    added_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    added_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["campaign", "pk"]
        constraints = [models.UniqueConstraint(fields=["campaign", "reference"], name="one_candidate_per_reference")]

    def __str__(self) -> str:
        # Never the name: this is what pages, decisions and logs print.
        return f"Candidate {self.reference}"


class CandidateConflict(models.Model):
    """A member knows a candidate: they neither score nor moderate that candidate."""

    member = models.ForeignKey(CampaignMember, on_delete=models.CASCADE, related_name="conflicts")
    candidate = models.ForeignKey(Candidate, on_delete=models.CASCADE, related_name="conflicts")
    details = models.TextField()
    declared_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["declared_at", "pk"]
        constraints = [models.UniqueConstraint(fields=["member", "candidate"], name="one_conflict_per_member_candidate")]

    def __str__(self) -> str:
        return f"Knows {self.candidate}"


class PostValue(models.Model):
    """A value that matters for the post, in the words of the panel."""

    campaign = models.ForeignKey(Campaign, on_delete=models.CASCADE, related_name="values")
    title = NameField(max_length=120)
    meaning = models.TextField(help_text="What it looks like in the job, in plain English.")
    agreed = models.BooleanField(default=False)
    proposed_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    proposed_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["campaign", "pk"]

    def __str__(self) -> str:
        return self.title


class InterviewQuestion(models.Model):
    """An interview question, and the value it tests."""

    campaign = models.ForeignKey(Campaign, on_delete=models.CASCADE, related_name="questions")
    value = models.ForeignKey(PostValue, on_delete=models.CASCADE, related_name="questions")
    text = models.TextField()
    agreed = models.BooleanField(default=False)
    proposed_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    proposed_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["campaign", "value", "pk"]

    def __str__(self) -> str:
        return self.text[:60]


class ValueComment(models.Model):
    """A member's word in the discussion of a value and its questions."""

    value = models.ForeignKey(PostValue, on_delete=models.CASCADE, related_name="comments")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    text = models.TextField()
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["value", "created_at", "pk"]

    def __str__(self) -> str:
        return f"Comment on {self.value}"


class CandidateScore(models.Model):
    """One member's own score for one candidate against one value. Written once, never changed."""

    candidate = models.ForeignKey(Candidate, on_delete=models.CASCADE, related_name="scores")
    member = models.ForeignKey(CampaignMember, on_delete=models.PROTECT, related_name="scores")
    value = models.ForeignKey(PostValue, on_delete=models.PROTECT, related_name="scores")
    score = models.PositiveSmallIntegerField()
    reason = models.TextField()
    submitted_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["candidate", "value", "member", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["candidate", "member", "value"], name="one_score_per_member_candidate_value"),
            models.CheckConstraint(condition=~models.Q(reason=""), name="candidate_score_has_reason"),
        ]

    def __str__(self) -> str:
        return f"Score for {self.candidate} on {self.value}"


class ModeratedScore(models.Model):
    """The score the panel agreed at moderation, with why. Members' own scores stay as they were."""

    candidate = models.ForeignKey(Candidate, on_delete=models.CASCADE, related_name="moderated")
    value = models.ForeignKey(PostValue, on_delete=models.PROTECT, related_name="moderated")
    score = models.PositiveSmallIntegerField()
    rationale = models.TextField()
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["candidate", "value", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["candidate", "value"], name="one_moderated_score_per_candidate_value"),
            models.CheckConstraint(condition=~models.Q(rationale=""), name="recruitment_moderation_has_rationale"),
        ]

    def __str__(self) -> str:
        return f"Agreed score for {self.candidate} on {self.value}"


class Outcome(models.Model):
    """The panel's recommendation and then the appointing manager's decision, each in the log."""

    class Appointment(models.TextChoices):
        APPOINTED = "appointed", "Appointed the recommended candidate"
        NOT_APPOINTED = "not_appointed", "Did not appoint"

    campaign = models.OneToOneField(Campaign, on_delete=models.CASCADE, related_name="outcome")
    # The reference stays when the candidate's data is deleted under the retention schedule.
    candidate = models.ForeignKey(Candidate, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    candidate_reference = models.CharField(max_length=10)
    recommendation = models.TextField()
    decision = models.ForeignKey("commissioning.Decision", on_delete=models.PROTECT, related_name="recruitment_recommendations")
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField(default=timezone.now)
    appointment = models.CharField(max_length=20, choices=Appointment, blank=True)
    appointment_reason = models.TextField(blank=True)
    appointment_decision = models.ForeignKey(
        "commissioning.Decision", on_delete=models.PROTECT, null=True, blank=True, related_name="recruitment_appointments"
    )
    appointed_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+")
    appointed_at = models.DateTimeField(null=True, blank=True)

    def __str__(self) -> str:
        return f"Recommendation for {self.campaign}"
