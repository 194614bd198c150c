from crispy_forms_gds.helper import FormHelper
from crispy_forms_gds.layout import Field, Fluid, Layout, Submit
from django import forms
from django.apps import apps
from django.contrib.contenttypes.models import ContentType

from coproduction.core.forms import LongSelect

from .models import AuditEvent

# Day first, as people in the UK write dates; ISO too, for links and bookmarks.
DATE_FORMATS = ["%d/%m/%Y", "%d/%m/%y", "%d %m %Y", "%d-%m-%Y", "%Y-%m-%d", "%d %B %Y", "%d %b %Y"]


def _record_type_choices() -> list[tuple[int, str]]:
    """Record types of this service's own apps, by model name (asking the audit table which types
    it holds would scan millions of rows). Django keeps each process's content types in memory,
    so after the first page this costs no query."""
    models = [
        model
        for config in apps.get_app_configs()
        if config.name.startswith(("coproduction.", "careplans", "checklist", "commissioning"))
        for model in config.get_models()
    ]
    types = sorted(ContentType.objects.get_for_models(*models, for_concrete_models=False).values(), key=lambda ct: ct.model)
    return [(ct.pk, ct.name.capitalize()) for ct in types]


class AuditSearchForm(forms.Form):
    person = forms.CharField(
        label="Person",
        required=False,
        max_length=200,
        help_text="Email address or part of a name: who did something, or whose record it was",
    )
    action = forms.ChoiceField(label="What happened", required=False, choices=[("", "Anything")] + AuditEvent.Action.choices)
    record_type = forms.TypedChoiceField(label="Type of record", required=False, coerce=int, empty_value=None, widget=LongSelect)
    date_from = forms.DateField(
        label="From",
        required=False,
        input_formats=DATE_FORMATS,
        help_text="For example, 27/3/2026",
        error_messages={"invalid": "Enter the from date as a real date, like 27/3/2026"},
    )
    date_to = forms.DateField(
        label="To",
        required=False,
        input_formats=DATE_FORMATS,
        help_text="For example, 31/3/2026",
        error_messages={"invalid": "Enter the to date as a real date, like 31/3/2026"},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["record_type"].choices = [("", "Any"), *_record_type_choices()]
        self.helper = FormHelper()
        self.helper.form_method = "post"  # terms may be personal data: never in the URL
        self.helper.attrs = {"novalidate": True}
        self.helper.layout = Layout(
            Field.text("person", field_width=Fluid.TWO_THIRDS),
            Field.select("action"),
            Field.select("record_type"),
            Field.text("date_from", field_width=10),
            Field.text("date_to", field_width=10),
            Submit("search", "Search", css_class="govuk-button--secondary"),
        )

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("date_from"), cleaned.get("date_to")
        if start and end and start > end:
            self.add_error("date_to", "The to date must be the same as or after the from date")
        return cleaned
