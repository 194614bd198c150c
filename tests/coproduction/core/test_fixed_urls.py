"""Links reversed once per process are still the links `reverse` gives, under any prefix."""

from django.urls import clear_script_prefix, reverse, set_script_prefix

from coproduction.core.fixed_urls import fixed_url


def test_a_fixed_url_is_what_reverse_gives():
    assert fixed_url("core:accessibility") == reverse("core:accessibility")
    assert fixed_url("accounts:logout") == reverse("accounts:logout")


def test_a_fixed_url_follows_the_script_prefix():
    set_script_prefix("/council/")
    try:
        assert fixed_url("core:accessibility") == "/council/" + reverse("core:accessibility").removeprefix("/council/")
        assert fixed_url("core:accessibility").startswith("/council/")
    finally:
        clear_script_prefix()
    assert not fixed_url("core:accessibility").startswith("/council/")
