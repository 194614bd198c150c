"""Forms for involvement profiles, local population figures and peer researchers. The ledger's
forms are in ledger/forms.py."""

from crispy_forms_gds.layout import Field, Fieldset, Fluid, Size
from django import forms
from django.utils import timezone

from coproduction.accounts.forms import date_field, gds_helper
from coproduction.core.names import NameFormField

from .models import (
    EQUALITY_QUESTIONS,
    AccessNeed,
    ContactMethod,
    DocumentFormat,
    InvolvementProfile,
    PlaceType,
    Recognition,
    SuitableTime,
)

LEAVE_UNANSWERED = ("", "I would rather not answer this question at all")


def _text(label: str, max_length: int = 1000, **kwargs) -> forms.CharField:
    return forms.CharField(
        label=label, required=False, widget=forms.Textarea, max_length=max_length,
        error_messages={"max_length": f"{label.replace(' (optional)', '')} must be {max_length:,} characters or fewer"}, **kwargs,
    )


def _several(label: str, choices, help_text: str = "Select all that apply.") -> forms.MultipleChoiceField:
    return forms.MultipleChoiceField(
        label=label, required=False, choices=choices, widget=forms.CheckboxSelectMultiple, help_text=help_text,
        error_messages={"invalid_choice": "Select from the list"},
    )


class ProfileForm(forms.Form):
    """Everything but the equality answers, which have their own optional page."""

    contact_method = forms.ChoiceField(
        label="How do you like us to contact you?", required=False, choices=ContactMethod.choices, widget=forms.RadioSelect,
        error_messages={"invalid_choice": "Select how you like us to contact you"},
    )
    contact_notes = _text("Anything else about contacting you (optional)",
                          help_text="For example, the best time to phone, or who to contact for you.")
    preferred_format = forms.ChoiceField(
        label="Which format do you want papers in?", choices=DocumentFormat.choices, widget=forms.RadioSelect,
        error_messages={"required": "Select the format you want papers in", "invalid_choice": "Select the format you want papers in"},
    )
    access_needs = _several("What helps you take part?", AccessNeed.choices)
    interpreter_language = forms.CharField(
        label="Which language do you want an interpreter for?", required=False, max_length=100,
        error_messages={"max_length": "The language must be 100 characters or fewer"},
    )
    other_access_needs = _text("Anything else that helps you take part (optional)",
                               help_text="For example, breaks every hour, papers a week before, or a lift to the venue.")
    suitable_times = _several("Which times suit you?", SuitableTime.choices)
    suitable_places = _several("Which places suit you?", PlaceType.choices)
    times_and_places_notes = _text("Anything else about times and places (optional)")
    recognition = _several(
        "How would you like your time to be recognised?", Recognition.choices,
        help_text="Select all that apply. Payments and vouchers may affect benefits: we will tell you where to get advice.",
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = gds_helper(
            Fieldset(
                Field.radios("contact_method", legend_size=Size.SMALL, small=True),
                Field.textarea("contact_notes", rows=3),
                legend="Contacting you", legend_size=Size.MEDIUM,
            ),
            Fieldset(
                Field.radios("preferred_format", legend_size=Size.SMALL, small=True),
                Field.checkboxes("access_needs", legend_size=Size.SMALL, small=True),
                Field.text("interpreter_language", field_width=Fluid.ONE_HALF),
                Field.textarea("other_access_needs", rows=3),
                legend="Access and communication", legend_size=Size.MEDIUM,
            ),
            Fieldset(
                Field.checkboxes("suitable_times", legend_size=Size.SMALL, small=True),
                Field.checkboxes("suitable_places", legend_size=Size.SMALL, small=True),
                Field.textarea("times_and_places_notes", rows=3),
                legend="Times and places", legend_size=Size.MEDIUM,
            ),
            Field.checkboxes("recognition", legend_size=Size.MEDIUM, small=True),
            submit="Save your profile",
        )

    def clean(self):
        cleaned = super().clean()
        needs = cleaned.get("access_needs") or []
        language = (cleaned.get("interpreter_language") or "").strip()
        if AccessNeed.INTERPRETER in needs and not language:
            self.add_error("interpreter_language", "Enter the language you want an interpreter for")
        if AccessNeed.INTERPRETER not in needs:
            cleaned["interpreter_language"] = ""
        recognition = cleaned.get("recognition") or []
        if Recognition.NOTHING in recognition and len(recognition) > 1:
            self.add_error("recognition", "Select “Nothing, thank you” on its own, or the kinds of recognition you would like")
        for name in ("contact_notes", "other_access_needs", "times_and_places_notes"):
            if name in cleaned:
                cleaned[name] = cleaned[name].strip()
        cleaned["interpreter_language"] = cleaned.get("interpreter_language", "").strip() if AccessNeed.INTERPRETER in needs else ""
        return cleaned


def profile_initial(profile: InvolvementProfile | None) -> dict:
    if profile is None:
        return {"preferred_format": DocumentFormat.STANDARD}
    return {name: getattr(profile, name) for name in ProfileForm.base_fields}


class EqualityForm(forms.Form):
    """Equality monitoring: every question optional, each with "prefer not to say"."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        layout = []
        for name, question, _short, choices in EQUALITY_QUESTIONS:
            self.fields[name] = forms.ChoiceField(
                label=question, required=False, choices=[*choices.choices, LEAVE_UNANSWERED], widget=forms.RadioSelect,
                error_messages={"invalid_choice": "Select an answer from the list"},
            )
            layout.append(Field.radios(name, legend_size=Size.SMALL, small=True))
        self.helper = gds_helper(*layout, submit="Save your answers")


def equality_initial(profile: InvolvementProfile | None) -> dict:
    if profile is None:
        return {}
    return {name: getattr(profile, name) for name, *_rest in EQUALITY_QUESTIONS}


class PopulationFiguresForm(forms.Form):
    """The number of residents giving each answer to one question, for example from the Census."""

    source = forms.CharField(
        label="Where are these figures from?", required=False, max_length=200,
        help_text="For example, “Census 2021, ONS, table TS007A”.",
        error_messages={"max_length": "The source must be 200 characters or fewer"},
    )

    def __init__(self, *args, choices, **kwargs):
        super().__init__(*args, **kwargs)
        self.answers = list(choices.choices)
        fields = []
        for value, label in self.answers:
            if value == "prefer_not_to_say":
                continue
            self.fields[value] = forms.IntegerField(
                label=f"{label} (number of residents)", required=False, min_value=0, max_value=100_000_000,
                error_messages={
                    "invalid": f"Enter the number of residents for “{label}” as a whole number, like 1200",
                    "min_value": f"The number of residents for “{label}” must be 0 or more",
                    "max_value": f"The number of residents for “{label}” must be 100,000,000 or fewer",
                },
            )
            self.fields[value].widget.attrs.update({"inputmode": "numeric"})
            fields.append(Field.text(value, field_width=10))
        self.helper = gds_helper(*fields, Field.text("source", field_width=Fluid.TWO_THIRDS), submit="Save the figures")

    def figures(self) -> dict[str, int | None]:
        return {value: self.cleaned_data.get(value) for value, _label in self.answers if value in self.fields}


class PeerResearcherForm(forms.Form):
    member = forms.ModelChoiceField(
        label="Who is the peer researcher?", queryset=None, empty_label="Choose someone from the group",
        error_messages={"required": "Select who the peer researcher is", "invalid_choice": "Select someone from the group"},
    )
    recruited_on = date_field("Date they were recruited")
    trained_on = date_field("Date they finished their training (optional)", help_text="Leave empty if they have not been trained yet. For example, 27 3 2026")
    training_notes = _text("About their training (optional)", max_length=2000,
                           help_text="For example, the course, who ran it, and what it covered.")

    def __init__(self, *args, members=None, **kwargs):
        super().__init__(*args, **kwargs)
        fields = []
        if members is None:
            del self.fields["member"]
        else:
            self.fields["member"].queryset = members
            self.fields["member"].label_from_instance = lambda member: f"{member.user.display_name} ({member.get_member_role_display()})"
            fields.append(Field.select("member"))
        fields += [Field("recruited_on"), Field("trained_on"), Field.textarea("training_notes", rows=4)]
        self.helper = gds_helper(*fields, submit="Save")

    def clean(self):
        cleaned = super().clean()
        recruited, trained = cleaned.get("recruited_on"), cleaned.get("trained_on")
        for name in ("recruited_on", "trained_on"):
            if cleaned.get(name) and cleaned[name] > timezone.localdate():
                self.add_error(name, "The date must be today or in the past")
        if recruited and trained and trained < recruited and "trained_on" not in self.errors:
            self.add_error("trained_on", "The training date must be on or after the date they were recruited")
        cleaned["training_notes"] = cleaned.get("training_notes", "").strip()
        return cleaned


class InterviewForm(forms.Form):
    title = NameFormField(
        label="What was the interview?", max_length=200, help_text="For example, “Conversation at the Thursday lunch club”. Do not use the name of the person interviewed.",
        error_messages={"required": "Enter what the interview was", "max_length": "The description must be 200 characters or fewer"},
    )
    happened_on = date_field("Date of the interview", required=True)
    summary = _text("What you heard (optional)", max_length=5000, help_text="Themes only: no names or details that could identify anyone.")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = gds_helper(Field.text("title", field_width=Fluid.FULL), Field("happened_on"), Field.textarea("summary", rows=5),
                                 submit="Record the interview")

    def clean_happened_on(self):
        day = self.cleaned_data["happened_on"]
        if day > timezone.localdate():
            raise forms.ValidationError("The date of the interview must be today or in the past")
        return day
