from crispy_forms_gds.layout import HTML, Field, Fieldset, Fluid, Size
from django import forms
from django.core.validators import MaxLengthValidator
from django.utils import timezone

from commissioning.meeting_forms import ClockField
from commissioning.models import GroupMember, MemberRole
from coproduction.accounts.forms import RealDateField, gds_helper
from coproduction.core.names import NameFormField

from .models import Access, GuestInvitation, Idea, Invitation, Workshop, WorkshopKind

NOTES_LIMIT = 20_000
IDEA_LIMIT = 2_000
def member_label(member: GroupMember) -> str:
    return f"{member.user.display_name} ({MemberRole(member.member_role).label.lower()})"


def _access_checkboxes(label: str, help_text: str) -> forms.MultipleChoiceField:
    return forms.MultipleChoiceField(
        label=label, help_text=help_text, choices=Access.choices, required=False, widget=forms.CheckboxSelectMultiple,
        error_messages={"invalid_choice": "Select from the list"},
    )


class WorkshopForm(forms.ModelForm):
    date = RealDateField("Date")
    starts_at = ClockField(label="Start time")
    ends_at = ClockField(label="End time")
    arrangements = _access_checkboxes(
        "What will you offer so that everyone can take part?", "Select all that you will offer."
    )
    stage = forms.ModelChoiceField(
        label="Which stage of the programme is it part of?", queryset=None, empty_label=None,
        error_messages={"required": "Select the stage", "invalid_choice": "Select a stage of this programme"},
    )

    class Meta:
        model = Workshop
        fields = [
            "kind", "title", "purpose", "date", "starts_at", "ends_at", "format", "place", "why_this_place",
            "joining_instructions", "arrangements", "other_arrangements", "capacity",
        ]
        labels = {
            "kind": "What kind of event is it?",
            "title": "Name of the event",
            "purpose": "What is it for?",
            "format": "Is it face to face or online?",
            "place": "Where is it?",
            "why_this_place": "Why does this place suit the people you are inviting?",
            "joining_instructions": "How to join",
            "other_arrangements": "Anything else you will offer (optional)",
            "capacity": "How many people can come? (optional)",
        }
        help_texts = {
            "purpose": "In plain English: what you want to find out, design or decide together.",
            "place": "The name and address of the place. Leave this empty if the event is online.",
            "why_this_place": "Go to where people are: somewhere they already go, easy to reach and welcoming. "
            "For example, the day centre people use, a library or a community café.",
            "joining_instructions": "Online: the link, meeting code or phone number, and who to call if it does not work. "
            "Face to face: anything people need to know to get in (optional). Only invited people see this.",
            "capacity": "Leave this empty if there is no limit.",
        }
        error_messages = {
            "kind": {"required": "Select what kind of event it is"},
            "title": {"required": "Enter the name of the event", "max_length": "The name must be 200 characters or fewer"},
            "purpose": {"required": "Enter what the event is for"},
            "format": {"required": "Select face to face or online"},
            "capacity": {"invalid": "Enter how many people can come as a number, like 20", "min_value": "Enter how many people can come as a number, like 20"},
        }
        widgets = {
            "kind": forms.RadioSelect,
            "format": forms.RadioSelect,
            "purpose": forms.Textarea(attrs={"rows": 4}),
            "place": forms.Textarea(attrs={"rows": 3}),
            "why_this_place": forms.Textarea(attrs={"rows": 3}),
            "joining_instructions": forms.Textarea(attrs={"rows": 3}),
            "other_arrangements": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args, programme, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kind"].choices = WorkshopKind.choices
        self.fields["format"].choices = Workshop.Format.choices
        self.fields["stage"].queryset = programme.stages.order_by("position")
        self.fields["stage"].label_from_instance = lambda stage: f"{stage.get_phase_display()}: {stage.name}"
        if self.instance.pk:
            self.fields["stage"].initial = self.instance.activity.stage_id
        else:
            self.fields["stage"].initial = programme.current_stage_id
        self.fields["capacity"].widget.attrs.update({"inputmode": "numeric"})
        self.helper = gds_helper(
            Field.radios("kind", legend_size=Size.MEDIUM, small=True),
            Field.text("title", field_width=Fluid.FULL),
            Field.textarea("purpose", rows=4),
            Field.select("stage"),
            Fieldset(
                Field("date"), Field.text("starts_at", field_width=5), Field.text("ends_at", field_width=5),
                legend="When is it?", legend_size=Size.MEDIUM,
            ),
            Fieldset(
                Field.radios("format", small=True, inline=True),
                Field.textarea("place", rows=3), Field.textarea("why_this_place", rows=3),
                Field.textarea("joining_instructions", rows=3),
                legend="Where is it?", legend_size=Size.MEDIUM,
            ),
            Field.checkboxes("arrangements", legend_size=Size.MEDIUM, small=True),
            Field.textarea("other_arrangements", rows=3),
            Field.text("capacity", field_width=4),
            submit="Save the event",
        )

    def clean(self):
        cleaned = super().clean()
        starts, ends = cleaned.get("starts_at"), cleaned.get("ends_at")
        if starts and ends and ends <= starts:
            self.add_error("ends_at", "The end time must be after the start time")
        if cleaned.get("format") == Workshop.Format.ONLINE:
            if not cleaned.get("joining_instructions", "").strip():
                self.add_error("joining_instructions", "Enter how to join the event online")
            cleaned["place"] = ""
        elif cleaned.get("format") == Workshop.Format.FACE_TO_FACE and not cleaned.get("place", "").strip():
            self.add_error("place", "Enter where the event is")
        return cleaned


class InviteForm(forms.Form):
    members = forms.ModelMultipleChoiceField(
        label="Who are you inviting?", help_text="Select everyone you have sent an invitation to.",
        queryset=None, widget=forms.CheckboxSelectMultiple,
        error_messages={"required": "Select at least one person to invite", "invalid_choice": "Select people from the list",
                        "invalid_pk_value": "Select people from the list"},
    )
    sent_on = RealDateField("Date you sent the invitations")

    def __init__(self, *args, members, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["members"].queryset = members
        self.fields["members"].label_from_instance = member_label
        self.fields["sent_on"].initial = timezone.localdate()
        self.helper = gds_helper(
            Field.checkboxes("members", legend_size=Size.MEDIUM, small=True), Field("sent_on"), submit="Record the invitations"
        )

    def clean_sent_on(self):
        sent_on = self.cleaned_data["sent_on"]
        if sent_on > timezone.localdate():
            raise forms.ValidationError("The date you sent the invitations must be today or in the past")
        return sent_on


class GuestInviteForm(forms.Form):
    """Invite someone who has no account, by name and how to reach them."""

    name = NameFormField(label="Their name", max_length=200, error_messages={
        "required": "Enter the name of the person you are inviting", "max_length": "The name must be 200 characters or fewer"})
    how_to_reach = forms.CharField(
        label="How to reach them", widget=forms.Textarea(attrs={"rows": 3}), max_length=1000,
        help_text="A postal address, phone number or email address, or who passes messages on. Only the organisers see this.",
        error_messages={"required": "Enter how to reach them", "max_length": "How to reach them must be 1000 characters or fewer"},
    )
    sent_how = forms.ChoiceField(
        label="How are you sending the invitation?", choices=GuestInvitation.SentHow.choices, widget=forms.RadioSelect,
        error_messages={"required": "Select how you are sending the invitation", "invalid_choice": "Select from the list"},
    )
    sent_on = RealDateField("Date you sent it")
    access_needs = _access_checkboxes(
        "What do they need so that they can take part?", "Select all that they have told you. Only the organisers see this.",
    )
    anything_else = forms.CharField(
        label="Anything else they told you (optional)", required=False, widget=forms.Textarea(attrs={"rows": 3}), max_length=1000,
        error_messages={"max_length": "Anything else must be 1000 characters or fewer"},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["sent_on"].initial = timezone.localdate()
        self.helper = gds_helper(
            Field.text("name"), Field.textarea("how_to_reach", rows=3), Field.radios("sent_how", legend_size=Size.SMALL, small=True),
            Field("sent_on"), Field.checkboxes("access_needs", legend_size=Size.SMALL, small=True),
            Field.textarea("anything_else", rows=3), submit="Record the invitation",
        )

    def clean_sent_on(self):
        sent_on = self.cleaned_data["sent_on"]
        if sent_on > timezone.localdate():
            raise forms.ValidationError("The date you sent it must be today or in the past")
        return sent_on


class ReplyForm(forms.ModelForm):
    access_needs = _access_checkboxes(
        "What do you need so that you can take part?",
        "Select all that you need. Only the people organising the event will see this.",
    )

    class Meta:
        model = Invitation
        fields = ["reply", "access_needs", "anything_else"]
        labels = {
            "reply": "Are you coming?",
            "anything_else": "Anything else we should know? (optional)",
        }
        help_texts = {
            "anything_else": "For example, how you like people to talk with you, or something that would make it easier to come. "
            "Only the people organising the event will see this.",
        }
        error_messages = {"reply": {"required": "Select if you are coming", "invalid_choice": "Select if you are coming"}}
        widgets = {"reply": forms.RadioSelect, "anything_else": forms.Textarea(attrs={"rows": 4})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["reply"].choices = Invitation.Reply.choices
        self.fields["reply"].required = True
        self.fields["anything_else"].validators.append(MaxLengthValidator(IDEA_LIMIT))
        self.fields["anything_else"].error_messages["max_length"] = f"What you tell us must be {IDEA_LIMIT:,} characters or fewer"
        self.helper = gds_helper(
            Field.radios("reply", legend_size=Size.MEDIUM),
            Field.checkboxes("access_needs", legend_size=Size.MEDIUM),
            Field.textarea("anything_else", rows=4),
            submit="Send your reply",
        )

    def clean(self):
        cleaned = super().clean()
        workshop = self.instance.workshop
        if not workshop.replies_open():
            self.add_error("reply", f"Replies closed on {workshop.date:%-d %B %Y}, the day of the event")
        return cleaned


class AttendanceForm(forms.Form):
    attended = forms.ModelMultipleChoiceField(
        label="Who came?", help_text="Select everyone who was invited and came.", queryset=None, required=False,
        widget=forms.CheckboxSelectMultiple, error_messages={"invalid_choice": "Select people from the list", "invalid_pk_value": "Select people from the list"},
    )
    others = forms.IntegerField(
        label="How many other people came?",
        help_text="People who were not on the list, for example residents who came along on the day. Enter 0 if nobody else came.",
        min_value=0, max_value=100_000,
        error_messages={"required": "Enter how many other people came, or 0", "invalid": "Enter how many other people came as a number, like 3",
                        "min_value": "Enter how many other people came as a number, like 3", "max_value": "Enter how many other people came as a number, like 3"},
        widget=forms.TextInput(attrs={"inputmode": "numeric"}),
    )

    def __init__(self, *args, workshop: Workshop, invitations, **kwargs):
        super().__init__(*args, **kwargs)
        self.workshop = workshop
        self.fields["attended"].queryset = invitations
        self.fields["attended"].label_from_instance = lambda invitation: member_label(invitation.member)
        self.helper = gds_helper(
            Field.checkboxes("attended", legend_size=Size.MEDIUM, small=True),
            Field.text("others", field_width=4),
            submit="Save who came",
        )

    def clean(self):
        cleaned = super().clean()
        if not self.workshop.has_happened():
            self.add_error(
                "attended" if self.fields["attended"].queryset.exists() else "others",
                f"You can record who came on or after {self.workshop.date:%-d %B %Y}, when the event happens",
            )
        return cleaned


class NotesForm(forms.ModelForm):
    class Meta:
        model = Workshop
        fields = ["notes"]
        labels = {"notes": "Notes"}
        help_texts = {"notes": "What happened and what people said, in plain English. Everyone in the group can read this, "
                               "so do not write anything about a person's health or needs."}
        widgets = {"notes": forms.Textarea(attrs={"rows": 8})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["notes"].validators.append(MaxLengthValidator(NOTES_LIMIT))
        self.fields["notes"].error_messages["max_length"] = f"Notes must be {NOTES_LIMIT:,} characters or fewer"
        self.helper = gds_helper(Field.textarea("notes", label_size=Size.MEDIUM, rows=8), submit="Save the notes", name="save_notes")


class IdeaForm(forms.Form):
    text = forms.CharField(
        label="The idea", help_text="One idea, in the words people used where you can.", max_length=IDEA_LIMIT,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": "Enter the idea", "max_length": f"The idea must be {IDEA_LIMIT:,} characters or fewer"},
    )
    whose = forms.ChoiceField(
        label="In whose words?", choices=[("", "Not recorded")] + [c for c in Idea.Whose.choices if c[0]], required=False,
        widget=forms.RadioSelect, error_messages={"invalid_choice": "Select whose words these are"},
    )
    said_by = forms.ModelChoiceField(
        label="Which group member? (if a group member)", queryset=None, required=False, empty_label="Select a member",
        error_messages={"invalid_choice": "Select a member of the group"},
    )

    def __init__(self, *args, members, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["said_by"].queryset = members
        self.fields["said_by"].label_from_instance = member_label
        self.helper = gds_helper(
            Field.textarea("text", rows=3), Field.radios("whose", small=True), Field.select("said_by"),
            submit="Add the idea", name="add_idea",
        )

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("whose") == Idea.Whose.MEMBER and not cleaned.get("said_by"):
            self.add_error("said_by", "Select which group member said it")
        return cleaned


class FedForm(forms.Form):
    """Which of the programme's priorities, outcomes and specification sections the event fed."""

    def __init__(self, *args, choices: dict, **kwargs):
        super().__init__(*args, **kwargs)
        layout = []
        labels = {
            "priorities": "Which priorities did it feed?",
            "outcomes": "Which outcomes did it feed?",
            "sections": "Which parts of the specification did it feed?",
        }
        for name, (queryset, label_from_instance) in choices.items():
            if not queryset.exists():
                continue
            field = forms.ModelMultipleChoiceField(
                label=labels[name], queryset=queryset, required=False, widget=forms.CheckboxSelectMultiple,
                error_messages={"invalid_choice": "Select from the list", "invalid_pk_value": "Select from the list"},
            )
            field.label_from_instance = label_from_instance
            self.fields[name] = field
            layout.append(Field.checkboxes(name, legend_size=Size.MEDIUM, small=True))
        if not layout:
            layout.append(HTML('<p class="govuk-body">This programme has no priorities, outcomes or specification yet.</p>'))
        self.helper = gds_helper(*layout, submit="Save")

