"""Fetching the record a page is about, and checking the user may have it, the same way on
every page.

One convention for what someone who may not have it is told:

* **404 Not Found** when the user may not know the record exists: it is outside the
  selector's scope for them (not in the queryset passed in), or they pass none of the
  ``visible_perm`` rules for knowing it is there. A missing record and someone else's record
  look the same, so a guessed id gives nothing away.
* **403 Forbidden** when they may know it exists (it is in scope, and they pass a
  ``visible_perm`` rule when one is given) but ``perm``, the rule for this action, says no.

Someone allowed the action may of course know the record exists, so ``perm`` passing is
enough on its own: a public programme's summary, say, for someone who may not see the rest.
"""

from collections.abc import Iterable
from typing import TypeVar

from django.core.exceptions import PermissionDenied
from django.db.models import Model, QuerySet
from django.http import Http404, HttpRequest
from django.shortcuts import get_object_or_404

T = TypeVar("T")


def get_visible_or_404(
    request: HttpRequest,
    queryset_or_model: QuerySet | type[Model],
    perm: str | None = None,
    *,
    visible_perm: str | Iterable[str] | None = None,
    **lookup,
):
    """The one record matching ``lookup`` in the user's scope, or 404; then 403 if ``perm`` says no."""
    found = get_object_or_404(queryset_or_model, **lookup)
    return require_visible(request, found, perm, visible_perm=visible_perm)


def require_visible(request: HttpRequest, found: T | None, perm: str | None = None, *,
                    visible_perm: str | Iterable[str] | None = None) -> T:
    """The same decision for a record a selector has already fetched (None: not found, a 404)."""
    if found is None:
        raise Http404
    user = request.user
    if perm is not None and user.has_perm(perm, found):
        return found
    if visible_perm is not None:
        names = [visible_perm] if isinstance(visible_perm, str) else list(visible_perm)
        if not any(user.has_perm(name, found) for name in names):
            raise Http404
    if perm is not None:
        raise PermissionDenied
    return found


def require_perm(request: HttpRequest, perm: str, obj=None) -> None:
    """403 unless the user passes ``perm`` (on ``obj`` when given): for pages about no single record."""
    if not request.user.has_perm(perm, obj):
        raise PermissionDenied
