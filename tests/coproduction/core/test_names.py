"""Names people write: hidden characters are refused or removed, and names are isolated on pages
so right-to-left text cannot reorder the words around it."""

import importlib
import pkgutil
import re

import pytest
from bs4 import BeautifulSoup
from django import forms
from django.core.exceptions import ValidationError
from django.urls import reverse

from coproduction.people.models import Person
from tests.careplans.factories import PersonFactory
from tests.commissioning.factories import ProgrammeFactory
from tests.harness.bad_input import assert_bad_input

PROJECT_PACKAGES = ("coproduction", "careplans", "checklist", "commissioning")
# first_name, full_name, preferred_name, display_name, name, title, pot_name, decision_title...
NAME_FIELD = re.compile(r"(^|_)(name|title)$")
HIDDEN = {
    "right-to-left override": "Ann\u202eSmith",
    "left-to-right embedding": "Ann\u202aSmith",
    "first strong isolate": "Ann\u2068Smith",
    "pop directional isolate": "Ann Smith\u2069",
    "bell": "Ann\x07Smith",
    "escape": "Ann\x1b[31mSmith",
    "tab inside": "Ann\tSmith",
    "new line inside": "Ann\nSmith",
    "delete": "Ann\x7fSmith",
}


def _project_form_classes() -> list[type[forms.BaseForm]]:
    """Every form class the project defines, found by importing each of its forms modules."""
    for package_name in PROJECT_PACKAGES:
        package = importlib.import_module(package_name)
        for module in pkgutil.walk_packages(package.__path__, prefix=f"{package_name}."):
            if "forms" in module.name.rsplit(".", 1)[-1] and ".migrations." not in module.name:
                importlib.import_module(module.name)
    found, pending = [], [forms.BaseForm]
    while pending:
        for subclass in pending.pop().__subclasses__():
            pending.append(subclass)
            if subclass.__module__.startswith(PROJECT_PACKAGES):
                found.append(subclass)
    return found


def _name_fields() -> list[tuple[str, forms.Field]]:
    fields = []
    for form_class in _project_form_classes():
        for name, field in form_class.base_fields.items():
            if NAME_FIELD.search(name) and isinstance(field, forms.CharField) and not isinstance(field, forms.EmailField):
                fields.append((f"{form_class.__module__}.{form_class.__name__}.{name}", field))
    return sorted(fields, key=lambda item: item[0])


NAME_FIELDS = _name_fields()


def test_the_name_fields_are_found():
    found = {label.rsplit(".", 2)[-2] + "." + label.rsplit(".", 1)[-1] for label, _ in NAME_FIELDS}
    # A few that must be there, so that finding none would fail rather than pass quietly.
    assert {"AccountForm.full_name", "AccountForm.preferred_name", "PersonForm.full_name", "ProgrammeForm.title"} <= found
    assert len(NAME_FIELDS) >= 40


@pytest.mark.parametrize(("label", "field"), NAME_FIELDS, ids=[label for label, _ in NAME_FIELDS])
def test_every_name_field_refuses_hidden_controls_and_removes_zero_width_characters(label, field):
    for kind, typed in HIDDEN.items():
        with pytest.raises(ValidationError) as refused:
            field.clean(typed)
        assert refused.value.code == "hidden_characters", f"{label} accepted a {kind}"
        assert "must not include hidden characters" in refused.value.messages[0]
    assert field.clean("\u200bAnn\u200c Sm\u200dith\u2060\ufeff") == "Ann Smith"
    assert field.clean("  عائشة Smith-O'Neill  ") == "عائشة Smith-O'Neill", "ordinary names in any script are kept"
    # The joiners that Persian and Indic spelling needs stay; beside Latin letters they go.
    assert field.clean("مهدی\u200cزاده") == "مهدی\u200cزاده"
    assert field.clean("क्\u200dष Patel\u200c") == "क्\u200dष Patel"


def test_a_dynamic_name_field_follows_the_same_rule(commissioner):
    from commissioning.budgeting.forms import RoundForm

    field = RoundForm(programme=ProgrammeFactory(lead=commissioner), with_pot=True).fields["pot_name"]
    with pytest.raises(ValidationError):
        field.clean("North\u202elocality")
    assert field.clean("North\u200b locality") == "North locality"


def test_a_name_with_a_text_direction_control_gets_a_govuk_error_and_keeps_the_answers(client_as, practitioner, team):
    assert_bad_input(
        client_as(practitioner),
        reverse("careplans:person_add"),
        {"full_name": "Alan \u202eMarsh", "preferred_name": "Al", "capacity": "has", "team": team.pk},
        errors=["Full name must not include hidden characters, such as tabs or text direction controls"],
        kept=["full_name", "preferred_name"],
        unchanged=lambda: Person.objects.count(),
    )


def test_zero_width_characters_are_taken_out_of_a_saved_name(client_as, practitioner, team):
    client_as(practitioner).post(
        reverse("careplans:person_add"),
        {"full_name": "Al\u200ban Ma\ufeffrsh", "preferred_name": "A\u200dl", "capacity": "not_assessed", "team": team.pk},
    )
    saved = Person.objects.get()
    assert (saved.full_name, saved.preferred_name) == ("Alan Marsh", "Al")


def test_names_set_outside_a_form_are_checked_when_cleaned(team):
    person = PersonFactory.build(team=team, full_name="Alan\u200b Marsh", preferred_name="Al\u202e")
    with pytest.raises(ValidationError) as refused:
        person.full_clean()
    assert "preferred_name" in refused.value.message_dict
    assert person.full_name == "Alan Marsh"


def _bdi_texts(response) -> list[str]:
    return [element.get_text() for element in BeautifulSoup(response.content, "html.parser").select("bdi")]


def test_a_persons_name_is_isolated_in_the_caseload_and_on_their_page(client_as, practitioner, team):
    subject = PersonFactory(team=team, full_name="عائشة عبدي", preferred_name="Aisha")
    client = client_as(practitioner)
    page = client.get(reverse("careplans:person_detail", kwargs={"person_id": subject.pk}))
    heading = BeautifulSoup(page.content, "html.parser").select_one("h1")
    assert heading.select_one("bdi").get_text() == "عائشة عبدي"
    assert "عائشة عبدي" in _bdi_texts(client.get(reverse("careplans:caseload")))


def test_a_programme_title_is_isolated_in_its_header(client_as, commissioner):
    programme = ProgrammeFactory(lead=commissioner, title="برنامج الخدمات النهارية 2027")
    page = client_as(commissioner).get(reverse("commissioning:programme_detail", kwargs={"programme_id": programme.pk}))
    heading = BeautifulSoup(page.content, "html.parser").select_one("h1")
    assert heading.select_one("bdi").get_text() == "برنامج الخدمات النهارية 2027"
    assert commissioner.display_name in _bdi_texts(page)
