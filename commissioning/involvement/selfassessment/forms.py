from crispy_forms_gds.layout import HTML, Field, Fluid, Size
from django import forms
from django.utils.html import escape

from coproduction.accounts.forms import date_field, gds_helper
from coproduction.core.names import NameFormField

from ..spectrum import (
    GETTING_STARTED,
    MAKING_PROGRESS,
    PRACTICE_ANSWERS,
    PRACTICE_STEPS,
    RATING_CHOICES,
    STAGE_NAMES,
    STEPS,
)


class RoundForm(forms.Form):
    """A whole round on one page: who assessed, then a rating and evidence for every step."""

    title = NameFormField(
        label="Name of this round", max_length=200, help_text="For example, “Spring 2026 review”.",
        error_messages={"required": "Enter a name for this round", "max_length": "The name must be 200 characters or fewer"},
    )
    assessed_on = date_field("Date of the assessment", required=True)
    assessors = forms.ModelMultipleChoiceField(
        label="Who assessed it? (people with an account)", required=False, queryset=None, widget=forms.CheckboxSelectMultiple,
        help_text="Include people with lived experience and carers, not only staff. Select all that apply.",
        error_messages={"invalid_choice": "Choose people from the list"},
    )
    other_assessors = forms.CharField(
        label="Anyone else who assessed it (optional)", required=False, max_length=2000, widget=forms.Textarea(attrs={"rows": 3}),
        help_text="A name or a role on each line, for example “Member of the carers' forum”.",
        error_messages={"max_length": "The list must be 2,000 characters or fewer"},
    )

    def __init__(self, *args, people, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["assessors"].queryset = people
        self.fields["assessors"].label_from_instance = lambda user: user.display_name
        layout = [
            Field.text("title", field_width=Fluid.TWO_THIRDS), Field("assessed_on"),
            Field.checkboxes("assessors", legend_size=Size.SMALL, small=True), Field.textarea("other_assessors", rows=3),
        ]
        for stage in (GETTING_STARTED, MAKING_PROGRESS):
            layout.append(HTML(f'<h2 class="govuk-heading-l govuk-!-margin-top-8">{escape(STAGE_NAMES[stage])}</h2>'))
            for step in (s for s in STEPS if s.stage == stage):
                self.fields[f"rating_{step.key}"] = forms.ChoiceField(
                    label=step.title, choices=RATING_CHOICES, widget=forms.RadioSelect, help_text=step.text,
                    error_messages={"required": f"Select how far you have got with “{step.title}”"},
                )
                self.fields[f"evidence_{step.key}"] = forms.CharField(
                    label=f"Evidence for “{step.title}” (optional)", required=False, max_length=5000,
                    widget=forms.Textarea(attrs={"rows": 3}), help_text="What you did, and what people said. A link to a report is fine.",
                    error_messages={"max_length": "The evidence must be 5,000 characters or fewer"},
                )
                layout += [
                    Field.radios(f"rating_{step.key}", legend_size=Size.MEDIUM, inline=True),
                    Field.textarea(f"evidence_{step.key}", rows=3),
                ]
        if not people.exists():
            del self.fields["assessors"]
            layout.pop(2)
        self.helper = gds_helper(*layout, submit="Save the round")

    def clean(self):
        data = super().clean()
        if not data.get("assessors") and not (data.get("other_assessors") or "").strip() and "other_assessors" not in self.errors:
            self.add_error("other_assessors", "Say who assessed it: choose people from the list or write their names or roles")
        return data

    def ratings(self) -> dict:
        return {step.key: (self.cleaned_data[f"rating_{step.key}"], self.cleaned_data.get(f"evidence_{step.key}", "")) for step in STEPS}

    @staticmethod
    def initial_from(result) -> dict:
        initial = {}
        for key, rating in result.ratings.items():
            initial[f"rating_{key}"] = rating
            initial[f"evidence_{key}"] = result.evidence.get(key, "")
        return initial


class SelfCheckForm(forms.Form):
    will_change = forms.CharField(
        label="What will you change? (optional)", required=False, max_length=5000, widget=forms.Textarea(attrs={"rows": 4}),
        help_text="Where you are “doing to” rather than “doing with”, what could you do differently?",
        error_messages={"max_length": "What you will change must be 5,000 characters or fewer"},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        layout = []
        for number, step in enumerate(PRACTICE_STEPS, start=1):
            self.fields[f"answer_{step.key}"] = forms.ChoiceField(
                label=f"{number}. {step.text}", choices=PRACTICE_ANSWERS, widget=forms.RadioSelect,
                error_messages={"required": f"Select how often this is true: statement {number}"},
            )
            layout.append(Field.radios(f"answer_{step.key}", legend_size=Size.SMALL, inline=True))
        self.fields["will_change"] = self.fields.pop("will_change")
        layout.append(Field.textarea("will_change", rows=4, label_size=Size.MEDIUM))
        self.helper = gds_helper(*layout, submit="Save my self-check")

    def answers(self) -> dict:
        return {step.key: self.cleaned_data[f"answer_{step.key}"] for step in PRACTICE_STEPS}
