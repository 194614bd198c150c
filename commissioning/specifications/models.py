"""Service specifications co-written by a programme's co-production group.

A specification is a series of versions. A published version never changes (bidders and panels
rely on it); changing the specification starts a new draft copied from the latest version. Each
version holds its sections, its evaluation criteria (weights summing to 100) and the questions
bidders answer, which carry over to procurement panels. Members comment on a section's wording
in a version, and commissioners answer each comment."""

from django.conf import settings
from django.db import models
from django.db.models.functions import Lower
from django.utils import timezone

from coproduction.core.names import NameField


class Specification(models.Model):
    programme = models.ForeignKey("commissioning.Programme", on_delete=models.CASCADE, related_name="specifications")
    title = NameField(max_length=200)
    # The decision this specification carries out, so an idea can be followed from a budgeting
    # proposal to its decision to the service that was specified.
    decision = models.ForeignKey(
        "commissioning.Decision", on_delete=models.SET_NULL, null=True, blank=True, related_name="specifications"
    )
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["title", "pk"]

    def __str__(self) -> str:
        return self.title


class SpecificationVersion(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", "Draft"
        PUBLISHED = "published", "Published"

    specification = models.ForeignKey(Specification, on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveIntegerField()
    status = models.CharField(max_length=10, choices=Status, default=Status.DRAFT)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)
    published_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+")
    published_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-number"]
        constraints = [
            models.UniqueConstraint(fields=["specification", "number"], name="one_version_number_per_specification"),
            # Everyone writes in the same draft.
            models.UniqueConstraint(
                fields=["specification"], condition=models.Q(status="draft"), name="one_draft_per_specification"
            ),
            models.CheckConstraint(
                condition=models.Q(status="draft") | models.Q(published_at__isnull=False), name="published_has_date"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.specification} version {self.number}"

    @property
    def is_draft(self) -> bool:
        return self.status == self.Status.DRAFT


class Section(models.Model):
    version = models.ForeignKey(SpecificationVersion, on_delete=models.CASCADE, related_name="sections")
    # One of standard_sections.STANDARD_SECTIONS: the same key in every version, so versions compare.
    key = models.CharField(max_length=40)
    title = NameField(max_length=200)
    position = models.PositiveSmallIntegerField()
    text = models.TextField(blank=True)
    informed_by = models.ManyToManyField("commissioning.Activity", blank=True, related_name="specification_sections")

    class Meta:
        ordering = ["position", "pk"]
        constraints = [models.UniqueConstraint(fields=["version", "key"], name="one_section_per_key_per_version")]

    def __str__(self) -> str:
        return self.title


class SectionComment(models.Model):
    """A member's comment on a section, perhaps with wording they propose, and the answer."""

    class Answer(models.TextChoices):
        ACCEPTED = "accepted", "Accepted"
        ACCEPTED_WITH_CHANGES = "accepted_with_changes", "Accepted with changes"
        NOT_ACCEPTED = "not_accepted", "Not accepted"

    section = models.ForeignKey(Section, on_delete=models.CASCADE, related_name="comments")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="specification_comments")
    text = models.TextField()
    proposed_wording = models.TextField(blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    answer = models.CharField(max_length=30, choices=Answer, blank=True)
    reply = models.TextField(blank=True)
    answered_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+")
    answered_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["created_at", "pk"]
        indexes = [models.Index(fields=["author", "-created_at"], name="spec_comment_author_idx")]

    def __str__(self) -> str:
        return f"Comment on {self.section}"

    @property
    def is_answered(self) -> bool:
        return bool(self.answer)


class EvaluationCriterion(models.Model):
    """What bids are scored on. Weights in a version sum to 100. Procurement panels score exactly
    these, with these weights, frozen when the version is published. One criterion may be price:
    it is not scored by the panel but worked out by the published formula (the lowest price bid
    divided by this bid's price, times the weight); every other criterion is scored on answers."""

    PRICE_FORMULA = "lowest price ÷ this bid's price × weight"

    version = models.ForeignKey(SpecificationVersion, on_delete=models.CASCADE, related_name="criteria")
    title = NameField(max_length=200)
    description = models.TextField(blank=True)
    weight = models.PositiveSmallIntegerField()
    position = models.PositiveSmallIntegerField(default=0)
    scored_on_price = models.BooleanField(default=False)

    class Meta:
        ordering = ["position", "pk"]
        verbose_name_plural = "evaluation criteria"
        constraints = [
            models.CheckConstraint(condition=models.Q(weight__lte=100), name="criterion_weight_at_most_100"),
            models.UniqueConstraint(
                fields=["version"], condition=models.Q(scored_on_price=True), name="one_price_criterion_per_version"
            ),
        ]

    def __str__(self) -> str:
        return self.title


class BidderQuestion(models.Model):
    class Kind(models.TextChoices):
        WRITTEN = "written", "Written answer"
        INTERVIEW = "interview", "Asked at interview"

    criterion = models.ForeignKey(EvaluationCriterion, on_delete=models.CASCADE, related_name="questions")
    text = models.TextField()
    kind = models.CharField(max_length=10, choices=Kind, default=Kind.WRITTEN)
    # Who suggested it: questions are co-designed, and panels may ask who wrote a question.
    proposed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="proposed_bidder_questions"
    )
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["position", "pk"]

    def __str__(self) -> str:
        return self.text[:60]


class ShortlistQuestion(models.Model):
    """A pass or fail question, or a minimum standard, that every bid must meet before the panel
    scores it. Set in the specification, so bidders know them in advance; the panel checks each
    bid against them at shortlisting, with people who use services taking part."""

    class Kind(models.TextChoices):
        PASS_FAIL = "pass_fail", "Pass or fail"
        MINIMUM_STANDARD = "minimum_standard", "Minimum standard"

    version = models.ForeignKey(SpecificationVersion, on_delete=models.CASCADE, related_name="shortlist_questions")
    text = models.TextField()
    kind = models.CharField(max_length=20, choices=Kind, default=Kind.PASS_FAIL)
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["position", "pk"]

    def __str__(self) -> str:
        return self.text[:60]


class GlossaryTerm(models.Model):
    """The council's plain-English explanation of a word used in specifications and panel packs."""

    term = models.CharField(max_length=100)
    explanation = models.TextField()
    updated_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    updated_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = [Lower("term")]
        constraints = [models.UniqueConstraint(Lower("term"), name="glossary_term_unique_ignoring_case")]

    def __str__(self) -> str:
        return self.term
