"""GOV.UK forms for recruitment campaigns. Every field has its own error wording; the service
checks again, so a hand-made post gets the same answer as the form."""

from crispy_forms_gds.layout import Field, Fluid, Size
from django import forms

from coproduction.accounts.forms import RealDateField, gds_helper
from coproduction.core.names import NameFormField

from .models import CampaignMember, Outcome


def _words(label: str, missing: str, *, required: bool = True, limit: int = 5000, help_text: str = "") -> forms.CharField:
    return forms.CharField(label=label, required=required, max_length=limit, widget=forms.Textarea, help_text=help_text,
                           error_messages={"required": missing, "max_length": f"{label} must be {limit:,} characters or fewer"})


class CampaignForm(forms.Form):
    programme = forms.ModelChoiceField(
        label="Which programme is it part of?", queryset=None, empty_label="Select a programme",
        help_text="The panel's decisions go into this programme's decisions log, and it counts in who took part.",
        error_messages={"required": "Select the programme", "invalid_choice": "Select a programme from the list"},
    )
    post = NameFormField(label="Job being recruited to", max_length=200, help_text="For example, Social worker.",
                         error_messages={"required": "Enter the job being recruited to", "max_length": "The job must be 200 characters or fewer"})
    team = NameFormField(label="Team the job is in", max_length=200,
                         error_messages={"required": "Enter the team the job is in", "max_length": "The team must be 200 characters or fewer"})
    closing_date = RealDateField("Closing date")
    about = _words("What the job is, in plain English", "Say what the job is, in plain English",
                   help_text="Everyone on the panel reads this in their briefing pack.")
    about_easy_read = _words("What the job is, in Easy Read words (optional)", "", required=False)

    def __init__(self, *args, programmes, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["programme"].queryset = programmes
        self.helper = gds_helper(
            Field.select("programme"), Field.text("post", field_width=Fluid.TWO_THIRDS), Field.text("team", field_width=Fluid.TWO_THIRDS),
            Field("closing_date"), Field.textarea("about", rows=5), Field.textarea("about_easy_read", rows=5),
            submit="Set up the campaign",
        )


class MemberForm(forms.Form):
    user = forms.ModelChoiceField(
        label="Who is joining the panel?", queryset=None, empty_label="Select a person",
        error_messages={"required": "Select who is joining the panel", "invalid_choice": "Select a person from the list"},
    )
    role = forms.ChoiceField(
        label="What is their place on the panel?", widget=forms.RadioSelect,
        choices=[choice for choice in CampaignMember.Role.choices if choice[0] != CampaignMember.Role.CHAIR],
        error_messages={"required": "Select their place on the panel", "invalid_choice": "Select their place from the list"},
    )

    def __init__(self, *args, people, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["user"].queryset = people
        self.fields["user"].label_from_instance = lambda user: user.display_name
        self.helper = gds_helper(Field.select("user"), Field.radios("role", small=True), submit="Add to the panel")


class ConflictsForm(forms.Form):
    """Whom the member knows, by reference, and how: one details box for each candidate."""

    known = forms.MultipleChoiceField(
        label="Do you know any of the candidates?", required=False, widget=forms.CheckboxSelectMultiple,
        help_text="Select each candidate you know, for example as a friend, a neighbour, a relative or someone who "
                  "supported you. Leave them all empty if you know nobody.",
        error_messages={"invalid_choice": "Select candidates from the list"},
    )
    details = _words("How do you know them?", "", required=False, limit=2000,
                     help_text="For each candidate you selected, say who and how, for example “C2: my neighbour”.")

    def __init__(self, *args, candidates, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["known"].choices = [(str(candidate.pk), f"Candidate {candidate.reference}") for candidate in candidates]
        self.helper = gds_helper(Field.checkboxes("known", small=True), Field.textarea("details", rows=3),
                                 submit="Send what I declare")

    def clean(self):
        data = super().clean()
        known = [int(value) for value in data.get("known") or []]
        details = (data.get("details") or "").strip()
        if known and not details:
            self.add_error("details", "Say how you know each candidate you selected")
        data["known"] = {candidate_id: details for candidate_id in known}
        return data


class ValueForm(forms.Form):
    title = NameFormField(label="The value", max_length=120, help_text="For example, “Listens and does what they say”.",
                          error_messages={"required": "Enter the value", "max_length": "The value must be 120 characters or fewer"})
    meaning = _words("What it looks like in the job", "Say what the value looks like in the job", limit=2000)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = gds_helper(Field.text("title", field_width=Fluid.TWO_THIRDS), Field.textarea("meaning", rows=4),
                                 submit="Propose the value")


class QuestionForm(forms.Form):
    value = forms.ModelChoiceField(
        label="Which value does the question test?", queryset=None, empty_label="Select a value",
        error_messages={"required": "Select the value the question tests", "invalid_choice": "Select a value from the list"},
    )
    text = _words("The question", "Enter the question", limit=2000,
                  help_text="Ask about something the candidate did, for example “Tell us about a time you…”.")

    def __init__(self, *args, values, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["value"].queryset = values
        self.helper = gds_helper(Field.select("value"), Field.textarea("text", rows=3), submit="Propose the question")


class CommentForm(forms.Form):
    text = _words("Your comment", "Enter your comment", limit=2000)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = gds_helper(Field.textarea("text", rows=3), submit="Add your comment")


class AgreeForm(forms.Form):
    values = forms.MultipleChoiceField(
        label="Which values did the panel agree?", widget=forms.CheckboxSelectMultiple,
        error_messages={"required": "Select at least one value", "invalid_choice": "Select values from the list"},
    )
    questions = forms.MultipleChoiceField(
        label="Which interview questions did the panel agree?", widget=forms.CheckboxSelectMultiple,
        error_messages={"required": "Select at least one question", "invalid_choice": "Select questions from the list"},
    )

    def __init__(self, *args, values, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["values"].choices = [(str(value.pk), value.title) for value in values]
        self.fields["questions"].choices = [
            (str(question.pk), f"{question.text} (tests: {value.title})") for value in values for question in value.question_list
        ]
        self.helper = gds_helper(Field.checkboxes("values", small=True), Field.checkboxes("questions", small=True),
                                 submit="Record what the panel agreed")

    def clean_values(self) -> set[int]:
        return {int(pk) for pk in self.cleaned_data["values"]}

    def clean_questions(self) -> set[int]:
        return {int(pk) for pk in self.cleaned_data["questions"]}


class CandidateForm(forms.Form):
    name = NameFormField(label="Candidate's name", max_length=200,
                         help_text="Only you see the name. Everyone else on the panel sees the reference the candidate is given.",
                         error_messages={"required": "Enter the candidate's name", "max_length": "The name must be 200 characters or fewer"})

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = gds_helper(Field.text("name", field_width=Fluid.TWO_THIRDS), submit="Add the candidate")


class ScoresForm(forms.Form):
    """A score and a reason for each agreed value."""

    def __init__(self, *args, values, score_max: int, reason_label: str = "Why this score?", submit: str = "Send my scores", **kwargs):
        super().__init__(*args, **kwargs)
        choices = [(str(n), str(n)) for n in range(score_max + 1)]
        layout = []
        for value in values:
            self.fields[f"score_{value.pk}"] = forms.TypedChoiceField(
                label=f"Score for “{value.title}”", choices=choices, coerce=int, widget=forms.RadioSelect,
                help_text=f"0 means no evidence of it; {score_max} means strong evidence.",
                error_messages={"required": f"Select a score from 0 to {score_max} for {value.title}",
                                "invalid_choice": f"Select a score from 0 to {score_max} for {value.title}"},
            )
            self.fields[f"reason_{value.pk}"] = forms.CharField(
                label=f"{reason_label} ({value.title})", max_length=3000, widget=forms.Textarea,
                error_messages={"required": f"Enter the reason for the score for {value.title}",
                                "max_length": "The reason must be 3,000 characters or fewer"},
            )
            layout += [Field.radios(f"score_{value.pk}", inline=True, legend_size=Size.SMALL), Field.textarea(f"reason_{value.pk}", rows=3)]
        self.value_ids = [value.pk for value in values]
        self.helper = gds_helper(*layout, submit=submit)

    def entered(self) -> dict[int, tuple[int | None, str]]:
        data = self.cleaned_data
        return {pk: (data.get(f"score_{pk}"), data.get(f"reason_{pk}", "")) for pk in self.value_ids}


class RecommendForm(forms.Form):
    candidate = forms.ChoiceField(
        label="Which candidate does the panel recommend?", widget=forms.RadioSelect,
        error_messages={"required": "Select the candidate the panel recommends", "invalid_choice": "Select a candidate from the list"},
    )
    text = _words("Why the panel recommends them", "Say why the panel recommends this candidate", limit=3000,
                  help_text="This goes into the programme's decisions log. Use the candidate's reference, never their name.")

    def __init__(self, *args, candidates, totals, **kwargs):
        super().__init__(*args, **kwargs)
        self.candidates = {candidate.pk: candidate for candidate in candidates}
        self.fields["candidate"].choices = [
            (str(candidate.pk), f"Candidate {candidate.reference} (agreed total {totals.get(candidate.pk, {}).get('moderated') or 'not moderated'})")
            for candidate in candidates
        ]
        self.helper = gds_helper(Field.radios("candidate", small=True), Field.textarea("text", rows=4), submit="Record the recommendation")

    def clean_candidate(self):
        return self.candidates[int(self.cleaned_data["candidate"])]


class AppointmentForm(forms.Form):
    appointment = forms.ChoiceField(
        label="What did you decide?", choices=Outcome.Appointment.choices, widget=forms.RadioSelect,
        error_messages={"required": "Select whether you appointed the recommended candidate", "invalid_choice": "Select a decision from the list"},
    )
    reason = _words("Why, in plain English", "Say why, in plain English", limit=3000,
                    help_text="The panel reads this. Use the candidate's reference, never their name.")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = gds_helper(Field.radios("appointment", small=True), Field.textarea("reason", rows=4), submit="Record the decision")
