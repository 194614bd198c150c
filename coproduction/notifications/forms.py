import re

from crispy_forms_gds.choices import Choice
from crispy_forms_gds.layout import (
    ConditionalQuestion,
    ConditionalRadios,
    Field,
    Fluid,
    Size,
)
from django import forms

from coproduction.accounts.forms import gds_helper

from .models import Channel, Delivery
from .topics import Topic

# 07xxx xxxxxx, +44 7xxx xxxxxx or 0044 7xxx xxxxxx, with any spaces, dashes or brackets.
UK_MOBILE = re.compile(r"^(?:\+44|0044|44|0)7\d{9}$")
# The UK postcode shape (including GIR 0AA), case and spaces aside.
UK_POSTCODE = re.compile(r"^(?:GIR0AA|[A-Z]{1,2}\d[A-Z\d]?\d[A-Z]{2})$")

CHANNEL_HINTS = {
    Channel.EMAIL: "To the email address you sign in with.",
    Channel.TEXT: "To a UK mobile phone.",
    Channel.LETTER: "By post.",
    Channel.SERVICE: "You see them when you sign in. We do not email, text or write to you.",
    Channel.NONE: "We do not tell you about anything. You can still sign in to see your plan and other things.",
}


def normalise_mobile(value: str) -> str:
    digits = re.sub(r"[\s\-().]", "", value)
    if not UK_MOBILE.match(digits):
        raise forms.ValidationError("Enter a UK mobile number, like 07700 900 982", code="invalid")
    return "07" + digits[-9:]


def normalise_postcode(value: str) -> str:
    compact = re.sub(r"\s", "", value).upper()
    if not UK_POSTCODE.match(compact):
        raise forms.ValidationError("Enter a full UK postcode, like LS1 4AP", code="invalid")
    return f"{compact[:-3]} {compact[-3:]}"


class Reveal(ConditionalQuestion):
    """A radio choice revealing more questions, marked up as GOV.UK Frontend's own."""

    template = "notifications/layout/conditional_question.html"


CHANNEL_CHOICES = [Choice(value, label, hint=CHANNEL_HINTS.get(value, "")) for value, label in Channel.choices]


class PreferenceForm(forms.Form):
    channel = forms.ChoiceField(
        label="How do you want to hear from us?",
        choices=CHANNEL_CHOICES,
        widget=forms.RadioSelect,
        help_text="Every message is also in your Messages in this service, however you choose to hear.",
        error_messages={"required": "Select how you want to hear from us", "invalid_choice": "Select how you want to hear from us"},
    )
    mobile_number = forms.CharField(
        label="UK mobile number, if you chose text messages", required=False, max_length=20,
        widget=forms.TextInput(attrs={"autocomplete": "tel", "type": "tel"}),
        error_messages={"max_length": "Enter a UK mobile number, like 07700 900 982"},
    )
    address = forms.CharField(
        label="Address, if you chose letters", required=False, max_length=500, widget=forms.Textarea(attrs={"rows": 4, "autocomplete": "street-address"}),
        help_text="Building and street, then town or city, each on its own line.",
        error_messages={"max_length": "The address must be 500 characters or fewer"},
    )
    postcode = forms.CharField(
        label="Postcode, if you chose letters", required=False, max_length=10, widget=forms.TextInput(attrs={"autocomplete": "postal-code"}),
        error_messages={"max_length": "Enter a full UK postcode, like LS1 4AP"},
    )
    topics = forms.MultipleChoiceField(
        label="What do you want to hear about?", required=False, choices=Topic.choices, widget=forms.CheckboxSelectMultiple,
        help_text="Select all that you want to hear about. Untick the ones you do not.",
        error_messages={"invalid_choice": "Select from the list"},
    )

    def __init__(self, *args, submit: str = "Save your choices", **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = gds_helper(
            ConditionalRadios(
                "channel",
                Reveal(Channel.EMAIL.label),
                Reveal(Channel.TEXT.label, Field.text("mobile_number", field_width=Fluid.ONE_THIRD)),
                Reveal(Channel.LETTER.label, Field.textarea("address"), Field.text("postcode", field_width=10)),
                Reveal(Channel.SERVICE.label),
                Reveal(Channel.NONE.label),
            ),
            Field.checkboxes("topics", legend_size=Size.MEDIUM, small=True),
            submit=submit,
        )

    @classmethod
    def initial_from(cls, preference) -> dict:
        return {
            "channel": preference.channel,
            "mobile_number": preference.mobile_number,
            "address": preference.address,
            "postcode": preference.postcode,
            "topics": [topic for topic in Topic.values if topic not in preference.topics_off],
        }

    def clean_mobile_number(self):
        value = self.cleaned_data["mobile_number"].strip()
        return normalise_mobile(value) if value else ""

    def clean_postcode(self):
        value = self.cleaned_data["postcode"].strip()
        return normalise_postcode(value) if value else ""

    def clean(self):
        data = super().clean()
        channel = data.get("channel")
        if channel == Channel.TEXT and not data.get("mobile_number") and "mobile_number" not in self.errors:
            self.add_error("mobile_number", "Enter a UK mobile number, like 07700 900 982")
        if channel == Channel.LETTER:
            if not (data.get("address") or "").strip() and "address" not in self.errors:
                self.add_error("address", "Enter the address for letters")
            if not data.get("postcode") and "postcode" not in self.errors:
                self.add_error("postcode", "Enter a full UK postcode, like LS1 4AP")
        return data

    def preference_data(self) -> dict:
        """Only what the chosen way needs is kept: no phone number for someone who chose letters."""
        data = self.cleaned_data
        channel = data["channel"]
        return {
            "channel": channel,
            "topics_on": data["topics"],
            "mobile_number": data["mobile_number"] if channel == Channel.TEXT else "",
            "address": data["address"].strip() if channel == Channel.LETTER else "",
            "postcode": data["postcode"] if channel == Channel.LETTER else "",
        }


class DeliveryFilterForm(forms.Form):
    STATUS_CHOICES = [("", "All, failed first"), *Delivery.Status.choices]
    status = forms.ChoiceField(label="Status", choices=STATUS_CHOICES, required=False)
