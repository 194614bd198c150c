"""`{% table_region %}` puts a table in a scrolling region a keyboard can reach, named by its caption."""

import pytest
from bs4 import BeautifulSoup
from django.template import Context, Template, TemplateSyntaxError


def render(body: str) -> BeautifulSoup:
    return BeautifulSoup(Template("{% load tables %}" + body).render(Context({"who": "Al’s & Maureen’s"})), "html.parser")


def test_the_region_is_named_by_the_caption_and_takes_focus():
    page = render(
        '{% table_region %}<table class="govuk-table"><caption class="govuk-table__caption">Claims for '
        '<span class="govuk-visually-hidden">{{ who }}</span> work</caption><tr><td>1</td></tr></table>{% end_table_region %}'
    )
    region = page.select_one("div.app-table-region")
    assert region["role"] == "region" and region["tabindex"] == "0"
    assert region["aria-label"] == "Claims for Al’s & Maureen’s work"
    assert region.table.td.get_text() == "1"


def test_a_table_without_a_caption_cannot_be_put_in_a_region():
    with pytest.raises(TemplateSyntaxError, match="caption"):
        render("{% table_region %}<table><tr><td>1</td></tr></table>{% end_table_region %}")


def test_every_table_on_a_screen_is_in_a_region():
    """A new page's table outside a region would make the whole page scroll sideways on a phone;
    the layout sweep finds it only when the demo world happens to fill that table."""
    from pathlib import Path

    root = Path(__file__).resolve().parents[3]
    bare = []
    for folder in ("careplans", "checklist", "commissioning", "coproduction", "templates"):
        for path in (root / folder).rglob("*.html"):
            if "pdf" in path.parts or "email" in path.parts:  # documents and messages do not scroll
                continue
            text = path.read_text(encoding="utf-8")
            if text.count("<table") > text.count("{% table_region %}"):
                bare.append(str(path.relative_to(root)))
    assert bare == []
