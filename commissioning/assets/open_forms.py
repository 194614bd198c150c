"""Forms for the CSV import: the upload, then the choice made after the dry run."""

from crispy_forms_gds.layout import Field
from django import forms

from coproduction.accounts.forms import gds_helper

from .importing import MAX_BYTES


class ImportUploadForm(forms.Form):
    file = forms.FileField(
        label="Upload a CSV file",
        widget=forms.ClearableFileInput(attrs={"accept": ".csv,text/csv"}),
        help_text="Use the template’s column headings. Up to 2 MB and 2,000 assets.",
        error_messages={
            "required": "Select a CSV file",
            "invalid": "The selected file could not be read: choose it again",
            "empty": "The selected file is empty",
            "missing": "Select a CSV file",
        },
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = gds_helper(Field("file"), submit="Check the file")

    def clean_file(self):
        upload = self.cleaned_data["file"]
        name = upload.name.lower()
        if not (name.endswith(".csv") or name.endswith(".txt")):
            raise forms.ValidationError("The selected file must be a CSV file")
        if upload.size > MAX_BYTES:
            raise forms.ValidationError("The selected file must be smaller than 2 MB")
        return upload


class ImportConfirmForm(forms.Form):
    """Carries the stored file's id in the POST body, and what to import."""

    ALL, VALID_ONLY = "all", "valid_only"
    upload_id = forms.RegexField(regex=r"^[0-9a-f]{32}$", widget=forms.HiddenInput)
    scope = forms.ChoiceField(choices=[(ALL, "All rows"), (VALID_ONLY, "Only the valid rows")], widget=forms.HiddenInput)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["upload_id"].widget.attrs["autocomplete"] = "off"

