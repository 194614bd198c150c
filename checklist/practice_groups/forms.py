from crispy_forms_gds.layout import Field, Fluid
from django import forms

from coproduction.accounts.forms import gds_helper
from coproduction.core.names import NameFormField


def _statement_field(label: str) -> forms.ModelChoiceField:
    return forms.ModelChoiceField(
        label=label, queryset=None, empty_label="Select a statement",
        error_messages={"required": "Select the statement", "invalid_choice": "Select a statement from the list"},
    )


def _statements(field: forms.ModelChoiceField, statements) -> None:
    field.queryset = statements
    field.label_from_instance = lambda statement: f"{statement.number}. {statement.plain_wording}"


def _text(label: str, missing: str, *, required: bool = True, limit: int = 5000, help_text: str = "") -> forms.CharField:
    return forms.CharField(label=label, required=required, max_length=limit, widget=forms.Textarea, help_text=help_text,
                           error_messages={"required": missing, "max_length": f"{label} must be {limit:,} characters or fewer"})


class GroupForm(forms.Form):
    name = NameFormField(label="Name of the group", max_length=200, error_messages={
        "required": "Enter the name of the group", "max_length": "Name of the group must be 200 characters or fewer"})
    purpose = _text("What the group is for (optional)", "", required=False, limit=2000)
    statement = _statement_field("Which statement will the group look at first?")
    team = forms.ModelChoiceField(
        label="Which of your teams are you bringing?", queryset=None,
        error_messages={"required": "Select your team", "invalid_choice": "Select a team you manage"},
    )

    def __init__(self, *args, statements, teams, **kwargs):
        super().__init__(*args, **kwargs)
        _statements(self.fields["statement"], statements)
        self.fields["team"].queryset = teams
        self.fields["team"].empty_label = None if teams.count() == 1 else "Select a team"
        self.helper = gds_helper(Field.text("name", field_width=Fluid.TWO_THIRDS), Field.textarea("purpose", rows=3),
                                 Field.select("statement"), Field.select("team"), submit="Start the group")


class MemberForm(forms.Form):
    place = forms.ChoiceField(
        label="Which manager and team are joining?", error_messages={
            "required": "Select the manager and team joining", "invalid_choice": "Select a manager and team from the list"},
    )

    def __init__(self, *args, places, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["place"].choices = [("", "Select a manager and team"), *places]
        self.helper = gds_helper(Field.select("place"), submit="Add to the group")

    def clean_place(self) -> tuple[int, int]:
        user_id, team_id = self.cleaned_data["place"].split(":")
        return int(user_id), int(team_id)


class StatementForm(forms.Form):
    statement = _statement_field("Which statement is the group looking at now?")

    def __init__(self, *args, statements, **kwargs):
        super().__init__(*args, **kwargs)
        _statements(self.fields["statement"], statements)
        self.helper = gds_helper(Field.select("statement"), submit="Look at this statement")


class ShareForm(forms.Form):
    member = forms.ModelChoiceField(
        label="Which of your teams' figures are you sharing?", queryset=None,
        error_messages={"required": "Select your team", "invalid_choice": "Select one of your teams in the group"},
    )
    examples = _text(
        "Examples from your team", "Enter examples from your team for this statement",
        help_text="What your team does well, or finds hard, for this statement. Do not name anyone or say anything that would "
                  "tell the group who someone is.",
    )

    def __init__(self, *args, places, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["member"].queryset = places
        self.fields["member"].label_from_instance = lambda member: member.team.name
        self.fields["member"].empty_label = None if len(places) == 1 else "Select a team"
        self.helper = gds_helper(Field.select("member"), Field.textarea("examples", rows=6), submit="Share with the group")


class ActionForm(forms.Form):
    description = _text("What the group agreed to do", "Enter what the group agreed to do", limit=2000)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = gds_helper(Field.textarea("description", rows=4), submit="Record the action")
