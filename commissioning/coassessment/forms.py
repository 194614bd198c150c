from crispy_forms_gds.layout import Field, Fluid, Size
from django import forms
from django.utils import timezone

from coproduction.accounts.forms import date_field, gds_helper
from coproduction.core.names import NameFormField

from .models import CoAssessment, SurveyQuestion

NAME_WARNING = "Do not write anyone's name or anything else that could identify them."


def _text(label: str, required_message: str, max_length: int = 200, **kwargs) -> forms.CharField:
    return NameFormField(
        label=label, max_length=max_length,
        error_messages={"required": required_message, "max_length": f"{label} must be {max_length:,} characters or fewer"}, **kwargs,
    )


def _long(label: str, required: bool = False, required_message: str = "", max_length: int = 5000, **kwargs) -> forms.CharField:
    return forms.CharField(
        label=label, required=required, widget=forms.Textarea, max_length=max_length,
        error_messages={"required": required_message, "max_length": f"{label} must be {max_length:,} characters or fewer"}, **kwargs,
    )


# --- Working Together for Change -----------------------------------------------------------


class ExerciseForm(forms.Form):
    title = _text("Name of the exercise", "Enter a name for the exercise", help_text="For example, “Day opportunities: reviews from 2026”.")
    teams = forms.ModelMultipleChoiceField(
        label="Whose reviews should it use?", queryset=None, widget=forms.CheckboxSelectMultiple,
        help_text="Select the teams whose people's reviews to use. Select all that apply.",
        error_messages={"required": "Select at least one team"},
    )
    reviews_from = date_field("Start of the period", required=True, help_text="Reviews held on or after this date. For example, 1 4 2026")
    reviews_to = date_field("End of the period", required=True, help_text="Reviews held on or before this date. For example, 31 3 2027")

    def __init__(self, *args, teams, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["teams"].queryset = teams
        self.helper = gds_helper(
            Field.text("title", field_width=Fluid.TWO_THIRDS), Field.checkboxes("teams", legend_size=Size.SMALL, small=True),
            Field("reviews_from"), Field("reviews_to"), submit="Start the exercise",
        )

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("reviews_from"), cleaned.get("reviews_to")
        if start and end and end < start:
            self.add_error("reviews_to", "The end of the period must be the same as or after the start")
        return cleaned


class ThemeForm(forms.Form):
    name = _text("Name of the theme", "Enter a name for the theme", max_length=120, help_text="A few words, for example “Getting out at weekends”.")
    i_statement = forms.CharField(
        label="The theme as an “I” statement (optional)", required=False, max_length=300,
        help_text="In the voice of the people who said it, for example “I want to do things at the weekend, like everyone else”.",
        error_messages={"max_length": "The “I” statement must be 300 characters or fewer"},
    )

    def __init__(self, *args, submit: str = "Add theme", **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = gds_helper(Field.text("name", field_width=Fluid.TWO_THIRDS), Field.text("i_statement"), submit=submit)


class PrioritiesForm(forms.Form):
    themes = forms.MultipleChoiceField(
        label="Which themes should become priorities?", widget=forms.CheckboxSelectMultiple,
        help_text="The top themes are first. Each becomes a priority in the programme, saying how many people's reviews raised it.",
        error_messages={"required": "Select at least one theme"},
    )

    def __init__(self, *args, themes, **kwargs):
        super().__init__(*args, **kwargs)
        self.themes = {str(theme.pk): theme for theme in themes}
        self.fields["themes"].choices = [
            (str(theme.pk), f"{theme.rank}. {theme.name}: {theme.people_shown} people, {theme.statement_total} statements") for theme in themes
        ]
        self.helper = gds_helper(Field.checkboxes("themes", legend_size=Size.MEDIUM), submit="Make them priorities")

    def chosen(self) -> list:
        return [self.themes[pk] for pk in self.cleaned_data["themes"]]


# --- Surveys -----------------------------------------------------------------------------------


YES_NO = [("yes", "Yes"), ("no", "No")]


class SurveyForm(forms.Form):
    title = _text("Name of the survey", "Enter a name for the survey")
    intro = _long("What to tell people first (optional)", help_text="What it is for, how long it takes, and what will happen with the answers.")
    anonymous = forms.ChoiceField(
        label="Should answers be anonymous?", choices=YES_NO, widget=forms.RadioSelect,
        help_text="If yes, nobody can see who gave which answers.", error_messages={"required": "Select yes if answers should be anonymous"},
    )
    shared_by_link = forms.BooleanField(
        label="Also share it with a link that anyone can open without signing in", required=False,
        help_text="Answers given by link are always anonymous.",
    )
    contract = forms.ModelChoiceField(label="Which service is it about? (optional)", required=False, queryset=None, empty_label="Not one service")

    def __init__(self, *args, contracts, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["contract"].queryset = contracts
        self.helper = gds_helper(
            Field.text("title", field_width=Fluid.TWO_THIRDS), Field.textarea("intro", rows=3), Field.radios("anonymous", inline=True, legend_size=Size.SMALL),
            Field.checkbox("shared_by_link"), Field.select("contract"), submit="Start writing the survey",
        )


class QuestionForm(forms.Form):
    kind = forms.ChoiceField(
        label="What kind of answer?", choices=SurveyQuestion.Kind.choices, widget=forms.RadioSelect,
        error_messages={"required": "Select what kind of answer the question needs"},
    )
    text = _text("Question", "Enter the question", max_length=300)
    hint = forms.CharField(label="Hint (optional)", required=False, max_length=300,
                           error_messages={"max_length": "The hint must be 300 characters or fewer"})
    options = _long("Answers to choose from", max_length=3000,
                    help_text="Only for “choose one” and “choose all that apply”. Write each answer on its own line.")
    required = forms.BooleanField(label="People must answer this question", required=False, initial=True)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = gds_helper(
            Field.radios("kind", legend_size=Size.SMALL, small=True), Field.text("text"), Field.text("hint"),
            Field.textarea("options", rows=5), Field.checkbox("required"), submit="Add question",
        )

    def clean(self):
        cleaned = super().clean()
        options = [line.strip() for line in (cleaned.get("options") or "").splitlines() if line.strip()]
        if cleaned.get("kind") in (SurveyQuestion.Kind.RADIOS, SurveyQuestion.Kind.CHECKBOXES):
            if len(options) < 2:
                self.add_error("options", "Enter at least 2 answers to choose from, one on each line")
            elif len({option.lower() for option in options}) != len(options):
                self.add_error("options", "Each answer to choose from must be different")
            elif any(len(option) > 200 for option in options):
                self.add_error("options", "Each answer to choose from must be 200 characters or fewer")
        cleaned["option_list"] = options
        return cleaned


SCALE = [("1", "1 – very poor"), ("2", "2 – poor"), ("3", "3 – all right"), ("4", "4 – good"), ("5", "5 – very good")]


class SurveyAnswerForm(forms.Form):
    """One field per question, in the GOV.UK pattern for its kind."""

    def __init__(self, *args, questions, **kwargs):
        super().__init__(*args, **kwargs)
        self.questions = questions
        layout = []
        for question in questions:
            name = f"q{question.pk}"
            common = {"label": question.text, "required": question.required, "help_text": question.hint}
            if question.kind == SurveyQuestion.Kind.RADIOS:
                self.fields[name] = forms.ChoiceField(
                    choices=[(o, o) for o in question.options], widget=forms.RadioSelect,
                    error_messages={"required": f"Select an answer to “{question.text}”", "invalid_choice": f"Select an answer to “{question.text}”"}, **common,
                )
                layout.append(Field.radios(name, legend_size=Size.SMALL))
            elif question.kind == SurveyQuestion.Kind.CHECKBOXES:
                self.fields[name] = forms.MultipleChoiceField(
                    choices=[(o, o) for o in question.options], widget=forms.CheckboxSelectMultiple,
                    error_messages={"required": f"Select at least one answer to “{question.text}”", "invalid_choice": f"Select answers to “{question.text}” from the list"}, **common,
                )
                layout.append(Field.checkboxes(name, legend_size=Size.SMALL, small=True))
            elif question.kind == SurveyQuestion.Kind.SCALE:
                self.fields[name] = forms.ChoiceField(
                    choices=SCALE, widget=forms.RadioSelect,
                    error_messages={"required": f"Select a number from 1 to 5 for “{question.text}”", "invalid_choice": f"Select a number from 1 to 5 for “{question.text}”"}, **common,
                )
                layout.append(Field.radios(name, legend_size=Size.SMALL, small=True))
            else:
                long = question.kind == SurveyQuestion.Kind.LONG_TEXT
                limit = 5000 if long else 500
                self.fields[name] = forms.CharField(
                    max_length=limit, widget=forms.Textarea if long else forms.TextInput,
                    error_messages={"required": f"Enter your answer to “{question.text}”", "max_length": f"Your answer to “{question.text}” must be {limit:,} characters or fewer"}, **common,
                )
                layout.append(Field.textarea(name, rows=5, label_size=Size.SMALL) if long else Field.text(name, label_size=Size.SMALL))
        self.helper = gds_helper(*layout, submit="Send my answers")

    def answers(self) -> dict:
        return {question.pk: self.cleaned_data.get(f"q{question.pk}") for question in self.questions}


# --- Focus groups ----------------------------------------------------------------------------


class FocusGroupForm(forms.Form):
    title = _text("Name of the focus group", "Enter a name for the focus group", help_text="For example, “Focus group at the Hub, Tuesday group”.")
    held_on = date_field("Date it was held", required=True)
    people_count = forms.IntegerField(
        label="How many people took part?", min_value=1, max_value=500, widget=forms.TextInput(attrs={"inputmode": "numeric"}),
        error_messages={"required": "Enter how many people took part", "invalid": "Enter how many people took part as a number, like 8",
                        "min_value": "At least 1 person must have taken part", "max_value": "Enter a number of people of 500 or fewer"},
    )
    contract = forms.ModelChoiceField(label="Which service was it about? (optional)", required=False, queryset=None, empty_label="Not one service")
    summary = _long("Summary (optional)", help_text=NAME_WARNING)

    def __init__(self, *args, contracts, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["contract"].queryset = contracts
        self.helper = gds_helper(
            Field.text("title", field_width=Fluid.TWO_THIRDS), Field("held_on"), Field.text("people_count", field_width=3),
            Field.select("contract"), Field.textarea("summary", rows=3), submit="Record the focus group",
        )

    def clean_held_on(self):
        value = self.cleaned_data["held_on"]
        if value > timezone.localdate():
            raise forms.ValidationError("The date it was held must be today or in the past")
        return value


class FocusThemeForm(forms.Form):
    theme = _text("Theme", "Enter the theme")
    people_count = forms.IntegerField(
        label="How many people said this?", min_value=1, widget=forms.TextInput(attrs={"inputmode": "numeric"}),
        error_messages={"required": "Enter how many people said this", "invalid": "Enter how many people said this as a number, like 4",
                        "min_value": "At least 1 person must have said it"},
    )
    what_people_said = _long("What people said (optional)", help_text=NAME_WARNING)
    suggestion = _long("What people suggested (optional)")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = gds_helper(
            Field.text("theme", field_width=Fluid.TWO_THIRDS), Field.text("people_count", field_width=3),
            Field.textarea("what_people_said", rows=3), Field.textarea("suggestion", rows=3), submit="Add theme",
        )


# --- Complaints --------------------------------------------------------------------------------


class ComplaintForm(forms.Form):
    contract = forms.ModelChoiceField(label="Service", queryset=None, empty_label="Select the service",
                                      error_messages={"required": "Select the service", "invalid_choice": "Select the service"})
    kind = forms.ChoiceField(label="Is it a complaint or a compliment?", widget=forms.RadioSelect, choices=(),
                             error_messages={"required": "Select complaint or compliment"})
    theme = forms.ChoiceField(label="What is it mainly about?", choices=(), error_messages={"required": "Select what it is mainly about"})
    outcome = forms.ChoiceField(label="Outcome", choices=(), error_messages={"required": "Select the outcome"})
    received_on = date_field("Date it was received", required=True)
    summary = _long("Summary (optional)", max_length=2000, help_text=NAME_WARNING + " Only the complaints team sees this.")

    def __init__(self, *args, contracts, **kwargs):
        from commissioning.monitoring.models import Complaint

        super().__init__(*args, **kwargs)
        self.fields["contract"].queryset = contracts
        self.fields["kind"].choices = Complaint.Kind.choices
        self.fields["theme"].choices = [("", "Select a theme"), *Complaint.Theme.choices]
        self.fields["outcome"].choices = Complaint.Outcome.choices
        self.helper = gds_helper(
            Field.select("contract"), Field.radios("kind", inline=True, legend_size=Size.SMALL), Field.select("theme"),
            Field.select("outcome"), Field("received_on"), Field.textarea("summary", rows=3), submit="Log it",
        )

    def clean_received_on(self):
        value = self.cleaned_data["received_on"]
        if value > timezone.localdate():
            raise forms.ValidationError("The date it was received must be today or in the past")
        return value


# --- Co-assessment -----------------------------------------------------------------------------


class CoAssessmentForm(forms.Form):
    title = _text("Name of the co-assessment", "Enter a name for the co-assessment", help_text="For example, “Co-assessment of day opportunities, first year”.")
    contract = forms.ModelChoiceField(label="Which service?", queryset=None, empty_label="Select the service",
                                      error_messages={"required": "Select the service", "invalid_choice": "Select the service"})
    looking_at_from = date_field("Start of the period it looks at", required=True)
    looking_at_to = date_field("End of the period it looks at", required=True)
    participants = forms.ModelMultipleChoiceField(
        label="Who is assessing it?", queryset=None, widget=forms.CheckboxSelectMultiple, required=False,
        help_text="Include people who use the service. Select all that apply.",
    )

    def __init__(self, *args, contracts, members, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["contract"].queryset = contracts
        self.fields["participants"].queryset = members
        self.fields["participants"].label_from_instance = lambda member: f"{member.user.display_name} ({member.get_member_role_display()})"
        self.helper = gds_helper(
            Field.text("title", field_width=Fluid.TWO_THIRDS), Field.select("contract"), Field("looking_at_from"), Field("looking_at_to"),
            Field.checkboxes("participants", legend_size=Size.SMALL, small=True), submit="Start the co-assessment",
        )

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("looking_at_from"), cleaned.get("looking_at_to")
        if start and end and end < start:
            self.add_error("looking_at_to", "The end of the period must be the same as or after the start")
        return cleaned


class DecideForm(forms.Form):
    findings = _long("What the group found", required=True, required_message="Enter what the group found",
                     help_text="What is working and what is not, from the evidence on this page.")
    change_needed = forms.ChoiceField(label="Is change needed?", choices=CoAssessment.ChangeNeeded.choices, widget=forms.RadioSelect,
                                      error_messages={"required": "Select whether change is needed"})
    what_change = _long("What should the change look like?", help_text="Leave empty if no change is needed.")
    decision_title = _text("Title for the decisions log", "Enter a title for the decision")
    decided_by = _text("Who agreed it?", "Enter who agreed it", max_length=300, help_text="For example, “the co-assessment group, by consensus”.")
    revises = forms.ModelChoiceField(
        label="Does it change an earlier decision? (optional)", required=False, queryset=None, empty_label="No",
        help_text="For example, the commissioning strategy or the decision to award the contract.",
    )
    reason = _long("Why the earlier decision is changing", max_length=2000, help_text="Needed if it changes an earlier decision.")

    def __init__(self, *args, decisions, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["revises"].queryset = decisions
        self.helper = gds_helper(
            Field.textarea("findings", rows=5, label_size=Size.SMALL), Field.radios("change_needed", legend_size=Size.SMALL),
            Field.textarea("what_change", rows=4), Field.text("decision_title"), Field.text("decided_by"),
            Field.select("revises"), Field.textarea("reason", rows=3), submit="Record the decision",
        )

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("change_needed") and cleaned["change_needed"] != CoAssessment.ChangeNeeded.NO and not cleaned.get("what_change", "").strip():
            self.add_error("what_change", "Say what the change should look like")
        if cleaned.get("revises") and not cleaned.get("reason", "").strip():
            self.add_error("reason", "Enter why the earlier decision is changing")
        return cleaned
