"""Forms: a source system's column mapping, the extract's upload, and the confirmation."""

from crispy_forms_gds.layout import Field as LayoutField
from crispy_forms_gds.layout import Fieldset, Fluid, Layout, Size, Submit
from crispy_forms_gds.helper import FormHelper
from django import forms

from coproduction.accounts.models import Organisation
from coproduction.accounts.forms import gds_helper
from coproduction.core.names import NameFormField
from coproduction.people.models import CommunicationNeed

from .importing import LAYOUT, MAX_BYTES
from .models import Field, SourceMapping


def _column_field_name(field: str) -> str:
    return f"column_{field}"


class MappingForm(forms.ModelForm):
    need_codes_text = forms.CharField(
        label="Communication need codes", required=False, widget=forms.Textarea(attrs={"rows": 6}),
        help_text="One a line: the extract’s code, an equals sign, then one of " + ", ".join(CommunicationNeed.values) + ". For example: LP = large_print",
    )

    class Meta:
        model = SourceMapping
        fields = ["name", "system", "organisation", "date_format", "needs_separator", "scheduled"]
        labels = {
            "name": "Name of this mapping",
            "system": "Case management system",
            "organisation": "Organisation new teams belong to",
            "date_format": "How the extract writes dates",
            "needs_separator": "What separates several communication needs in one cell",
            "scheduled": "Use this mapping for the nightly import from the drop folder",
        }
        widgets = {"date_format": forms.RadioSelect}
        error_messages = {
            "name": {"required": "Enter a name for this mapping", "unique": "A mapping with this name already exists"},
            "system": {"required": "Select the case management system"},
            "organisation": {"required": "Select the organisation new teams belong to"},
            "needs_separator": {"required": "Enter the character that separates communication needs"},
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = Organisation.objects.filter(kind=Organisation.Kind.COUNCIL).order_by("name")
        self.fields["organisation"].empty_label = None
        columns = self.instance.columns or {}
        for column in LAYOUT:
            self.fields[_column_field_name(column.field)] = forms.CharField(
                label=Field(column.field).label, required=False, max_length=100, initial=columns.get(column.field, ""),
                help_text=f"The extract’s column heading. {column.explain}",
            )
        if self.instance.pk and not self.is_bound:
            self.initial["need_codes_text"] = "\n".join(f"{code} = {need}" for code, need in (self.instance.need_codes or {}).items())
        self.helper = FormHelper()
        self.helper.attrs = {"novalidate": True}
        self.helper.layout = Layout(
            LayoutField.text("name"), LayoutField.select("system"), LayoutField.select("organisation"),
            Fieldset(
                *[LayoutField.text(_column_field_name(column.field), field_width=Fluid.TWO_THIRDS) for column in LAYOUT],
                legend="Which extract column fills each field", legend_size=Size.MEDIUM,
            ),
            LayoutField.radios("date_format"), LayoutField.text("needs_separator", field_width=2),
            LayoutField.textarea("need_codes_text"), LayoutField.checkbox("scheduled"),
            Submit("submit", "Save the mapping"),
        )

    def _get_validation_exclusions(self):
        # Marking this mapping for the nightly import unmarks the other one (services.mapping_save),
        # so "only one is marked" is not an error here.
        return super()._get_validation_exclusions() | {"scheduled"}

    def clean(self):
        cleaned = super().clean()
        columns = {column.field: cleaned.get(_column_field_name(column.field), "").strip() for column in LAYOUT}
        for required in (Field.PERSON_ID, Field.TEAM_ID):
            if not columns[required]:
                self.add_error(_column_field_name(required), f"Enter the extract’s column for the {Field(required).label.lower()}")
        if not columns[Field.FULL_NAME] and not (columns[Field.GIVEN_NAME] and columns[Field.FAMILY_NAME]):
            self.add_error(_column_field_name(Field.FULL_NAME), "Enter the extract’s column for the full name, or the columns for the given and family names")
        used = [heading.lower() for heading in columns.values() if heading]
        repeated = sorted({heading for heading in used if used.count(heading) > 1})
        if repeated:
            self.add_error(None, "Each extract column can fill only one field: " + ", ".join(repeated))
        self.instance.columns = {name: heading for name, heading in columns.items() if heading}
        codes = {}
        for number, line in enumerate((cleaned.get("need_codes_text") or "").splitlines(), start=1):
            if not line.strip():
                continue
            code, equals, need = (part.strip() for part in line.partition("="))
            if not equals or not code or need not in CommunicationNeed.values:
                self.add_error("need_codes_text", f"Line {number} must be a code, an equals sign and one of the needs listed, like LP = large_print")
                continue
            codes[code] = need
        self.instance.need_codes = codes
        return cleaned


class ImportUploadForm(forms.Form):
    mapping = forms.ModelChoiceField(
        label="Which system’s extract is it?", queryset=SourceMapping.objects.none(), empty_label=None, widget=forms.RadioSelect,
        error_messages={"required": "Select the mapping for this extract", "invalid_choice": "Select the mapping for this extract"},
    )
    file = forms.FileField(
        label="Upload the extract as a CSV file",
        widget=forms.ClearableFileInput(attrs={"accept": ".csv,text/csv"}),
        help_text="Up to 50 MB.",
        error_messages={
            "required": "Select a CSV file", "invalid": "The selected file could not be read: choose it again",
            "empty": "The selected file is empty", "missing": "Select a CSV file",
        },
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["mapping"].queryset = SourceMapping.objects.order_by("name")
        self.helper = gds_helper(LayoutField.radios("mapping"), LayoutField("file"), submit="Check the extract")

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if not upload.name.lower().endswith((".csv", ".txt")):
            raise forms.ValidationError("The selected file must be a CSV file")
        if upload.size > MAX_BYTES:
            raise forms.ValidationError("The selected file must be smaller than 50 MB")
        return upload


class ImportConfirmForm(forms.Form):
    """Carries the stored file's id and the mapping in the POST body."""

    upload_id = forms.RegexField(regex=r"^[0-9a-f]{32}$", widget=forms.HiddenInput)
    mapping = forms.IntegerField(widget=forms.HiddenInput)
    file_name = NameFormField(max_length=255, widget=forms.HiddenInput)
