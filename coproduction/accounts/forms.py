from collections.abc import Callable

from crispy_forms_gds.fields import DateInputField
from crispy_forms_gds.helper import FormHelper
from crispy_forms_gds.layout import Field, Fluid, Layout, Size, Submit
from django import forms
from django.contrib.auth import forms as auth_forms

from .models import Organisation, ProviderGroupMapping, Role, Team, User, email_key


class RealDateField(DateInputField):
    """A GOV.UK date input (day, month, year) with plain error messages, including when a date
    cannot exist (the library would pass on Python's "month must be in 1..12")."""

    def __init__(self, label: str, *, required: bool = True, help_text: str = "For example, 27 3 2027"):
        super().__init__(label=label, required=required, help_text=help_text)
        self.error_messages.update({
            "required": f"Enter the {label.lower()}",
            "incomplete": f"Enter the {label.lower()} as a day, month and year",
            "invalid": f"{label} must be a real date",
        })

    def compress(self, data_list):
        try:
            return super().compress(data_list)
        except forms.ValidationError:
            raise forms.ValidationError(self.error_messages["invalid"], code="invalid") from None


def date_field(label: str, *, required: bool = False, help_text: str = "For example, 27 3 2027") -> DateInputField:
    return RealDateField(label, required=required, help_text=help_text)


def gds_helper(*fields, submit: str, name: str = "submit") -> FormHelper:
    helper = FormHelper()
    helper.attrs = {"novalidate": True}  # browser validation would hide the error summary
    helper.layout = Layout(*fields, Submit(name, submit))
    return helper


class SignInForm(auth_forms.AuthenticationForm):
    username = forms.EmailField(
        label="Email address",
        error_messages={"required": "Enter your email address", "invalid": "Enter an email address in the correct format, like name@example.com"},
        widget=forms.EmailInput(attrs={"autocomplete": "email", "spellcheck": "false"}),
    )
    password = forms.CharField(
        label="Password",
        strip=False,
        error_messages={"required": "Enter your password"},
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )
    error_messages = {
        "invalid_login": "Enter a correct email address and password",
        "inactive": "This account is switched off. Ask your administrator for help.",
    }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = gds_helper(
            Field.text("username", field_width=Fluid.TWO_THIRDS), Field.text("password", field_width=Fluid.TWO_THIRDS), submit="Sign in"
        )


class PasswordResetRequestForm(auth_forms.PasswordResetForm):
    email = forms.EmailField(
        label="Email address",
        help_text="We will send a link to reset your password if this address has an account.",
        error_messages={"required": "Enter your email address", "invalid": "Enter an email address in the correct format, like name@example.com"},
        widget=forms.EmailInput(attrs={"autocomplete": "email", "spellcheck": "false"}),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = gds_helper(Field.text("email", field_width=Fluid.TWO_THIRDS), submit="Send reset link")


class _NewPasswordMixin:
    def _gds_new_password_fields(self):
        # Django focuses a password field on load: a keyboard or screen reader user would start
        # past the heading and the skip link. GOV.UK pages never move focus on load.
        for field in self.fields.values():
            field.widget.attrs.pop("autofocus", None)
        self.fields["new_password1"].label = "New password"
        self.fields["new_password1"].help_text = "At least 12 characters. Avoid common words and your name."
        self.fields["new_password1"].error_messages["required"] = "Enter a new password"
        self.fields["new_password2"].label = "Confirm new password"
        self.fields["new_password2"].help_text = ""
        self.fields["new_password2"].error_messages["required"] = "Enter the new password again"
        return [Field.text("new_password1", field_width=Fluid.TWO_THIRDS), Field.text("new_password2", field_width=Fluid.TWO_THIRDS)]


class NewPasswordForm(_NewPasswordMixin, auth_forms.SetPasswordForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = gds_helper(*self._gds_new_password_fields(), submit="Set password")


class ChangePasswordForm(_NewPasswordMixin, auth_forms.PasswordChangeForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["old_password"].label = "Current password"
        self.fields["old_password"].error_messages["required"] = "Enter your current password"
        self.helper = gds_helper(
            Field.text("old_password", field_width=Fluid.TWO_THIRDS), *self._gds_new_password_fields(), submit="Change password"
        )


class TokenForm(forms.Form):
    """The six-digit code from an authenticator app."""

    token = forms.CharField(
        label="Security code",
        help_text="The 6-digit code shown in your authenticator app",
        max_length=6,
        error_messages={"required": "Enter the security code"},
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric", "spellcheck": "false"}),
    )

    def __init__(self, *args, verify: Callable[[str], bool], **kwargs):
        super().__init__(*args, **kwargs)
        self.verify = verify
        self.helper = gds_helper(Field.text("token", field_width=5, label_size=Size.SMALL), submit="Continue")

    def clean_token(self) -> str:
        token = self.cleaned_data["token"].replace(" ", "")
        if not (token.isdigit() and len(token) == 6):
            raise forms.ValidationError("Enter the security code as 6 numbers")
        if not self.verify(token):
            raise forms.ValidationError("The security code is wrong or has run out. Enter the code shown now.")
        return token


class AccountForm(forms.ModelForm):
    """An administrator adds or changes an account: who it is, what it may do, which teams."""

    roles = forms.MultipleChoiceField(
        label="Roles",
        choices=Role.choices,
        widget=forms.CheckboxSelectMultiple,
        help_text="Select every role this person has. Each role has its own home page.",
        error_messages={"required": "Select at least one role"},
    )
    teams = forms.ModelMultipleChoiceField(
        label="Teams",
        queryset=Team.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text="Practitioners see their own team's work. Leave empty for people who use services.",
    )
    managed_teams = forms.ModelMultipleChoiceField(
        label="Teams this person manages",
        queryset=Team.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text="Only for team managers. They must also be in the team.",
    )

    class Meta:
        model = User
        fields = ["full_name", "preferred_name", "email", "organisation", "is_active"]
        labels = {
            "full_name": "Full name",
            "preferred_name": "Preferred name (optional)",
            "email": "Email address",
            "organisation": "Organisation (optional)",
            "is_active": "This account can sign in",
        }
        help_texts = {
            "preferred_name": "What the person likes to be called",
            "email": "They sign in with this. We will email it a link to choose a password.",
            "is_active": "Untick when someone leaves. Their records and the audit trail are kept.",
        }
        error_messages = {
            "full_name": {"required": "Enter the person's full name"},
            "email": {
                "required": "Enter an email address",
                "invalid": "Enter an email address in the correct format, like name@example.com",
                "unique": "There is already an account with this email address",
            },
        }

    def __init__(self, *args, acting_user: User | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.acting_user = acting_user
        teams = Team.objects.select_related("organisation").order_by("organisation__name", "name")
        self.fields["teams"].queryset = teams
        self.fields["managed_teams"].queryset = teams
        label = lambda team: f"{team.name} ({team.organisation.name})"  # noqa: E731
        self.fields["teams"].label_from_instance = label
        self.fields["managed_teams"].label_from_instance = label
        self.fields["organisation"].empty_label = "None"
        if self.instance.pk:
            self.initial["roles"] = self.instance.roles
            memberships = list(self.instance.team_memberships.all())
            self.initial["teams"] = [m.team_id for m in memberships]
            self.initial["managed_teams"] = [m.team_id for m in memberships if m.is_manager]
        else:
            del self.fields["is_active"]
        fields = [
            Field.text("full_name", field_width=Fluid.TWO_THIRDS),
            Field.text("preferred_name", field_width=Fluid.ONE_THIRD),
            Field.text("email", field_width=Fluid.TWO_THIRDS),
            Field.select("organisation"),
            Field.checkboxes("roles", legend_size=Size.MEDIUM, small=True),
            Field.checkboxes("teams", legend_size=Size.MEDIUM, small=True),
            Field.checkboxes("managed_teams", legend_size=Size.MEDIUM, small=True),
        ]
        if "is_active" in self.fields:
            fields.append(Field.checkbox("is_active"))
        self.helper = gds_helper(*fields, submit="Save account")

    def clean_email(self) -> str:
        email = email_key(self.cleaned_data["email"])
        if User.objects.filter(email__iexact=email).exclude(pk=self.instance.pk).exists():
            raise forms.ValidationError("There is already an account with this email address")
        return email

    def clean(self):
        cleaned = super().clean()
        if self.acting_user is not None and self.instance.pk == self.acting_user.pk:
            # Nobody can lock themselves out: another administrator must do it.
            if Role.ADMINISTRATOR not in (cleaned.get("roles") or [Role.ADMINISTRATOR]):
                self.add_error("roles", "You cannot remove your own administrator role: ask another administrator")
            if "is_active" in self.fields and not cleaned.get("is_active"):
                self.add_error("is_active", "You cannot switch off your own account: ask another administrator")
        managed = set(cleaned.get("managed_teams") or [])
        if managed and Role.TEAM_MANAGER not in (cleaned.get("roles") or []):
            self.add_error("managed_teams", "Only a team manager can manage a team: select the team manager role, or untick these teams")
        elif managed - set(cleaned.get("teams") or []):
            self.add_error("managed_teams", "A manager must also be in the teams they manage: tick them under Teams too")
        return cleaned


class AccountSearchForm(forms.Form):
    q = forms.CharField(label="Name or email address", required=False, max_length=200)
    role = forms.ChoiceField(label="Role", required=False, choices=[("", "Any role"), *Role.choices])

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = FormHelper()
        self.helper.form_method = "post"  # names and emails never go in the URL
        self.helper.attrs = {"novalidate": True}
        self.helper.layout = Layout(
            Field.text("q", field_width=Fluid.TWO_THIRDS),
            Field.select("role"),
            Submit("search", "Search", css_class="govuk-button--secondary"),
        )


class TeamForm(forms.ModelForm):
    class Meta:
        model = Team
        fields = ["name", "organisation"]
        labels = {"name": "Team name", "organisation": "Organisation"}
        error_messages = {
            "name": {"required": "Enter the team's name"},
            "organisation": {"required": "Select the organisation the team belongs to"},
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].empty_label = "Select an organisation"
        self.helper = gds_helper(Field.text("name", field_width=Fluid.TWO_THIRDS), Field.select("organisation"), submit="Add team", name="add_team")

    def validate_unique(self):
        try:
            self.instance.validate_constraints()
        except forms.ValidationError:
            self.add_error("name", "This organisation already has a team with this name")


class OrganisationForm(forms.ModelForm):
    class Meta:
        model = Organisation
        fields = ["name", "kind"]
        labels = {"name": "Organisation name", "kind": "Kind of organisation"}
        error_messages = {
            "name": {"required": "Enter the organisation's name", "unique": "There is already an organisation with this name"},
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = gds_helper(Field.text("name", field_width=Fluid.TWO_THIRDS), Field.radios("kind", legend_size=Size.SMALL, small=True), submit="Add organisation", name="add_organisation")


class GroupMappingForm(forms.ModelForm):
    class Meta:
        model = ProviderGroupMapping
        fields = ["group_id", "group_name", "role", "team"]
        labels = {"group_id": "Group id", "group_name": "Group name (optional)", "role": "Role", "team": "Team (optional)"}
        help_texts = {
            "group_id": "As the identity provider sends it: for Microsoft Entra ID, the group's object id, like 5f6c1d2e-0a3b-4c5d-8e9f-0123456789ab",
            "group_name": "So administrators know which group this is, like North Adults Team practitioners",
            "team": "Members of the group join this team. For the team manager role they manage it.",
        }
        error_messages = {
            "group_id": {"required": "Enter the group id"},
            "role": {"required": "Select the role the group gives", "invalid_choice": "Select the role the group gives"},
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["role"].choices = [("", "Select a role")] + [choice for choice in self.fields["role"].choices if choice[0]]
        self.fields["team"].empty_label = "No team"
        self.fields["team"].queryset = Team.objects.select_related("organisation").order_by("name")
        self.helper = gds_helper(
            Field.text("group_id", field_width=Fluid.TWO_THIRDS),
            Field.text("group_name", field_width=Fluid.TWO_THIRDS),
            Field.select("role"),
            Field.select("team"),
            submit="Add group",
        )

    def clean_group_id(self) -> str:
        return self.cleaned_data["group_id"].strip()

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("role") == Role.TEAM_MANAGER and not cleaned.get("team"):
            self.add_error("team", "Select the team members of this group manage")
        return cleaned

    def validate_unique(self):
        try:
            self.instance.validate_constraints()
        except forms.ValidationError:
            self.add_error("group_id", "This group already gives this role in this team")
