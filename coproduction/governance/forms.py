"""Forms more than one part of governance uses."""

from crispy_forms_gds.helper import FormHelper
from crispy_forms_gds.layout import Button, Layout
from django import forms


class ConfirmForm(forms.Form):
    """A confirmation page's single button: no fields to fill in."""

    def __init__(self, *args, button: str, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = FormHelper()
        self.helper.layout = Layout(Button.warning("confirm", button))
