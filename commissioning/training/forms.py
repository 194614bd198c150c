from decimal import Decimal

from crispy_forms_gds.layout import Field, Fluid, Size
from django import forms

from commissioning.forms import line_field, text_field
from coproduction.accounts.forms import RealDateField, date_field, gds_helper
from coproduction.core.uploads import document_upload_kind, megabytes

from .models import Audience, TrainingSession

MATERIAL_MAX_BYTES = 10 * 1024 * 1024


def _hours(label: str, *, required: bool = True, help_text: str = "") -> forms.DecimalField:
    return forms.DecimalField(
        label=label, required=required, min_value=Decimal("0"), max_value=Decimal("100"), max_digits=5, decimal_places=2,
        help_text=help_text, widget=forms.TextInput(attrs={"inputmode": "decimal", "spellcheck": "false"}),
        error_messages={"required": f"Enter the {label.lower()}", "invalid": f"Enter the {label.lower()} as a number, like 1.5",
                        "min_value": "Enter 0 hours or more", "max_value": "Enter 100 hours or fewer",
                        "max_decimal_places": "Enter hours to 2 decimal places or fewer",
                        "max_digits": "Enter 100 hours or fewer"},
    )


class CourseForm(forms.Form):
    title = line_field("Name of the training", missing="Enter the name of the training")
    topic = text_field("What it is about, in plain English", missing="Enter what the training is about",
                       help_text="For example, co-production and personalisation: what good support looks like to the people who get it.")
    audience = forms.ChoiceField(
        label="Who is it for?", choices=Audience.choices, widget=forms.RadioSelect,
        error_messages={"required": "Select who the training is for", "invalid_choice": "Select who the training is for from the list"},
    )
    specification = forms.ModelChoiceField(
        label="Which tender does it prepare providers for? (optional)", queryset=None, required=False, empty_label="Not for a tender",
        error_messages={"invalid_choice": "Select a specification from the list"},
    )
    tender_due_on = date_field("Date the tender is due to go out (optional)")
    attendance_required = forms.BooleanField(
        label="Bidders’ organisations must have attended before they bid", required=False,
    )
    statement_numbers = forms.TypedMultipleChoiceField(
        label="Which “Making it real” statements is it built around?", coerce=int, widget=forms.CheckboxSelectMultiple,
        help_text="The statements the checklist asks about. Select each one the training covers.",
        error_messages={"required": "Select the statements the training covers",
                        "invalid_choice": "Select statements from the list"},
    )

    def __init__(self, *args, specifications, statements, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["specification"].queryset = specifications
        self.fields["statement_numbers"].choices = [(statement.number, statement.label) for statement in statements]
        if not statements:  # no checklist installed: nothing to choose
            del self.fields["statement_numbers"]
        self.helper = gds_helper(
            Field.text("title", field_width=Fluid.TWO_THIRDS), Field.textarea("topic", rows=4), Field.radios("audience", small=True),
            *([Field.checkboxes("statement_numbers", small=True, legend_size=Size.SMALL)] if statements else []),
            Field.select("specification"), Field("tender_due_on"), Field.checkbox("attendance_required", small=True),
            submit="Add the training",
        )

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("tender_due_on") and not cleaned.get("specification"):
            self.add_error("specification", "Select the tender the date is for")
        return cleaned


class SessionForm(forms.Form):
    date = RealDateField("Date of the session")
    times = line_field("Times", missing="Enter the times of the session", limit=100, help_text="For example, 10am to 12:30pm.")
    format = forms.ChoiceField(
        label="In person or online?", choices=TrainingSession.Format.choices, widget=forms.RadioSelect,
        error_messages={"required": "Select whether the session is in person or online", "invalid_choice": "Select in person or online"},
    )
    place = line_field("Where it is, or how to join online", missing="Enter where the session is, or how to join online", limit=300)
    accessibility = text_field("Accessibility (optional)", required=False, limit=2000,
                               help_text="For example, step-free entrance, hearing loop, Easy Read handouts, British Sign Language.")
    materials = text_field("Materials used (optional)", required=False, limit=5000,
                           help_text="For example, the care and support planning statements in Easy Read words.")
    feedback_survey = forms.ModelChoiceField(
        label="Feedback survey for attendees (optional)", queryset=None, required=False, empty_label="No survey yet",
        error_messages={"invalid_choice": "Select a survey from the list"},
    )

    def __init__(self, *args, surveys, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["feedback_survey"].queryset = surveys
        self.helper = gds_helper(
            Field("date"), Field.text("times", field_width=Fluid.ONE_HALF), Field.radios("format", small=True, inline=True),
            Field.text("place", field_width=Fluid.TWO_THIRDS), Field.textarea("accessibility", rows=3),
            Field.textarea("materials", rows=4), Field.select("feedback_survey"), submit="Add the session",
        )


class CoTrainerForm(forms.Form):
    user = forms.ModelChoiceField(
        label="Who is co-delivering the session?", queryset=None, empty_label="Select a person",
        help_text="People who use services or carers in the programme's group.",
        error_messages={"required": "Select who is co-delivering the session", "invalid_choice": "Select a person from the list"},
    )
    delivery_hours = _hours("Hours delivering")
    preparation_hours = _hours("Hours preparing", help_text="Preparation time is paid too. Enter 0 if there was none.")
    rate = forms.ModelChoiceField(
        label="The council's trainer rate (optional)", queryset=None, required=False, empty_label="Do not pay through the ledger yet",
        help_text="With a rate, a payment claim for the hours goes into the involvement ledger for approval.",
        error_messages={"invalid_choice": "Select a rate from the list"},
    )

    def __init__(self, *args, candidates, rates, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["user"].queryset = candidates
        self.fields["user"].label_from_instance = lambda user: user.display_name
        self.fields["rate"].queryset = rates
        self.helper = gds_helper(
            Field.select("user"), Field.text("delivery_hours", field_width=4), Field.text("preparation_hours", field_width=4),
            Field.select("rate"), submit="Add the co-trainer",
        )


class BookingForm(forms.Form):
    organisation = forms.ModelChoiceField(
        label="Organisation booking a place", queryset=None, required=False, empty_label="Select an organisation",
        error_messages={"invalid_choice": "Select an organisation from the list"},
    )
    attendee = forms.ModelChoiceField(
        label="Or a member of staff, for their induction", queryset=None, required=False, empty_label="Select a member of staff",
        error_messages={"invalid_choice": "Select a member of staff from the list"},
    )
    places = forms.IntegerField(
        label="Number of places", min_value=1, max_value=50, initial=1,
        widget=forms.TextInput(attrs={"inputmode": "numeric", "spellcheck": "false"}),
        error_messages={"required": "Enter the number of places", "invalid": "Enter the number of places as a whole number, like 2",
                        "min_value": "Book at least 1 place", "max_value": "Book 50 places or fewer"},
    )

    def __init__(self, *args, organisations, staff, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = organisations
        self.fields["attendee"].queryset = staff
        self.fields["attendee"].label_from_instance = lambda user: user.display_name
        self.helper = gds_helper(Field.select("organisation"), Field.select("attendee"), Field.text("places", field_width=4),
                                 submit="Book the place")

    def clean(self):
        cleaned = super().clean()
        if not self.errors and (cleaned.get("organisation") is None) == (cleaned.get("attendee") is None):
            self.add_error("organisation", "Select an organisation or a member of staff, not both")
        return cleaned


class AttendanceForm(forms.Form):
    attended = forms.MultipleChoiceField(
        label="Who came?", required=False, widget=forms.CheckboxSelectMultiple,
        help_text="Select every booking that came. Leave a box empty for one that did not.",
        error_messages={"invalid_choice": "Select bookings from the list"},
    )

    def __init__(self, *args, bookings, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["attended"].choices = [(str(booking.pk), str(booking)) for booking in bookings]
        self.helper = gds_helper(Field.checkboxes("attended", small=True), submit="Save who came")

    def clean_attended(self) -> set[int]:
        return {int(value) for value in self.cleaned_data["attended"]}


class MaterialForm(forms.Form):
    title = line_field("Title", missing="Enter a title for the material", help_text="For example, “Slides: what co-production means”.")
    file = forms.FileField(
        label="Upload a file", help_text=f"A PDF or Word document (DOCX), smaller than {megabytes(MATERIAL_MAX_BYTES)}.",
        error_messages={"required": "Select a file", "empty": "The selected file is empty"},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.file_type = ""
        self.helper = gds_helper(Field.text("title", field_width=Fluid.TWO_THIRDS), Field("file"), submit="Upload the material")
        self.helper.form_enctype = "multipart/form-data"

    def clean_file(self):
        upload = self.cleaned_data["file"]
        self.file_type = document_upload_kind(upload, max_bytes=MATERIAL_MAX_BYTES)
        return upload
