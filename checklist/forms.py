from crispy_forms_gds.helper import FormHelper
from crispy_forms_gds.layout import Field, Fluid, Layout, Size
from django import forms
from django.utils import timezone

from coproduction.accounts.forms import date_field, gds_helper
from coproduction.core.names import NameFormField

from .models import SCORE_LABELS, Goal, Perspective, Rating, SharedStory, Statement
from .selectors import PERIODS

ANSWER_CHOICES = [(str(score), f"{score} – {label}") for score, label in SCORE_LABELS.items()] + list(Rating.Skipped.choices)
COMMENT_LIMIT = 2000


def statement_question(statement: Statement, perspective: str) -> str:
    if perspective == Perspective.PRACTITIONER:
        return f"{statement.number}. “{statement.wording}”"
    return f"{statement.number}. {statement.plain_wording}"


class ChecklistAnswersForm(forms.Form):
    """Answers to some or all statements. Nothing is required until the checklist is sent,
    so a person can stop at any point and carry on later."""

    def __init__(self, *args, statements: list[Statement], perspective: str, answers: dict[int, Rating], **kwargs):
        initial = {}
        for statement in statements:
            rating = answers.get(statement.pk)
            if rating:
                initial[f"answer_{statement.number}"] = str(rating.score) if rating.score else rating.skipped
                initial[f"comment_{statement.number}"] = rating.comment
        super().__init__(*args, initial=initial, **kwargs)
        self.statements = statements
        layout = []
        for statement in statements:
            answer, comment = f"answer_{statement.number}", f"comment_{statement.number}"
            if perspective == Perspective.PRACTITIONER:
                hint = "How well does your practice achieve this? 1 is not at all, 5 is always."
            else:
                hint = f"The full statement says: “{statement.wording}” 1 is not at all, 5 is always."
            self.fields[answer] = forms.ChoiceField(
                label=statement_question(statement, perspective), help_text=hint, choices=ANSWER_CHOICES,
                required=False, widget=forms.RadioSelect,
                error_messages={"invalid_choice": f"Select an answer for statement {statement.number} from the list"},
            )
            self.fields[comment] = forms.CharField(
                label=f"Tell us more about statement {statement.number} (optional)",
                help_text="An example or a story in your own words. Your team may ask if they can share it.",
                required=False, max_length=COMMENT_LIMIT, widget=forms.Textarea(attrs={"rows": 3}),
                error_messages={"max_length": f"What you wrote about statement {statement.number} must be {COMMENT_LIMIT:,} characters or fewer"},
            )
            layout += [Field.radios(answer, legend_size=Size.MEDIUM, small=True), Field.textarea(comment, rows=3)]
        self.helper = FormHelper()
        self.helper.form_tag = False
        self.helper.layout = Layout(*layout)

    def clean(self):
        cleaned = super().clean()
        for statement in self.statements:
            if cleaned.get(f"comment_{statement.number}", "").strip() and not cleaned.get(f"answer_{statement.number}"):
                self.add_error(f"answer_{statement.number}", f"Select an answer for statement {statement.number}, or delete what you wrote about it")
        return cleaned

    def answers(self) -> dict[int, dict]:
        return {
            statement.pk: {"answer": self.cleaned_data[f"answer_{statement.number}"], "comment": self.cleaned_data[f"comment_{statement.number}"]}
            for statement in self.statements
        }


class ReflectionStartForm(forms.Form):
    about = forms.ChoiceField(
        label="What are you reflecting on?", widget=forms.RadioSelect,
        error_messages={"required": "Select what you are reflecting on", "invalid_choice": "Select a person from the list"},
    )

    def __init__(self, *args, people, **kwargs):
        super().__init__(*args, **kwargs)
        self.people = {str(person.pk): person for person in people}
        self.fields["about"].choices = [("general", "My practice in general")] + [
            (str(person.pk), f"My practice with {person.full_name}") for person in people
        ]
        self.helper = gds_helper(Field.radios("about", legend_size=Size.MEDIUM, small=True), submit="Start")

    def person(self):
        return self.people.get(self.cleaned_data["about"])


class DashboardFilterForm(forms.Form):
    """The dashboard's filters: plain GET parameters, none of them personal."""

    team = forms.TypedChoiceField(label="Team", coerce=int, required=False, empty_value=None)
    period = forms.ChoiceField(label="Period", choices=[(key, label) for key, (label, _) in PERIODS.items()], required=False)
    statement = forms.TypedChoiceField(label="Statement", coerce=int, required=False, empty_value=None)

    def __init__(self, *args, teams, statements, all_teams_label: str | None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["team"].choices = ([("", all_teams_label)] if all_teams_label else []) + [(team.pk, team.name) for team in teams]
        self.fields["statement"].choices = [("", "All statements")] + [(s.pk, f"{s.number}. {s.plain_wording}") for s in statements]
        for name in self.fields:
            self.fields[name].error_messages["invalid_choice"] = f"Select a {name} from the list"

    def filters(self) -> dict:
        data = self.cleaned_data if self.is_valid() else {}
        return {"team": data.get("team"), "period": data.get("period") or "12m", "statement": data.get("statement")}


class GoalForm(forms.ModelForm):
    due_on = date_field("Date to achieve it by", required=True)

    class Meta:
        model = Goal
        fields = ["team", "practitioner", "statement", "target_score", "due_on", "examples", "practice_action"]
        labels = {
            "practice_action": "Does it take forward an action from a practice group you are in? (optional)",
            "team": "Team",
            "practitioner": "Who is the goal for?",
            "statement": "Which statement is the goal about?",
            "target_score": "Target: the average rating people give this statement",
            "examples": "What working towards it looks like, with examples",
        }
        help_texts = {"target_score": "A number from 1 to 5, for example 4.5"}
        error_messages = {
            "team": {"required": "Select the team", "invalid_choice": "Select a team you manage"},
            "statement": {"required": "Select the statement", "invalid_choice": "Select a statement from the list"},
            "target_score": {"required": "Enter the target, from 1 to 5", "invalid": "Enter the target as a number from 1 to 5, like 4.5",
                             "min_value": "The target must be 1 or more", "max_value": "The target must be 5 or less",
                             "max_digits": "Enter the target as a number from 1 to 5, like 4.5", "max_decimal_places": "Enter the target with at most one decimal place, like 4.5",
                             "max_whole_digits": "The target must be 5 or less"},
            "examples": {"required": "Enter what working towards the goal looks like"},
            "practice_action": {"invalid_choice": "Select an action from one of your practice groups"},
        }
        widgets = {"examples": forms.Textarea(attrs={"rows": 4})}

    def __init__(self, *args, teams, single_team: bool, statements, practitioners, practice_actions, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["practice_action"].queryset = practice_actions
        self.fields["practice_action"].required = False
        self.fields["practice_action"].empty_label = "No, it does not"
        self.fields["practice_action"].label_from_instance = lambda action: f"{action.group.name}: {action}"
        self.fields["team"].queryset = teams
        self.fields["team"].empty_label = None if single_team else "Select a team"
        self.fields["statement"].queryset = statements
        self.fields["statement"].label_from_instance = lambda s: f"{s.number}. {s.plain_wording}"
        self.fields["practitioner"].queryset = practitioners
        self.fields["practitioner"].empty_label = "The whole team"
        self.fields["practitioner"].required = False
        self.fields["practitioner"].error_messages["invalid_choice"] = "Select a practitioner in the team"
        self.helper = gds_helper(
            Field.select("team"), Field.select("practitioner"), Field.select("statement"),
            Field.text("target_score", field_width=Fluid.ONE_QUARTER), Field("due_on"), Field.textarea("examples", rows=4),
            Field.select("practice_action"), submit="Save the goal",
        )

    def clean(self):
        cleaned = super().clean()
        practitioner, team = cleaned.get("practitioner"), cleaned.get("team")
        if practitioner and team and team.pk not in practitioner.team_ids:
            self.add_error("practitioner", "Select a practitioner who works in that team")
        return cleaned


class GoalProgressForm(forms.ModelForm):
    class Meta:
        model = Goal
        fields = ["status", "progress_notes"]
        labels = {"status": "Where is this goal now?", "progress_notes": "Progress notes"}
        widgets = {"status": forms.RadioSelect, "progress_notes": forms.Textarea(attrs={"rows": 5})}
        error_messages = {"status": {"required": "Select where this goal is now", "invalid_choice": "Select where this goal is now from the list"}}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = gds_helper(Field.radios("status", small=True, legend_size=Size.SMALL), Field.textarea("progress_notes", rows=5), submit="Save")


class SurveyRoundForm(forms.Form):
    title = NameFormField(label="Name of the survey", max_length=200, error_messages={"required": "Enter a name for the survey"})
    team = forms.TypedChoiceField(label="Who is invited?", coerce=int, empty_value=None, required=False, widget=forms.RadioSelect)
    opens_on = date_field("Opening date", required=True)
    closes_on = date_field("Closing date", required=True)

    def __init__(self, *args, teams, whole_council: bool, **kwargs):
        super().__init__(*args, **kwargs)
        self.teams = {team.pk: team for team in teams}
        choices = [(team.pk, f"People supported by {team.name}") for team in teams]
        if whole_council:
            choices = [("", "Everyone supported by the council")] + choices
        self.fields["team"].choices = choices
        self.fields["team"].required = not whole_council
        self.fields["team"].error_messages.update({"required": "Select who is invited", "invalid_choice": "Select a team you manage"})
        self.helper = gds_helper(
            Field.text("title", field_width=Fluid.TWO_THIRDS), Field.radios("team", small=True, legend_size=Size.SMALL),
            Field("opens_on"), Field("closes_on"), submit="Open the survey",
        )

    def clean(self):
        cleaned = super().clean()
        opens, closes = cleaned.get("opens_on"), cleaned.get("closes_on")
        if opens and closes and closes < opens:
            self.add_error("closes_on", "The closing date must be the same as or after the opening date")
        if closes and closes < timezone.localdate():
            self.add_error("closes_on", "The closing date must be today or in the future")
        return cleaned

    def chosen_team(self):
        return self.teams.get(self.cleaned_data.get("team"))


class StoryShareForm(forms.Form):
    consent_from = forms.ChoiceField(
        label="Who agreed to the story being shared?", choices=SharedStory.ConsentFrom.choices, widget=forms.RadioSelect,
        error_messages={"required": "Select who agreed to the story being shared"},
    )
    consent_notes = forms.CharField(
        label="How and when they agreed", widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": "Enter how and when they agreed"},
    )
    confirm = forms.BooleanField(
        label="They know the story will be read by staff across the council, without their name",
        error_messages={"required": "Confirm they know who will read the story"},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = gds_helper(
            Field.radios("consent_from", small=True, legend_size=Size.SMALL), Field.textarea("consent_notes", rows=3),
            Field.checkbox("confirm", small=True), submit="Share the story",
        )


class StatementSetForm(forms.Form):
    title = NameFormField(label="Title", max_length=200, error_messages={"required": "Enter a title"})
    source = forms.CharField(label="Source", max_length=300, help_text="Where the wording comes from", error_messages={"required": "Enter where the wording comes from"})
    source_url = forms.URLField(label="Web address of the source (optional)", required=False, assume_scheme="https", error_messages={"invalid": "Enter a web address, like https://www.example.org"})
    wording_checked = forms.BooleanField(label="The wording has been checked against the TLAP guide itself", required=False)
    notes = forms.CharField(label="Notes (optional)", required=False, widget=forms.Textarea(attrs={"rows": 3}))

    def __init__(self, *args, current: list[Statement], **kwargs):
        initial = kwargs.pop("initial", {})
        for statement in current:
            initial[f"wording_{statement.number}"] = statement.wording
            initial[f"plain_{statement.number}"] = statement.plain_wording
        super().__init__(*args, initial=initial, **kwargs)
        self.current = current
        layout = [Field.text("title", field_width=Fluid.TWO_THIRDS), Field.text("source"), Field.text("source_url"), Field.checkbox("wording_checked", small=True), Field.textarea("notes", rows=3)]
        for statement in current:
            self.fields[f"wording_{statement.number}"] = forms.CharField(
                label=f"Statement {statement.number} ({statement.get_part_display().lower()})", widget=forms.Textarea(attrs={"rows": 2}),
                error_messages={"required": f"Enter the wording of statement {statement.number}"},
            )
            self.fields[f"plain_{statement.number}"] = forms.CharField(
                label=f"Statement {statement.number} in Easy Read", widget=forms.Textarea(attrs={"rows": 2}),
                error_messages={"required": f"Enter the Easy Read wording of statement {statement.number}"},
            )
            layout += [Field.textarea(f"wording_{statement.number}", rows=2), Field.textarea(f"plain_{statement.number}", rows=2)]
        self.helper = gds_helper(*layout, submit="Publish this version")

    def statements(self) -> list[dict]:
        return [
            {"number": s.number, "part": s.part, "wording": self.cleaned_data[f"wording_{s.number}"].strip(), "plain_wording": self.cleaned_data[f"plain_{s.number}"].strip()}
            for s in self.current
        ]

