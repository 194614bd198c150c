import datetime

from crispy_forms.helper import FormHelper
from crispy_forms_gds.layout import HTML, Field, Fieldset, Fluid, Size
from django import forms

from coproduction.accounts.forms import date_field, gds_helper
from coproduction.accounts.models import User
from coproduction.core.names import NameFormField

from . import selectors
from .geo import looks_like_postcode, normalise_postcode, valid_coordinates
from .models import AgeGroup, Asset, Category, Cost, MappingExercise, Need, Weekday
from .selectors import ACCESS_FLAGS, Search

DISTANCES = [("0.5", "Half a mile"), ("1", "1 mile"), ("2", "2 miles"), ("5", "5 miles"), ("10", "10 miles")]
TIME_FORMATS = ["%H:%M", "%H.%M", "%H%M", "%H"]


def _list_field(label, help_text):
    return forms.CharField(label=label, required=False, max_length=500, help_text=help_text)


def _split(text: str) -> list[str]:
    return [item.strip()[:50] for item in (text or "").split(",") if item.strip()]


class SearchForm(forms.Form):
    """A plain GET form; every field is optional and a wrong answer never hides the results."""

    q = forms.CharField(label="Search by name or what it does", required=False, max_length=100)
    category = forms.MultipleChoiceField(label="Kind of asset", required=False, choices=Category.choices, widget=forms.CheckboxSelectMultiple)
    age = forms.MultipleChoiceField(label="Age group", required=False, choices=AgeGroup.choices, widget=forms.CheckboxSelectMultiple)
    need = forms.MultipleChoiceField(label="Especially for", required=False, choices=Need.choices, widget=forms.CheckboxSelectMultiple)
    cost = forms.MultipleChoiceField(label="Cost", required=False, choices=Cost.choices, widget=forms.CheckboxSelectMultiple)
    access = forms.MultipleChoiceField(label="Accessibility", required=False, choices=list(ACCESS_FLAGS.items()), widget=forms.CheckboxSelectMultiple)
    open_now = forms.BooleanField(label="Open now", required=False)
    near = forms.CharField(
        label="Near a postcode or place", required=False, max_length=60,
        help_text="For example, LA9 4DL or Market Place",
    )
    within = forms.ChoiceField(label="Within", required=False, choices=DISTANCES, initial="2")
    include_online = forms.BooleanField(label="Include online and no fixed place", required=False)

    # Drawn by assets/partials/search_form.html in GOV.UK Frontend's markup rather than by the
    # crispy layout: the same form on every search, at a fraction of the rendering time.
    TEXT, SINGLE_CHECKBOXES, CHECKBOX_GROUPS = ("q", "near"), ("include_online", "open_now"), ("category", "cost", "access", "age", "need")

    def __init__(self, *args, action: str, swap_results: bool = True, **kwargs):
        super().__init__(*args, **kwargs)
        self.point = None
        self.action = action
        # htmx swaps only the results; without JavaScript the form simply loads the page.
        self.swap_results = swap_results
        self.helper = FormHelper()  # for the error summary

    def within_value(self) -> str:
        value = self.data.get("within") if self.is_bound else None
        return value if value in dict(DISTANCES) and "within" not in self.errors else "2"

    def clean_near(self):
        text = self.cleaned_data["near"].strip()
        if not text:
            return ""
        if looks_like_postcode(text) and normalise_postcode(text) is None:
            raise forms.ValidationError("Enter a real postcode, like LA9 4DL")
        self.point = selectors.resolve_place(text)
        if self.point is None:
            raise forms.ValidationError("We do not know that postcode or place. Try a nearby postcode or a town centre")
        return text

    def search(self) -> Search:
        """The search to run, leaving out any answer that was wrong."""
        data = self.cleaned_data if self.is_bound else {}
        errors = self.errors if self.is_bound else {}

        def ok(name, default):
            return default if name in errors else data.get(name) or default

        return Search(
            text=ok("q", ""), categories=ok("category", []), age_groups=ok("age", []), needs=ok("need", []),
            costs=ok("cost", []), access=ok("access", []), open_now=bool(ok("open_now", False)),
            near=None if "near" in errors else self.point, within_miles=float(ok("within", "2")),
            include_online=bool(ok("include_online", False)),
        )


class PlanSearchForm(SearchForm):
    """The map searched for a person's plan: near their home postcode unless another place is
    typed. The URL says only "near home", never the postcode itself."""

    home = forms.BooleanField(required=False, initial=True)

    def __init__(self, *args, home_postcode: str, home_point, own: bool, name: str, **kwargs):
        super().__init__(*args, **kwargs)
        self.home_point = home_point
        if home_point is None:
            del self.fields["home"]
            return
        self.fields["home"].label = f"Near {'your' if own else name + '’s'} home postcode, {home_postcode}"
        self.fields["home"].help_text = "Unless you type another postcode or place below"

    def search(self) -> Search:
        criteria = super().search()
        near_home = self.home_point is not None and (self.cleaned_data.get("home") if self.is_bound else True)
        if near_home and criteria.near is None:
            criteria.near = self.home_point
        return criteria


class AssetForm(forms.ModelForm):
    """Suggesting an asset, suggesting a correction, or a moderator changing one."""

    age_groups = forms.MultipleChoiceField(label="Age groups", required=False, choices=AgeGroup.choices, widget=forms.CheckboxSelectMultiple,
                                           help_text="Leave empty if it is for all ages.")
    needs = forms.MultipleChoiceField(label="Especially for", required=False, choices=Need.choices, widget=forms.CheckboxSelectMultiple,
                                      help_text="Leave empty if it is for everyone.")
    languages = _list_field("Languages spoken, other than English (optional)", "Separate them with commas, for example Polish, Urdu.")
    tags = _list_field("Words people might search for (optional)", "Separate them with commas, for example gardening, walking.")
    website = forms.URLField(label="Website (optional)", required=False, max_length=200, assume_scheme="https", error_messages={
        "invalid": "Enter a web address in the correct format, like https://example.org",
    })

    class Meta:
        model = Asset
        fields = [
            "name", "category", "description", "age_groups", "needs", "communities",
            "cost", "cost_details", "step_free", "hearing_loop", "quiet_space", "bsl", "languages", "accessibility_notes",
            "address", "postcode", "latitude", "longitude", "no_fixed_place", "online",
            "contact_name", "phone", "email", "website", "opening_notes", "tags",
            "responsible_name", "responsible_is_private", "consent_to_publish",
        ]
        labels = {
            "name": "Name", "category": "What kind of asset is it?", "description": "What it is and how it helps",
            "communities": "Communities it is for (optional)", "cost": "Cost", "cost_details": "Cost details (optional)",
            "step_free": "Step-free access", "hearing_loop": "Hearing loop", "quiet_space": "A quiet space",
            "bsl": "British Sign Language (BSL)", "accessibility_notes": "Other accessibility details (optional)",
            "address": "Address (optional)", "postcode": "Postcode (optional)",
            "latitude": "Latitude (optional)", "longitude": "Longitude (optional)",
            "no_fixed_place": "It has no fixed place", "online": "It can be used online or by phone",
            "contact_name": "Contact name (optional)", "phone": "Phone (optional)", "email": "Email (optional)",
            "website": "Website (optional)", "opening_notes": "Anything else about when it is open (optional)",
            "responsible_name": "Group or person who runs it (optional)",
            "responsible_is_private": "It is run by a private individual, not an organisation",
            "consent_to_publish": "They agree to it being listed on the public map",
        }
        help_texts = {
            "latitude": "Only if you know it, for example 54.3280. Moderators can add it.",
            "longitude": "For example -2.7460.",
            "responsible_is_private": "Their contact details are never shown to the public.",
        }
        error_messages = {
            "name": {"required": "Enter the name of the asset"},
            "category": {"required": "Choose what kind of asset it is"},
            "description": {"required": "Say what it is and how it helps"},
            "email": {"invalid": "Enter an email address in the correct format, like name@example.com"},
            "website": {"invalid": "Enter a web address in the correct format, like https://example.org"},
            "latitude": {"invalid": "Latitude must be a number, like 54.3280"},
            "longitude": {"invalid": "Longitude must be a number, like -2.7460"},
        }
        widgets = {"category": forms.RadioSelect, "cost": forms.RadioSelect, "description": forms.Textarea, "address": forms.Textarea}

    def __init__(self, *args, submit: str, with_note: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["category"].choices = Category.choices
        self.fields["cost"].choices = Cost.choices
        if self.instance.pk:
            self.initial["languages"] = ", ".join(self.instance.languages)
            self.initial["tags"] = ", ".join(self.instance.tags)
        days = []
        times = {t.weekday: t for t in self.instance.opening_times.all()} if self.instance.pk else {}
        for day in Weekday:
            opens = forms.TimeField(label="Opens", required=False, input_formats=TIME_FORMATS,
                                    error_messages={"invalid": f"Enter the {day.label} opening time like 09:30"})
            closes = forms.TimeField(label="Closes", required=False, input_formats=TIME_FORMATS,
                                     error_messages={"invalid": f"Enter the {day.label} closing time like 17:00"})
            opens.widget.attrs.update({"autocomplete": "off"})
            self.fields[f"opens_{day.value}"], self.fields[f"closes_{day.value}"] = opens, closes
            if day.value in times:
                self.initial[f"opens_{day.value}"] = times[day.value].opens.strftime("%H:%M")
                self.initial[f"closes_{day.value}"] = times[day.value].closes.strftime("%H:%M")
            days.append(Fieldset(
                Field.text(f"opens_{day.value}", field_width=5), Field.text(f"closes_{day.value}", field_width=5),
                legend=day.label, legend_size=Size.SMALL,
            ))
        if with_note:
            self.fields["note"] = forms.CharField(
                label="Anything the moderator should know (optional)", required=False, max_length=2000, widget=forms.Textarea,
            )
        self.helper = gds_helper(
            Fieldset(
                Field.text("name"), Field.radios("category", legend_size=Size.SMALL, small=True),
                Field.textarea("description", rows=4),
                legend="About it", legend_size=Size.MEDIUM,
            ),
            Fieldset(
                Field.checkboxes("age_groups", legend_size=Size.SMALL, small=True),
                Field.checkboxes("needs", legend_size=Size.SMALL, small=True),
                Field.text("communities"),
                legend="Who it is for", legend_size=Size.MEDIUM,
            ),
            Fieldset(
                Field.radios("cost", legend_size=Size.SMALL, small=True, inline=True), Field.text("cost_details"),
                legend="Cost", legend_size=Size.MEDIUM,
            ),
            Fieldset(
                Field.checkbox("step_free", small=True), Field.checkbox("hearing_loop", small=True),
                Field.checkbox("quiet_space", small=True), Field.checkbox("bsl", small=True),
                Field.text("languages"), Field.text("accessibility_notes"),
                legend="Accessibility", legend_size=Size.MEDIUM,
            ),
            Fieldset(
                Field.textarea("address", rows=3), Field.text("postcode", field_width=10),
                Field.text("latitude", field_width=10), Field.text("longitude", field_width=10),
                Field.checkbox("no_fixed_place", small=True), Field.checkbox("online", small=True),
                legend="Where it is", legend_size=Size.MEDIUM,
            ),
            Fieldset(
                HTML('<p class="govuk-hint">Leave a day empty if it is closed that day.</p>'),
                *days, Field.text("opening_notes"),
                legend="When it is open", legend_size=Size.MEDIUM,
            ),
            Fieldset(
                Field.text("responsible_name"), Field.checkbox("responsible_is_private", small=True),
                Field.checkbox("consent_to_publish", small=True),
                Field.text("contact_name"), Field.text("phone", field_width=20), Field.text("email"), Field.text("website"),
                legend="Who runs it and how to get in touch", legend_size=Size.MEDIUM,
            ),
            Field.text("tags"),
            *([Field.textarea("note", rows=3)] if with_note else []),
            submit=submit,
        )

    def clean_languages(self):
        return _split(self.cleaned_data["languages"])

    def clean_tags(self):
        return [tag.lower() for tag in _split(self.cleaned_data["tags"])]

    def clean_postcode(self):
        text = self.cleaned_data["postcode"].strip()
        if not text:
            return ""
        postcode = normalise_postcode(text)
        if postcode is None:
            raise forms.ValidationError("Enter a real postcode, like LA9 4DL")
        return postcode

    def clean(self):
        cleaned = super().clean()
        lat, lon = cleaned.get("latitude"), cleaned.get("longitude")
        if "latitude" not in self.errors and "longitude" not in self.errors:
            if (lat is None) != (lon is None):
                self.add_error("longitude" if lon is None else "latitude", "Enter both the latitude and the longitude, or neither")
            elif lat is not None and not valid_coordinates(lat, lon):
                self.add_error("latitude", "Latitude must be between -90 and 90, and longitude between -180 and 180")
        for day in Weekday:
            opens, closes = cleaned.get(f"opens_{day.value}"), cleaned.get(f"closes_{day.value}")
            if f"opens_{day.value}" in self.errors or f"closes_{day.value}" in self.errors:
                continue
            if (opens is None) != (closes is None):
                self.add_error(f"closes_{day.value}" if closes is None else f"opens_{day.value}",
                               f"Enter both the opening and closing times for {day.label}, or neither")
            elif opens is not None and closes <= opens:
                self.add_error(f"closes_{day.value}", f"The {day.label} closing time must be after the opening time")
        if cleaned.get("consent_to_publish") and not cleaned.get("responsible_is_private"):
            cleaned["consent_to_publish"] = False  # only means something for a private individual
        return cleaned

    def _post_clean(self):
        # Model validation happens in the service, on the one save.
        pass

    def asset_data(self) -> dict:
        return {name: self.cleaned_data[name] for name in self.Meta.fields}

    def opening_times(self) -> list[tuple[int, datetime.time, datetime.time]]:
        return [
            (day.value, self.cleaned_data[f"opens_{day.value}"], self.cleaned_data[f"closes_{day.value}"])
            for day in Weekday if self.cleaned_data.get(f"opens_{day.value}") is not None
        ]


class ReviewForm(forms.Form):
    decision = forms.ChoiceField(
        label="What do you want to do?", widget=forms.RadioSelect,
        choices=[("accept", "Accept it"), ("decline", "Do not accept it")],
        error_messages={"required": "Choose whether to accept it"},
    )
    reply = forms.CharField(
        label="Message to the person who suggested it (optional)", required=False, max_length=2000, widget=forms.Textarea,
        help_text="They see this on their suggestions page. Say thank you, and why if you do not accept it.",
    )
    not_a_duplicate = forms.BooleanField(label="I have checked: it is not the same as an asset already on the map", required=False)

    def __init__(self, *args, may_duplicate: bool, **kwargs):
        super().__init__(*args, **kwargs)
        fields = [Field.radios("decision", legend_size=Size.MEDIUM), Field.textarea("reply", rows=3)]
        if may_duplicate:
            fields.append(Field.checkbox("not_a_duplicate"))
        else:
            del self.fields["not_a_duplicate"]
        self.helper = gds_helper(*fields, submit="Save")


class ModeratorForm(forms.Form):
    email = forms.EmailField(label="Email address of the person's account", error_messages={
        "required": "Enter the email address of their account",
        "invalid": "Enter an email address in the correct format, like name@example.com",
    })
    area = forms.CharField(label="Neighbourhood or theme they look after (optional)", required=False, max_length=200)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = gds_helper(Field.text("email", field_width=Fluid.TWO_THIRDS), Field.text("area"), submit="Name them as a moderator")

    def clean_email(self):
        user = User.objects.filter(email__iexact=self.cleaned_data["email"], is_active=True).first()
        if user is None:
            raise forms.ValidationError("There is no account with that email address")
        return user


class MappingExerciseForm(forms.Form):
    title = NameFormField(label="Name", max_length=200, help_text="For example, “Walk around the town centre with the Thursday group”.",
                            error_messages={"required": "Enter a name for the walk or group"})
    method = forms.ChoiceField(label="How did you find assets?", choices=MappingExercise.Method.choices, widget=forms.RadioSelect,
                               error_messages={"required": "Choose how you found assets"})
    area = forms.CharField(label="Where it covered (optional)", required=False, max_length=200)
    happened_on = date_field("Date it happened", help_text="Leave empty while it is still planned. For example, 27 3 2027")
    summary = forms.CharField(label="What you found out (optional)", required=False, widget=forms.Textarea, max_length=5000)
    others_taking_part = forms.IntegerField(label="How many other people took part (optional)", required=False, min_value=0, max_value=100000,
                                            error_messages={"invalid": "Enter a whole number", "min_value": "Enter 0 or more"})

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = gds_helper(
            Field.text("title"), Field.radios("method", legend_size=Size.SMALL), Field.text("area"), Field("happened_on"),
            Field.textarea("summary", rows=4), Field.text("others_taking_part", field_width=5), submit="Record it",
        )


class LinksForm(forms.Form):
    priorities = forms.ModelMultipleChoiceField(label="Priorities it helps with", required=False, queryset=None, widget=forms.CheckboxSelectMultiple)
    outcomes = forms.ModelMultipleChoiceField(label="Outcomes it helps people reach", required=False, queryset=None, widget=forms.CheckboxSelectMultiple)

    def __init__(self, *args, programme, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["priorities"].queryset = programme.priorities.order_by("kind", "title", "pk")
        self.fields["outcomes"].queryset = programme.outcomes.order_by("position", "pk")
        self.helper = gds_helper(
            Field.checkboxes("outcomes", legend_size=Size.SMALL, small=True),
            Field.checkboxes("priorities", legend_size=Size.SMALL, small=True),
            submit="Save links",
        )


class PlanAssetForm(forms.Form):
    note = forms.CharField(label="How it helps (optional)", required=False, max_length=300)
