from decimal import Decimal

from crispy_forms_gds.layout import HTML, Field, Fieldset, Fluid, Size
from django import forms
from django.utils.html import escape

from commissioning.meeting_forms import MeetingForm, MinutesForm  # noqa: F401  (the shared meeting forms, used by the views)
from coproduction.accounts.forms import RealDateField, gds_helper
from coproduction.core.names import NameFormField
from coproduction.core.uploads import document_upload_kind

from .models import MeetingMember, Rating, VisitMethod

TEXT_LIMIT = 20_000
PAPER_MAX_BYTES = 10 * 1024 * 1024


def _text(label: str, *, required: bool = True, limit: int = TEXT_LIMIT, help_text: str = "", missing: str = "") -> forms.CharField:
    return forms.CharField(
        label=label, required=required, max_length=limit, widget=forms.Textarea, help_text=help_text,
        error_messages={"required": missing or f"Enter {label[0].lower() + label[1:]}",
                        "max_length": f"{label} must be {limit:,} characters or fewer"},
    )


def _line(label: str, *, limit: int = 200, missing: str = "", required: bool = True, help_text: str = "") -> forms.CharField:
    return NameFormField(
        label=label, max_length=limit, required=required, help_text=help_text,
        error_messages={"required": missing or f"Enter {label[0].lower() + label[1:]}",
                        "max_length": f"{label} must be {limit} characters or fewer"},
    )


class ContractForm(forms.Form):
    provider = forms.ModelChoiceField(
        label="Provider organisation", queryset=None, empty_label="Select the provider",
        error_messages={"required": "Select the provider", "invalid_choice": "Select a provider from the list"},
    )
    service_name = _line("Name of the service", missing="Enter the name of the service")
    description = _text("What the service does (optional)", required=False, limit=5000)
    starts_on = RealDateField("Start date")
    ends_on = RealDateField("End date")
    value = forms.DecimalField(
        label="Total value in pounds", min_value=Decimal("0"), max_digits=12, decimal_places=2,
        widget=forms.TextInput(attrs={"inputmode": "decimal", "spellcheck": "false"}), help_text="For example, 450000",
        error_messages={"required": "Enter the value of the contract", "invalid": "Enter the value as a number, like 450000",
                        "min_value": "The value cannot be less than 0", "max_digits": "The value must be less than £10,000,000,000",
                        "max_decimal_places": "Enter the value in pounds and pence, like 450000.50"},
    )
    indicators = forms.ModelMultipleChoiceField(
        label="Which indicators from the outcomes framework does the provider report on?", required=False, queryset=None,
        widget=forms.CheckboxSelectMultiple, help_text="Select all that apply.",
        error_messages={"invalid_choice": "Select indicators from the list"},
    )

    def __init__(self, *args, providers, indicators, submit: str, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["provider"].queryset = providers
        self.fields["indicators"].queryset = indicators
        self.fields["indicators"].label_from_instance = lambda indicator: f"{indicator.outcome.title}: {indicator.name}"
        fields = [
            Field.select("provider"), Field.text("service_name", field_width=Fluid.TWO_THIRDS), Field.textarea("description", rows=4),
            Field("starts_on"), Field("ends_on"), Field.text("value", field_width=10),
        ]
        if indicators.exists():
            fields.append(Field.checkboxes("indicators", small=True))
        else:
            del self.fields["indicators"]
        self.helper = gds_helper(*fields, submit=submit)

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("starts_on") and cleaned.get("ends_on") and cleaned["ends_on"] < cleaned["starts_on"]:
            self.add_error("ends_on", "The end date must be the same as or after the start date")
        return cleaned


class MemberForm(forms.Form):
    user = forms.ModelChoiceField(
        label="Who is joining the meeting?", queryset=None, empty_label="Select a person",
        error_messages={"required": "Select who is joining", "invalid_choice": "Select a person from the list"},
    )
    role = forms.ChoiceField(
        label="What is their part in the meeting?", choices=MeetingMember.Role.choices, widget=forms.RadioSelect,
        error_messages={"required": "Select their part in the meeting", "invalid_choice": "Select their part from the list"},
    )

    def __init__(self, *args, candidates, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["user"].queryset = candidates
        self.fields["user"].label_from_instance = lambda user: user.display_name
        self.helper = gds_helper(Field.select("user"), Field.radios("role", small=True), submit="Add to the meeting")


class PaperForm(forms.Form):
    title = _line("Title of the paper", missing="Enter the title of the paper")
    text = _text("Write the paper (optional if you upload a file)", required=False)
    easy_read_text = _text("The paper in Easy Read words (optional)", required=False)
    file = forms.FileField(
        label="Or upload a PDF or Word document (optional)", required=False, help_text="PDF or DOCX, smaller than 10 MB.",
        error_messages={"invalid": "The selected file could not be read", "empty": "The selected file is empty"},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.file_type = ""
        self.helper = gds_helper(
            Field.text("title", field_width=Fluid.TWO_THIRDS), Field.textarea("text", rows=10), Field.textarea("easy_read_text", rows=8),
            Field("file"), submit="Add the paper",
        )
        self.helper.form_enctype = "multipart/form-data"

    def clean_file(self):
        upload = self.cleaned_data.get("file")
        if not upload:
            return None
        self.file_type = document_upload_kind(upload, max_bytes=PAPER_MAX_BYTES)
        return upload

    def clean(self):
        cleaned = super().clean()
        if not cleaned.get("text", "").strip() and not cleaned.get("file") and "file" not in self.errors:
            self.add_error("text", "Write the paper or choose a file to upload")
        return cleaned


class AttendanceForm(forms.Form):
    attended = forms.MultipleChoiceField(
        label="Who came to the meeting?", required=False, widget=forms.CheckboxSelectMultiple, help_text="Select everyone who came.",
        error_messages={"invalid_choice": "Select people from the list"},
    )

    def __init__(self, *args, members, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["attended"].choices = [(str(m.pk), f"{m.user.display_name} ({m.get_role_display().lower()})") for m in members]
        self.helper = gds_helper(Field.checkboxes("attended", small=True), submit="Save attendance")


class IndicatorReportForm(forms.Form):
    figure = _line("Figure reported", missing="Enter the figure reported",
                   help_text="As the provider reported it, for example “42” or “8 out of 10 people”.")
    what_people_said = _text("What people who use the service said (optional)", required=False, limit=5000)
    representatives_view = _text("What the user and community representatives think of it (optional)", required=False, limit=5000)

    def __init__(self, *args, indicator, full: bool, **kwargs):
        super().__init__(*args, **kwargs)
        fields = []
        if full:
            fields += [Field.text("figure", field_width=Fluid.TWO_THIRDS), Field.textarea("what_people_said", rows=4)]
        else:
            # Representatives give their view; the figure itself is the provider's.
            del self.fields["figure"], self.fields["what_people_said"]
            self.fields["representatives_view"].required = True
            self.fields["representatives_view"].label = "What do you, as representatives, think of this figure?"
            self.fields["representatives_view"].error_messages["required"] = "Write what you think of this figure"
        fields.append(Field.textarea("representatives_view", rows=5))
        self.helper = gds_helper(
            HTML(f'<p class="govuk-body"><strong>{escape(indicator.name)}</strong>: {escape(indicator.how_measured)}</p>'), *fields,
            submit="Save",
        )


class ActionForm(forms.Form):
    description = _text("What needs to be done?", limit=2000, missing="Enter what needs to be done")
    owner = forms.ModelChoiceField(
        label="Who will do it?", queryset=None, empty_label="Select a person",
        error_messages={"required": "Select who will do it", "invalid_choice": "Select a person from the list"},
    )
    due_on = RealDateField("When is it due?")

    def __init__(self, *args, owners, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["owner"].queryset = owners
        self.fields["owner"].label_from_instance = lambda user: user.display_name
        self.helper = gds_helper(Field.textarea("description", rows=3), Field.select("owner"), Field("due_on"), submit="Add the action")


class PeriodForm(forms.Form):
    period = forms.ChoiceField(
        label="Which quarter are the figures for?", widget=forms.RadioSelect,
        error_messages={"required": "Select the quarter", "invalid_choice": "Select a quarter from the list"},
    )

    def __init__(self, *args, quarters, **kwargs):
        from .models import quarter_label

        super().__init__(*args, **kwargs)
        self.fields["period"].choices = [(q.strftime("%Y-%m"), quarter_label(q)) for q in quarters]
        self.helper = gds_helper(Field.radios("period", small=True), submit="Continue")
        self.helper.form_method = "get"


class ReturnForm(forms.Form):
    """A value and what people said for each of the contract's indicators."""

    def __init__(self, *args, indicators, **kwargs):
        super().__init__(*args, **kwargs)
        self.indicators = indicators
        fieldsets = []
        for indicator in indicators:
            value, said = f"value_{indicator.pk}", f"said_{indicator.pk}"
            self.fields[value] = forms.DecimalField(
                label="Figure (optional)", required=False, max_digits=12, decimal_places=2,
                widget=forms.TextInput(attrs={"inputmode": "decimal", "spellcheck": "false"}),
                error_messages={"invalid": "Enter the figure as a number, like 42 or 87.5",
                                "max_digits": "The figure must be less than 10,000,000,000",
                                "max_decimal_places": "The figure can have at most 2 decimal places"},
            )
            self.fields[said] = forms.CharField(
                label="What people told you (optional)", required=False, max_length=5000, widget=forms.Textarea,
                help_text="In people's own words, where the indicator is about what matters to them.",
                error_messages={"max_length": "What people told you must be 5,000 characters or fewer"},
            )
            fieldsets.append(Fieldset(
                HTML(f'<p class="govuk-body">{escape(indicator.how_measured)}</p>'),
                Field.text(value, field_width=10), Field.textarea(said, rows=3),
                legend=f"{indicator.outcome.title}: {indicator.name}", legend_size=Size.SMALL,
            ))
        self.helper = gds_helper(*fieldsets, submit="Send the figures")
        self.helper.layout.append(HTML(
            '<button type="submit" name="save" value="1" class="govuk-button govuk-button--secondary" data-module="govuk-button">'
            "Save without sending</button>"
        ))

    def figures(self) -> dict:
        return {
            indicator: (self.cleaned_data.get(f"value_{indicator.pk}"), self.cleaned_data.get(f"said_{indicator.pk}", ""))
            for indicator in self.indicators
        }


class FrameworkForm(forms.Form):
    title = _line("Name of the framework", missing="Enter the name of the framework")
    how_it_was_made = _text("Who designed it together, and how?", limit=5000, missing="Enter who designed it together, and how",
                            help_text="For example, “Four workshops with people who use day services, carers and two providers”.")
    informed_by = forms.ModelMultipleChoiceField(
        label="Which co-production activities shaped it? (optional)", required=False, queryset=None, widget=forms.CheckboxSelectMultiple,
        error_messages={"invalid_choice": "Select activities from the list"},
    )

    def __init__(self, *args, activities, submit: str, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["informed_by"].queryset = activities
        fields = [Field.text("title", field_width=Fluid.TWO_THIRDS), Field.textarea("how_it_was_made", rows=4)]
        if activities.exists():
            fields.append(Field.checkboxes("informed_by", small=True))
        else:
            del self.fields["informed_by"]
        self.helper = gds_helper(*fields, submit=submit)


class CharacteristicForm(forms.Form):
    title = _line("Quality characteristic", missing="Enter the quality characteristic",
                  help_text="For example, “People are involved in running the service”.")
    what_good_looks_like = _text("What good looks like", limit=5000, missing="Enter what good looks like")
    what_to_look_for = _text("What to look for", limit=5000, missing="Enter what to look for",
                             help_text="What an assessor might see, hear or ask about.")

    def __init__(self, *args, submit: str, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = gds_helper(
            Field.text("title", field_width=Fluid.TWO_THIRDS), Field.textarea("what_good_looks_like", rows=4),
            Field.textarea("what_to_look_for", rows=4), submit=submit,
        )


class VisitForm(forms.Form):
    method = forms.ChoiceField(
        label="What kind of visit?", choices=VisitMethod.choices, widget=forms.RadioSelect,
        error_messages={"required": "Select what kind of visit", "invalid_choice": "Select a kind of visit from the list"},
    )
    framework = forms.ModelChoiceField(
        label="Which quality framework will they use?", queryset=None, empty_label=None,
        error_messages={"required": "Select the framework", "invalid_choice": "Select a framework from the list"},
    )
    planned_on = RealDateField("When will it happen?")
    assessors = forms.ModelMultipleChoiceField(
        label="Which quality assessors will go?", queryset=None, widget=forms.CheckboxSelectMultiple,
        help_text="Select everyone who will go.",
        error_messages={"required": "Select at least one quality assessor", "invalid_choice": "Select assessors from the list"},
    )
    brief = _text("What should they look at? (optional)", required=False, limit=5000)

    def __init__(self, *args, frameworks, assessors, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["framework"].queryset = frameworks
        self.fields["assessors"].queryset = assessors
        self.fields["assessors"].label_from_instance = lambda user: user.display_name
        self.helper = gds_helper(
            Field.radios("method", small=True), Field.select("framework"), Field("planned_on"), Field.checkboxes("assessors", small=True),
            Field.textarea("brief", rows=4), submit="Assign the visit",
        )


class FindingsForm(forms.Form):
    """The assessors' report: a rating and evidence in their own words for each characteristic."""

    visited_on = RealDateField("Date of the visit", required=False)
    summary = _text("Your overall view, in your own words (optional)", required=False, limit=10_000)

    def __init__(self, *args, characteristics, **kwargs):
        super().__init__(*args, **kwargs)
        self.characteristics = characteristics
        fieldsets = [Field("visited_on")]
        for characteristic in characteristics:
            rating, evidence = f"rating_{characteristic.pk}", f"evidence_{characteristic.pk}"
            self.fields[rating] = forms.TypedChoiceField(
                label="How well does the service do this?", required=False, coerce=int, empty_value=None,
                choices=[(value, label) for value, label in Rating.choices], widget=forms.RadioSelect,
                error_messages={"invalid_choice": "Select a rating from the list"},
            )
            self.fields[evidence] = forms.CharField(
                label="What you saw and heard", required=False, max_length=5000, widget=forms.Textarea,
                error_messages={"max_length": "What you saw and heard must be 5,000 characters or fewer"},
            )
            fieldsets.append(Fieldset(
                HTML(
                    f'<p class="govuk-body"><strong>What good looks like:</strong> {escape(characteristic.what_good_looks_like)}</p>'
                    f'<p class="govuk-body"><strong>What to look for:</strong> {escape(characteristic.what_to_look_for)}</p>'
                ),
                Field.radios(rating, small=True, inline=True), Field.textarea(evidence, rows=4),
                legend=characteristic.title, legend_size=Size.MEDIUM,
            ))
        fieldsets.append(Field.textarea("summary", rows=6))
        self.helper = gds_helper(*fieldsets, submit="Send the report to the commissioners")
        self.helper.layout.append(HTML(
            '<button type="submit" name="save" value="1" class="govuk-button govuk-button--secondary" data-module="govuk-button">'
            "Save and come back later</button>"
        ))

    def clean(self):
        cleaned = super().clean()
        for characteristic in self.characteristics:
            rating, evidence = f"rating_{characteristic.pk}", f"evidence_{characteristic.pk}"
            if cleaned.get(evidence, "").strip() and not cleaned.get(rating) and rating not in self.errors:
                self.add_error(rating, f"Select a rating for “{characteristic.title}”, or remove what you wrote")
            if cleaned.get(rating) and not cleaned.get(evidence, "").strip() and evidence not in self.errors:
                self.add_error(evidence, f"Write what you saw and heard for “{characteristic.title}”")
        return cleaned

    def findings(self) -> dict:
        return {
            c: (self.cleaned_data.get(f"rating_{c.pk}"), self.cleaned_data.get(f"evidence_{c.pk}", "")) for c in self.characteristics
        }


class ReviewForm(forms.Form):
    review_notes = _text("Your review of the report", limit=10_000, missing="Write your review of the report",
                         help_text="What the commissioners make of the findings. The provider and the group will see this.")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = gds_helper(Field.textarea("review_notes", rows=8), submit="Save the review and share the report")


class ResponseForm(forms.Form):
    provider_response = _text("Your response", limit=10_000, missing="Write your response",
                              help_text="What you will do about the findings, or anything you want to add.")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = gds_helper(Field.textarea("provider_response", rows=8), submit="Send the response")


class RecognitionForm(forms.Form):
    """Recognition for an assessor's time, entered in the involvement ledger."""

    claimant = forms.ModelChoiceField(
        label="Which assessor?", queryset=None, empty_label=None,
        error_messages={"required": "Select the assessor", "invalid_choice": "Select an assessor from the list"},
    )
    category = forms.ChoiceField(
        label="What recognition?", widget=forms.RadioSelect,
        error_messages={"required": "Select the recognition", "invalid_choice": "Select the recognition from the list"},
    )
    amount = forms.DecimalField(
        label="Amount in pounds", min_value=Decimal("0"), max_digits=8, decimal_places=2, help_text="Enter 0 for recognition that is not money.",
        widget=forms.TextInput(attrs={"inputmode": "decimal", "spellcheck": "false"}),
        error_messages={"required": "Enter the amount, or 0", "invalid": "Enter the amount as a number, like 60 or 60.50",
                        "min_value": "The amount cannot be less than 0", "max_digits": "The amount must be less than £1,000,000",
                        "max_decimal_places": "Enter the amount in pounds and pence, like 60.50"},
    )
    description = _line("What it is for (optional)", required=False, limit=300)

    def __init__(self, *args, assessors, categories, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["claimant"].queryset = assessors
        self.fields["claimant"].label_from_instance = lambda user: user.display_name
        self.fields["category"].choices = categories
        self.helper = gds_helper(
            Field.select("claimant"), Field.radios("category", small=True), Field.text("amount", field_width=10),
            Field.text("description", field_width=Fluid.TWO_THIRDS), submit="Record the recognition",
        )
