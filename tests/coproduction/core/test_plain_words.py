from datetime import datetime, time

import pytest
from django.template import Context, Template
from django.utils import timezone

from coproduction.core.templatetags.plain_words import clock


@pytest.mark.parametrize(
    ("value", "shown"),
    [(time(1, 43), "1:43am"), (time(10, 0), "10am"), (time(12, 0), "midday"), (time(0, 0), "midnight"),
     (time(12, 5), "12:05pm"), (time(15, 37), "3:37pm"), (None, "")],
)
def test_a_time_reads_as_gov_uk_writes_it(value, shown):
    assert clock(value) == shown


def test_a_time_ending_a_sentence_has_one_full_stop_in_local_time(settings):
    settings.TIME_ZONE = "Europe/London"
    at = timezone.make_aware(datetime(2026, 7, 1, 1, 43), timezone.get_fixed_timezone(-60))  # 2:43am UTC, 3:43am in London (summer time)
    with timezone.override("Europe/London"):
        text = Template("{% load plain_words %}Made at {{ at|clock }}.").render(Context({"at": at}))
    assert text == "Made at 3:43am."
