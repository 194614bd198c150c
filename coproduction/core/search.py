"""Search terms can be personal data (a name, an email address), so they never go in a URL,
where access logs and browser history would keep them. A search form posts its terms; they
are kept in the session and the page redirects to itself, so paging (?page=2) and the back
button still work."""

from django import forms
from django.http import HttpRequest, HttpResponseRedirect


def search_form_from_session(
    request: HttpRequest, *, key: str, form_class: type[forms.Form]
) -> tuple[forms.Form, HttpResponseRedirect | None]:
    """The bound search form, and a redirect to answer a valid POST with (else None)."""
    session_key = f"search:{key}"
    if request.method == "POST":
        form = form_class(data=request.POST)
        if form.is_valid():
            request.session[session_key] = {name: request.POST.getlist(name) for name in form.fields}
            return form, HttpResponseRedirect(request.path)
        return form, None
    if "clear" in request.GET:
        request.session.pop(session_key, None)
    saved = request.session.get(session_key)
    if not saved:
        return form_class(), None
    data = {name: values if len(values) != 1 else values[0] for name, values in saved.items()}
    return form_class(data=data), None
