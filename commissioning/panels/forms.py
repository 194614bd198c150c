from crispy_forms_gds.layout import Field, Fluid, Size
from django import forms
from django.db.models import Q

from commissioning.involvement.models import ClaimCategory
from coproduction.accounts.forms import gds_helper
from coproduction.accounts.models import Organisation, Role, User
from coproduction.core.names import NameFormField

from .models import Panel, PanelMember, PanelQuestion

WHOLE = {"invalid": "Enter a whole number", "required": "Enter a whole number"}


def people_for(programme):
    """Who can sit on a programme's panel: its current group, and the council's commissioners
    (procurement officers included)."""
    return (
        User.objects.filter(is_active=True)
        .filter(
            Q(programme_memberships__programme=programme, programme_memberships__left_on__isnull=True)
            | Q(roles__contains=[Role.COMMISSIONER])
        )
        .distinct()
        .order_by("full_name", "pk")
    )


def _user_label(user) -> str:
    return user.display_name


class PanelForm(forms.Form):
    specification = forms.ModelChoiceField(
        label="Which specification are bids for?", queryset=None, empty_label="Select the specification",
        help_text="Only specifications with a published version can have a panel.",
        error_messages={"required": "Select the specification", "invalid_choice": "Select a specification from the list"},
    )
    title = NameFormField(
        label="Name of the panel", max_length=200, help_text="For example, “Day opportunities tender panel”.",
        error_messages={"required": "Enter the name of the panel", "max_length": "The name must be 200 characters or fewer"},
    )
    purpose = forms.CharField(
        label="What is the panel for?", widget=forms.Textarea, max_length=5000,
        help_text="In plain English: members with lived experience read this first in their briefing pack.",
        error_messages={"required": "Say what the panel is for", "max_length": "This must be 5,000 characters or fewer"},
    )
    timetable = forms.CharField(
        label="Timetable (optional)", widget=forms.Textarea, required=False, max_length=5000,
        help_text="When members get their briefing, read the bids, score, meet bidders and agree scores.",
        error_messages={"max_length": "The timetable must be 5,000 characters or fewer"},
    )
    chair = forms.ModelChoiceField(
        label="Who chairs the panel?", queryset=None, empty_label="Select the chair",
        help_text="The chair adds members and bidders, sends briefing packs and agrees the questions.",
        error_messages={"required": "Select the chair", "invalid_choice": "Select the chair from the list"},
    )
    score_max = forms.IntegerField(
        label="Highest score for an answer", initial=5, min_value=1, max_value=100, help_text="Answers are scored from 0 to this.",
        error_messages={**WHOLE, "min_value": "The highest score must be 1 or more", "max_value": "The highest score must be 100 or less"},
    )

    def __init__(self, *args, specifications, people, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["specification"].queryset = specifications
        self.fields["chair"].queryset = people
        self.fields["chair"].label_from_instance = _user_label
        self.helper = gds_helper(
            Field.select("specification"), Field.text("title", field_width=Fluid.TWO_THIRDS), Field.textarea("purpose", rows=5),
            Field.textarea("timetable", rows=5), Field.select("chair"), Field.text("score_max", field_width=2),
            submit="Set up the panel",
        )


class PanelDetailsForm(forms.ModelForm):
    class Meta:
        model = Panel
        fields = ["title", "purpose", "timetable", "purpose_easy_read", "timetable_easy_read", "scoring_easy_read", "score_max", "deputy"]
        labels = {
            "title": "Name of the panel",
            "purpose": "What is the panel for?",
            "timetable": "Timetable",
            "purpose_easy_read": "What the panel is for, in Easy Read (optional)",
            "timetable_easy_read": "The timetable, in Easy Read (optional)",
            "scoring_easy_read": "How scoring works, in Easy Read (optional)",
            "score_max": "Highest score for an answer",
            "deputy": "Deputy chair (optional)",
        }
        help_texts = {
            "purpose_easy_read": "Short sentences, one idea each. Members who asked for Easy Read get this wording instead.",
            "deputy": "Moderates any bidder the chair has declared a conflict of interest with.",
        }
        error_messages = {
            "title": {"required": "Enter the name of the panel"},
            "purpose": {"required": "Say what the panel is for"},
            "score_max": WHOLE,
            "deputy": {"invalid_choice": "Select the deputy from the panel's members"},
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in ("purpose", "timetable", "purpose_easy_read", "timetable_easy_read", "scoring_easy_read"):
            self.fields[name].max_length = 5000
        self.fields["score_max"].min_value, self.fields["score_max"].max_value = 1, 100
        # The deputy is one of the panel's members other than the chair.
        self.fields["deputy"].queryset = (
            PanelMember.objects.filter(panel=self.instance).exclude(role=PanelMember.Role.CHAIR).select_related("user")
        )
        self.fields["deputy"].label_from_instance = lambda member: member.user.display_name
        self.fields["deputy"].empty_label = "No deputy"
        self.helper = gds_helper(
            Field.text("title", field_width=Fluid.TWO_THIRDS), Field.textarea("purpose", rows=4), Field.textarea("timetable", rows=4),
            Field.textarea("purpose_easy_read", rows=4), Field.textarea("timetable_easy_read", rows=4),
            Field.textarea("scoring_easy_read", rows=4), Field.text("score_max", field_width=2), Field.select("deputy"),
            submit="Save the panel",
        )

    def clean(self):
        cleaned = super().clean()
        value = cleaned.get("score_max")
        if value is not None and not 1 <= value <= 100:
            self.add_error("score_max", "Enter a number from 1 to 100")
        return cleaned


class MemberForm(forms.Form):
    user = forms.ModelChoiceField(
        label="Who is joining the panel?", queryset=None, empty_label="Select the person",
        help_text="Members of the programme's group and the council's commissioners and procurement officers.",
        error_messages={"required": "Select the person", "invalid_choice": "Select the person from the list"},
    )
    role = forms.ChoiceField(
        label="Their role on the panel", widget=forms.RadioSelect,
        help_text="Every member scores as an equal, whatever their role.",
        error_messages={"required": "Select their role", "invalid_choice": "Select their role"},
    )

    def __init__(self, *args, people, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["user"].queryset = people
        self.fields["user"].label_from_instance = _user_label
        self.fields["role"].choices = [choice for choice in PanelMember.Role.choices if choice[0] != PanelMember.Role.CHAIR]
        self.helper = gds_helper(Field.select("user"), Field.radios("role", legend_size=Size.SMALL), submit="Add to the panel")


class BidderForm(forms.Form):
    name = NameFormField(
        label="Bidder's name", max_length=200,
        error_messages={"required": "Enter the bidder's name", "max_length": "The name must be 200 characters or fewer"},
    )
    organisation = forms.ModelChoiceField(
        label="Their organisation on this service (optional)", queryset=None, required=False, empty_label="Not listed",
        error_messages={"invalid_choice": "Select an organisation from the list"},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = Organisation.objects.filter(kind=Organisation.Kind.PROVIDER).order_by("name")
        self.helper = gds_helper(Field.text("name", field_width=Fluid.TWO_THIRDS), Field.select("organisation"), submit="Add the bidder")


class ConsortiumMemberForm(forms.Form):
    name = NameFormField(
        label="Provider's name", max_length=200,
        error_messages={"required": "Enter the provider's name", "max_length": "The name must be 200 characters or fewer"},
    )
    organisation = forms.ModelChoiceField(
        label="Their organisation on this service (optional)", queryset=None, required=False, empty_label="Not listed",
        error_messages={"invalid_choice": "Select an organisation from the list"},
    )
    is_lead = forms.BooleanField(label="This is the lead provider", required=False)
    brings = forms.CharField(
        label="What do they bring to the consortium?", widget=forms.Textarea, max_length=2000,
        help_text="For example, the buildings, the staff who speak community languages, or the transport.",
        error_messages={"required": "Enter what they bring to the consortium", "max_length": "This must be 2,000 characters or fewer"},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = Organisation.objects.exclude(kind=Organisation.Kind.COUNCIL).order_by("name")
        self.helper = gds_helper(Field.text("name", field_width=Fluid.TWO_THIRDS), Field.select("organisation"),
                                 Field.checkbox("is_lead"), Field.textarea("brings", rows=3), submit="Add to the consortium")


class DeclarationForm(forms.Form):
    has_conflict = forms.TypedChoiceField(
        label="Do you have an interest in any of the bidders?", widget=forms.RadioSelect,
        choices=[("no", "No, I have no conflict of interest"), ("yes", "Yes, I have an interest in one or more bidders")],
        help_text="For example, you work for or with them, a relative or friend does, or you get a service from them.",
        error_messages={"required": "Select yes or no", "invalid_choice": "Select yes or no"},
    )
    bidders = forms.ModelMultipleChoiceField(
        label="Which bidders?", queryset=None, required=False, widget=forms.CheckboxSelectMultiple,
        help_text="You will not score these bidders. Select all that apply.",
        error_messages={"invalid_choice": "Select bidders from the list"},
    )
    consortium_members = forms.ModelMultipleChoiceField(
        label="Which members of a consortium?", queryset=None, required=False, widget=forms.CheckboxSelectMultiple,
        help_text="A consortium bids as one bidder. An interest in any one of its members means you will not score the consortium.",
        error_messages={"invalid_choice": "Select consortium members from the list"},
    )
    details = forms.CharField(
        label="What is your interest?", widget=forms.Textarea, required=False, max_length=2000,
        help_text="Only the chair sees this.",
        error_messages={"max_length": "This must be 2,000 characters or fewer"},
    )

    def __init__(self, *args, bidders, consortium_members=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["bidders"].queryset = bidders
        fields = [Field.radios("has_conflict", legend_size=Size.MEDIUM), Field.checkboxes("bidders", legend_size=Size.SMALL)]
        if consortium_members is not None and consortium_members.exists():
            self.fields["consortium_members"].queryset = consortium_members
            self.fields["consortium_members"].label_from_instance = lambda cm: f"{cm} (in {cm.bidder.name})"
            fields.append(Field.checkboxes("consortium_members", legend_size=Size.SMALL))
        else:
            del self.fields["consortium_members"]
        self.helper = gds_helper(*fields, Field.textarea("details", rows=4), submit="Send my declaration")

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("has_conflict") == "yes":
            if not cleaned.get("bidders") and not cleaned.get("consortium_members"):
                self.add_error("bidders", "Select the bidders you have an interest in")
            if not (cleaned.get("details") or "").strip():
                self.add_error("details", "Say what your interest is")
        elif cleaned.get("has_conflict") == "no":
            cleaned["bidders"], cleaned["consortium_members"] = [], []
        return cleaned


class BriefingSendForm(forms.Form):
    members = forms.ModelMultipleChoiceField(
        label="Who should get their briefing pack now?", queryset=None, widget=forms.CheckboxSelectMultiple,
        help_text="Each person gets it in the format they asked for. Send it well ahead of the first meeting.",
        error_messages={"required": "Select who to send the briefing pack to", "invalid_choice": "Select members from the list"},
    )

    def __init__(self, *args, members, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["members"].queryset = members
        self.fields["members"].label_from_instance = lambda member: f"{member.user.display_name} ({member.get_role_display()})"
        self.helper = gds_helper(Field.checkboxes("members", legend_size=Size.MEDIUM, small=True), submit="Record the packs as sent")


class QuestionForm(forms.Form):
    criterion = forms.ModelChoiceField(
        label="Which criterion does it test?", queryset=None, widget=forms.RadioSelect, empty_label=None,
        error_messages={"required": "Select the criterion", "invalid_choice": "Select a criterion from the list"},
    )
    kind = forms.ChoiceField(
        label="How is it asked?", choices=PanelQuestion.Kind.choices, widget=forms.RadioSelect,
        error_messages={"required": "Select written or interview", "invalid_choice": "Select written or interview"},
    )
    text = forms.CharField(
        label="The question", widget=forms.Textarea, max_length=2000,
        help_text="Plain words help every bidder and every panel member.",
        error_messages={"required": "Write the question", "max_length": "The question must be 2,000 characters or fewer"},
    )

    def __init__(self, *args, criteria, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["criterion"].queryset = criteria
        self.fields["criterion"].label_from_instance = lambda criterion: f"{criterion.title} (weight {criterion.weight})"
        self.helper = gds_helper(
            Field.radios("criterion", legend_size=Size.SMALL), Field.radios("kind", legend_size=Size.SMALL, inline=True),
            Field.textarea("text", rows=4), submit="Propose the question",
        )


class CommentForm(forms.Form):
    text = forms.CharField(
        label="Your comment", widget=forms.Textarea, max_length=5000,
        error_messages={"required": "Write your comment", "max_length": "Your comment must be 5,000 characters or fewer"},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = gds_helper(Field.textarea("text", rows=4), submit="Send comment")


class AgreeForm(forms.Form):
    agreed = forms.ModelMultipleChoiceField(
        label="Which questions has the panel agreed?", queryset=None, required=False, widget=forms.CheckboxSelectMultiple,
        help_text="Agreed questions go into the tender pack. Questions not selected stay as drafts.",
        error_messages={"invalid_choice": "Select questions from the list"},
    )

    def __init__(self, *args, questions, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["agreed"].queryset = questions
        self.fields["agreed"].label_from_instance = lambda question: f"{question.criterion.title}: {question.text}"
        self.helper = gds_helper(Field.checkboxes("agreed", legend_size=Size.MEDIUM, small=True), submit="Save the agreed questions")


class RecognitionForm(forms.Form):
    member = forms.ModelChoiceField(
        label="Panel member", queryset=None, empty_label="Select the member",
        error_messages={"required": "Select the member", "invalid_choice": "Select a member from the list"},
    )
    category = forms.ChoiceField(
        label="What is it for?", choices=ClaimCategory.choices, widget=forms.RadioSelect,
        error_messages={"required": "Select what it is for", "invalid_choice": "Select what it is for"},
    )
    amount = forms.DecimalField(
        label="Amount in pounds", min_value=0, max_digits=8, decimal_places=2, help_text="Enter 0 for accreditation or a reference.",
        error_messages={
            "required": "Enter the amount in pounds and pence, like 12.50", "invalid": "Enter the amount in pounds and pence, like 12.50",
            "min_value": "The amount must be £0 or more", "max_digits": "The amount must be less than £1,000,000",
            "max_decimal_places": "Enter the amount in pounds and pence, like 12.50",
        },
    )
    description = forms.CharField(label="Details (optional)", required=False, max_length=500,
                                  error_messages={"max_length": "Details must be 500 characters or fewer"})

    def __init__(self, *args, members, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["member"].queryset = members
        self.fields["member"].label_from_instance = lambda member: member.user.display_name
        self.helper = gds_helper(
            Field.select("member"), Field.radios("category", legend_size=Size.SMALL, small=True),
            Field.text("amount", field_width=5), Field.text("description", field_width=Fluid.TWO_THIRDS),
            submit="Record it",
        )
