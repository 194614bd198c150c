"""Bad input: a clear GOV.UK error summary, the other answers kept, nothing saved, never a 500."""

from collections.abc import Callable, Iterable

from bs4 import BeautifulSoup


def assert_bad_input(
    client,
    url: str,
    data: dict,
    *,
    errors: Iterable[str],
    kept: Iterable[str] = (),
    unchanged: Callable[[], object],
    method: str = "post",
):
    """Submit `data`; expect each message in `errors` in the error summary, each field named in
    `kept` still holding the value typed, and `unchanged()` returning the same before and after."""
    before = unchanged()
    response = getattr(client, method)(url, data)
    assert response.status_code == 200, f"Expected the form again, got {response.status_code}"
    page = BeautifulSoup(response.content, "html.parser")
    summary = page.select_one(".govuk-error-summary")
    assert summary is not None, "No GOV.UK error summary on the page"
    assert page.title.string.strip().startswith("Error:"), "The page title must start with 'Error:'"
    shown = [link.get_text(strip=True) for link in summary.select("a")]
    for message in errors:
        assert message in shown, f"{message!r} not in the error summary {shown}"
        # Each summary link must point at a field on the page.
    for link in summary.select("a"):
        target = link["href"].lstrip("#")
        assert page.find(id=target) is not None, f"Error summary links to #{target}, which is not on the page"
    for name in kept:
        field = page.find(attrs={"name": name})
        assert field is not None, f"Field {name} missing after the error"
        value = field.get("value") if field.name == "input" else field.get_text()
        if field.name == "textarea" and value.startswith("\n"):
            value = value[1:]  # browsers drop the newline that follows <textarea>
        assert value == str(data[name]), f"{name} lost the answer typed: {value!r}"
    assert unchanged() == before, "Something was saved although the form had errors"
    return response
