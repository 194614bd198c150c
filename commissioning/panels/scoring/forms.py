from crispy_forms_gds.layout import Field, Fluid, Size
from django import forms
from django.conf import settings

from coproduction.accounts.forms import gds_helper
from coproduction.core.uploads import document_upload_kind, megabytes

from ..models import BidResponse

DEFAULT_BID_MAX_BYTES = 10 * 1024 * 1024


def bid_max_bytes() -> int:
    return getattr(settings, "PANEL_BID_MAX_BYTES", DEFAULT_BID_MAX_BYTES)


class ResponseForm(forms.Form):
    text = forms.CharField(
        label="The bidder's answer", required=False, widget=forms.Textarea, max_length=50000,
        help_text="Type or paste the answer, or upload it below.",
        error_messages={"max_length": "The answer must be 50,000 characters or fewer"},
    )
    file = forms.FileField(
        label="Upload the answer (optional)", required=False,
        error_messages={"invalid": "The selected file could not be read: choose it again", "empty": "The selected file is empty"},
    )

    def __init__(self, *args, has_file: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        self.has_file = has_file
        self.fields["file"].help_text = f"A PDF or Word document (DOCX), up to {megabytes(bid_max_bytes())}."
        if has_file:
            self.fields["file"].help_text += " Uploading a file replaces the one saved."
        self.helper = gds_helper(Field.textarea("text", rows=12, label_size=Size.MEDIUM), Field("file"), submit="Save the answer")
        self.file_type = ""

    def clean_file(self):
        upload = self.cleaned_data.get("file")
        if upload:
            self.file_type = document_upload_kind(upload, max_bytes=bid_max_bytes())
        return upload

    def clean(self):
        cleaned = super().clean()
        if not self.errors and not (cleaned.get("text") or "").strip() and not cleaned.get("file") and not self.has_file:
            self.add_error("text", "Enter the bidder's answer or upload it")
        return cleaned


def _score_choices(score_max: int) -> list[tuple[str, str]]:
    return [(str(value), str(value)) for value in range(score_max + 1)]


class ScoreForm(forms.Form):
    value = forms.TypedChoiceField(label="Your score", coerce=int, widget=forms.RadioSelect)
    reason = forms.CharField(
        label="Why you gave this score", widget=forms.Textarea, max_length=5000,
        help_text="Say what in the answer led you to this score. The panel reads your reason at moderation.",
        error_messages={"required": "Enter the reason for your score", "max_length": "The reason must be 5,000 characters or fewer"},
    )

    def __init__(self, *args, score_max: int, submit: str = "Submit my score", **kwargs):
        super().__init__(*args, **kwargs)
        message = f"Select a score from 0 to {score_max}"
        self.fields["value"].choices = _score_choices(score_max)
        self.fields["value"].error_messages = {"required": message, "invalid_choice": message}
        self.fields["value"].help_text = f"0 is the lowest score and {score_max} the highest."
        self.helper = gds_helper(
            Field.radios("value", legend_size=Size.MEDIUM, inline=True), Field.textarea("reason", rows=5), submit=submit
        )

    def clean_reason(self):
        reason = self.cleaned_data["reason"].strip()
        if not reason:
            raise forms.ValidationError("Enter the reason for your score")
        return reason


class ModerationForm(ScoreForm):
    def __init__(self, *args, score_max: int, **kwargs):
        super().__init__(*args, score_max=score_max, submit="Save the moderated score", **kwargs)
        self.fields["value"].label = "Moderated score"
        self.fields["reason"].label = "Rationale: why the panel agreed this score"
        self.fields["reason"].help_text = "Bidders see this in their feedback letter. Refer to the answer, not to who scored what."
        message = "Enter the rationale for the moderated score"
        self.fields["reason"].error_messages = {**self.fields["reason"].error_messages, "required": message}
        self.helper = gds_helper(
            Field.radios("value", legend_size=Size.MEDIUM, inline=True), Field.textarea("reason", rows=5), submit="Save the moderated score"
        )

    def clean_reason(self):
        reason = self.cleaned_data["reason"].strip()
        if not reason:
            raise forms.ValidationError("Enter the rationale for the moderated score")
        return reason


class ShortlistForm(forms.Form):
    """For each shortlisting question: does the bid meet it, and why."""

    CHOICES = [("yes", "Yes, it meets this"), ("no", "No, it does not meet this")]

    def __init__(self, *args, questions, **kwargs):
        super().__init__(*args, **kwargs)
        self.questions = questions
        layout = []
        for number, question in enumerate(questions, start=1):
            self.fields[f"result_{question.pk}"] = forms.ChoiceField(
                label=f"{number}. {question.text} ({question.get_kind_display().lower()})", choices=self.CHOICES,
                widget=forms.RadioSelect, error_messages={"required": "Select whether the bid meets this"},
            )
            self.fields[f"reason_{question.pk}"] = forms.CharField(
                label="Why?", widget=forms.Textarea, max_length=5000,
                help_text="The bidder reads this if their bid is not shortlisted.",
                error_messages={"required": "Enter the reason", "max_length": "The reason must be 5,000 characters or fewer"},
            )
            layout += [Field.radios(f"result_{question.pk}", legend_size=Size.SMALL), Field.textarea(f"reason_{question.pk}", rows=3)]
        self.helper = gds_helper(*layout, submit="Save the shortlisting")

    def results(self) -> dict[int, tuple[bool, str]]:
        return {
            question.pk: (self.cleaned_data[f"result_{question.pk}"] == "yes", self.cleaned_data[f"reason_{question.pk}"])
            for question in self.questions
        }


class PoundsField(forms.DecimalField):
    """An amount in pounds as people type it: "240000", "240,000.00" or "£240,000"."""

    def to_python(self, value):
        if isinstance(value, str):
            value = value.replace("£", "").replace(",", "").strip()
        return super().to_python(value)


class PriceForm(forms.Form):
    bid_price = PoundsField(
        label="Price bid, in pounds", max_digits=12, decimal_places=2,
        help_text="The total the bidder asks for the contract, for example 240,000.00.",
        error_messages={"required": "Enter the price bid", "invalid": "Enter the price as an amount, like 240,000.00",
                        "max_digits": "The price is too large", "max_decimal_places": "Enter the price to the nearest penny"},
    )
    notes = forms.CharField(
        label="Notes (optional)", widget=forms.Textarea, max_length=5000, required=False,
        help_text="For example, what the price covers.",
        error_messages={"max_length": "This must be 5,000 characters or fewer"},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = gds_helper(
            Field.text("bid_price", field_width=Fluid.ONE_QUARTER), Field.textarea("notes", rows=4), submit="Save the price",
        )

    def clean_bid_price(self):
        price = self.cleaned_data["bid_price"]
        if price is not None and price <= 0:
            raise forms.ValidationError("Enter the price bid, more than £0")
        return price


class AwardForm(forms.Form):
    bidder = forms.TypedChoiceField(label="Which bidder does the panel recommend?", coerce=int, widget=forms.RadioSelect,
                                    error_messages={"required": "Select the bidder the panel recommends",
                                                    "invalid_choice": "Select the bidder the panel recommends"})
    recommendation = forms.CharField(
        label="The award recommendation", widget=forms.Textarea, max_length=5000,
        help_text="In plain English: who the panel recommends and why. This goes into the programme's decisions log.",
        error_messages={"required": "Enter the award recommendation", "max_length": "The recommendation must be 5,000 characters or fewer"},
    )
    decided_by = forms.CharField(
        label="Who took the decision", max_length=300, initial="The procurement panel, at moderation",
        error_messages={"required": "Enter who took the decision", "max_length": "This must be 300 characters or fewer"},
    )

    def __init__(self, *args, totals, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["bidder"].choices = [(total.bidder_id, f"{total.name} ({total.overall_percent} out of 100)") for total in totals]
        self.helper = gds_helper(
            Field.radios("bidder", legend_size=Size.MEDIUM), Field.textarea("recommendation", rows=6),
            Field.text("decided_by", field_width=Fluid.TWO_THIRDS), submit="Record the award",
        )


class AnnotationForm(forms.Form):
    response = forms.TypedChoiceField(label="What is the note about?", coerce=int, required=False, empty_value=None)
    text = forms.CharField(
        label="Your note", widget=forms.Textarea, max_length=5000,
        help_text="Scores cannot change after the award. A note is kept beside them for anyone who reads the panel's record.",
        error_messages={"required": "Enter your note", "max_length": "The note must be 5,000 characters or fewer"},
    )

    def __init__(self, *args, responses: list[BidResponse], **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["response"].choices = [("", "The panel as a whole")] + [
            (response.pk, f"{response.bidder.name}: {response.question.text[:80]}") for response in responses
        ]
        self.fields["response"].error_messages = {"invalid_choice": "Select what the note is about"}
        self.helper = gds_helper(Field.select("response"), Field.textarea("text", rows=5), submit="Add the note")
