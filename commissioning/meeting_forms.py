"""The forms every co-produced meeting uses, whichever sub-app holds it: the meeting itself
(with an Easy Read agenda), a paper written on the platform, its minutes, and who came."""

from crispy_forms_gds.layout import Field, Fluid, Size
from django import forms

from coproduction.accounts.forms import RealDateField, gds_helper
from coproduction.core.names import NameFormField

TEXT_LIMIT = 20_000


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


TIME_FORMATS = ["%H:%M", "%H.%M", "%I%p", "%I:%M%p", "%I.%M%p", "%I %p", "%I:%M %p", "%I.%M %p"]


class ClockField(forms.TimeField):
    """A time typed the way people write it: 10am, 2:30pm or 14:30."""

    def __init__(self, *, label: str, **kwargs):
        super().__init__(
            label=label, input_formats=TIME_FORMATS, help_text="For example, 10am, 2:30pm or 14:30",
            widget=forms.TextInput(attrs={"autocomplete": "off", "spellcheck": "false"}), **kwargs,
        )
        self.error_messages.update(
            {"required": f"Enter the {label.lower()}", "invalid": f"Enter the {label.lower()} like 10am, 2:30pm or 14:30"}
        )

    def to_python(self, value):
        if isinstance(value, str):
            value = value.strip().lower().replace("a.m.", "am").replace("p.m.", "pm")
            if value in ("midday", "noon", "12 noon"):
                value = "12:00"
        return super().to_python(value)



class MeetingForm(forms.Form):
    title = _line("Name of the meeting", missing="Enter the name of the meeting", help_text="For example, “Quarterly monitoring, July 2027”.")
    date = RealDateField("Date")
    starts_at = ClockField(label="Start time")
    place = _text("Where is it?", limit=2000, missing="Enter where the meeting is, or how to join it online",
                  help_text="The name and address of the place, or how to join online.")
    agenda = _text("Agenda (optional)", required=False, help_text="One item on each line.")
    agenda_easy_read = _text("Agenda in Easy Read words (optional)", required=False,
                             help_text="Short sentences and everyday words. Members who asked for Easy Read get this version.")

    def __init__(self, *args, submit: str, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = gds_helper(
            Field.text("title", field_width=Fluid.TWO_THIRDS), Field("date"), Field.text("starts_at", field_width=10),
            Field.textarea("place", rows=3), Field.textarea("agenda", rows=8), Field.textarea("agenda_easy_read", rows=8), submit=submit,
        )


class PaperTextForm(forms.Form):
    """A paper written on the platform, so it can go out in large print or Easy Read."""

    title = _line("Title of the paper", missing="Enter the title of the paper")
    text = _text("The paper", missing="Write the paper")
    easy_read_text = _text("The paper in Easy Read words (optional)", required=False,
                           help_text="Members who asked for Easy Read get this. Without it, they get the paper.")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = gds_helper(
            Field.text("title", field_width=Fluid.TWO_THIRDS), Field.textarea("text", rows=10), Field.textarea("easy_read_text", rows=8),
            submit="Add the paper",
        )


class MinutesForm(forms.Form):
    minutes = _text("Minutes", missing="Write the minutes", help_text="Saving sends the minutes to every member to agree. "
                    "If members have already agreed earlier wording, they are asked again.")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = gds_helper(Field.textarea("minutes", rows=15, label_size=Size.MEDIUM), submit="Save and ask members to agree")


class AttendanceForm(forms.Form):
    """Who came: one box for each member's place at the meeting."""

    attended = forms.TypedMultipleChoiceField(
        label="Who came to the meeting?", required=False, coerce=int, widget=forms.CheckboxSelectMultiple,
        help_text="Select everyone who was there. Leave a box empty for someone who did not come.",
        error_messages={"invalid_choice": "Select members from the list"},
    )

    def __init__(self, *args, choices: list[tuple[int, str]], **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["attended"].choices = choices
        self.helper = gds_helper(Field.checkboxes("attended", small=True), submit="Save who came")
