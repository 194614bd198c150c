"""A service's ValidationError shows on the form beside the field it is about, or in the
error summary when it is about no field the form has."""

from django import forms
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError

from coproduction.core.forms import errors_onto_form


class MeetingForm(forms.Form):
    title = forms.CharField()
    held_on = forms.DateField()


def _form() -> MeetingForm:
    form = MeetingForm(data={"title": "Quarter 1", "held_on": "2026-04-01"})
    assert form.is_valid()
    return form


def test_each_message_goes_beside_the_field_it_names():
    form = _form()
    errors_onto_form(form, ValidationError({"held_on": "Enter a date in the future", "title": "Enter a shorter title"}))
    assert form.errors == {"held_on": ["Enter a date in the future"], "title": ["Enter a shorter title"]}


def test_a_message_about_a_field_the_form_does_not_show_goes_in_the_summary():
    form = _form()
    errors_onto_form(form, ValidationError({"contract": "This contract has ended", NON_FIELD_ERRORS: "Try again"}))
    assert form.non_field_errors() == ["This contract has ended", "Try again"]
    assert "title" not in form.errors and "held_on" not in form.errors


def test_a_plain_message_goes_to_the_field_named_or_else_the_summary():
    form = _form()
    errors_onto_form(form, ValidationError("This date is taken"), "held_on")
    errors_onto_form(form, ValidationError(["Something went wrong", "Nothing was saved"]))
    assert form.errors["held_on"] == ["This date is taken"]
    assert form.non_field_errors() == ["Something went wrong", "Nothing was saved"]


def test_a_formset_shows_the_messages_above_its_forms():
    formset = forms.formset_factory(MeetingForm)(data={"form-TOTAL_FORMS": "0", "form-INITIAL_FORMS": "0"})
    assert formset.is_valid()
    errors_onto_form(formset, ValidationError("The weights must add up to 100"))
    assert formset.non_form_errors() == ["The weights must add up to 100"]
