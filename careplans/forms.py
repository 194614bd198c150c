from datetime import date

from crispy_forms_gds.choices import Choice
from crispy_forms_gds.fields import DateInputField
from crispy_forms_gds.helper import FormHelper
from crispy_forms_gds.layout import Field, Fieldset, Fluid, Layout, Size, Submit
from django import forms

from coproduction.accounts.forms import date_field, gds_helper
from coproduction.accounts.models import Role, User
from coproduction.core.names import NameFormField
from coproduction.core.postcodes import normalise_postcode

from .formats import AUDIO, BRAILLE, EASY_READ, LARGE_PRINT, STANDARD
from .models import AgreedHow, Conversation, OutcomeProgress, Review, ReviewItem, ReviewTheme
from coproduction.people.models import CommunicationNeed, Person, Representative
from .sections import COPY_FORMAT, WHOSE_WORDS, ItemList, Kind, Section
from .sections import Field as PlanField
from .selectors import practitioners_for, teams_for


def _date_field(label: str, *, required: bool = False, help_text: str = "") -> DateInputField:
    return date_field(label, required=required, help_text=help_text or "For example, 27 3 1950")


def _account_for(email: str, *, role: Role, field_label: str) -> User:
    user = User.objects.filter(email__iexact=email, is_active=True).first()
    if user is None:
        raise forms.ValidationError(f"There is no active account with that email address. Leave {field_label} empty, or ask an administrator to add the account first")
    if role.value not in user.roles:
        raise forms.ValidationError(f"That account is not for a {role.label.lower()}")
    return user


POSTCODE_HINT = "Used only to find local groups and places near where they live. For example, LA9 4DL"
POSTCODE_WRONG = "Enter a full UK postcode, like LA9 4DL"


def _postcode(text: str) -> str:
    """A postcode as kept ("LA9 4DL"), "" when none was given."""
    text = (text or "").strip()
    if not text:
        return ""
    postcode = normalise_postcode(text)
    if postcode is None:
        raise forms.ValidationError(POSTCODE_WRONG)
    return postcode


class PostcodeForm(forms.Form):
    """The person, or someone writing the plan with them, records the postcode local options are found near."""

    postcode = forms.CharField(label="Postcode", required=False, max_length=10, help_text="For example, LA9 4DL",
                               error_messages={"max_length": POSTCODE_WRONG})

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = gds_helper(Field.text("postcode", field_width=10), submit="Save")

    def clean_postcode(self):
        return _postcode(self.cleaned_data.get("postcode", ""))


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
    postcode = forms.CharField(label="Their home postcode (optional)", required=False, max_length=10, help_text=POSTCODE_HINT,
                               error_messages={"max_length": POSTCODE_WRONG})
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
            "best_time_and_place", "postcode", "communication_notes", "capacity", "capacity_assessed_by", "team", "practitioner",
            "review_statements_opt_out",
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
            "review_statements_opt_out": "They do not want what they say in reviews used to improve services",
        }
        help_texts = {
            "review_statements_opt_out": "Without their name, the council groups what many people say is working and not "
            "working to decide what to change (Working Together for Change). Tick this if they say no.",
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
                Field.text("postcode", field_width=10),
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
            Fieldset(
                Field.checkbox("review_statements_opt_out", small=True),
                legend="Using what they say in reviews", legend_size=Size.MEDIUM,
            ),
            submit="Save",
        )

    def clean_date_of_birth(self):
        value = self.cleaned_data.get("date_of_birth")
        if value and value > date.today():
            raise forms.ValidationError("Date of birth must be in the past")
        return value

    def clean_postcode(self):
        return _postcode(self.cleaned_data.get("postcode", ""))

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
    name = NameFormField(label="Their name", max_length=200, error_messages={"required": "Enter their name"})
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
    name = NameFormField(label="Name", required=False, max_length=200)
    reference = forms.CharField(label="Case system ID or NHS number", required=False, max_length=50)
    mine = forms.BooleanField(label="Only people allocated to me", required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = FormHelper()
        self.helper.form_method = "post"  # names never go in the URL
        # With JavaScript, the results swap in place; without, the page reloads the same way.
        self.helper.attrs = {"novalidate": True, "hx-post": "", "hx-target": "#caseload-table", "hx-swap": "outerHTML", "hx-select": "#caseload-table"}
        self.helper.layout = Layout(
            Field.text("name", field_width=Fluid.TWO_THIRDS),
            Field.text("reference", field_width=Fluid.ONE_THIRD),
            Field.checkbox("mine", small=True),
            Submit("search", "Search", css_class="govuk-button--secondary"),
        )


# --- Plan sections ------------------------------------------------------------------------

COMPLETED_CHOICES = [("yes", "Yes, I've completed this section"), ("no", "No, I'll come back to it later")]
YES_NO = [("yes", "Yes"), ("no", "No")]


def _plan_field(field: PlanField) -> forms.Field:
    if field.kind == Kind.TEXT:
        return forms.CharField(label=field.label, required=False, help_text=field.hint, widget=forms.Textarea)
    if field.kind == Kind.CHOICE:
        return forms.ChoiceField(label=field.label, required=False, choices=field.choices, widget=forms.RadioSelect, help_text=field.hint)
    if field.kind == Kind.YES_NO:
        return forms.ChoiceField(label=field.label, required=False, choices=YES_NO, widget=forms.RadioSelect)
    if field.kind == Kind.DATE:
        return _date_field(field.label, help_text=field.hint or "For example, 27 3 2027")
    if field.kind == Kind.MONEY:
        return forms.DecimalField(
            label=field.label, required=False, min_value=0, max_digits=9, decimal_places=2,
            error_messages={"invalid": f"Enter {field.label.lower()} as an amount, like 125.50", "min_value": "Enter an amount of 0 or more", "max_decimal_places": "Enter the amount in pounds and pence, like 125.50"},
        )
    raise ValueError(field.kind)


def _layout_for(field: PlanField, form_field_name: str):
    if field.kind == Kind.TEXT:
        return Field.textarea(form_field_name, rows=4)
    if field.kind in (Kind.CHOICE, Kind.YES_NO):
        return Field.radios(form_field_name, small=True, legend_size=Size.SMALL)
    if field.kind == Kind.MONEY:
        return Field.text(form_field_name, field_width=10)
    return Field(form_field_name)


def _whose_field(label: str) -> forms.ChoiceField:
    return forms.ChoiceField(
        label=f"Whose words are in “{label}”?", choices=WHOSE_WORDS, required=False, widget=forms.RadioSelect,
    )


def _stored(field: PlanField, value):
    if value in (None, ""):
        return None
    if field.kind == Kind.DATE:
        return value.isoformat()
    if field.kind == Kind.MONEY:
        return str(value)
    return value


def _initial(field: PlanField, value):
    if field.kind == Kind.DATE and value:
        return date.fromisoformat(value)
    return value


class SectionForm(forms.Form):
    """One section of the plan: its fields, whose words each text is, and whether it is done.

    ``writer`` is who is writing: "staff" say whose words each answer is; the person
    ("person") and their representative ("representative") write in their own words, recorded as
    theirs without asking, and never see the questions only the council answers."""

    completed = forms.ChoiceField(
        label="Have you completed this section?", choices=COMPLETED_CHOICES, widget=forms.RadioSelect,
        error_messages={"required": "Select whether you have completed this section"},
    )
    seen_version = forms.IntegerField(required=False, widget=forms.HiddenInput, min_value=0)

    def __init__(self, *args, section: Section, stored: dict, writer: str = "staff", **kwargs):
        super().__init__(*args, **kwargs)
        self.section, self.stored, self.writer = section, stored, writer
        self.initial["seen_version"] = stored.get("version", 0)
        layout = []
        for field in self.editable_fields:
            self.fields[field.name] = _plan_field(field)
            raw = stored.get("fields", {}).get(field.name)
            layout.append(_layout_for(field, field.name))
            if field.kind == Kind.TEXT and (field.council_decides or writer != "staff"):
                self.initial[field.name] = raw.get("text") if isinstance(raw, dict) else raw
            elif field.kind == Kind.TEXT:
                self.fields[f"{field.name}__whose"] = _whose_field(field.label)
                layout.append(Field.radios(f"{field.name}__whose", small=True, inline=True, legend_size=Size.SMALL))
                if isinstance(raw, dict):
                    self.initial[field.name], self.initial[f"{field.name}__whose"] = raw.get("text"), raw.get("whose")
            else:
                self.initial[field.name] = _initial(field, raw)
        self.fields["completed"] = self.fields.pop("completed")  # last, after the section's own questions
        if stored.get("status"):
            self.initial["completed"] = "yes" if stored["status"] == "completed" else "no"
        self.helper = gds_helper(
            *layout, Field.radios("completed", small=True, legend_size=Size.MEDIUM), Field("seen_version"), submit="Save and continue",
        )
        # With JavaScript the section saves without a full page load; without, a normal post.
        self.helper.attrs["hx-boost"] = "true"

    @property
    def editable_fields(self) -> list[PlanField]:
        return [field for field in self.section.fields if self.writer == "staff" or not field.council_decides]

    def clean(self):
        cleaned = super().clean()
        for field in self.editable_fields:
            if f"{field.name}__whose" in self.fields and cleaned.get(field.name) and not cleaned.get(f"{field.name}__whose"):
                self.add_error(f"{field.name}__whose", f"Select whose words are in “{field.label}”")
        return cleaned

    def stored_fields(self) -> dict:
        """The section's answers as saved: what this writer may not change is kept as it was."""
        saved = self.stored.get("fields", {})
        stored = {name: value for name, value in saved.items() if name not in {field.name for field in self.editable_fields}}
        for field in self.editable_fields:
            value = self.cleaned_data.get(field.name)
            if field.kind != Kind.TEXT:
                stored[field.name] = _stored(field, value)
            elif value:
                stored[field.name] = {"text": value, "whose": self._whose(field, value, saved.get(field.name))}
        return stored

    def _whose(self, field: PlanField, text: str, saved) -> str:
        if field.council_decides:
            return "practitioner"  # the council's decision, never the person's own words
        if self.writer == "staff":
            return self.cleaned_data.get(f"{field.name}__whose")
        if isinstance(saved, dict) and saved.get("text") == text:
            return saved.get("whose")  # not changed: still whoever wrote it
        return self.writer  # the person's (or representative's) own words, as they wrote them


class ItemForm(forms.Form):
    """One item of a list in a section (an option, a support item, a contact...)."""

    def __init__(self, *args, item_list: ItemList, writer: str = "staff", **kwargs):
        super().__init__(*args, **kwargs)
        self.item_list, self.writer = item_list, writer
        layout = []
        for index, field in enumerate(item_list.fields):
            self.fields[field.name] = _plan_field(field)
            if index == 0:
                self.fields[field.name].required = True
                self.fields[field.name].error_messages["required"] = f"Enter the {field.label.lower()}"
            if field.kind == Kind.TEXT:
                self.fields[field.name].widget = forms.TextInput() if index == 0 else forms.Textarea(attrs={"rows": 2})
                layout.append(Field.text(field.name, field_width=Fluid.TWO_THIRDS) if index == 0 else Field.textarea(field.name, rows=2))
            else:
                layout.append(_layout_for(field, field.name))
        if writer == "staff":
            self.fields["whose"] = forms.ChoiceField(
                label=f"Whose words are in this {item_list.item_name}?", choices=WHOSE_WORDS, widget=forms.RadioSelect,
                error_messages={"required": f"Select whose words are in this {item_list.item_name}"},
            )
            layout.append(Field.radios("whose", small=True, inline=True, legend_size=Size.SMALL))
        self.helper = gds_helper(*layout, submit=f"Add this {item_list.item_name}", name=f"add_{item_list.name}")
        self.helper.attrs["hx-boost"] = "true"

    def stored_item(self) -> dict:
        item = {field.name: _stored(field, self.cleaned_data.get(field.name)) for field in self.item_list.fields}
        item["whose"] = self.cleaned_data["whose"] if self.writer == "staff" else self.writer
        return {name: value for name, value in item.items() if value is not None}


class InvolvementForm(forms.Form):
    """The person (or their representative) says in their own words how they took part."""

    how = forms.CharField(label="How did you take part in making this plan?", widget=forms.Textarea, error_messages={"required": "Tell us how you took part"})
    listened = forms.ChoiceField(label="Did you feel listened to?", choices=[("yes", "Yes"), ("partly", "Partly"), ("no", "No")], widget=forms.RadioSelect, error_messages={"required": "Select whether you felt listened to"})
    listened_more = forms.CharField(label="Anything more you want to say (optional)", required=False, widget=forms.Textarea)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = gds_helper(
            Field.textarea("how", rows=5, label_size=Size.SMALL), Field.radios("listened", small=True, legend_size=Size.SMALL),
            Field.textarea("listened_more", rows=3), submit="Save",
        )


class AgreementForm(forms.Form):
    """The practitioner records an agreement given another way, or a best-interests decision."""

    how = forms.ChoiceField(label="How was the plan agreed?", widget=forms.RadioSelect, error_messages={"required": "Select how the plan was agreed"})
    agreed_by_name = NameFormField(label="Who agreed it", max_length=200, error_messages={"required": "Enter who agreed the plan"})
    agreed_on = date_field("Date they agreed it", required=True, help_text="For example, 27 3 2027")
    consulted = forms.CharField(
        label="Who was consulted (for a best-interests decision)", required=False, widget=forms.Textarea,
        help_text="Their names, how they know the person, and what they said",
    )
    notes = forms.CharField(label="Anything they would still like to change, or more about how they agreed (optional)", required=False, widget=forms.Textarea)

    def __init__(self, *args, person: Person, what: str = "the plan", **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["how"].label = f"How was {what} agreed?"
        self.fields["how"].error_messages["required"] = f"Select how {what} was agreed"
        self.fields["agreed_by_name"].error_messages["required"] = f"Enter who agreed {what}"
        choices = [(value, label[:1].upper() + label[1:]) for value, label in AgreedHow.choices if value != AgreedHow.ON_SCREEN]
        if person.capacity != Person.Capacity.LACKS:
            choices = [choice for choice in choices if choice[0] != AgreedHow.BEST_INTERESTS]
        self.fields["how"].choices = choices
        self.fields["agreed_by_name"].help_text = f"{person.full_name}, or their representative; for a best-interests decision, the decision maker"
        self.initial.setdefault("agreed_by_name", person.full_name)
        self.helper = gds_helper(
            Field.radios("how", small=True, legend_size=Size.SMALL), Field.text("agreed_by_name", field_width=Fluid.TWO_THIRDS),
            Field("agreed_on"), Field.textarea("consulted", rows=3), Field.textarea("notes", rows=3), submit="Record the agreement",
        )

    def clean_agreed_on(self):
        value = self.cleaned_data.get("agreed_on")
        if value and value > date.today():
            raise forms.ValidationError("The date they agreed must be today or in the past")
        return value


class OwnAgreementForm(forms.Form):
    """The person (or their representative) agrees their plan on screen, or says not yet and why."""

    answer = forms.ChoiceField(
        label="Do you agree with this plan?", widget=forms.RadioSelect,
        choices=[("agree", "I have read my plan and I agree with it"), ("not_yet", "I do not agree yet")],
        error_messages={"required": "Select whether you agree with the plan"},
    )
    text = forms.CharField(
        label="What would you still like to change?", required=False, widget=forms.Textarea, max_length=5000,
        help_text="If you agree, this is optional. If you do not agree yet, tell us why, so your practitioner can talk it through with you.",
        error_messages={"max_length": "Write 5,000 characters or fewer"},
    )

    def __init__(self, *args, can_agree: bool = True, review: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        self.can_agree = can_agree
        if review:  # a finished review's outcome, agreed the same way as the plan
            self.fields["answer"].label = "Do you agree with what was decided at the review?"
            self.fields["answer"].choices = [("agree", "I have read what we decided at my review and I agree"), ("not_yet", "I do not agree yet")]
            self.fields["answer"].error_messages["required"] = "Select whether you agree with what was decided"
        if not can_agree:
            self.fields["answer"].choices = [("not_yet", "I do not agree yet")]
        self.helper = gds_helper(Field.radios("answer", legend_size=Size.MEDIUM), Field.textarea("text", rows=4), submit="Send")

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("answer") == "not_yet" and not cleaned.get("text", "").strip():
            self.add_error("text", "Tell us why you do not agree yet")
        return cleaned


class ConversationForm(forms.Form):
    """A conversation about what matters: four questions, in the person's words."""

    what_matters = forms.CharField(label=Conversation.QUESTIONS["what_matters"], required=False, widget=forms.Textarea, max_length=5000)
    good_at = forms.CharField(label=Conversation.QUESTIONS["good_at"], required=False, widget=forms.Textarea, max_length=5000)
    people_places = forms.CharField(label=Conversation.QUESTIONS["people_places"], required=False, widget=forms.Textarea, max_length=5000)
    working = forms.CharField(label=Conversation.QUESTIONS["working"], required=False, widget=forms.Textarea, max_length=5000)

    def __init__(self, *args, writer: str, name: str, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            field.error_messages["max_length"] = "Write 5,000 characters or fewer"
        if writer == "staff":
            self.fields["what_matters"].help_text = f"In {name}’s own words, as you write them down together"
        self.helper = gds_helper(
            *(Field.textarea(name, rows=4, label_size=Size.SMALL) for name in Conversation.QUESTIONS), submit="Save",
        )

    def clean(self):
        cleaned = super().clean()
        if not self.errors and not any(cleaned.get(name, "").strip() for name in Conversation.QUESTIONS):
            self.add_error("what_matters", "Write at least one answer")
        return cleaned


class CommentForm(forms.Form):
    text = forms.CharField(
        label="Your comment", widget=forms.Textarea, max_length=5000,
        error_messages={"required": "Write your comment", "max_length": "Your comment must be 5,000 characters or fewer"},
    )

    def __init__(self, *args, section: Section, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["text"].label = f"Your comment on “{section.title}”"
        self.helper = gds_helper(Field.textarea("text", rows=4, label_size=Size.SMALL), submit="Add comment", name=f"comment_{section.key}")


# --- Reviews ------------------------------------------------------------------------------


class ReviewStartForm(forms.Form):
    held_on = _date_field("Date of the review", required=True, help_text="For example, 27 10 2026")
    took_part = forms.CharField(
        label="Who took part (optional)", required=False, widget=forms.Textarea(attrs={"rows": 2}),
    )

    def __init__(self, *args, name: str, **kwargs):
        super().__init__(*args, **kwargs)
        # An example naming the person reviewed, not someone else on the caseload.
        self.fields["took_part"].help_text = f"For example, {name}, their carer or family, and you (with your job title)"
        self.helper = gds_helper(Field("held_on"), Field.textarea("took_part", rows=2), submit="Start the review")


class PreparedStatementForm(forms.Form):
    """Getting ready for a review: one statement, in the person's (or representative's) words."""

    kind = forms.ChoiceField(
        label="What is it about?", choices=ReviewItem.Kind.choices, widget=forms.RadioSelect,
        error_messages={"required": "Select what it is about"},
    )
    text = forms.CharField(
        label="In your own words", widget=forms.Textarea(attrs={"rows": 3}), max_length=5000,
        error_messages={"required": "Write what you want to say", "max_length": "Write 5,000 characters or fewer"},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = gds_helper(Field.radios("kind", small=True, legend_size=Size.SMALL), Field.textarea("text", rows=3), submit="Add this")


class ReviewItemForm(forms.ModelForm):
    class Meta:
        model = ReviewItem
        fields = ["kind", "perspective", "text", "theme"]
        labels = {"kind": "What kind of statement is it?", "perspective": "Who said it?", "text": "What they said, in their words", "theme": "Theme (optional)"}
        widgets = {"kind": forms.RadioSelect, "perspective": forms.RadioSelect, "text": forms.Textarea(attrs={"rows": 3})}
        error_messages = {
            "kind": {"required": "Select what kind of statement it is"},
            "perspective": {"required": "Select who said it"},
            "text": {"required": "Enter what they said"},
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Radios have no "---------" choice: a model field's blank one is for select boxes.
        self.fields["kind"].choices = ReviewItem.Kind.choices
        self.fields["perspective"].choices = ReviewItem.Perspective.choices
        self.fields["theme"].queryset = ReviewTheme.objects.filter(active=True)
        self.fields["theme"].empty_label = "No theme"
        self.helper = gds_helper(
            Field.radios("kind", small=True, legend_size=Size.SMALL), Field.radios("perspective", small=True, legend_size=Size.SMALL),
            Field.textarea("text", rows=3), Field.select("theme"), submit="Add this statement", name="add_item",
        )


class ReviewFinishForm(forms.Form):
    decision = forms.ChoiceField(
        label="What did you decide together?", choices=Review.Decision.choices, widget=forms.RadioSelect,
        error_messages={"required": "Select what you decided"},
    )
    decision_notes = forms.CharField(label="Why (optional)", required=False, widget=forms.Textarea(attrs={"rows": 3}))

    def __init__(self, *args, outcomes: list[str], **kwargs):
        super().__init__(*args, **kwargs)
        self.outcomes = outcomes
        layout = []
        for index, outcome in enumerate(outcomes):
            self.fields[f"progress_{index}"] = forms.ChoiceField(
                label=f"Progress with “{outcome}”", choices=OutcomeProgress.Progress.choices, widget=forms.RadioSelect,
                error_messages={"required": f"Select the progress with “{outcome}”"},
            )
            layout.append(Field.radios(f"progress_{index}", small=True, inline=True, legend_size=Size.SMALL))
        self.helper = gds_helper(
            *layout, Field.radios("decision", small=True, legend_size=Size.MEDIUM), Field.textarea("decision_notes", rows=3),
            submit="Finish the review", name="finish",
        )

    def progress_rows(self) -> list[dict]:
        return [{"outcome": outcome, "progress": self.cleaned_data[f"progress_{index}"]} for index, outcome in enumerate(self.outcomes)]


class ReviewThemeForm(forms.ModelForm):
    class Meta:
        model = ReviewTheme
        fields = ["name"]
        labels = {"name": "New theme"}
        error_messages = {"name": {"required": "Enter the theme", "unique": "There is already a theme with this name"}}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = gds_helper(Field.text("name", field_width=Fluid.TWO_THIRDS), submit="Add theme")


class PlanCopiesForm(forms.Form):
    """The formats to make a copy of the plan in; a format this server cannot make says why."""

    formats = forms.MultipleChoiceField(
        label="Which formats do you want?", widget=forms.CheckboxSelectMultiple,
        help_text="Select all that you want. Each copy is made in the background: this page shows when it is ready.",
        error_messages={"required": "Select at least one format", "invalid_choice": "Select a format from the list"},
    )

    def __init__(self, *args, unavailable: dict[str, str], needed: str = "", **kwargs):
        super().__init__(*args, **kwargs)
        hints = {
            STANDARD: "A PDF, like the plan on screen.",
            LARGE_PRINT: "A PDF where every word is at least 18 point.",
            EASY_READ: "A PDF with short sentences and a picture beside each part.",
            BRAILLE: "The Easy Read words in Unified English Braille (grade 2), for an embosser or a braille display.",
            AUDIO: "The Easy Read words read aloud by a computer voice: one sound file for each part.",
        }
        labels = dict(COPY_FORMAT)
        labels[BRAILLE] = "Braille-ready file"
        self.unavailable = unavailable
        self.fields["formats"].choices = [
            Choice(value, labels[value], hint=unavailable.get(value) or hints[value])
            for value in (STANDARD, LARGE_PRINT, EASY_READ, BRAILLE, AUDIO)
        ]
        if needed and not self.is_bound and needed not in unavailable:
            self.initial["formats"] = [needed]
        self.helper = gds_helper(Field.checkboxes("formats", legend_size=Size.MEDIUM), submit="Make the copies")

    def clean_formats(self):
        chosen = self.cleaned_data["formats"]
        missing = [self.unavailable[value] for value in chosen if self.unavailable.get(value)]
        if missing:
            raise forms.ValidationError(missing[0])
        return chosen
