from crispy_forms_gds.layout import HTML, Field, Fieldset, Fluid, Size
from django import forms
from django.core.validators import MaxLengthValidator
from django.utils import timezone

from coproduction.accounts.forms import date_field, gds_helper
from coproduction.core.names import NameFormField

from .models import Evidence, Indicator, Outcome, Priority

TEXT_LIMIT = 3000
COMMENT_LIMIT = 2000
EVIDENCE_MAX_BYTES = 10 * 1024 * 1024  # 10 MB: a report or a spreadsheet, not a video

# Extension -> (content type served back, how the file's first bytes must start).
EVIDENCE_FILE_TYPES: dict[str, tuple[str, tuple[bytes, ...]]] = {
    "pdf": ("application/pdf", (b"%PDF-",)),
    "csv": ("text/csv", ()),  # text: checked below
    "xlsx": ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", (b"PK\x03\x04",)),
    "ods": ("application/vnd.oasis.opendocument.spreadsheet", (b"PK\x03\x04",)),
    "xls": ("application/vnd.ms-excel", (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1",)),
}
EVIDENCE_CONTENT_TYPES = {kind: content_type for kind, (content_type, _) in EVIDENCE_FILE_TYPES.items()}


class ProposalForm(forms.ModelForm):
    class Meta:
        model = Priority
        fields = ["kind", "title", "description"]
        labels = {
            "kind": "What are you suggesting?",
            "title": "Your priority or outcome, in a few words",
            "description": "Why it matters",
        }
        help_texts = {
            "title": "For example, “More to do at weekends” or “I have things to do that I enjoy, near where I live”",
            "description": "Say why it matters to you or to people you know. Plain words are best.",
        }
        error_messages = {
            "kind": {"required": "Select whether it is a priority or a desired outcome", "invalid_choice": "Select whether it is a priority or a desired outcome"},
            "title": {"required": "Enter your priority or outcome", "max_length": "Your priority or outcome must be 200 characters or fewer"},
            "description": {"required": "Enter why it matters"},
        }
        widgets = {"kind": forms.RadioSelect, "description": forms.Textarea(attrs={"rows": 5})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kind"].choices = [
            (Priority.Kind.PRIORITY, "A priority: something the service should focus on"),
            (Priority.Kind.OUTCOME, "A desired outcome: what would be different for people, in their own words"),
        ]
        self.fields["description"].max_length = TEXT_LIMIT
        self.fields["description"].error_messages["max_length"] = f"Why it matters must be {TEXT_LIMIT:,} characters or fewer"
        self.fields["description"].validators.append(MaxLengthValidator(TEXT_LIMIT))
        self.helper = gds_helper(
            Field.radios("kind", legend_size=Size.MEDIUM),
            Field.text("title"),
            Field.textarea("description", rows=5),
            submit="Send your suggestion",
        )


class CommentForm(forms.Form):
    text = forms.CharField(
        label="Your comment", max_length=COMMENT_LIMIT, widget=forms.Textarea(attrs={"rows": 4}),
        help_text="Group members will see your comment with your name.",
        error_messages={"required": "Enter your comment", "max_length": f"Your comment must be {COMMENT_LIMIT:,} characters or fewer"},
    )

    def __init__(self, *args, action: str, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = gds_helper(Field.textarea("text", rows=4, label_size=Size.MEDIUM), submit="Add your comment")
        self.helper.form_action = action


class ShortlistForm(forms.Form):
    """A place number for each priority, typed in: works without JavaScript. Empty means not on
    the shortlist. Places must start at 1, with no gaps and no place used twice."""

    decided_by = forms.CharField(
        label="Who agreed the shortlist", max_length=300,
        help_text="For example, “The co-production group, at the meeting on 12 March, by consensus”",
        error_messages={"required": "Enter who agreed the shortlist"},
    )
    decided_on = date_field("Date it was agreed", required=True)
    revision_reason = forms.CharField(
        label="Why the shortlist has changed", required=False, widget=forms.Textarea(attrs={"rows": 3}),
        help_text="This is shown in the decisions log beside the earlier shortlist.",
    )

    def __init__(self, *args, candidates: list[Priority], current_ranks: dict[int, int], revising: bool, **kwargs):
        initial = kwargs.pop("initial", {})
        initial.update({f"rank_{pk}": rank for pk, rank in current_ranks.items()})
        super().__init__(*args, initial=initial, **kwargs)
        self.candidates = candidates
        self.revising = revising
        rank_fields = []
        for priority in candidates:
            name = f"rank_{priority.pk}"
            supporters = priority.support_count
            self.fields[name] = forms.IntegerField(
                label=priority.title, required=False, min_value=1, max_value=len(candidates),
                help_text=f"{priority.get_kind_display()}, supported by {supporters} member{'' if supporters == 1 else 's'}",
                error_messages={
                    "invalid": f"Enter the place for “{priority.title}” as a number, like 1",
                    "min_value": f"The place for “{priority.title}” must be 1 or more",
                    "max_value": f"The place for “{priority.title}” must be {len(candidates)} or less",
                },
                widget=forms.TextInput(attrs={"inputmode": "numeric", "spellcheck": "false"}),
            )
            rank_fields.append(Field.text(name, field_width=2))
        if not revising:
            del self.fields["revision_reason"]
        later = [Field.text("decided_by"), Field("decided_on")] + ([Field.textarea("revision_reason", rows=3)] if revising else [])
        self.helper = gds_helper(
            Fieldset(
                *rank_fields,
                legend="Place in the shortlist",
                legend_size=Size.MEDIUM,
            ),
            *later,
            submit="Record the agreed shortlist",
        )

    def clean(self):
        cleaned = super().clean()
        places: dict[int, list[Priority]] = {}
        for priority in self.candidates:
            rank = cleaned.get(f"rank_{priority.pk}")
            if rank is not None:
                places.setdefault(rank, []).append(priority)
        for rank, priorities in places.items():
            if len(priorities) > 1:
                for priority in priorities:
                    self.add_error(f"rank_{priority.pk}", f"Place {rank} is given to more than one priority: give each priority its own place")
        if not places and not any(f"rank_{p.pk}" in self.errors for p in self.candidates):
            if self.candidates:
                self.add_error(f"rank_{self.candidates[0].pk}", "Give at least one priority a place in the shortlist, starting at 1")
        elif places and all(len(p) == 1 for p in places.values()):
            missing = [n for n in range(1, max(places) + 1) if n not in places]
            if missing:
                target = places[min(n for n in places if n > missing[0])][0]
                self.add_error(f"rank_{target.pk}", f"Number the places from 1 with no gaps: nothing is in place {missing[0]}")
        if self.revising and not cleaned.get("revision_reason", "").strip():
            self.add_error("revision_reason", "Enter why the shortlist has changed")
        decided_on = cleaned.get("decided_on")
        if decided_on and decided_on > timezone.localdate():
            self.add_error("decided_on", "The date it was agreed must be today or in the past")
        return cleaned

    def ranked(self) -> list[Priority]:
        ranks = {p.pk: self.cleaned_data.get(f"rank_{p.pk}") for p in self.candidates}
        return sorted((p for p in self.candidates if ranks[p.pk] is not None), key=lambda p: ranks[p.pk])


class OutcomeForm(forms.ModelForm):
    class Meta:
        model = Outcome
        fields = ["title", "description"]
        labels = {"title": "The outcome, in people's own words", "description": "What it means (optional)"}
        help_texts = {"title": "For example, “I have things to do that I enjoy, near where I live”", "description": ""}
        error_messages = {"title": {"required": "Enter the outcome", "max_length": "The outcome must be 300 characters or fewer"}}
        widgets = {"title": forms.Textarea(attrs={"rows": 2}), "description": forms.Textarea(attrs={"rows": 4})}

    def __init__(self, *args, with_position: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        layout = [Field.textarea("title", rows=2), Field.textarea("description", rows=4)]
        if with_position:
            self.fields["position"] = forms.IntegerField(
                label="Place in the framework", min_value=1, max_value=999, initial=self.instance.position,
                help_text="Outcomes are listed in this order, 1 first.",
                error_messages={"required": "Enter the place in the framework, like 1", "invalid": "Enter the place as a number, like 1",
                                "min_value": "The place must be 1 or more", "max_value": "The place must be 999 or less"},
                widget=forms.TextInput(attrs={"inputmode": "numeric"}),
            )
            layout.append(Field.text("position", field_width=2))
        self.helper = gds_helper(*layout, submit="Save the outcome")


class IndicatorForm(forms.ModelForm):
    class Meta:
        model = Indicator
        fields = ["name", "how_measured", "who_measures", "data_source"]
        labels = {
            "name": "Indicator: what will show the outcome is happening",
            "how_measured": "How it will be measured",
            "who_measures": "Who measures it",
            "data_source": "Where the figures come from (optional)",
        }
        help_texts = {
            "name": "For example, “People who say they do things they enjoy each week”",
            "how_measured": "For example, “A short survey every 6 months, in Easy Read”",
            "who_measures": "For example, “People who use the service, in a peer survey”",
            "data_source": "For example, “The provider's quarterly return”",
        }
        error_messages = {
            "name": {"required": "Enter the indicator", "max_length": "The indicator must be 300 characters or fewer"},
            "how_measured": {"required": "Enter how it will be measured"},
            "who_measures": {"required": "Enter who measures it", "max_length": "Who measures it must be 300 characters or fewer"},
            "data_source": {"max_length": "Where the figures come from must be 300 characters or fewer"},
        }
        widgets = {"how_measured": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, with_position: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        layout = [Field.text("name"), Field.textarea("how_measured", rows=3), Field.text("who_measures"), Field.text("data_source")]
        if with_position:
            self.fields["position"] = forms.IntegerField(
                label="Place in the list", min_value=1, max_value=999, initial=self.instance.position,
                error_messages={"required": "Enter the place in the list, like 1", "invalid": "Enter the place as a number, like 1",
                                "min_value": "The place must be 1 or more", "max_value": "The place must be 999 or less"},
                widget=forms.TextInput(attrs={"inputmode": "numeric"}),
            )
            layout.append(Field.text("position", field_width=2))
        self.helper = gds_helper(*layout, submit="Save the indicator")


class EvidenceForm(forms.Form):
    kind = forms.ChoiceField(
        label="What kind of evidence is it?", widget=forms.RadioSelect,
        choices=[
            (Evidence.Kind.LOCAL_DATA, "Local data: figures about the area or the service"),
            (Evidence.Kind.STORY, "A story: something that happened to someone, told with their agreement"),
            (Evidence.Kind.ANECDOTAL, "Anecdotal evidence: things people have said or seen"),
        ],
        error_messages={"required": "Select what kind of evidence it is", "invalid_choice": "Select what kind of evidence it is"},
    )
    title = NameFormField(label="Title", max_length=200, error_messages={"required": "Enter a title", "max_length": "The title must be 200 characters or fewer"})
    text = forms.CharField(
        label="The evidence", widget=forms.Textarea(attrs={"rows": 6}), max_length=10000,
        help_text="The figures, the story or what people said, in plain English.",
        error_messages={"required": "Enter the evidence", "max_length": "The evidence must be 10,000 characters or fewer"},
    )
    source = forms.CharField(label="Where it comes from (optional)", required=False, max_length=300, help_text="For example, “Council day services census, 2025”",
                             error_messages={"max_length": "Where it comes from must be 300 characters or fewer"})
    link = forms.URLField(label="Web address (optional)", required=False, max_length=500, assume_scheme="https",
                          error_messages={"invalid": "Enter a web address, like https://www.example.org"})
    file = forms.FileField(
        label="Upload a file (optional)", required=False,
        help_text="A PDF, CSV or spreadsheet (XLSX, XLS or ODS), up to 10 MB.",
        error_messages={"invalid": "The selected file could not be read: choose it again", "empty": "The selected file is empty"},
    )
    priorities = forms.ModelMultipleChoiceField(
        label="Which priorities does it support? (optional)", queryset=Priority.objects.none(), required=False, widget=forms.CheckboxSelectMultiple,
        error_messages={"invalid_choice": "Select priorities from the list", "invalid_pk_value": "Select priorities from the list"},
    )
    told_by = forms.CharField(
        label="Who told the story", required=False, max_length=200,
        help_text="They do not have to be named. For example, “a carer in the north of the borough”.",
        error_messages={"max_length": "Who told the story must be 200 characters or fewer"},
    )
    own_story = forms.BooleanField(label="It is my own story (you can then withdraw it yourself at any time)", required=False)
    consent_given = forms.BooleanField(label="The person who told the story agreed to the group reading it", required=False)
    consent_given_on = date_field("Date they agreed")
    consent_how = forms.CharField(
        label="How they agreed", required=False, max_length=300,
        help_text="For example, “In person at the carers' café, on the consent form”",
        error_messages={"max_length": "How they agreed must be 300 characters or fewer"},
    )

    def __init__(self, *args, priorities, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["priorities"].queryset = priorities
        self.helper = gds_helper(
            Field.radios("kind", legend_size=Size.MEDIUM),
            Field.text("title", field_width=Fluid.TWO_THIRDS),
            Field.textarea("text", rows=6),
            Field.text("source"),
            Field.text("link"),
            Field("file"),
            Field.checkboxes("priorities", legend_size=Size.SMALL, small=True),
            Fieldset(
                HTML('<p class="govuk-body">Only for a story. A story can be shared only when the person who told it agrees. '
                     "They can ask for it to be withdrawn at any time: it then disappears from every page.</p>"),
                Field.text("told_by"),
                Field.checkbox("own_story", small=True),
                Field.checkbox("consent_given", small=True),
                Field("consent_given_on"),
                Field.text("consent_how"),
                legend="The storyteller's agreement",
                legend_size=Size.MEDIUM,
            ),
            submit="Add the evidence",
        )

    def clean_file(self):
        upload = self.cleaned_data.get("file")
        if not upload:
            return upload
        extension = upload.name.rsplit(".", 1)[-1].lower() if "." in upload.name else ""
        if extension not in EVIDENCE_FILE_TYPES:
            raise forms.ValidationError("The selected file must be a PDF, CSV or spreadsheet (XLSX, XLS or ODS)")
        if upload.size > EVIDENCE_MAX_BYTES:
            raise forms.ValidationError("The selected file must be smaller than 10 MB")
        head = upload.read(2048)
        upload.seek(0)
        starts = EVIDENCE_FILE_TYPES[extension][1]
        if starts and not head.startswith(starts):
            raise forms.ValidationError(f"The selected file is not a real {extension.upper()} file")
        if extension == "csv":
            try:
                if b"\x00" in head:
                    raise UnicodeDecodeError("utf-8", head, 0, 1, "binary")
                head.decode("utf-8-sig")
            except UnicodeDecodeError:
                # A cut multi-byte character at the 2048th byte is fine; binary content is not.
                if b"\x00" in head or not _mostly_text(head):
                    raise forms.ValidationError("The selected file is not a real CSV file") from None
        self.file_type = extension
        return upload

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("kind") == Evidence.Kind.STORY:
            if not cleaned.get("told_by", "").strip():
                self.add_error("told_by", "Enter who told the story, for example “a carer in the north of the borough”")
            if not cleaned.get("consent_given"):
                self.add_error("consent_given", "A story can only be added when the person who told it agreed: confirm they agreed")
            if not cleaned.get("consent_given_on") and "consent_given_on" not in self.errors:
                self.add_error("consent_given_on", "Enter the date they agreed")
            if not cleaned.get("consent_how", "").strip():
                self.add_error("consent_how", "Enter how they agreed")
        agreed_on = cleaned.get("consent_given_on")
        if agreed_on and agreed_on > timezone.localdate():
            self.add_error("consent_given_on", "The date they agreed must be today or in the past")
        return cleaned


def _mostly_text(data: bytes) -> bool:
    try:
        data[:-4].decode("utf-8")
        return True
    except UnicodeDecodeError:
        try:
            data.decode("cp1252")  # spreadsheets saved on Windows often are
            return True
        except UnicodeDecodeError:
            return False
