from collections.abc import Callable

from crispy_forms_gds.helper import FormHelper
from crispy_forms_gds.layout import Field, Fluid, Layout, Size, Submit
from django import forms
from django.contrib.auth import forms as auth_forms


def gds_helper(*fields, submit: str) -> FormHelper:
    helper = FormHelper()
    helper.attrs = {"novalidate": True}  # browser validation would hide the error summary
    helper.layout = Layout(*fields, Submit("submit", submit))
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
