"""A database that is away (restarting, failing over, unreachable) gives people a plain
"try again later" page with status 503, never a traceback or the generic 500 page.

Django turns an exception into a 500 response inside the middleware that raised it, so a
database error is caught in two places: in views (process_exception), and anywhere else in
the request (signing in runs in middleware) by marking the request when Django reports the
exception and swapping the 500 response it made for the 503 page. With CONN_HEALTH_CHECKS on,
the broken connection is closed at the end of the request and the next request connects again.
"""

import logging
import sys

from django.conf import settings
from django.core.signals import got_request_exception
from django.db import InterfaceError, OperationalError
from django.dispatch import receiver
from django.http import HttpRequest, HttpResponse
from django.template.loader import render_to_string

logger = logging.getLogger(__name__)

DATABASE_ERRORS = (OperationalError, InterfaceError)
RETRY_AFTER_SECONDS = 30


def database_unavailable_response() -> HttpResponse:
    # Rendered without the request, like Django's own 500 page: context processors and the
    # signed-in user would need the database that is away.
    html = render_to_string(
        "errors/503.html",
        {
            "SERVICE_NAME": settings.SERVICE_NAME,
            "SERVICE_PHASE": settings.SERVICE_PHASE,
            "COUNCIL_NAME": settings.COUNCIL_NAME,
        },
    )
    response = HttpResponse(html, status=503)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    response["Cache-Control"] = "no-store"
    return response


def _log(request: HttpRequest, exc: BaseException) -> None:
    # The method, the path (ids only) and the error's class: never the message, which can
    # quote query values, nor the user.
    logger.warning("Database unavailable during %s %s: %s", request.method, request.path, type(exc).__name__)


@receiver(got_request_exception, dispatch_uid="coproduction.core.database_errors")
def _mark_database_error(sender, request=None, **kwargs) -> None:
    exc = sys.exc_info()[1]
    if request is not None and isinstance(exc, DATABASE_ERRORS):
        request.database_unavailable = exc


class DatabaseUnavailableMiddleware:
    """Outside every middleware that can touch the database, so it sees their responses too."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        exc = getattr(request, "database_unavailable", None)
        if exc is not None and response.status_code == 500:
            _log(request, exc)
            return database_unavailable_response()
        return response

    def process_exception(self, request: HttpRequest, exception: Exception) -> HttpResponse | None:
        if isinstance(exception, DATABASE_ERRORS):
            _log(request, exception)
            return database_unavailable_response()
        return None
