"""The access review's date filter."""

from crispy_forms_gds.helper import FormHelper
from crispy_forms_gds.layout import Field, Layout, Submit
from django import forms

from coproduction.audit.forms import DATE_FORMATS


class AccessReviewFilterForm(forms.Form):
    date_from = forms.DateField(
        label="From", required=False, input_formats=DATE_FORMATS, help_text="For example, 27/3/2026",
        error_messages={"invalid": "Enter the from date as a real date, like 27/3/2026"},
    )
    date_to = forms.DateField(
        label="To", required=False, input_formats=DATE_FORMATS, help_text="For example, 31/3/2026",
        error_messages={"invalid": "Enter the to date as a real date, like 31/3/2026"},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = FormHelper()
        self.helper.form_method = "get"  # dates only: nothing personal in the URL
        self.helper.attrs = {"novalidate": True}
        self.helper.layout = Layout(
            Field.text("date_from", field_width=10),
            Field.text("date_to", field_width=10),
            Submit("filter", "Show entries", css_class="govuk-button--secondary"),
        )

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("date_from"), cleaned.get("date_to")
        if start and end and start > end:
            self.add_error("date_to", "The to date must be the same as or after the from date")
        return cleaned
