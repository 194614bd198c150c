from decimal import Decimal

from crispy_forms_gds.layout import HTML, Field, Fieldset, Fluid, Size
from django import forms

from commissioning.meeting_forms import AttendanceForm, MeetingForm, MinutesForm, PaperTextForm  # noqa: F401  (the shared meeting forms)
from coproduction.accounts.forms import RealDateField, gds_helper
from coproduction.core.names import NameFormField

from .models import Network, NetworkMember

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


class NetworkForm(forms.Form):
    name = _line("Name of the network", missing="Enter the name of the network")
    kind = forms.ChoiceField(
        label="What kind of network is it?", choices=Network.Kind.choices, widget=forms.RadioSelect,
        error_messages={"required": "Select what kind of network it is", "invalid_choice": "Select a kind of network from the list"},
    )
    aim = _text("The aim the members share, in plain English", limit=5000, missing="Enter the aim the members share")
    founder = forms.ModelChoiceField(
        label="Who starts a peer support network? (only for a peer support network)", queryset=None, required=False,
        empty_label="Select a person",
        help_text="A person who uses services or a carer. They moderate it and add its members: the council only enables it.",
        error_messages={"invalid_choice": "Select a person from the list"},
    )

    programme = forms.ModelChoiceField(
        label="Which commissioning programme supports it? (optional)", queryset=None, required=False,
        empty_label="None", help_text="Its meetings are then part of that programme: members who come are counted in "
                                      "“Who took part” and recognised and paid back through its involvement ledger.",
        error_messages={"invalid_choice": "Select a programme from the list"},
    )

    def __init__(self, *args, founders, programmes, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["founder"].queryset = founders
        self.fields["founder"].label_from_instance = lambda user: user.display_name
        self.fields["programme"].queryset = programmes
        self.helper = gds_helper(
            Field.text("name", field_width=Fluid.TWO_THIRDS), Field.radios("kind", small=True), Field.textarea("aim", rows=4),
            Field.select("founder"), Field.select("programme"), submit="Set up the network",
        )

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("kind") == Network.Kind.PEER_SUPPORT and not cleaned.get("founder") and "founder" not in self.errors:
            self.add_error("founder", "Select the person who will start and moderate the peer support network")
        return cleaned


class MemberForm(forms.Form):
    user = forms.ModelChoiceField(label="A person", queryset=None, required=False, empty_label="Select a person",
                                  error_messages={"invalid_choice": "Select a person from the list"})
    organisation = forms.ModelChoiceField(label="Or an organisation", queryset=None, required=False, empty_label="Select an organisation",
                                          help_text="Providers, health, housing and the voluntary sector.",
                                          error_messages={"invalid_choice": "Select an organisation from the list"})
    kind = forms.ChoiceField(
        label="What do they bring to the network?", choices=NetworkMember.Kind.choices, widget=forms.RadioSelect,
        error_messages={"required": "Select what they bring to the network", "invalid_choice": "Select from the list"},
    )
    is_moderator = forms.BooleanField(label="They moderate the network's discussions", required=False)

    def __init__(self, *args, people, organisations, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["user"].queryset = people
        self.fields["user"].label_from_instance = lambda user: user.display_name
        self.fields["organisation"].queryset = organisations
        self.helper = gds_helper(Field.select("user"), Field.select("organisation"), Field.radios("kind", small=True),
                                 Field.checkbox("is_moderator"), submit="Add to the network")

    def clean(self):
        cleaned = super().clean()
        if not self.errors and bool(cleaned.get("user")) == bool(cleaned.get("organisation")):
            self.add_error("user", "Select a person or an organisation, not both")
        return cleaned


class WayOfWorkingForm(forms.Form):
    text = _text("The way of working", limit=10_000, missing="Enter the way of working",
                 help_text="How members work together: open discussion, sharing information with every member, how decisions are made. "
                           "Short and in plain English. Saving makes a new version that every member is asked to agree.")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = gds_helper(Field.textarea("text", rows=12, label_size=Size.MEDIUM), submit="Save and ask members to agree")


class ThreadForm(forms.Form):
    title = _line("What is it about?", missing="Enter what the discussion is about")
    text = _text("Your message", limit=10_000, missing="Enter your message")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = gds_helper(Field.text("title", field_width=Fluid.TWO_THIRDS), Field.textarea("text", rows=6),
                                 submit="Start the discussion")


class PostForm(forms.Form):
    text = _text("Your reply", limit=10_000, missing="Enter your reply")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = gds_helper(Field.textarea("text", rows=5), submit="Post your reply")


class LibraryItemForm(forms.Form):
    title = _line("Title", missing="Enter a title")
    summary = _text("What it is and why it matters", limit=3000, missing="Enter what it is and why it matters")
    link = forms.URLField(label="Link (optional)", required=False, max_length=500, assume_scheme="https",
                          error_messages={"invalid": "Enter a web address, like https://www.example.org/report"})

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = gds_helper(Field.text("title", field_width=Fluid.TWO_THIRDS), Field.textarea("summary", rows=4),
                                 Field.text("link"), submit="Share with every member")


class ListingForm(forms.Form):
    description = _text("What the group offers, for the asset map", limit=2000, missing="Enter what the group offers",
                        help_text="Anyone can read this on the map. Do not name members.")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = gds_helper(Field.textarea("description", rows=4), submit="List on the asset map")


PERCENT = {"required": "Enter the share as a percentage, like 50", "invalid": "Enter the share as a number, like 50",
           "min_value": "A share cannot be less than 0%", "max_value": "A share cannot be more than 100%",
           "max_digits": "Enter the share with at most 2 decimal places", "max_decimal_places": "Enter the share with at most 2 decimal places"}


class AllianceForm(forms.Form):
    name = _line("Name of the alliance", missing="Enter the name of the alliance")
    starts_on = RealDateField("Start of the term")
    ends_on = RealDateField("End of the term")
    outcomes = forms.ModelMultipleChoiceField(
        label="The shared outcomes, from the outcomes framework", queryset=None, widget=forms.CheckboxSelectMultiple,
        error_messages={"required": "Select at least one shared outcome", "invalid_choice": "Select outcomes from the list"},
    )
    contracts = forms.ModelMultipleChoiceField(
        label="The contracts the alliance delivers (optional)", queryset=None, required=False, widget=forms.CheckboxSelectMultiple,
        error_messages={"invalid_choice": "Select contracts from the list"},
    )

    def __init__(self, *args, providers, outcomes, contracts, **kwargs):
        super().__init__(*args, **kwargs)
        self.providers = list(providers)
        self.fields["outcomes"].queryset = outcomes
        self.fields["outcomes"].label_from_instance = lambda outcome: f"{outcome.title} ({outcome.programme.title})"
        self.fields["contracts"].queryset = contracts
        self.fields["contracts"].label_from_instance = lambda contract: f"{contract.service_name} ({contract.provider.name})"
        shares = []
        for provider in self.providers:
            for name, words in (("risk", "risk"), ("reward", "reward")):
                self.fields[f"{name}_{provider.pk}"] = forms.DecimalField(
                    label=f"{provider.name}: share of the {words} (%)", min_value=Decimal(0), max_value=Decimal(100),
                    max_digits=5, decimal_places=2, required=False, error_messages=PERCENT,
                    widget=forms.TextInput(attrs={"inputmode": "decimal", "spellcheck": "false"}),
                )
            shares.append(Fieldset(Field.text(f"risk_{provider.pk}", field_width=4), Field.text(f"reward_{provider.pk}", field_width=4),
                                   legend=provider.name, legend_size=Size.SMALL))
        self.helper = gds_helper(
            Field.text("name", field_width=Fluid.TWO_THIRDS), Field("starts_on"), Field("ends_on"),
            Field.checkboxes("outcomes", small=True), Field.checkboxes("contracts", small=True),
            HTML('<h2 class="govuk-heading-m">How the member providers share risk and reward</h2>'
                 '<p class="govuk-body">Leave a provider blank if it is not in the alliance. Risk and reward must each add up to 100%.</p>'),
            *shares, submit="Record the alliance",
        )

    def shares(self) -> list[dict]:
        """The member providers' shares, from a valid form: providers left blank are not in it."""
        rows = []
        for provider in self.providers:
            risk, reward = self.cleaned_data.get(f"risk_{provider.pk}"), self.cleaned_data.get(f"reward_{provider.pk}")
            if risk is None and reward is None:
                continue
            rows.append({"organisation": provider, "risk_share": risk or Decimal(0), "reward_share": reward or Decimal(0)})
        return rows

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("starts_on") and cleaned.get("ends_on") and cleaned["ends_on"] < cleaned["starts_on"]:
            self.add_error("ends_on", "The end of the term must be on or after its start")
        return cleaned
