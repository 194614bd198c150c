"""The layout harness finds what it is there to find: a page that scrolls sideways at 320 px,
text cut off or left small at 200 %, a control with no visible focus or out of the keyboard's
reach, and a first Tab that misses the skip link; and it passes a page with none of these."""

import pytest

from tests.harness.layout import layout_problems

pytestmark = [pytest.mark.browser]

STYLE = """
<style>
  body { margin: 8px; font-size: 1rem; }
  button { font-size: 1rem; }
  a:focus, button:focus, [tabindex]:focus { outline: 3px solid #fd0; }
  .skip { position: absolute; left: -9999px; }
  .skip:focus { position: static; }
  .region { overflow-x: auto; }
  .positioned { position: relative; }
  .hidden-text { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); white-space: nowrap; }
  td { white-space: nowrap; }
  .radio { opacity: 0; }
  .radio + label::before { content: ""; display: inline-block; width: 1rem; height: 1rem; border: 2px solid; }
  .radio:focus + label::before { box-shadow: 0 0 0 3px #fd0; }
</style>
"""
SKIP = '<a class="skip" href="#main">Skip to main content</a>'
WIDE_TABLE = "<table><tr>" + "<td>a long cell of figures</td>" * 6 + "</tr></table>"


def problems_on(page, body: str) -> list[str]:
    page.set_content(f"<!DOCTYPE html><html lang='en'><head>{STYLE}</head><body>{body}</body></html>")
    return layout_problems(page)


@pytest.fixture(scope="module")
def page(browser):
    context = browser.new_context()
    yield context.new_page()
    context.close()


def test_a_page_that_reflows_with_its_table_in_a_labelled_region_passes(page):
    table = WIDE_TABLE.replace("</td></tr>", '<span class="hidden-text"> for the last row</span></td></tr>')
    region = f'<div class="region positioned" role="region" aria-label="Figures" tabindex="0">{table}</div>'
    # Neither a control in a closed <details> nor an icon hidden from assistive technology counts.
    extras = '<details><summary>More</summary><button>Hidden</button></details><span aria-hidden="true" style="font-size: 20px">!</span>'
    # A radio drawn by its label, as GOV.UK's are: the focus shows on the label.
    extras += '<input class="radio" type="radio" id="yes" name="answer"><label for="yes">Yes</label>'
    assert problems_on(page, f'{SKIP}<main id="main"><h1>Figures</h1><p><a href="#x">A link</a></p>{region}{extras}</main>') == []


def test_visually_hidden_text_that_escapes_its_table_region_fails(page):
    table = WIDE_TABLE.replace("</td></tr>", '<span class="hidden-text"> for the last row</span></td></tr>')
    region = f'<div class="region" role="region" aria-label="Figures" tabindex="0">{table}</div>'
    problems = problems_on(page, f'{SKIP}<main id="main">{region}</main>')
    assert any(problem.startswith('at 320 px: span.hidden-text "for the last row" reaches') for problem in problems)


def test_a_long_word_that_cannot_wrap_fails(page):
    problems = problems_on(page, f'{SKIP}<main id="main"><p>{"x" * 80}</p></main>')
    assert any(problem.startswith('at 320 px: the text of p "xxxx') for problem in problems)


def test_a_box_wider_than_a_phone_fails(page):
    problems = problems_on(page, f'{SKIP}<main id="main"><div style="width: 600px">Too wide for a phone</div></main>')
    assert "at 320 px: the page scrolls sideways: 608 px wide in a 320 px window" in problems
    assert any('div "Too wide for a phone" reaches' in problem for problem in problems)


def test_a_table_that_makes_the_page_scroll_fails(page):
    problems = problems_on(page, f'{SKIP}<main id="main">{WIDE_TABLE}</main>')
    assert any("the page scrolls sideways" in problem for problem in problems)
    assert any(problem.startswith("at 320 px: table") for problem in problems)


def test_a_scrolling_region_without_a_name_or_without_a_table_fails(page):
    unnamed = f'<div class="region" tabindex="0">{WIDE_TABLE}</div>'
    no_table = '<div class="region" role="region" aria-label="Code" tabindex="0"><pre>' + "x" * 200 + "</pre></div>"
    problems = problems_on(page, f'{SKIP}<main id="main">{unnamed}{no_table}</main>')
    assert len([problem for problem in problems if "is not a table in a focusable, labelled region" in problem]) == 2


def test_a_control_with_no_visible_focus_fails(page):
    radio = '<input type="radio" id="no" style="opacity: 0; outline: none" name="answer"><label for="no">No</label>'
    problems = problems_on(page, f'{SKIP}<main id="main"><button style="outline: none">Save</button>{radio}</main>')
    assert problems == ['button "Save" shows no change when it has focus', 'input#no "on" shows no change when it has focus']


def test_a_control_the_keyboard_cannot_reach_fails(page):
    problems = problems_on(page, f'{SKIP}<main id="main"><div role="button">Delete</div></main>')
    assert problems == ['div "Delete" has the role "button" but the keyboard cannot reach it']


def test_a_first_tab_that_misses_the_skip_link_fails(page):
    problems = problems_on(page, '<main id="main"><a href="#x">Home</a></main>')
    assert problems == ['the first Tab reaches a "Home", not "Skip to main content"']


def test_text_cut_off_at_200_percent_fails(page):
    box = '<div style="height: 30px; overflow: hidden">Three lines of text that need room to grow</div>'
    problems = problems_on(page, f'{SKIP}<main id="main">{box}</main>')
    assert problems == ['at 200 % text, div "Three lines of text that need room to grow" is cut off by div "Three lines of text that need room to grow", which hides its overflow']


def test_text_in_fixed_units_that_does_not_grow_fails(page):
    chart = '<svg viewBox="0 0 200 40" width="200"><text x="0" y="20" font-size="12">Average 4.2</text></svg>'
    problems = problems_on(page, f'{SKIP}<main id="main">{chart}</main>')
    assert problems == ['text "Average 4.2" stays at 12 px when the text is made 200 %']


def test_a_page_too_wide_at_200_percent_text_fails(page):
    row = '<div style="display: flex; gap: 1rem">' + "<span style='white-space: nowrap'>A fairly long label</span>" * 8 + "</div>"
    problems = problems_on(page, f'{SKIP}<main id="main">{row}</main>')
    assert any(problem.startswith("at 200 % text the page scrolls sideways") for problem in problems)
