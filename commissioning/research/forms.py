from crispy_forms_gds.layout import Field, Fluid
from django import forms

from commissioning.forms import line_field, text_field
from coproduction.accounts.forms import RealDateField, gds_helper

from .models import APPRECIATIVE_INQUIRY_QUESTIONS


class ProjectForm(forms.Form):
    title = line_field("Name of the research", missing="Enter the name of the research")
    purpose = text_field("What the research is for, in plain English", limit=3000, missing="Enter what the research is for")
    questions = text_field(
        "Questions to ask", limit=5000, missing="Enter at least one question",
        help_text="One question on each line. These start from appreciative inquiry: what works well, and what would make it even better.",
    )

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("initial", {"questions": "\n".join(APPRECIATIVE_INQUIRY_QUESTIONS)})
        super().__init__(*args, **kwargs)
        self.helper = gds_helper(Field.text("title", field_width=Fluid.TWO_THIRDS), Field.textarea("purpose", rows=3),
                                 Field.textarea("questions", rows=6), submit="Start the research")

    def clean_questions(self) -> list[str]:
        lines = [line.strip() for line in self.cleaned_data["questions"].splitlines() if line.strip()]
        if not lines:
            raise forms.ValidationError("Enter at least one question")
        if any(len(line) > 500 for line in lines):
            raise forms.ValidationError("Each question must be 500 characters or fewer")
        return lines


class InterviewForm(forms.Form):
    held_on = RealDateField("Date of the interview")
    consent_given = forms.BooleanField(
        label="The person agreed to their words being recorded and used in the research",
        error_messages={"required": "Only record an interview the person agreed to"},
    )
    words = text_field("What they said, in their own words", limit=20_000, missing="Enter what the person said",
                       help_text="Do not write their name, or anything that would tell someone who they are.")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = gds_helper(Field("held_on"), Field.checkbox("consent_given", small=True), Field.textarea("words", rows=10),
                                 submit="Save the interview")


class FindingForm(forms.Form):
    theme = line_field("Theme", missing="Enter the theme", help_text="A few words, for example “Getting out and about”.")
    i_statement = line_field("“I” statement", missing="Enter an “I” statement", limit=300,
                             help_text="In people's words, for example “I can get to the places I want to go”.")
    summary = text_field("What people told us", limit=5000, missing="Enter what people told you")
    interviews = forms.MultipleChoiceField(
        label="Interviews it comes from (optional)", required=False, widget=forms.CheckboxSelectMultiple,
        error_messages={"invalid_choice": "Select interviews from the list"},
    )
    citations = forms.MultipleChoiceField(
        label="Specification sections it informed (optional)", required=False, widget=forms.CheckboxSelectMultiple,
        error_messages={"invalid_choice": "Select sections from the list"},
    )

    def __init__(self, *args, interviews, sections, **kwargs):
        super().__init__(*args, **kwargs)
        self._interviews = {str(interview.pk): interview for interview in interviews}
        self.fields["interviews"].choices = [
            (str(interview.pk), f"{interview} : {interview.words[:80]}") for interview in interviews]
        self.fields["citations"].choices = [(f"{spec_id}:{key}", label) for (spec_id, key), label in sections]
        # A list with nothing to choose from is not shown.
        optional = [name for name in ("interviews", "citations") if self.fields[name].choices]
        for name in {"interviews", "citations"} - set(optional):
            del self.fields[name]
        self.helper = gds_helper(
            Field.text("theme", field_width=Fluid.TWO_THIRDS), Field.text("i_statement"), Field.textarea("summary", rows=5),
            *(Field.checkboxes(name, small=True) for name in optional), submit="Save the finding",
        )

    def clean(self):
        cleaned = super().clean()
        cleaned.setdefault("interviews", [])
        cleaned.setdefault("citations", [])
        return cleaned

    def clean_interviews(self) -> list:
        return [self._interviews[value] for value in self.cleaned_data["interviews"]]

    def clean_citations(self) -> list[tuple[int, str]]:
        return [(int(value.split(":", 1)[0]), value.split(":", 1)[1]) for value in self.cleaned_data["citations"]]


class FindingChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, finding) -> str:
        return f"{finding.theme}: “{finding.i_statement}” (from “{finding.project.title}”)"


class PriorityFindingsForm(forms.Form):
    findings = FindingChoiceField(
        label="Findings the priority rests on", queryset=None, required=False, widget=forms.CheckboxSelectMultiple,
        help_text="Select every finding that is evidence for it. Select none to take them all off.",
        error_messages={"invalid_choice": "Select findings from the list", "invalid_pk_value": "Select findings from the list"},
    )

    def __init__(self, *args, findings, **kwargs):
        """findings: a queryset of the programme's findings, with their projects."""
        super().__init__(*args, **kwargs)
        self.fields["findings"].queryset = findings
        self.helper = gds_helper(Field.checkboxes("findings", small=True), submit="Save the findings it rests on")
