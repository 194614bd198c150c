from crispy_forms_gds.layout import Field, Fluid, Size
from django import forms
from django.utils import timezone

from coproduction.accounts.forms import date_field, gds_helper
from coproduction.accounts.models import Role, User
from coproduction.core.names import NameFormField

from .models import ActivityKind, DeliveryStatus, LadderRung, MemberRole, Phase, Programme

TITLE_ERRORS = {"required": "Enter a title", "max_length": "The title must be 200 characters or fewer"}
# Coercion has no place in co-production, so it is never offered.
LADDER_CHOICES = [(rung.value, rung.label) for rung in LadderRung if rung != LadderRung.COERCION]
LADDER_HINTS = {
    LadderRung.EDUCATING: "Helping people understand the service",
    LadderRung.INFORMING: "Telling people what was decided and why",
    LadderRung.CONSULTING: "Asking for views, with the decision made elsewhere",
    LadderRung.ENGAGING: "People had more say, on the council's terms",
    LadderRung.CO_DESIGNING: "People had real influence on the design",
    LadderRung.CO_PRODUCING: "Equal partners from start to finish",
}


def text_field(label: str, *, required: bool = True, limit: int = 5000, missing: str = "", help_text: str = "") -> forms.CharField:
    """A GOV.UK textarea field with plain error messages, for commissioning's forms."""
    return forms.CharField(
        label=label, required=required, max_length=limit, widget=forms.Textarea, help_text=help_text,
        error_messages={"required": missing or f"Enter {label[0].lower() + label[1:]}",
                        "max_length": f"{label} must be {limit:,} characters or fewer"},
    )


def line_field(label: str, *, missing: str, limit: int = 200, required: bool = True, help_text: str = "") -> forms.CharField:
    """A one-line text field (a name or a title) with plain error messages."""
    return NameFormField(label=label, max_length=limit, required=required, help_text=help_text, error_messages={
        "required": missing, "max_length": f"{label} must be {limit} characters or fewer"})


def _user_label(user: User) -> str:
    return user.full_name or user.email


class ProgrammeForm(forms.ModelForm):
    """Start a programme, or change its details."""

    lead = forms.ModelChoiceField(
        label="Lead commissioner", queryset=User.objects.none(), empty_label="Select the lead commissioner",
        error_messages={"required": "Select the lead commissioner", "invalid_choice": "Select a commissioner from the list"},
    )

    class Meta:
        model = Programme
        fields = ["title", "summary", "visibility", "lead"]
        labels = {"title": "Title", "summary": "Summary in plain English", "visibility": "Who can read the summary?"}
        help_texts = {
            "title": "For example, Day opportunities for adults with learning disabilities 2027",
            "summary": "What the programme is for and who it is for, in words anyone can follow.",
        }
        widgets = {"visibility": forms.RadioSelect, "summary": forms.Textarea(attrs={"rows": 5})}
        error_messages = {
            "title": TITLE_ERRORS,
            "summary": {"required": "Enter a summary in plain English"},
            "visibility": {"required": "Select who can read the summary"},
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        commissioners = User.objects.filter(roles__contains=[Role.COMMISSIONER.value], is_active=True).order_by("full_name", "pk")
        self.fields["lead"].queryset = commissioners
        self.fields["lead"].label_from_instance = _user_label
        self.fields["visibility"].choices = Programme.Visibility.choices
        layout = [
            Field.text("title", field_width=Fluid.FULL), Field.textarea("summary", rows=5),
            Field.radios("visibility", small=True, legend_size=Size.SMALL), Field.select("lead"),
        ]
        self.helper = gds_helper(*layout, submit="Save the programme" if self.instance.pk else "Start the programme")


class StageMoveForm(forms.Form):
    """Move the programme to another stage, saying why: the move goes into the decisions log."""

    stage = forms.ModelChoiceField(
        label="Which stage is the programme moving to?", queryset=None, widget=forms.RadioSelect, empty_label=None,
        error_messages={"required": "Select the stage the programme is moving to", "invalid_choice": "Select a stage from the list"},
    )
    reason = forms.CharField(
        label="Why is it moving now?", widget=forms.Textarea(attrs={"rows": 4}), max_length=2000,
        help_text="The group reads this in the decisions log and in the message they get, so write it in plain English.",
        error_messages={"required": "Enter why the programme is moving to this stage",
                        "max_length": "The reason must be 2000 characters or fewer"},
    )

    def __init__(self, *args, programme: Programme, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["stage"].queryset = programme.stages.exclude(pk=programme.current_stage_id).order_by("position")
        self.fields["stage"].label_from_instance = lambda stage: f"{stage.get_phase_display()}: {stage.name}"
        self.helper = gds_helper(
            Field.radios("stage", legend_size=Size.MEDIUM), Field.textarea("reason", rows=4), submit="Move the programme",
        )


class KeyDateForm(forms.Form):
    label = forms.CharField(
        label="What happens on this date", max_length=200, help_text="For example, Vote opens",
        error_messages={"required": "Enter what happens on this date", "max_length": "What happens must be 200 characters or fewer"},
    )
    date = date_field("Date", required=True)
    stage = forms.ModelChoiceField(label="Stage (optional)", queryset=None, required=False, empty_label="No particular stage",
                                   error_messages={"invalid_choice": "Select a stage from the list"})

    def __init__(self, *args, programme: Programme, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["stage"].queryset = programme.stages.order_by("position")
        self.helper = gds_helper(Field.text("label", field_width=Fluid.TWO_THIRDS), Field("date"), Field.select("stage"), submit="Add the date")


class StageForm(forms.Form):
    phase = forms.ChoiceField(label="Phase", choices=Phase.choices, widget=forms.RadioSelect,
                              error_messages={"required": "Select the phase", "invalid_choice": "Select plan, do or review"})
    name = NameFormField(label="Name of the stage", max_length=120,
                           error_messages={"required": "Enter a name for the stage", "max_length": "The name must be 120 characters or fewer"})
    description = forms.CharField(label="What happens in this stage (optional)", required=False, widget=forms.Textarea(attrs={"rows": 3}))

    def __init__(self, *args, submit: str, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = gds_helper(
            Field.radios("phase", small=True, inline=True, legend_size=Size.SMALL), Field.text("name", field_width=Fluid.TWO_THIRDS),
            Field.textarea("description", rows=3), submit=submit,
        )


class MemberAddForm(forms.Form):
    email = forms.EmailField(
        label="Email address of their account", help_text="They need an account first. Ask your administrator to make one if they do not have one.",
        error_messages={"required": "Enter the email address of their account", "invalid": "Enter an email address in the correct format, like name@example.com"},
        widget=forms.EmailInput(attrs={"autocomplete": "off", "spellcheck": "false"}),
    )
    member_role = forms.ChoiceField(label="Their role in the group", choices=MemberRole.choices, widget=forms.RadioSelect,
                                    error_messages={"required": "Select their role in the group", "invalid_choice": "Select a role from the list"})

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = gds_helper(Field.text("email", field_width=Fluid.TWO_THIRDS), Field.radios("member_role", small=True, legend_size=Size.SMALL), submit="Add to the group")

    def clean_email(self) -> User:
        email = self.cleaned_data["email"]
        user = User.objects.filter(email__iexact=email, is_active=True).first()
        if user is None:
            raise forms.ValidationError("There is no account with that email address. Check it, or ask your administrator to make an account first")
        self.user = user
        return email


class MemberRoleForm(forms.Form):
    member_role = forms.ChoiceField(label="Their role in the group", choices=MemberRole.choices, widget=forms.RadioSelect,
                                    error_messages={"required": "Select their role in the group", "invalid_choice": "Select a role from the list"})

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = gds_helper(Field.radios("member_role", small=True, legend_size=Size.SMALL), submit="Save their role")


class MemberLeaveForm(forms.Form):
    left_on = date_field("Date they left", required=True)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = gds_helper(Field("left_on"), submit="Record that they left")

    def clean_left_on(self):
        left_on = self.cleaned_data["left_on"]
        if left_on > timezone.localdate():
            raise forms.ValidationError("The date they left must be today or in the past")
        return left_on


class ActivityForm(forms.Form):
    stage = forms.ModelChoiceField(label="Stage", queryset=None, empty_label="Select the stage",
                                   error_messages={"required": "Select the stage", "invalid_choice": "Select a stage from the list"})
    kind = forms.ChoiceField(label="Kind of activity", choices=[("", "Select the kind of activity"), *ActivityKind.choices],
                             error_messages={"required": "Select the kind of activity", "invalid_choice": "Select a kind of activity from the list"})
    title = NameFormField(label="Title", max_length=200, error_messages=TITLE_ERRORS, help_text="For example, Workshop at the Ashfield day centre")
    happened_on = date_field("Date it happened", help_text="Leave empty while it is still being planned. For example, 27 3 2027")
    summary = forms.CharField(label="What happened and what came out of it (optional)", required=False, widget=forms.Textarea(attrs={"rows": 4}))
    ladder_rung = forms.TypedChoiceField(
        label="How much say did people have?", coerce=int, choices=LADDER_CHOICES, widget=forms.RadioSelect,
        error_messages={"required": "Select how much say people had", "invalid_choice": "Select how much say people had from the list"},
    )
    participants = forms.ModelMultipleChoiceField(label="Group members who took part", queryset=None, required=False,
                                                  widget=forms.CheckboxSelectMultiple,
                                                  error_messages={"invalid_choice": "Select people who are in the group now", "invalid_pk_value": "Select people from the list"})
    others_taking_part = forms.IntegerField(
        label="Number of other people who took part", min_value=0, max_value=100_000, initial=0,
        help_text="People who are not in the group, for example residents at a drop-in",
        error_messages={"required": "Enter the number of other people who took part, or 0", "invalid": "Enter the number of other people as a whole number, like 12",
                        "min_value": "The number of other people must be 0 or more", "max_value": "The number of other people must be 100,000 or fewer"},
    )

    def __init__(self, *args, programme: Programme, members, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["stage"].queryset = programme.stages.order_by("position")
        self.fields["stage"].label_from_instance = lambda stage: f"{stage.get_phase_display()}: {stage.name}"
        self.fields["participants"].queryset = members
        self.fields["participants"].label_from_instance = lambda member: f"{_user_label(member.user)} ({member.get_member_role_display().lower()})"
        self.fields["ladder_rung"].help_text = "The ladder of co-production, from informing people to being equal partners."
        self.fields["ladder_rung"].choices = [(value, f"{label}: {LADDER_HINTS[value].lower()}") for value, label in LADDER_CHOICES]
        layout = [
            Field.select("stage"), Field.select("kind"), Field.text("title", field_width=Fluid.FULL), Field("happened_on"),
            Field.textarea("summary", rows=4), Field.radios("ladder_rung", small=True, legend_size=Size.SMALL),
            Field.checkboxes("participants", small=True, legend_size=Size.SMALL), Field.text("others_taking_part", field_width=4),
        ]
        if not members.exists():  # nobody to tick: no empty question
            del self.fields["participants"]
            layout.pop(6)
        self.helper = gds_helper(*layout, submit="Save the activity")


class DecisionForm(forms.Form):
    stage = forms.ModelChoiceField(label="Stage", queryset=None, empty_label="Select the stage",
                                   error_messages={"required": "Select the stage", "invalid_choice": "Select a stage from the list"})
    title = NameFormField(label="Title", max_length=200, error_messages=TITLE_ERRORS, help_text="A short name, for example Open at weekends")
    decision = forms.CharField(label="What was decided", widget=forms.Textarea(attrs={"rows": 4}), error_messages={"required": "Enter what was decided"})
    decided_by = forms.CharField(
        label="Who decided", max_length=300, help_text="For example, the co-production group, by consensus",
        error_messages={"required": "Enter who decided", "max_length": "Who decided must be 300 characters or fewer"},
    )
    decided_on = date_field("Date it was decided", required=True)
    evidence = forms.CharField(label="Evidence it was based on (optional)", required=False, widget=forms.Textarea(attrs={"rows": 4}),
                               help_text="Local data, what people told us, stories shared with consent")
    informed_by = forms.ModelMultipleChoiceField(label="Co-production that informed it", queryset=None, required=False,
                                                 widget=forms.CheckboxSelectMultiple,
                                                 error_messages={"invalid_choice": "Select activities from this programme", "invalid_pk_value": "Select activities from the list"})

    def __init__(self, *args, programme: Programme, revising: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["stage"].queryset = programme.stages.order_by("position")
        self.fields["stage"].label_from_instance = lambda stage: f"{stage.get_phase_display()}: {stage.name}"
        self.fields["informed_by"].queryset = programme.activities.order_by("-happened_on", "title", "pk")
        self.fields["informed_by"].label_from_instance = lambda activity: (
            f"{activity.title} ({activity.happened_on.strftime('%-d %B %Y') if activity.happened_on else 'planned'})"
        )
        layout = [
            Field.select("stage"), Field.text("title", field_width=Fluid.FULL), Field.textarea("decision", rows=4),
            Field.text("decided_by", field_width=Fluid.FULL), Field("decided_on"), Field.textarea("evidence", rows=4),
            Field.checkboxes("informed_by", small=True, legend_size=Size.SMALL),
        ]
        if not self.fields["informed_by"].queryset.exists():  # nothing to tick: no empty question
            del self.fields["informed_by"]
            layout.pop()
        if revising:
            self.fields["reason"] = forms.CharField(
                label="Why is the decision being revised?", widget=forms.Textarea(attrs={"rows": 3}),
                help_text="Everyone reading the decisions log will see this beside both decisions.",
                error_messages={"required": "Enter why the decision is being revised"},
            )
            layout.insert(0, Field.textarea("reason", rows=3, label_size=Size.SMALL))
        self.helper = gds_helper(*layout, submit="Record the revised decision" if revising else "Record the decision")

    def decision_data(self) -> dict:
        keys = ("stage", "title", "decision", "decided_by", "decided_on", "evidence", "informed_by")
        return {key: self.cleaned_data[key] for key in keys if key in self.cleaned_data}


class DecisionFilterForm(forms.Form):
    stage = forms.TypedChoiceField(label="Stage", coerce=int, required=False, empty_value=None)

    def __init__(self, *args, stages, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["stage"].choices = [("", "All stages")] + [(stage.pk, f"{stage.get_phase_display()}: {stage.name}") for stage in stages]


class DeliveryForm(forms.Form):
    """How far a decision has got, for the programme's "You said, we did" page."""

    you_said = forms.CharField(
        label="What people asked for (“You said”)", required=False, widget=forms.Textarea(attrs={"rows": 3}),
        help_text="In their words where you can. Shown on the public page beside what was done.",
    )
    status = forms.ChoiceField(
        label="Where is the work up to?", choices=DeliveryStatus.choices, widget=forms.RadioSelect,
        error_messages={"required": "Select where the work is up to", "invalid_choice": "Select where the work is up to"},
    )
    percent = forms.IntegerField(
        label="How much is done, in per cent (optional)", required=False, min_value=0, max_value=100,
        error_messages={
            "invalid": "How much is done must be a whole number, like 40",
            "min_value": "How much is done must be between 0 and 100",
            "max_value": "How much is done must be between 0 and 100",
        },
    )
    stopped_reason = forms.CharField(
        label="Why the work stopped", required=False, widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Needed when the work has stopped. People will read this, so say it plainly.",
    )
    update = forms.CharField(
        label="News (optional)", required=False, widget=forms.Textarea(attrs={"rows": 3}),
        help_text="What has happened, for example “The art club met for the first time”.",
    )
    evidence = forms.CharField(
        label="Evidence (optional)", required=False, widget=forms.Textarea(attrs={"rows": 2}),
        help_text="How people can see it happened: numbers, a report’s name, a link.",
    )

    milestone = NameFormField(
        label="Add a milestone (optional)", required=False, max_length=200,
        help_text="A step on the way, for example “First session held”.",
    )

    def __init__(self, *args, open_milestones=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["happened_on"] = date_field("When it happened (optional)", help_text="Leave empty for today. For example, 27 3 2027")
        self.fields["milestone_due"] = date_field("When the milestone is due")
        layout = [
            Field.textarea("you_said", rows=3), Field.radios("status", legend_size=Size.MEDIUM),
            Field.text("percent", field_width=Fluid.ONE_QUARTER), Field.textarea("stopped_reason", rows=3),
            Field.textarea("update", rows=3), Field.textarea("evidence", rows=2), Field("happened_on"),
            Field.text("milestone", field_width=Fluid.TWO_THIRDS), Field("milestone_due"),
        ]
        if open_milestones:
            self.fields["milestones_reached"] = forms.ModelMultipleChoiceField(
                label="Milestones reached", required=False, queryset=open_milestones, widget=forms.CheckboxSelectMultiple,
                error_messages={"invalid_choice": "Select milestones from the list", "invalid_pk_value": "Select milestones from the list"},
            )
            self.fields["milestones_reached"].label_from_instance = lambda m: f"{m.title} (due {m.due_on.strftime('%-d %B %Y')})"
            layout.append(Field.checkboxes("milestones_reached", small=True, legend_size=Size.SMALL))
        self.helper = gds_helper(*layout, submit="Save progress")

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("status") == DeliveryStatus.STOPPED and not cleaned.get("stopped_reason", "").strip():
            self.add_error("stopped_reason", "Enter why the work stopped")
        return cleaned
