from datetime import date

from crispy_forms_gds.fields import DateInputField
from crispy_forms_gds.helper import FormHelper
from crispy_forms_gds.layout import Field, Fieldset, Fluid, Layout, Size, Submit
from django import forms

from coproduction.accounts.forms import gds_helper
from coproduction.accounts.models import Role, User

from .models import CommunicationNeed, Person, Representative
from .selectors import practitioners_for, teams_for


def _date_field(label: str, *, required: bool = False, help_text: str = "") -> DateInputField:
    field = DateInputField(label=label, required=required, help_text=help_text or "For example, 27 3 1950")
    field.error_messages.update({"required": f"Enter the {label.lower()}", "incomplete": f"Enter the {label.lower()} as a day, month and year"})
    return field


def _account_for(email: str, *, role: Role, field_label: str) -> User:
    user = User.objects.filter(email__iexact=email, is_active=True).first()
    if user is None:
        raise forms.ValidationError(f"There is no active account with that email address. Leave {field_label} empty, or ask an administrator to add the account first")
    if role.value not in user.roles:
        raise forms.ValidationError(f"That account is not for a {role.label.lower()}")
    return user


class PersonForm(forms.ModelForm):
    date_of_birth = _date_field("Date of birth", help_text="For example, 27 3 1950")
    capacity_assessed_on = _date_field("Date capacity was assessed", help_text="For example, 2 9 2026")
    communication_needs = forms.MultipleChoiceField(
        label="Communication and access needs",
        choices=CommunicationNeed.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text="Select all that help this person take part",
    )
    account_email = forms.EmailField(
        label="Their account's email address (optional)",
        required=False,
        help_text="If they have an account for this service, they will see their own record and plan",
        error_messages={"invalid": "Enter an email address in the correct format, like name@example.com"},
    )

    class Meta:
        model = Person
        fields = [
            "full_name", "preferred_name", "pronouns", "communication_needs", "interpreter_language",
            "best_time_and_place", "communication_notes", "capacity", "capacity_assessed_by", "team", "practitioner",
        ]
        labels = {
            "full_name": "Full name",
            "preferred_name": "What they like to be called (optional)",
            "pronouns": "Pronouns (optional)",
            "interpreter_language": "Language for an interpreter (optional)",
            "best_time_and_place": "Best time and place to meet (optional)",
            "communication_notes": "Anything else that helps communication (optional)",
            "capacity": "Capacity to make care-planning decisions",
            "capacity_assessed_by": "Who assessed capacity",
            "team": "Team",
            "practitioner": "Allocated practitioner (optional)",
        }
        widgets = {"capacity": forms.RadioSelect, "best_time_and_place": forms.Textarea, "communication_notes": forms.Textarea}
        error_messages = {
            "full_name": {"required": "Enter the person's full name"},
            "team": {"required": "Select the team"},
        }

    def __init__(self, *args, user: User, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["team"].queryset = teams_for(user=user)
        self.fields["team"].empty_label = "Select a team"
        self.fields["practitioner"].queryset = practitioners_for(user=user)
        self.fields["practitioner"].empty_label = "Not allocated yet"
        if self.instance.pk:
            self.initial["date_of_birth"] = self.instance.date_of_birth
            self.initial["capacity_assessed_on"] = self.instance.capacity_assessed_on
            self.initial["account_email"] = self.instance.user.email if self.instance.user_id else ""
        self.helper = gds_helper(
            Fieldset(
                Field.text("full_name", field_width=Fluid.TWO_THIRDS),
                Field.text("preferred_name", field_width=Fluid.ONE_THIRD),
                Field("date_of_birth"),
                Field.text("pronouns", field_width=Fluid.ONE_THIRD),
                legend="About them", legend_size=Size.MEDIUM,
            ),
            Fieldset(
                Field.checkboxes("communication_needs", small=True),
                Field.text("interpreter_language", field_width=Fluid.ONE_THIRD),
                Field.textarea("best_time_and_place", rows=3),
                Field.textarea("communication_notes", rows=3),
                legend="Communication and access", legend_size=Size.MEDIUM,
            ),
            Fieldset(
                Field.radios("capacity", small=True),
                Field("capacity_assessed_on"),
                Field.text("capacity_assessed_by", field_width=Fluid.TWO_THIRDS),
                legend="Capacity", legend_size=Size.MEDIUM,
            ),
            Fieldset(
                Field.select("team"),
                Field.select("practitioner"),
                Field.text("account_email", field_width=Fluid.TWO_THIRDS),
                legend="Allocation and account", legend_size=Size.MEDIUM,
            ),
            submit="Save",
        )

    def clean_date_of_birth(self):
        value = self.cleaned_data.get("date_of_birth")
        if value and value > date.today():
            raise forms.ValidationError("Date of birth must be in the past")
        return value

    def clean_capacity_assessed_on(self):
        value = self.cleaned_data.get("capacity_assessed_on")
        if value and value > date.today():
            raise forms.ValidationError("The date capacity was assessed must be today or in the past")
        return value

    def clean_account_email(self):
        email = self.cleaned_data.get("account_email")
        if not email:
            return None
        user = _account_for(email, role=Role.PERSON, field_label="the account email")
        linked = Person.objects.filter(user=user).exclude(pk=self.instance.pk).exists()
        if linked:
            raise forms.ValidationError("That account already belongs to another person's record")
        return user

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("capacity") in (Person.Capacity.HAS, Person.Capacity.LACKS):
            if not cleaned.get("capacity_assessed_on") and "capacity_assessed_on" not in self.errors:
                self.add_error("capacity_assessed_on", "Enter the date capacity was assessed")
            if not cleaned.get("capacity_assessed_by"):
                self.add_error("capacity_assessed_by", "Enter who assessed capacity")
        return cleaned

    def person_data(self) -> dict:
        data = {field: self.cleaned_data.get(field) for field in self.Meta.fields}
        data.update(
            date_of_birth=self.cleaned_data.get("date_of_birth"),
            capacity_assessed_on=self.cleaned_data.get("capacity_assessed_on"),
            user=self.cleaned_data.get("account_email"),
        )
        return data


class RepresentativeForm(forms.Form):
    name = forms.CharField(label="Their name", max_length=200, error_messages={"required": "Enter their name"})
    relationship = forms.ChoiceField(
        label="Relationship to the person", choices=Representative.Relationship.choices, widget=forms.RadioSelect,
        error_messages={"required": "Select their relationship to the person"},
    )
    basis = forms.ChoiceField(
        label="Why they may see the plan", choices=Representative.Basis.choices, widget=forms.RadioSelect,
        error_messages={"required": "Select why they may see the plan"},
    )
    basis_notes = forms.CharField(
        label="Details (optional)", required=False, widget=forms.Textarea,
        help_text="For example, when and how the person agreed, or the reference of a lasting power of attorney",
    )
    account_email = forms.EmailField(
        label="Their account's email address (optional)", required=False,
        help_text="Only with an account can they see the plan themselves",
        error_messages={"invalid": "Enter an email address in the correct format, like name@example.com"},
    )

    def __init__(self, *args, person: Person, **kwargs):
        super().__init__(*args, **kwargs)
        self.person = person
        self.helper = gds_helper(
            Field.text("name", field_width=Fluid.TWO_THIRDS),
            Field.radios("relationship", small=True, legend_size=Size.SMALL),
            Field.radios("basis", small=True, legend_size=Size.SMALL),
            Field.textarea("basis_notes", rows=3),
            Field.text("account_email", field_width=Fluid.TWO_THIRDS),
            submit="Add",
        )

    def clean_account_email(self):
        email = self.cleaned_data.get("account_email")
        if not email:
            return None
        return _account_for(email, role=Role.CARER, field_label="the account email")

    def clean(self):
        cleaned = super().clean()
        basis, capacity = cleaned.get("basis"), self.person.capacity
        if basis == Representative.Basis.CONSENT and capacity == Person.Capacity.LACKS:
            self.add_error("basis", "This person lacks capacity to consent: choose best interests or legal authority")
        if basis == Representative.Basis.BEST_INTERESTS and capacity != Person.Capacity.LACKS:
            self.add_error("basis", "Best interests applies only when the person has been assessed as lacking capacity")
        cleaned["user"] = cleaned.pop("account_email", None)
        return cleaned


class CaseloadSearchForm(forms.Form):
    name = forms.CharField(label="Name", required=False, max_length=200)
    mine = forms.BooleanField(label="Only people allocated to me", required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = FormHelper()
        self.helper.form_method = "post"  # names never go in the URL
        self.helper.attrs = {"novalidate": True}
        self.helper.layout = Layout(
            Field.text("name", field_width=Fluid.TWO_THIRDS),
            Field.checkbox("mine", small=True),
            Submit("search", "Search", css_class="govuk-button--secondary"),
        )
