"""Forms for the retention pages: recording an erasure request."""

from crispy_forms_gds.helper import FormHelper
from crispy_forms_gds.layout import Field, Layout, Size, Submit
from django import forms
from django.utils import timezone

from coproduction.accounts.forms import date_field

from ..models import ErasureRequest

REASON_MAX = 2000


class ErasureRequestForm(forms.Form):
    person_id = forms.IntegerField(
        label="Care record number", min_value=1, required=False,
        help_text="The number of the person's care record, shown at the top of their record",
        error_messages={
            "invalid": "Enter the record number as a whole number, like 1234",
            "min_value": "Enter the record number as a whole number, like 1234",
        },
    )
    email = forms.EmailField(
        label="Or, if they have no care record, the email address of their account", required=False,
        help_text="For example, a resident who took part in commissioning",
        error_messages={"invalid": "Enter an email address in the correct format, like name@example.com"},
    )
    received_on = date_field("When was the request received?", required=True, help_text="For example, 27 3 2026")
    reason = forms.CharField(
        label="What did they ask for, and why?", widget=forms.Textarea(attrs={"rows": 4}), max_length=REASON_MAX,
        help_text="For example, “Letter of 3 March: asks us to erase everything since support ended in 2019.”",
        error_messages={
            "required": "Enter what they asked for and why",
            "max_length": f"The reason must be {REASON_MAX:,} characters or fewer",
        },
    )
    ground = forms.ChoiceField(
        label="Does a lawful reason to keep the record apply?", choices=ErasureRequest.Ground.choices,
        widget=forms.RadioSelect,
        help_text="The right to erasure does not apply where one of these does (UK GDPR Article 17(3)).",
        error_messages={"required": "Select whether a lawful reason to keep the record applies"},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = FormHelper()
        self.helper.attrs = {"novalidate": True}
        self.helper.layout = Layout(
            Field.text("person_id", field_width=10),
            Field.text("email", field_width=20),
            Field("received_on"),
            Field.textarea("reason"),
            Field.radios("ground", legend_size=Size.MEDIUM),
            Submit("continue", "Continue"),
        )

    def clean(self):
        cleaned = super().clean()
        if not cleaned.get("person_id") and not cleaned.get("email") and not self.has_error("person_id") \
                and not self.has_error("email"):
            self.add_error("person_id", "Enter the care record number, or the email address of their account")
        return cleaned

    def clean_received_on(self):
        received = self.cleaned_data["received_on"]
        if received > timezone.localdate():
            raise forms.ValidationError("The date the request was received must be today or in the past")
        return received
