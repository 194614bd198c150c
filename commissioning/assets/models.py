"""The community's own map of local assets, built together.

An asset is anything local that helps people live well, sorted by the asset-based community
development (ABCD) types. Anyone signed in suggests an asset or a correction; a commissioner or a
named community moderator reviews it and publishes it. Published assets are public (only their
public fields). A published asset not checked for a year is marked "needs checking" by a
periodic task. Opening times are weekly rows so "open now" is a query, and places (postcodes and
place names with coordinates, loaded from an ONS-style postcode file) let "near" work offline."""

import re

from django.conf import settings
from django.contrib.postgres.fields import ArrayField
from django.contrib.postgres.indexes import GinIndex
from django.contrib.postgres.search import SearchVector, SearchVectorField
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone

from coproduction.core.names import NameField

# Words that do not tell two assets apart when looking for duplicates ("The Hub" is "Hub").
_NAME_NOISE = re.compile(r"\b(the|and|of|a|an)\b")
_NOT_ALNUM = re.compile(r"[^a-z0-9]+")


def name_key(name: str) -> str:
    """A name reduced for duplicate finding: lower case, letters and digits only, small words gone."""
    text = _NAME_NOISE.sub(" ", (name or "").lower().replace("&", " and "))
    return _NOT_ALNUM.sub("", text)


class TagWords(models.Func):
    """An asset's tags as text the English search configuration can read, in an expression
    Postgres accepts in a stored generated column (array_to_string is not immutable; this is)."""

    template = "array_to_tsvector(%(expressions)s::text[])::text"
    output_field = models.TextField()


# What the text search looks in: the name and tags first, then the description. Stored and
# indexed, so a search reads the index instead of every asset's text.
SEARCH_WORDS = (
    SearchVector("name", config="english", weight="A")
    + SearchVector(TagWords("tags"), config="english", weight="A")
    + SearchVector("description", config="english", weight="B")
)


class Category(models.TextChoices):
    """Kretzmann and McKnight's asset types, as used in asset-based community development."""

    INDIVIDUAL = "individual", "People's skills, gifts and time"
    ASSOCIATION = "association", "Associations and groups"
    INSTITUTION = "institution", "Organisations and services"
    PHYSICAL = "physical", "Physical places and spaces"
    ECONOMIC = "economic", "Economic resources"
    CULTURAL = "cultural", "Culture, history and stories"


class AgeGroup(models.TextChoices):
    CHILDREN = "children", "Children (0 to 12)"
    YOUNG_PEOPLE = "young_people", "Young people (13 to 25)"
    ADULTS = "adults", "Adults (18 to 64)"
    OLDER_PEOPLE = "older_people", "Older people (65 and over)"
    FAMILIES = "families", "Families"


class Need(models.TextChoices):
    """Who an asset is especially for, besides age. Empty means everyone."""

    CARERS = "carers", "Carers"
    DEMENTIA = "dementia", "People living with dementia"
    LEARNING_DISABILITY = "learning_disability", "People with a learning disability"
    AUTISM = "autism", "Autistic people"
    MENTAL_HEALTH = "mental_health", "Mental health and wellbeing"
    PHYSICAL_DISABILITY = "physical_disability", "Disabled people"
    SENSORY = "sensory", "People with sight or hearing loss"
    LONELINESS = "loneliness", "People who feel lonely or isolated"
    MONEY = "money", "Money worries"


class Cost(models.TextChoices):
    FREE = "free", "Free"
    LOW_COST = "low_cost", "Low cost"
    PAID = "paid", "Paid"


class Weekday(models.IntegerChoices):
    # Same numbering as Python's date.weekday(), so "today" needs no translating.
    MONDAY = 0, "Monday"
    TUESDAY = 1, "Tuesday"
    WEDNESDAY = 2, "Wednesday"
    THURSDAY = 3, "Thursday"
    FRIDAY = 4, "Friday"
    SATURDAY = 5, "Saturday"
    SUNDAY = 6, "Sunday"


class Asset(models.Model):
    class Status(models.TextChoices):
        SUGGESTED = "suggested", "Suggested, waiting for a moderator"
        PUBLISHED = "published", "Published"
        NEEDS_CHECKING = "needs_checking", "Needs checking"
        CLOSED = "closed", "Closed"
        DECLINED = "declined", "Not added"

    # Shown to the public; the rest is for signed-in people or moderators only.
    PUBLIC_STATUSES = (Status.PUBLISHED, Status.NEEDS_CHECKING)

    name = NameField(max_length=200)
    name_key = models.CharField(max_length=200, editable=False, db_index=True)
    category = models.CharField(max_length=20, choices=Category)
    description = models.TextField(help_text="In plain English: what it is and how it helps.")

    # Who it is for
    age_groups = ArrayField(models.CharField(max_length=20, choices=AgeGroup), default=list, blank=True)
    needs = ArrayField(models.CharField(max_length=30, choices=Need), default=list, blank=True)
    communities = models.CharField(
        max_length=300, blank=True, help_text="For example “Polish community”, “LGBTQ+ people”, “Men over 50”."
    )

    # How to get in touch
    contact_name = NameField(max_length=200, blank=True)
    phone = models.CharField(max_length=40, blank=True)
    email = models.EmailField(blank=True)
    website = models.URLField(blank=True)
    opening_notes = models.CharField(
        max_length=300, blank=True, help_text="Anything the weekly times do not say, like “closed on bank holidays”."
    )

    # Cost
    cost = models.CharField(max_length=10, choices=Cost, default=Cost.FREE)
    cost_details = models.CharField(max_length=300, blank=True)

    # Accessibility
    step_free = models.BooleanField(default=False)
    hearing_loop = models.BooleanField(default=False)
    quiet_space = models.BooleanField(default=False)
    bsl = models.BooleanField("British Sign Language (BSL)", default=False)
    languages = ArrayField(models.CharField(max_length=50), default=list, blank=True)
    accessibility_notes = models.CharField(max_length=300, blank=True)

    # Where it is
    address = models.TextField(blank=True)
    postcode = models.CharField(max_length=8, blank=True, db_index=True)  # stored as "AB1 2CD"
    uprn = models.CharField("Unique Property Reference Number (UPRN)", max_length=12, blank=True)
    latitude = models.DecimalField(
        max_digits=9, decimal_places=6, null=True, blank=True,
        validators=[MinValueValidator(-90), MaxValueValidator(90)],
    )
    longitude = models.DecimalField(
        max_digits=9, decimal_places=6, null=True, blank=True,
        validators=[MinValueValidator(-180), MaxValueValidator(180)],
    )
    no_fixed_place = models.BooleanField(default=False, help_text="It moves around or has no building.")
    online = models.BooleanField(default=False, help_text="It can be used online or by phone.")

    tags = ArrayField(models.CharField(max_length=50), default=list, blank=True)
    search_words = models.GeneratedField(expression=SEARCH_WORDS, output_field=SearchVectorField(), db_persist=True)

    # Who is responsible. A private individual's contact details are never shown publicly and
    # never exported; the council passes messages on instead.
    responsible_organisation = models.ForeignKey(
        "accounts.Organisation", on_delete=models.SET_NULL, null=True, blank=True, related_name="assets"
    )
    responsible_name = NameField(max_length=200, blank=True, help_text="The group or person who runs it.")
    responsible_is_private = models.BooleanField(
        "Run by a private individual", default=False,
        help_text="Their contact details are only shown to signed-in staff and moderators.",
    )
    consent_to_publish = models.BooleanField(
        default=False, help_text="A private individual agreed to their skill or gift being listed."
    )

    status = models.CharField(max_length=20, choices=Status, default=Status.SUGGESTED, db_index=True)
    added_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="assets_added")
    added_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(auto_now=True)
    published_at = models.DateTimeField(null=True, blank=True)
    last_checked_on = models.DateField(null=True, blank=True)
    last_checked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    # The mapping walk or focus group that found it, so the council knows who found what.
    found_by_activity = models.ForeignKey(
        "commissioning.Activity", on_delete=models.SET_NULL, null=True, blank=True, related_name="assets_found"
    )
    # Assets linked by commissioners to the programme priorities and framework outcomes they help with.
    priorities = models.ManyToManyField("priorities.Priority", blank=True, related_name="assets", through="AssetPriority")
    outcomes = models.ManyToManyField("priorities.Outcome", blank=True, related_name="assets", through="AssetOutcome")

    class Meta:
        ordering = ["name", "pk"]
        indexes = [
            models.Index(fields=["status", "category"], name="asset_status_category_idx"),
            # "Near" first narrows to a box of latitude and longitude, then measures exactly.
            models.Index(fields=["latitude", "longitude"], name="asset_lat_lon_idx"),
            models.Index(fields=["status", "last_checked_on"], name="asset_status_checked_idx"),
            # The list's order, so a page of results need not sort every asset.
            models.Index(fields=["name", "id"], name="asset_name_order_idx"),
            GinIndex(fields=["search_words"], name="asset_search_words_idx"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(latitude__isnull=True, longitude__isnull=True)
                | models.Q(latitude__gte=-90, latitude__lte=90, longitude__gte=-180, longitude__lte=180),
                name="asset_coordinates_possible",
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def save(self, *args, **kwargs):
        self.name_key = name_key(self.name)
        if kwargs.get("update_fields") is not None and "name" in kwargs["update_fields"]:
            kwargs["update_fields"] = {*kwargs["update_fields"], "name_key"}
        super().save(*args, **kwargs)

    @property
    def is_public(self) -> bool:
        return self.status in self.PUBLIC_STATUSES

    @property
    def age_group_labels(self) -> list[str]:
        return [AgeGroup(value).label for value in self.age_groups if value in AgeGroup.values]

    @property
    def need_labels(self) -> list[str]:
        return [Need(value).label for value in self.needs if value in Need.values]

    @property
    def has_place(self) -> bool:
        return self.latitude is not None and self.longitude is not None


class OpeningTime(models.Model):
    """One opening on one weekday; several rows for a split day. Closing after midnight is
    written as two rows."""

    asset = models.ForeignKey(Asset, on_delete=models.CASCADE, related_name="opening_times")
    weekday = models.PositiveSmallIntegerField(choices=Weekday)
    opens = models.TimeField()
    closes = models.TimeField()

    class Meta:
        ordering = ["asset", "weekday", "opens"]
        indexes = [models.Index(fields=["weekday", "opens", "closes"], name="asset_opening_idx")]
        constraints = [models.CheckConstraint(condition=models.Q(closes__gt=models.F("opens")), name="opening_closes_after_opens")]

    def __str__(self) -> str:
        return f"{self.get_weekday_display()} {self.opens:%H:%M} to {self.closes:%H:%M}"


class AssetModerator(models.Model):
    """A named community moderator: may review suggestions and publish assets, like a commissioner."""

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="asset_moderator")
    appointed_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    appointed_at = models.DateTimeField(default=timezone.now)
    area = models.CharField(max_length=200, blank=True, help_text="The neighbourhood or theme they look after, if any.")

    def __str__(self) -> str:
        return f"Moderator {self.user}"


class Suggestion(models.Model):
    """Someone's suggestion of a new asset or of a correction to one, and what happened to it.
    A new asset is created with status "suggested" and this row records who suggested it; a
    correction holds the changed fields until a moderator accepts them."""

    class Kind(models.TextChoices):
        NEW = "new", "New asset"
        CORRECTION = "correction", "Correction"

    class Status(models.TextChoices):
        WAITING = "waiting", "Waiting for a moderator"
        ACCEPTED = "accepted", "Accepted"
        DECLINED = "declined", "Not accepted"

    asset = models.ForeignKey(Asset, on_delete=models.CASCADE, related_name="suggestions")
    kind = models.CharField(max_length=12, choices=Kind)
    suggested_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="asset_suggestions")
    suggested_at = models.DateTimeField(default=timezone.now)
    # For a correction: {field name: new value} for just the fields that change.
    changes = models.JSONField(default=dict, blank=True)
    note = models.TextField(blank=True, help_text="Anything the moderator should know.")
    status = models.CharField(max_length=10, choices=Status, default=Status.WAITING)
    reviewed_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+")
    reviewed_at = models.DateTimeField(null=True, blank=True)
    reply = models.TextField(blank=True, help_text="Told to the person who suggested it.")

    class Meta:
        ordering = ["-suggested_at", "-pk"]
        indexes = [
            models.Index(fields=["suggested_by", "-suggested_at"], name="asset_suggestion_mine_idx"),
            models.Index(fields=["status", "suggested_at"], name="asset_suggestion_queue_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.asset}"


class MappingExercise(models.Model):
    """A walk or focus group that gathered assets; owns its activity in the programme."""

    class Method(models.TextChoices):
        WALK = "walk", "Community walk"
        FOCUS_GROUP = "focus_group", "Focus group"
        CONVERSATIONS = "conversations", "Conversations and interviews"

    activity = models.OneToOneField("commissioning.Activity", on_delete=models.CASCADE, related_name="mapping_exercise")
    method = models.CharField(max_length=20, choices=Method, default=Method.WALK)
    area = models.CharField(max_length=200, blank=True, help_text="Where it covered, for example “Market Street and the park”.")

    def __str__(self) -> str:
        return str(self.activity)


class Place(models.Model):
    """A postcode or a place name with its coordinates, for "near" searches without a network."""

    class Kind(models.TextChoices):
        POSTCODE = "postcode", "Postcode"
        PLACE = "place", "Place name"

    kind = models.CharField(max_length=10, choices=Kind)
    name = NameField(max_length=100)  # "AB1 2CD" or "Market Square"
    key = models.CharField(max_length=100, unique=True)  # "AB12CD" or "market square"
    latitude = models.DecimalField(max_digits=9, decimal_places=6)
    longitude = models.DecimalField(max_digits=9, decimal_places=6)

    class Meta:
        ordering = ["kind", "name"]

    def __str__(self) -> str:
        return self.name


class PlanAsset(models.Model):
    """A local asset added to the support section of a person's care plan."""

    plan = models.ForeignKey("careplans.CarePlan", on_delete=models.CASCADE, related_name="plan_assets")
    asset = models.ForeignKey(Asset, on_delete=models.CASCADE, related_name="plan_links")
    note = models.CharField(max_length=300, blank=True, help_text="How it helps this person.")
    added_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    added_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["plan", "asset__name"]
        constraints = [models.UniqueConstraint(fields=["plan", "asset"], name="one_link_per_plan_asset")]

    def __str__(self) -> str:
        return f"{self.asset} in {self.plan}"


class AssetPriority(models.Model):
    asset = models.ForeignKey(Asset, on_delete=models.CASCADE, related_name="priority_links")
    priority = models.ForeignKey("priorities.Priority", on_delete=models.CASCADE, related_name="asset_links")
    linked_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    linked_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["asset", "priority"], name="one_link_per_asset_priority")]


class AssetOutcome(models.Model):
    asset = models.ForeignKey(Asset, on_delete=models.CASCADE, related_name="outcome_links")
    outcome = models.ForeignKey("priorities.Outcome", on_delete=models.CASCADE, related_name="asset_links")
    linked_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    linked_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["asset", "outcome"], name="one_link_per_asset_outcome")]
