"""Showing a service's ValidationError on the form the person just sent, the same way on
every page: each message beside its field, and the rest in the error summary."""

from django import forms
from django.core.exceptions import ValidationError
from django.forms.formsets import BaseFormSet
from django.utils.html import format_html
from django.utils.safestring import mark_safe


def errors_onto_form(form: forms.BaseForm | BaseFormSet, error: ValidationError, field: str | None = None) -> None:
    """Put each of ``error``'s messages on the form field it names, when the form has that field.

    Messages about no field (or a field the form does not show) go to ``field`` when given, the
    field the person should change, and otherwise to the form's non-field errors. On a formset
    every message is a non-form error.
    """
    if isinstance(form, BaseFormSet):
        form._non_form_errors = form.error_class(error.messages)
        return
    if hasattr(error, "error_dict"):
        for name, messages in error.message_dict.items():
            target = name if name in form.fields else field
            for message in messages:
                form.add_error(target if target in form.fields else None, message)
        return
    for message in error.messages:
        form.add_error(field if field in form.fields else None, message)


def saved_or_errors(form: forms.BaseForm, save):
    """Run save() when the form is valid and return what it returns; a service's ValidationError
    goes onto the form instead (and None is returned), so the page shows it with the answers kept."""
    if not form.is_valid():
        return None
    try:
        return save()
    except ValidationError as error:
        errors_onto_form(form, error)
        return None


def form_page(request, form: forms.BaseForm, page_title: str, *, back_url: str, intro: str = ""):
    """A one-form page with a back link: the shared template every simple form page uses."""
    from django.shortcuts import render

    return render(request, "includes/form_page_back.html", {"form": form, "page_title": page_title, "back_url": back_url, "intro": intro})


def _attributes(attrs: dict) -> str:
    # As Django's django/forms/widgets/attrs.html: False leaves the attribute out, True writes its name alone.
    return "".join(
        format_html(' {}="{}"', name, str(value)) if value is not True else format_html(" {}", name)
        for name, value in attrs.items()
        if value is not False
    )


class LongSelect(forms.Select):
    """A select with many choices, written in Python: the same markup as Django's templates
    (django/forms/widgets/select.html), without a template loop over every option on every page.
    For lists of a hundred choices or more (record types, say)."""

    def render(self, name, value, attrs=None, renderer=None):
        context = self.get_context(name, value, attrs)["widget"]
        parts = [format_html('<select name="{}"{}>', context["name"], mark_safe(_attributes(context["attrs"])))]
        for group_name, group_choices, _index in context["optgroups"]:
            if group_name:
                parts.append(format_html('\n  <optgroup label="{}">', group_name))
            for option in group_choices:
                parts.append(
                    format_html('\n  <option value="{}"{}>{}</option>\n', str(option["value"]), mark_safe(_attributes(option["attrs"])), option["label"])
                )
            if group_name:
                parts.append("\n  </optgroup>")
        parts.append("\n</select>")
        return mark_safe("".join(parts))
