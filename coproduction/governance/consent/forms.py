"""The form for withdrawing a consent."""

from crispy_forms_gds.helper import FormHelper
from crispy_forms_gds.layout import Button, Field, Layout
from django import forms

REASON_MAX = 2000


class ConsentWithdrawForm(forms.Form):
    reason = forms.CharField(
        label="How did they tell you, and why?", widget=forms.Textarea(attrs={"rows": 4}), max_length=REASON_MAX,
        help_text="For example, “Told me at her review on 3 March that she no longer wants her son to see the plan.”",
        error_messages={
            "required": "Enter how they told you they are withdrawing their consent",
            "max_length": f"The reason must be {REASON_MAX:,} characters or fewer",
        },
    )

    def __init__(self, *args, own: bool, **kwargs):
        super().__init__(*args, **kwargs)
        if own:
            # Withdrawing must be as easy as giving: a person never has to say why.
            field = self.fields["reason"]
            field.required = False
            field.label = "Why are you withdrawing it? (optional)"
            field.help_text = "You do not have to say. If you do, it helps us get things right."
        self.helper = FormHelper()
        self.helper.attrs = {"novalidate": True}
        self.helper.layout = Layout(Field.textarea("reason"), Button.warning("withdraw", "Withdraw consent"))
