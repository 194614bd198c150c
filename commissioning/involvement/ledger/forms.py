from decimal import Decimal, InvalidOperation

from crispy_forms_gds.layout import Field, Fluid, Size
from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError

from coproduction.accounts.forms import gds_helper

from ..models.ledger import ClaimCategory, RecognitionRate


def parse_money(value: str, *, what: str = "the amount") -> Decimal | None:
    """Pounds and pence as people type them: "12.50", "£12.50", "1,200". Empty is None."""
    text = (value or "").strip().replace("£", "").replace(",", "").strip()
    if not text:
        return None
    try:
        amount = Decimal(text)
    except InvalidOperation:
        raise ValidationError(f"Enter {what} in pounds and pence, like 12.50") from None
    if not amount.is_finite():
        raise ValidationError(f"Enter {what} in pounds and pence, like 12.50")
    if amount < 0:
        raise ValidationError(f"{what[0].upper()}{what[1:]} must be £0 or more")
    if amount != amount.quantize(Decimal("0.01")):
        raise ValidationError(f"Enter {what} to the nearest penny, like 12.50")
    if amount >= Decimal("1000000"):
        raise ValidationError(f"{what[0].upper()}{what[1:]} must be less than £1,000,000")
    return amount


class ActivityChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, activity) -> str:
        when = f"{activity.happened_on:%-d %B %Y}" if activity.happened_on else "not yet happened"
        return f"{activity.title} ({activity.programme.title}, {when})"


class ClaimFieldsMixin:
    """Category, rate, amount and description: the same for a person's claim and an organiser's."""

    def add_claim_fields(self, rates):
        self.fields["category"] = forms.ChoiceField(
            label="What is the claim for?", choices=ClaimCategory.choices, widget=forms.RadioSelect,
            error_messages={"required": "Select what the claim is for"},
            help_text="Expenses (travel, childcare, a personal assistant's or carer's time) do not affect benefits. "
                      "Payments and vouchers may.",
        )
        self.fields["rate"] = forms.ModelChoiceField(
            label="The council's rate (optional)", required=False, queryset=rates, empty_label="No rate: I will enter the amount",
            help_text="For a payment at one of the council's rates, choose the rate and how many hours or sessions.",
        )
        self.fields["units"] = forms.CharField(
            label="How many hours, sessions or days? (optional)", required=False, max_length=10,
            widget=forms.TextInput(attrs={"inputmode": "decimal"}),
        )
        self.fields["amount"] = forms.CharField(
            label="Amount in pounds", required=False, max_length=15,
            help_text="For example, 12.50. Leave empty when you chose a rate, or enter 0 for accreditation, "
                      "training or a reference.",
            widget=forms.TextInput(attrs={"inputmode": "decimal", "spellcheck": "false"}),
        )
        self.fields["description"] = forms.CharField(
            label="Details (optional)", required=False, max_length=2000, widget=forms.Textarea(attrs={"rows": 3}),
            help_text="For example, the bus fares, or the name of the accreditation.",
            error_messages={"max_length": "The details must be 2,000 characters or fewer"},
        )

    def claim_layout(self):
        return [
            Field.radios("category", legend_size=Size.SMALL),
            Field.select("rate"),
            Field.text("units", field_width=5),
            Field.text("amount", field_width=10),
            Field.textarea("description", rows=3),
        ]

    def clean_amount(self):
        return parse_money(self.cleaned_data.get("amount"))

    def clean_units(self):
        text = (self.cleaned_data.get("units") or "").strip()
        if not text:
            return None
        try:
            units = Decimal(text)
        except InvalidOperation:
            raise ValidationError("Enter how many hours, sessions or days as a number, like 2.5") from None
        if not units.is_finite() or units <= 0 or units >= 1000:
            raise ValidationError("Enter how many hours, sessions or days as a number from 0.25 to 999")
        return units.quantize(Decimal("0.01"))

    def clean(self):
        data = super().clean()
        rate, units, amount = data.get("rate"), data.get("units"), data.get("amount")
        if "amount" in self.errors or "units" in self.errors:
            return data
        if rate is not None:
            if units is None:
                self.add_error("units", "Enter how many hours, sessions or days, for the rate you chose")
            elif amount is None:
                data["amount"] = (rate.amount * units).quantize(Decimal("0.01"))
        elif amount is None:
            self.add_error("amount", "Enter the amount in pounds, or 0 for recognition without money")
        return data

    def claim_data(self) -> dict:
        data = self.cleaned_data
        return {
            "category": data["category"], "amount": data["amount"], "description": data.get("description", ""),
            "rate": data.get("rate"), "units": data.get("units"),
        }


class ClaimForm(ClaimFieldsMixin, forms.Form):
    """A person's claim for an activity they took part in."""

    def __init__(self, *args, activities, rates, submit="Send the claim", with_activity=True, **kwargs):
        super().__init__(*args, **kwargs)
        fields = []
        if with_activity:
            self.fields["activity"] = ActivityChoiceField(
                label="Which activity is the claim for?", queryset=activities, empty_label="Choose the activity",
                error_messages={"required": "Choose the activity the claim is for", "invalid_choice": "Choose an activity you took part in"},
                help_text=f"Activities you took part in. Claims must be made within {settings.CLAIM_DEADLINE_DAYS} days.",
            )
            fields.append(Field.select("activity"))
        self.add_claim_fields(rates)
        self.helper = gds_helper(*fields, *self.claim_layout(), submit=submit)


class OrganiserClaimForm(ClaimFieldsMixin, forms.Form):
    """A claim an organiser enters for someone who took part."""

    def __init__(self, *args, people, activities, rates, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["claimant"] = forms.ModelChoiceField(
            label="Who is the claim for?", queryset=people, empty_label="Choose the person",
            error_messages={"required": "Choose who the claim is for", "invalid_choice": "Choose someone in this programme's group"},
        )
        self.fields["claimant"].label_from_instance = lambda user: user.display_name
        self.fields["activity"] = ActivityChoiceField(
            label="Which activity is the claim for?", queryset=activities, empty_label="Choose the activity",
            error_messages={"required": "Choose the activity the claim is for", "invalid_choice": "Choose one of this programme's activities"},
        )
        self.add_claim_fields(rates)
        self.helper = gds_helper(
            Field.select("claimant"), Field.select("activity"), *self.claim_layout(), submit="Enter the claim"
        )


class QueryForm(forms.Form):
    reason = forms.CharField(
        label="What do you need to know?", max_length=2000, widget=forms.Textarea(attrs={"rows": 4}),
        help_text="The person will see this with their claim. Write it in plain English.",
        error_messages={"required": "Enter what you need to know about the claim",
                        "max_length": "The question must be 2,000 characters or fewer"},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = gds_helper(Field.textarea("reason", rows=4, label_size=Size.MEDIUM), submit="Send the question")


class RateForm(forms.ModelForm):
    amount = forms.CharField(label="Amount in pounds", max_length=15, widget=forms.TextInput(attrs={"inputmode": "decimal"}),
                             error_messages={"required": "Enter the amount in pounds"})

    class Meta:
        model = RecognitionRate
        fields = ["name", "unit"]
        labels = {"name": "What the rate is for", "unit": "Paid per"}
        widgets = {"unit": forms.RadioSelect}
        error_messages = {"name": {"required": "Enter what the rate is for", "max_length": "The name must be 120 characters or fewer"},
                          "unit": {"required": "Select what the rate is paid per"}}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = gds_helper(
            Field.text("name", field_width=Fluid.TWO_THIRDS), Field.radios("unit", legend_size=Size.SMALL, inline=True),
            Field.text("amount", field_width=10), submit="Add the rate",
        )

    def clean_amount(self):
        amount = parse_money(self.cleaned_data.get("amount"))
        if amount is None:
            raise ValidationError("Enter the amount in pounds")
        return amount



class RecognitionForm(ClaimFieldsMixin, forms.Form):
    """Recognition or expenses for someone who took part (a panel member, someone who came to a
    meeting), entered by the organiser. people: [(key, label, the record cleaned_data["member"] gives)]."""

    def __init__(self, *args, people, rates, invalid: str = "Select someone from the list", **kwargs):
        super().__init__(*args, **kwargs)
        self.people = {str(key): record for key, _label, record in people}
        self.fields["member"] = forms.ChoiceField(
            label="Who is it for?", choices=[(str(key), label) for key, label, _record in people], widget=forms.RadioSelect,
            error_messages={"required": "Select who it is for", "invalid_choice": invalid},
        )
        self.add_claim_fields(rates)
        self.helper = gds_helper(Field.radios("member", small=True), *self.claim_layout(), submit="Record it")

    def clean_member(self):
        return self.people[self.cleaned_data["member"]]
