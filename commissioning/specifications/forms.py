from crispy_forms_gds.layout import Field, Fluid, Size
from django import forms

from coproduction.accounts.forms import gds_helper
from coproduction.core.names import NameFormField

from .models import BidderQuestion, SectionComment, ShortlistQuestion
from .services import PRICE_ONCE_MESSAGE, weights_total


class SpecificationForm(forms.Form):
    title = NameFormField(
        label="Name of the specification", max_length=200,
        help_text="For example, “Day opportunities in the north of the borough”.",
        error_messages={"required": "Enter the name of the specification", "max_length": "The name must be 200 characters or fewer"},
    )
    decision = forms.ModelChoiceField(
        label="Which decision does it carry out? (optional)", required=False, queryset=None, empty_label="None yet",
        help_text="So anyone can follow the idea from the decision to the service.",
    )

    def __init__(self, *args, decisions, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["decision"].queryset = decisions
        self.helper = gds_helper(Field.text("title", field_width=Fluid.TWO_THIRDS), Field.select("decision"), submit="Start the specification")


class SectionForm(forms.Form):
    text = forms.CharField(label="Wording", required=False, widget=forms.Textarea, max_length=20000,
                           error_messages={"max_length": "The wording must be 20,000 characters or fewer"})
    informed_by = forms.ModelMultipleChoiceField(
        label="Which co-production activities shaped this section?", required=False, queryset=None,
        widget=forms.CheckboxSelectMultiple, help_text="Select all that apply.",
    )

    def __init__(self, *args, section, activities, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["text"].label = f"Wording of “{section.title}”"
        self.fields["informed_by"].queryset = activities
        fields = [Field.textarea("text", rows=12, label_size=Size.MEDIUM)]
        if activities.exists():
            fields.append(Field.checkboxes("informed_by", legend_size=Size.SMALL, small=True))
        else:
            del self.fields["informed_by"]
        self.helper = gds_helper(*fields, submit="Save this section")


class CommentForm(forms.ModelForm):
    class Meta:
        model = SectionComment
        fields = ["text", "proposed_wording"]
        labels = {"text": "Your comment", "proposed_wording": "Wording you suggest (optional)"}
        help_texts = {"proposed_wording": "If you would write part of this section differently, write it here in your own words."}
        error_messages = {"text": {"required": "Write your comment"}}

    def __init__(self, *args, section, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["text"].label = f"Your comment on “{section.title}”"
        self.fields["text"].max_length = 5000
        self.helper = gds_helper(
            Field.textarea("text", rows=5, label_size=Size.MEDIUM), Field.textarea("proposed_wording", rows=5), submit="Send comment"
        )

    def clean_text(self):
        text = self.cleaned_data["text"].strip()
        if len(text) > 5000:
            raise forms.ValidationError("Your comment must be 5,000 characters or fewer")
        return text


class AnswerForm(forms.ModelForm):
    class Meta:
        model = SectionComment
        fields = ["answer", "reply"]
        labels = {"answer": "What did you do with this comment?", "reply": "Your reply"}
        help_texts = {"reply": "The person who commented will see this. Say what changed, or why not, in plain English."}
        widgets = {"answer": forms.RadioSelect}
        error_messages = {"answer": {"required": "Select what you did with this comment"}, "reply": {"required": "Write a reply"}}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["answer"].required = True
        self.fields["answer"].choices = SectionComment.Answer.choices
        self.fields["reply"].required = True
        self.helper = gds_helper(
            Field.radios("answer", legend_size=Size.MEDIUM), Field.textarea("reply", rows=4), submit="Send answer"
        )


class CriterionForm(forms.Form):
    criterion_id = forms.IntegerField(required=False, widget=forms.HiddenInput)
    title = NameFormField(label="Criterion", max_length=200, required=False,
                            error_messages={"max_length": "The criterion must be 200 characters or fewer"})
    description = forms.CharField(label="What bidders must show (optional)", required=False, widget=forms.Textarea(attrs={"rows": 3}))
    weight = forms.IntegerField(
        label="Weight (out of 100)", required=False, min_value=1, max_value=100,
        error_messages={"invalid": "Enter the weight as a whole number, like 20", "min_value": "The weight must be 1 or more",
                        "max_value": "The weight must be 100 or less"},
        widget=forms.NumberInput(attrs={"inputmode": "numeric", "class": "govuk-input govuk-input--width-3"}),
    )
    scored_on_price = forms.BooleanField(
        label="This is price, worked out by formula", required=False,
        help_text="The panel does not score price: it is worked out by the formula lowest price ÷ this bid's price × weight.",
    )
    remove = forms.BooleanField(label="Remove this criterion", required=False)

    def clean(self):
        data = super().clean()
        if data.get("remove") or not (data.get("title") or data.get("weight") or data.get("description")):
            return data
        if not data.get("title"):
            self.add_error("title", "Enter the criterion")
        if data.get("weight") is None and "weight" not in self.errors:
            self.add_error("weight", "Enter the weight")
        return data

    @property
    def in_use(self) -> bool:
        data = self.cleaned_data
        return not data.get("remove") and bool(data.get("title"))


class BaseCriteriaFormSet(forms.BaseFormSet):
    def clean(self):
        if any(self.errors):
            return
        kept = [form.cleaned_data for form in self.forms if form.in_use]
        if not kept:
            raise forms.ValidationError("Enter at least one criterion")
        total = weights_total(item["weight"] for item in kept)
        if total != 100:
            raise forms.ValidationError(f"The weights must add up to 100. They add up to {total}")
        if sum(1 for item in kept if item.get("scored_on_price")) > 1:
            raise forms.ValidationError(PRICE_ONCE_MESSAGE)


CriteriaFormSet = forms.formset_factory(CriterionForm, formset=BaseCriteriaFormSet, extra=2, max_num=30, absolute_max=40)


class QuestionForm(forms.ModelForm):
    class Meta:
        model = BidderQuestion
        fields = ["text", "kind"]
        labels = {"text": "The question bidders will answer", "kind": "How will bidders answer it?"}
        widgets = {"kind": forms.RadioSelect}
        error_messages = {"text": {"required": "Enter the question"}, "kind": {"required": "Select how bidders will answer it"}}

    def __init__(self, *args, submit: str = "Add this question", **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kind"].choices = BidderQuestion.Kind.choices
        self.helper = gds_helper(Field.textarea("text", rows=4, label_size=Size.MEDIUM), Field.radios("kind", legend_size=Size.SMALL), submit=submit)


class ShortlistQuestionForm(forms.ModelForm):
    class Meta:
        model = ShortlistQuestion
        fields = ["text", "kind"]
        labels = {"text": "The question or standard", "kind": "What kind is it?"}
        help_texts = {
            "text": "For example, “Is the provider registered with the Care Quality Commission?” or “Staff have "
                    "a DBS check before they start”.",
        }
        widgets = {"kind": forms.RadioSelect}
        error_messages = {"text": {"required": "Enter the question"}, "kind": {"required": "Select what kind it is"}}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kind"].choices = ShortlistQuestion.Kind.choices
        self.helper = gds_helper(
            Field.textarea("text", rows=3, label_size=Size.MEDIUM), Field.radios("kind", legend_size=Size.SMALL),
            submit="Add this question",
        )


class GlossaryTermForm(forms.Form):
    term = forms.CharField(label="Word or phrase", max_length=100,
                           error_messages={"required": "Enter the word or phrase", "max_length": "The word or phrase must be 100 characters or fewer"})
    explanation = forms.CharField(
        label="What it means, in plain English", widget=forms.Textarea, max_length=2000,
        help_text="Short sentences and everyday words. Imagine explaining it to someone at a bus stop.",
        error_messages={"required": "Enter what it means", "max_length": "The explanation must be 2,000 characters or fewer"},
    )

    def __init__(self, *args, submit: str = "Save", **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = gds_helper(Field.text("term", field_width=Fluid.ONE_HALF), Field.textarea("explanation", rows=4), submit=submit)
