"""Names and titles that people write (a person's name, a programme's title): what may be in
them, and what is taken out before they are kept.

Characters nobody can see must not change what others see: a right-to-left override turns
"Ann Smith‮evil" into another name on screen, and a zero-width space makes two names that look
the same differ. So control characters and bidirectional formatting controls are refused with
a message, and zero-width characters are removed. Pages still show names inside <bdi>, so
right-to-left names cannot reorder the words around them.
"""

import unicodedata

from django import forms
from django.core.exceptions import ValidationError
from django.db import models

# Zero-width space, word joiner and the byte order mark (which also works as a zero-width
# no-break space): invisible, so they only hide differences.
ZERO_WIDTH = frozenset("\u200b\u2060\ufeff")
# The zero-width non-joiner and joiner are part of how Persian, Arabic and Indic names are
# written (and of some emoji), so they stay there; beside a Latin, Greek or Cyrillic letter, or
# a digit or space, they change nothing anyone can see, so they are removed there.
JOINERS = frozenset("\u200c\u200d")
# Embeddings, overrides and their pop (U+202A-U+202E); isolates and their pop (U+2066-U+2069).
BIDI_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
_REMOVE_ZERO_WIDTH = dict.fromkeys(map(ord, ZERO_WIDTH))

HIDDEN_CHARACTERS_CODE = "hidden_characters"


def _joiner_is_needed(before: str, after: str) -> bool:
    """A joiner matters only between two characters of a script that shapes with it."""
    return bool(before and after) and not _shapes_without_joiners(before) and not _shapes_without_joiners(after)


def _shapes_without_joiners(char: str) -> bool:
    if char.isspace() or char.isdigit() or ord(char) < 0x80:
        return True
    name = unicodedata.name(char, "")
    return name.startswith(("LATIN", "GREEK", "CYRILLIC"))


def name_without_zero_width(value: str) -> str:
    value = value.translate(_REMOVE_ZERO_WIDTH)
    if not JOINERS.intersection(value):
        return value
    kept = []
    for index, char in enumerate(value):
        if char in JOINERS:
            before = kept[-1] if kept else ""
            after = next((c for c in value[index + 1:] if c not in JOINERS), "")
            if not _joiner_is_needed(before, after):
                continue
        kept.append(char)
    return "".join(kept)


def has_hidden_characters(value: str) -> bool:
    """True when ``value`` holds a control character (a tab or new line included: a name is
    one line) or a bidirectional formatting control."""
    return any(char in BIDI_CONTROLS or unicodedata.category(char) == "Cc" for char in value)


def validate_name_characters(value: str) -> None:
    """For names written outside a form (a service, an import): the same rule, a plainer message."""
    if isinstance(value, str) and has_hidden_characters(value):
        raise ValidationError(
            "Remove the hidden characters, such as tabs or text direction controls", code=HIDDEN_CHARACTERS_CODE
        )


class NameFormField(forms.CharField):
    """A one-line name or title typed into a form: zero-width characters are removed, and a
    control or bidirectional formatting character is refused with a GOV.UK error message."""

    def to_python(self, value):
        if isinstance(value, str):
            value = name_without_zero_width(value)
        return super().to_python(value)

    def validate(self, value):
        super().validate(value)
        if value not in self.empty_values and has_hidden_characters(value):
            message = self.error_messages.get(HIDDEN_CHARACTERS_CODE) or self._hidden_characters_message()
            raise ValidationError(message, code=HIDDEN_CHARACTERS_CODE)

    def _hidden_characters_message(self) -> str:
        label = str(self.label or "The name").removesuffix(" (optional)")
        return f"{label} must not include hidden characters, such as tabs or text direction controls"


class NameField(models.CharField):
    """A CharField for a name or title people write. Forms made from the model get
    NameFormField, and full_clean applies the same rule to names set in code."""

    default_validators = [validate_name_characters]

    def to_python(self, value):
        value = super().to_python(value)
        return name_without_zero_width(value) if isinstance(value, str) else value

    def formfield(self, **kwargs):
        return super().formfield(**{"form_class": NameFormField, **kwargs})

    def deconstruct(self):
        # The column is an ordinary varchar and the rule lives in Python, so migrations record a
        # plain CharField: adopting NameField on a model needs no migration.
        name, _, args, kwargs = super().deconstruct()
        return name, "django.db.models.CharField", args, kwargs
