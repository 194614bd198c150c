from crispy_forms_gds.helper import FormHelper
from crispy_forms_gds.layout import Field, Fieldset, Fluid, Size
from django import forms
from django.core.exceptions import ValidationError

from coproduction.accounts.forms import gds_helper
from coproduction.accounts.models import User
from coproduction.core.names import NameFormField
from coproduction.core.postcodes import normalise_postcode

from . import services
from .models import Pot, Proposal, Round

MONEY_HINT = "In whole pounds, for example 2500"


def _number(label: str, *, minimum: int = 0, maximum: int = 10_000_000, help_text: str = "", required: bool = True) -> forms.IntegerField:
    noun = label[0].lower() + label[1:]
    return forms.IntegerField(
        label=label, min_value=minimum, max_value=maximum, help_text=help_text, required=required,
        error_messages={
            "required": f"Enter the {noun}",
            "invalid": f"The {noun} must be a whole number",
            "min_value": f"The {noun} must be {minimum:,} or more",
            "max_value": f"The {noun} must be {maximum:,} or less",
        },
    )


class RoundForm(forms.ModelForm):
    """The organiser's settings. The ballot rule and who can vote lock once voting opens."""

    class Meta:
        model = Round
        fields = [
            "title", "description", "eligibility", "ballot_rule", "min_spend_percent", "min_choices", "max_choices",
            "points_total", "points_per_idea", "method", "area_name", "area_postcodes", "area_code", "reviewers",
        ]
        labels = {
            "area_name": "Name of the area (optional)",
            "area_postcodes": "Postcode districts or sectors where voters must live (optional)",
            "area_code": "Local authority code (optional)",
            "title": "Name of the round",
            "description": "What the money is for and who can take part",
            "eligibility": "Who can vote",
            "ballot_rule": "How people vote",
            "method": "How winners are chosen",
            "reviewers": "Who checks the ideas can be done",
        }
        help_texts = {
            "description": "In plain English. Say where the money comes from and when people can vote.",
            "area_name": "For residents’ rounds. People whose postcode is outside are told it is not in this area, for example “Kendal”.",
            "area_postcodes": "Separated by commas: districts like LA9, sectors like LA8 9, or ranges like LA1-LA23. Leave empty to use the local authority code only.",
            "area_code": "Postcodes in the council’s imported list with this code can vote, for example E06000064. Leave empty if you do not use a list.",
        }
        error_messages = {
            "title": {"required": "Enter the name of the round"},
            "description": {"required": "Enter what the money is for"},
            "eligibility": {"required": "Select who can vote"},
            "ballot_rule": {"required": "Select how people vote"},
            "method": {"required": "Select how winners are chosen"},
        }
        widgets = {
            "eligibility": forms.RadioSelect, "ballot_rule": forms.RadioSelect, "method": forms.RadioSelect,
            "reviewers": forms.CheckboxSelectMultiple, "description": forms.Textarea(attrs={"rows": 4}),
            "area_postcodes": forms.Textarea(attrs={"rows": 2}),
        }

    def __init__(self, *args, programme, with_pot: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        self.programme = programme
        self.fields["min_spend_percent"] = _number(
            "Least share of the pot each voter must spend, in per cent", maximum=100,
            help_text="For the budget rule only. 0 means no minimum.",
        )
        self.fields["min_choices"] = _number("Fewest ideas to choose", minimum=1, maximum=100, help_text="For the “choose a number of ideas” rule.")
        self.fields["max_choices"] = _number("Most ideas to choose", minimum=1, maximum=100)
        self.fields["points_total"] = _number("Points each voter shares out", minimum=1, maximum=1000, help_text="For the points rule.")
        self.fields["points_per_idea"] = _number("Most points for one idea", minimum=1, maximum=1000)
        members = User.objects.filter(programme_memberships__programme=programme, programme_memberships__left_on__isnull=True)
        self.fields["reviewers"].queryset = (members | User.objects.filter(pk=programme.lead_id)).distinct().order_by("full_name")
        self.fields["reviewers"].required = False
        rule_fields = services.RULE_FIELDS
        if self.instance.pk and self.instance.rule_locked:
            for name in rule_fields:
                self.fields[name].disabled = True
                self.fields[name].help_text = "Locked: voting has opened."
        pot_fields = []
        if with_pot:
            self.fields["pot_name"] = NameFormField(
                label="Name of the first pot", max_length=120, help_text="For example “North locality” or “All areas”. You can add more pots later.",
                error_messages={"required": "Enter the name of the first pot"},
            )
            self.fields["pot_amount"] = _number("Money in the first pot, in pounds", minimum=1, help_text=MONEY_HINT)
            pot_fields = [Field.text("pot_name", field_width=Fluid.TWO_THIRDS), Field.text("pot_amount", field_width=Fluid.ONE_THIRD)]
        self.helper = gds_helper(
            Field.text("title", field_width=Fluid.TWO_THIRDS),
            Field.textarea("description", rows=4),
            *pot_fields,
            Field.radios("eligibility", legend_size=Size.MEDIUM),
            Fieldset(
                Field.text("area_name", field_width=Fluid.ONE_HALF),
                Field.textarea("area_postcodes", rows=2),
                Field.text("area_code", field_width=Fluid.ONE_QUARTER),
                legend="Where voters must live", legend_size=Size.MEDIUM,
            ),
            Fieldset(
                Field.radios("ballot_rule", legend_size=Size.SMALL),
                Field.text("min_spend_percent", field_width=Fluid.ONE_QUARTER),
                Field.text("min_choices", field_width=Fluid.ONE_QUARTER),
                Field.text("max_choices", field_width=Fluid.ONE_QUARTER),
                Field.text("points_total", field_width=Fluid.ONE_QUARTER),
                Field.text("points_per_idea", field_width=Fluid.ONE_QUARTER),
                legend="The ballot", legend_size=Size.MEDIUM,
            ),
            Field.radios("method", legend_size=Size.MEDIUM),
            Field.checkboxes("reviewers", legend_size=Size.MEDIUM, small=True),
            submit="Save the round" if self.instance.pk else "Start the round",
        )

    def clean_area_postcodes(self):
        text = self.cleaned_data["area_postcodes"].strip()
        try:
            services.area_parse(text)
        except ValidationError as error:
            raise forms.ValidationError(error.messages[0]) from None
        return text

    def clean_area_code(self):
        code = self.cleaned_data["area_code"].strip().upper()
        if code and not services.AREA_CODE.fullmatch(code):
            raise forms.ValidationError("Enter a local authority code of a letter and 8 numbers, like E06000064")
        return code

    def clean(self):
        cleaned = super().clean()
        if (cleaned.get("min_choices") or 0) > (cleaned.get("max_choices") or 1000):
            self.add_error("max_choices", "The most ideas to choose must be the same as or more than the fewest")
        if (cleaned.get("points_per_idea") or 0) > (cleaned.get("points_total") or 1000):
            self.add_error("points_per_idea", "The most points for one idea must be no more than the points each voter shares out")
        return cleaned

    def round_data(self) -> dict:
        return {name: self.cleaned_data[name] for name in self.Meta.fields if name != "reviewers"}


class PotForm(forms.ModelForm):
    class Meta:
        model = Pot
        fields = ["name", "amount"]
        labels = {"name": "Name of the pot"}
        help_texts = {"name": "For example “South locality”."}
        error_messages = {"name": {"required": "Enter the name of the pot"}}

    def __init__(self, *args, round_: Round, **kwargs):
        super().__init__(*args, **kwargs)
        self.round = round_
        self.fields["amount"] = _number("Money in the pot, in pounds", minimum=1, help_text=MONEY_HINT)
        self.helper = gds_helper(Field.text("name", field_width=Fluid.TWO_THIRDS), Field.text("amount", field_width=Fluid.ONE_THIRD), submit="Add the pot")

    def clean_name(self):
        name = self.cleaned_data["name"].strip()
        if self.round.pots.filter(name__iexact=name).exists():
            raise forms.ValidationError("This round already has a pot with that name. Enter a different name")
        return name


class ProposalForm(forms.ModelForm):
    class Meta:
        model = Proposal
        fields = ["title", "description", "easy_read", "cost", "pot"]
        labels = {
            "title": "Name of your idea",
            "description": "Describe your idea",
            "easy_read": "Easy Read wording (optional)",
            "pot": "Which pot is it for?",
        }
        help_texts = {
            "title": "A few words, for example “Saturday art club”.",
            "description": "What would happen, who it is for and why it matters. Use everyday words.",
            "easy_read": "Short sentences and everyday words, one idea a sentence. We print it on the paper cards.",
        }
        error_messages = {
            "title": {"required": "Enter the name of your idea"},
            "description": {"required": "Describe your idea"},
            "pot": {"required": "Select which pot your idea is for", "invalid_choice": "Select a pot from the list"},
        }
        widgets = {"pot": forms.RadioSelect, "description": forms.Textarea(attrs={"rows": 6}), "easy_read": forms.Textarea(attrs={"rows": 4})}

    def __init__(self, *args, round_: Round, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["cost"] = _number("How much it would cost, in pounds", minimum=1, help_text="Your best guess, in whole pounds. Reviewers check it.")
        self.fields["pot"].queryset = round_.pots.all()
        self.fields["pot"].empty_label = None
        self.helper = gds_helper(
            Field.text("title", field_width=Fluid.TWO_THIRDS),
            Field.textarea("description", rows=6, max_words=400),
            Field.textarea("easy_read", rows=4),
            Field.text("cost", field_width=Fluid.ONE_THIRD),
            Field.radios("pot", legend_size=Size.SMALL),
            submit="Share your idea",
        )


class ReviewForm(forms.Form):
    feasible = forms.ChoiceField(
        label="Can this idea be done?", widget=forms.RadioSelect,
        choices=[("yes", "Yes, it can go to the vote"), ("no", "No, it cannot be done")],
        error_messages={"required": "Select whether the idea can be done"},
    )
    reason = forms.CharField(
        label="Reason", required=False, widget=forms.Textarea(attrs={"rows": 4}), max_length=2000,
        help_text="Needed when it cannot be done: the person who shared the idea will read it, so use plain, kind words.",
        error_messages={"max_length": "The reason must be 2,000 characters or fewer"},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["cost"] = _number("Checked cost, in pounds", minimum=1, help_text="The cost people will vote on.")
        self.helper = gds_helper(
            Field.radios("feasible", legend_size=Size.MEDIUM), Field.textarea("reason", rows=4),
            Field.text("cost", field_width=Fluid.ONE_THIRD), submit="Save the check",
        )

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("feasible") == "no" and not cleaned.get("reason", "").strip():
            self.add_error("reason", "Enter the reason the idea cannot be done")
        return cleaned


class RegistrationForm(forms.Form):
    postcode = forms.CharField(
        label="Your postcode", max_length=10, help_text="So we know you live in the area. For example LA9 4DL.",
        error_messages={"required": "Enter your postcode", "max_length": "Enter a real postcode, like LA9 4DL"},
    )
    wants_updates = forms.BooleanField(
        label="Tell me when voting opens and when the results are published", required=False,
        help_text="We send a short message to your account, and by email or text if you chose that. You can stop them at any time.",
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = gds_helper(
            Field.text("postcode", field_width=Fluid.ONE_QUARTER), Field.checkbox("wants_updates", small=True), submit="Register to vote"
        )

    def clean_postcode(self):
        postcode = normalise_postcode(self.cleaned_data["postcode"])
        if postcode is None:
            raise forms.ValidationError("Enter a real postcode, like LA9 4DL")
        return postcode


class CodeForm(forms.Form):
    code = forms.CharField(
        label="Your voting code", max_length=30,
        help_text="It is printed on your voting slip: 12 letters and numbers, like ABCD-EFGH-2345.",
        error_messages={"required": "Enter your voting code", "max_length": "This code does not work. Check it against your voting slip"},
        widget=forms.TextInput(attrs={"autocomplete": "off", "spellcheck": "false", "autocapitalize": "characters"}),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = gds_helper(Field.text("code", field_width=Fluid.ONE_HALF), submit="Continue")


class BallotForm(forms.Form):
    """One ballot. The knapsack and approval rules tick ideas; the points rule gives points.
    The page renders the inputs itself (to show each idea's cost and words), so the error
    summary's links point at inputs with the ids Django gives them."""

    def __init__(self, *args, round_: Round, pot: Pot, proposals: dict[int, Proposal], with_code: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        self.round, self.pot, self.proposals = round_, pot, proposals
        if with_code:
            self.fields["code"] = forms.CharField(
                label="Voting code on the paper ballot", max_length=30, error_messages={"required": "Enter the voting code from the paper ballot"}
            )
        if round_.ballot_rule == Round.BallotRule.POINTS:
            for pk, proposal in proposals.items():
                self.fields[f"points_{pk}"] = forms.IntegerField(
                    label=proposal.title, required=False, min_value=0,
                    error_messages={"invalid": f"Points for “{proposal.title}” must be a whole number", "min_value": f"Points for “{proposal.title}” must be 0 or more"},
                )
        else:
            self.fields["proposals"] = forms.TypedMultipleChoiceField(
                label="Your choice", coerce=int, required=False, choices=[(pk, p.title) for pk, p in proposals.items()],
                widget=forms.CheckboxSelectMultiple, error_messages={"invalid_choice": "Choose ideas from the list"},
            )
        self.helper = FormHelper()
        self.helper.form_tag = False

    def choices(self) -> dict[int, int]:
        if self.round.ballot_rule == Round.BallotRule.POINTS:
            return {pk: self.cleaned_data.get(f"points_{pk}") or 0 for pk in self.proposals}
        return {pk: 1 for pk in self.cleaned_data.get("proposals", [])}

    def clean(self):
        cleaned = super().clean()
        if not self.errors:
            for field, message in services.ballot_problems(round_=self.round, pot=self.pot, proposals=self.proposals, choices=self.choices()):
                self.add_error(field, message)
        return cleaned

    def shown_choices(self) -> dict[int, int]:
        """What the page shows as chosen (typed or saved), for the counter; bad input counts as none."""
        source = self.data if self.is_bound else None
        if self.round.ballot_rule == Round.BallotRule.POINTS:
            values = {pk: source.get(f"points_{pk}") if source is not None else self.initial.get(f"points_{pk}") for pk in self.proposals}
            return {pk: int(value) for pk, value in values.items() if str(value or "").strip().isdigit()}
        ticked = source.getlist("proposals") if source is not None else self.initial.get("proposals", [])
        return {int(value): 1 for value in ticked if str(value).isdigit() and int(value) in self.proposals}

    def status(self) -> str:
        return services.ballot_status(round_=self.round, pot=self.pot, proposals=self.proposals, choices=self.shown_choices())

    def rows(self) -> list[dict]:
        """Each idea with its input's state, for the template."""
        ticked = {str(value) for value in (self.data.getlist("proposals") if self.is_bound else self.initial.get("proposals", []))}
        rows = []
        for index, (pk, proposal) in enumerate(self.proposals.items()):
            row = {"proposal": proposal, "index": index}
            if self.round.ballot_rule == Round.BallotRule.POINTS:
                bound = self[f"points_{pk}"]
                row.update(field=bound, value=bound.value() if bound.value() is not None else "", id=bound.auto_id)
            else:
                row.update(checked=str(pk) in ticked, id="id_proposals" if index == 0 else f"id_proposals_{index}")
            rows.append(row)
        return rows


class PrintForm(forms.Form):
    what = forms.ChoiceField(
        label="What to print", widget=forms.RadioSelect,
        choices=[("ballots", "Paper ballots, each with its own voting code"), ("cards", "Idea cards, with Easy Read wording where given")],
        error_messages={"required": "Select what to print"},
    )

    def __init__(self, *args, round_: Round, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["pot"] = forms.ModelChoiceField(
            label="Pot", queryset=round_.pots.all(), empty_label=None, widget=forms.RadioSelect,
            error_messages={"required": "Select the pot", "invalid_choice": "Select a pot from the list"},
        )
        self.fields["copies"] = _number("How many ballots", minimum=1, maximum=500, required=False, help_text="For paper ballots: each has a different code.")
        self.helper = gds_helper(
            Field.radios("what", legend_size=Size.SMALL), Field.radios("pot", legend_size=Size.SMALL),
            Field.text("copies", field_width=Fluid.ONE_QUARTER), submit="Make the PDF",
        )

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("what") == "ballots" and not cleaned.get("copies") and "copies" not in self.errors:
            self.add_error("copies", "Enter how many ballots to print")
        return cleaned
