"""A person's involvement profile: how they like to take part, what helps them take part, and
optional equality monitoring answers. The person controls it; organisers see only the access
needs (selectors.access_needs_for), and equality answers are only ever reported in aggregate."""

from django.conf import settings
from django.contrib.postgres.fields import ArrayField
from django.db import models
from django.utils import timezone

__all__ = [
    "AccessNeed",
    "AgeBand",
    "CarerStatus",
    "ContactMethod",
    "Disability",
    "DocumentFormat",
    "EQUALITY_QUESTIONS",
    "EqualityAnswers",
    "Ethnicity",
    "GenderIdentity",
    "InvolvementProfile",
    "PREFER_NOT_TO_SAY",
    "PlaceType",
    "Recognition",
    "Religion",
    "Sex",
    "SexualOrientation",
    "SuitableTime",
    "describe_access_needs",
]

PREFER_NOT_TO_SAY = "prefer_not_to_say"


class DocumentFormat(models.TextChoices):
    STANDARD = "standard", "Standard print"
    LARGE_PRINT = "large_print", "Large print"
    EASY_READ = "easy_read", "Easy Read"


class ContactMethod(models.TextChoices):
    EMAIL = "email", "Email"
    PHONE = "phone", "Phone call"
    TEXT = "text", "Text message"
    POST = "post", "Letter by post"
    SOMEONE = "someone", "Through someone who supports me"


class AccessNeed(models.TextChoices):
    """What helps a person take part. Easy Read and large print are the document format."""

    BSL = "bsl", "A British Sign Language (BSL) interpreter"
    HEARING_LOOP = "hearing_loop", "A hearing loop"
    STEP_FREE = "step_free", "Step-free access"
    QUIET_SPACE = "quiet_space", "A quiet space to take a break"
    INTERPRETER = "interpreter", "An interpreter for another language"
    SUPPORT_WORKER = "support_worker", "A support worker or personal assistant (PA) comes with me"


class SuitableTime(models.TextChoices):
    WEEKDAY_MORNING = "weekday_morning", "Weekday mornings"
    WEEKDAY_AFTERNOON = "weekday_afternoon", "Weekday afternoons"
    WEEKDAY_EVENING = "weekday_evening", "Weekday evenings"
    WEEKEND = "weekend", "Weekends"


class PlaceType(models.TextChoices):
    ONLINE = "online", "Online"
    PHONE = "phone", "By phone"
    NEAR_HOME = "near_home", "Somewhere near where I live"
    COMMUNITY = "community", "A community place I know (a library, centre or place of worship)"
    COUNCIL = "council", "Council offices"
    HOME = "home", "At my home"


class Recognition(models.TextChoices):
    PAYMENT = "payment", "Payment"
    VOUCHER = "voucher", "A voucher"
    ACCREDITATION = "accreditation", "Accreditation or a reference for my CV"
    TRAINING = "training", "Training"
    NOTHING = "nothing", "Nothing, thank you"


# Equality monitoring answers follow the 2021 Census (ONS) questions, in broad groups so that
# small numbers are easier to protect. Every question can be left or answered "prefer not to say".
class AgeBand(models.TextChoices):
    UNDER_18 = "under_18", "Under 18"
    AGE_18_24 = "18_24", "18 to 24"
    AGE_25_34 = "25_34", "25 to 34"
    AGE_35_49 = "35_49", "35 to 49"
    AGE_50_64 = "50_64", "50 to 64"
    AGE_65_74 = "65_74", "65 to 74"
    AGE_75_84 = "75_84", "75 to 84"
    AGE_85_PLUS = "85_plus", "85 or over"
    PREFER_NOT_TO_SAY = PREFER_NOT_TO_SAY, "Prefer not to say"


class Sex(models.TextChoices):
    FEMALE = "female", "Female"
    MALE = "male", "Male"
    PREFER_NOT_TO_SAY = PREFER_NOT_TO_SAY, "Prefer not to say"


class GenderIdentity(models.TextChoices):
    SAME = "same", "Yes, the same as my sex registered at birth"
    DIFFERENT = "different", "No, different from my sex registered at birth"
    PREFER_NOT_TO_SAY = PREFER_NOT_TO_SAY, "Prefer not to say"


class Ethnicity(models.TextChoices):
    ASIAN = "asian", "Asian, Asian British or Asian Welsh"
    BLACK = "black", "Black, Black British, Black Welsh, Caribbean or African"
    MIXED = "mixed", "Mixed or multiple ethnic groups"
    WHITE = "white", "White"
    OTHER = "other", "Other ethnic group"
    PREFER_NOT_TO_SAY = PREFER_NOT_TO_SAY, "Prefer not to say"


class Disability(models.TextChoices):
    LIMITED_A_LOT = "limited_a_lot", "Yes, my day-to-day activities are limited a lot"
    LIMITED_A_LITTLE = "limited_a_little", "Yes, my day-to-day activities are limited a little"
    NO = "no", "No"
    PREFER_NOT_TO_SAY = PREFER_NOT_TO_SAY, "Prefer not to say"


class Religion(models.TextChoices):
    NONE = "none", "No religion"
    CHRISTIAN = "christian", "Christian"
    BUDDHIST = "buddhist", "Buddhist"
    HINDU = "hindu", "Hindu"
    JEWISH = "jewish", "Jewish"
    MUSLIM = "muslim", "Muslim"
    SIKH = "sikh", "Sikh"
    OTHER = "other", "Any other religion"
    PREFER_NOT_TO_SAY = PREFER_NOT_TO_SAY, "Prefer not to say"


class SexualOrientation(models.TextChoices):
    STRAIGHT = "straight", "Straight or heterosexual"
    GAY_LESBIAN = "gay_lesbian", "Gay or lesbian"
    BISEXUAL = "bisexual", "Bisexual"
    OTHER = "other", "Another sexual orientation"
    PREFER_NOT_TO_SAY = PREFER_NOT_TO_SAY, "Prefer not to say"


class CarerStatus(models.TextChoices):
    NO = "no", "No"
    YES = "yes", "Yes"
    PREFER_NOT_TO_SAY = PREFER_NOT_TO_SAY, "Prefer not to say"


# (field, question as the person reads it, short name for reports, choices)
EQUALITY_QUESTIONS = [
    ("age_band", "What is your age?", "Age", AgeBand),
    ("sex", "What is your sex?", "Sex", Sex),
    ("gender_identity", "Is the gender you identify with the same as your sex registered at birth?",
     "Gender identity", GenderIdentity),
    ("ethnicity", "What is your ethnic group?", "Ethnic group", Ethnicity),
    ("disability", "Do you have a physical or mental health condition or illness that has lasted, or is "
     "expected to last, 12 months or more, and reduces your ability to carry out day-to-day activities?",
     "Disability", Disability),
    ("religion", "What is your religion?", "Religion", Religion),
    ("sexual_orientation", "Which of the following best describes your sexual orientation?",
     "Sexual orientation", SexualOrientation),
    ("carer_status", "Do you look after, or give any help or support to, anyone because of a long-term "
     "condition, illness or problems related to old age?", "Unpaid carer", CarerStatus),
]


class EqualityAnswers(models.Model):
    """The optional equality monitoring answers. Empty means not answered. Shared by the profile
    and by the snapshot taken when someone takes part, so both hold the same questions."""

    age_band = models.CharField(max_length=20, choices=AgeBand, blank=True)
    sex = models.CharField(max_length=20, choices=Sex, blank=True)
    gender_identity = models.CharField(max_length=20, choices=GenderIdentity, blank=True)
    ethnicity = models.CharField(max_length=20, choices=Ethnicity, blank=True)
    disability = models.CharField(max_length=20, choices=Disability, blank=True)
    religion = models.CharField(max_length=20, choices=Religion, blank=True)
    sexual_orientation = models.CharField(max_length=20, choices=SexualOrientation, blank=True)
    carer_status = models.CharField(max_length=20, choices=CarerStatus, blank=True)

    class Meta:
        abstract = True


class InvolvementProfile(EqualityAnswers):
    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="involvement_profile")
    contact_method = models.CharField(max_length=20, choices=ContactMethod, blank=True)
    contact_notes = models.TextField(blank=True, max_length=1000)
    preferred_format = models.CharField(max_length=20, choices=DocumentFormat, default=DocumentFormat.STANDARD)
    access_needs = ArrayField(models.CharField(max_length=20, choices=AccessNeed), default=list, blank=True)
    interpreter_language = models.CharField(max_length=100, blank=True)
    other_access_needs = models.TextField(blank=True, max_length=1000)
    suitable_times = ArrayField(models.CharField(max_length=20, choices=SuitableTime), default=list, blank=True)
    suitable_places = ArrayField(models.CharField(max_length=20, choices=PlaceType), default=list, blank=True)
    times_and_places_notes = models.TextField(blank=True, max_length=1000)
    recognition = ArrayField(models.CharField(max_length=20, choices=Recognition), default=list, blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["user_id"]

    def __str__(self) -> str:
        return f"Involvement profile of {self.user}"

    def suitable_times_labels(self) -> list[str]:
        return [str(label) for value, label in SuitableTime.choices if value in self.suitable_times]

    def suitable_places_labels(self) -> list[str]:
        return [str(label) for value, label in PlaceType.choices if value in self.suitable_places]

    def recognition_labels(self) -> list[str]:
        return [str(label) for value, label in Recognition.choices if value in self.recognition]

    def access_needs_list(self) -> list[str]:
        """The access and communication needs in plain English: the only part organisers see."""
        return describe_access_needs(
            preferred_format=self.preferred_format,
            access_needs=self.access_needs,
            interpreter_language=self.interpreter_language,
            other_access_needs=self.other_access_needs,
        )


def describe_access_needs(*, preferred_format: str, access_needs: list[str], interpreter_language: str,
                          other_access_needs: str) -> list[str]:
    needs = []
    if preferred_format and preferred_format != DocumentFormat.STANDARD:
        needs.append(f"Documents in {DocumentFormat(preferred_format).label}")
    for need in AccessNeed:
        if need.value in access_needs:
            if need == AccessNeed.INTERPRETER and interpreter_language:
                needs.append(f"An interpreter for {interpreter_language}")
            else:
                needs.append(need.label)
    if other_access_needs:
        needs.append(other_access_needs)
    return needs
