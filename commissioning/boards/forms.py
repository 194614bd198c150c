from crispy_forms_gds.layout import Field, Fluid
from django import forms

from coproduction.accounts.forms import RealDateField, gds_helper
from coproduction.core.names import NameFormField

from .models import Board, BoardMember

TEXT_LIMIT = 20_000


def _text(label: str, *, required: bool = True, limit: int = TEXT_LIMIT, missing: str = "", help_text: str = "") -> forms.CharField:
    return forms.CharField(
        label=label, required=required, max_length=limit, widget=forms.Textarea, help_text=help_text,
        error_messages={"required": missing or f"Enter {label[0].lower() + label[1:]}",
                        "max_length": f"{label} must be {limit:,} characters or fewer"},
    )


def _line(label: str, *, missing: str, limit: int = 200) -> forms.CharField:
    return NameFormField(label=label, max_length=limit, error_messages={
        "required": missing, "max_length": f"{label} must be {limit} characters or fewer"})


class BoardForm(forms.Form):
    name = _line("Name of the board", missing="Enter the name of the board")
    kind = forms.ChoiceField(
        label="What kind of board is it?", choices=Board.Kind.choices, widget=forms.RadioSelect,
        error_messages={"required": "Select what kind of board it is", "invalid_choice": "Select a kind of board from the list"},
    )
    purpose = _text("What the board decides, in plain English", limit=5000, missing="Enter what the board decides")
    papers_days_ahead = forms.IntegerField(
        label="How many days before each meeting should members have their papers?", min_value=1, max_value=28, initial=7,
        widget=forms.TextInput(attrs={"inputmode": "numeric", "spellcheck": "false"}),
        help_text="Members with lived experience need time to read the papers and ask about them. For example, 7.",
        error_messages={"required": "Enter how many days before each meeting the papers go out",
                        "invalid": "Enter the number of days as a whole number, like 7",
                        "min_value": "The papers must go out at least 1 day before the meeting",
                        "max_value": "Enter a number of days of 28 or fewer"},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = gds_helper(
            Field.text("name", field_width=Fluid.TWO_THIRDS), Field.radios("kind", small=True), Field.textarea("purpose", rows=4),
            Field.text("papers_days_ahead", field_width=4), submit="Add the board",
        )


class MemberForm(forms.Form):
    user = forms.ModelChoiceField(
        label="Who is joining the board?", queryset=None, empty_label="Select a person",
        error_messages={"required": "Select who is joining the board", "invalid_choice": "Select a person from the list"},
    )
    kind = forms.ChoiceField(
        label="What is their place on the board?", choices=BoardMember.Kind.choices, widget=forms.RadioSelect,
        error_messages={"required": "Select their place on the board", "invalid_choice": "Select their place from the list"},
    )

    def __init__(self, *args, candidates, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["user"].queryset = candidates
        self.fields["user"].label_from_instance = lambda user: user.display_name
        self.helper = gds_helper(Field.select("user"), Field.radios("kind", small=True), submit="Add to the board")


class MeetingForm(forms.Form):
    date = RealDateField("Date of the meeting")
    place = _text("Where it is, or how to join online", limit=2000, missing="Enter where the meeting is, or how to join online")
    agenda = _text("Agenda (optional)", required=False, limit=5000)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = gds_helper(Field("date"), Field.textarea("place", rows=3), Field.textarea("agenda", rows=6), submit="Add the meeting")


class PaperForm(forms.Form):
    title = _line("Title of the paper", missing="Enter the title of the paper")
    summary = _text(
        "Summary in plain English", limit=3000, missing="Enter a summary of the paper in plain English",
        help_text="What the paper says and what the board is asked to decide, in short sentences and everyday words. "
                  "Every member reads this first.",
    )
    text = _text("The paper", missing="Enter the paper")
    easy_read_text = _text("The paper in Easy Read words (optional)", required=False,
                           help_text="Members who asked for Easy Read get this. Without it, they get the plain-English summary and the paper.")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = gds_helper(
            Field.text("title", field_width=Fluid.TWO_THIRDS), Field.textarea("summary", rows=5), Field.textarea("text", rows=10),
            Field.textarea("easy_read_text", rows=8), submit="Add the paper",
        )


class AttendanceForm(forms.Form):
    attended = forms.MultipleChoiceField(
        label="Who attended the meeting?", required=False, widget=forms.CheckboxSelectMultiple,
        help_text="Select everyone who was there. Leave a box empty for someone who did not come.",
        error_messages={"invalid_choice": "Select members of the board from the list"},
    )

    def __init__(self, *args, members, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["attended"].choices = [(str(member.pk), f"{member.user.display_name} ({member.short_kind})") for member in members]
        self.helper = gds_helper(Field.checkboxes("attended", small=True), submit="Save who attended")

    def clean_attended(self) -> set[int]:
        return {int(value) for value in self.cleaned_data["attended"]}


class DecisionForm(forms.Form):
    programme = forms.ModelChoiceField(
        label="Which programme's decisions log does it go in?", queryset=None, empty_label="Select a programme",
        error_messages={"required": "Select the programme the decision is about", "invalid_choice": "Select a programme from the list"},
    )
    title = _line("Short title", missing="Enter a short title for the decision")
    decision = _text("What the board decided", limit=5000, missing="Enter what the board decided")
    evidence = _text("What it was based on (optional)", required=False, limit=5000)

    def __init__(self, *args, programmes, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["programme"].queryset = programmes
        self.helper = gds_helper(
            Field.select("programme"), Field.text("title", field_width=Fluid.TWO_THIRDS), Field.textarea("decision", rows=5),
            Field.textarea("evidence", rows=4), submit="Record the decision",
        )
