"""The search form for finding whom a subject access request is about."""

from crispy_forms_gds.helper import FormHelper
from crispy_forms_gds.layout import Field, Layout, Size, Submit
from django import forms

QUERY_MIN, QUERY_MAX = 2, 200


class SubjectSearchForm(forms.Form):
    query = forms.CharField(
        label="Name or email address",
        min_length=QUERY_MIN,
        max_length=QUERY_MAX,
        help_text="Part of a name is enough, for example “Marsh”.",
        error_messages={
            "required": "Enter a name or email address",
            "min_length": f"Enter at least {QUERY_MIN} characters of a name or email address",
            "max_length": f"The name or email address must be {QUERY_MAX} characters or fewer",
        },
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = FormHelper()
        self.helper.attrs = {"novalidate": True}
        self.helper.layout = Layout(Field.text("query", label_size=Size.SMALL), Submit("search", "Search"))

    def clean_query(self) -> str:
        query = self.cleaned_data["query"].strip()
        if len(query) < QUERY_MIN:
            raise forms.ValidationError(self.fields["query"].error_messages["min_length"])
        return query
