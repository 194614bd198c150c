from django.conf import settings
from django.contrib.auth.decorators import login_not_required
from django.db import connection
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET


@login_not_required
@require_GET
def index(request: HttpRequest) -> HttpResponse:
    return redirect("accounts:home" if request.user.is_authenticated else "accounts:login")


@login_not_required
@require_GET
def accessibility(request: HttpRequest) -> HttpResponse:
    return render(request, "core/accessibility.html")


@login_not_required
@require_GET
def privacy(request: HttpRequest) -> HttpResponse:
    return render(request, "core/privacy.html")


@login_not_required
@never_cache
@require_GET
def health_live(request: HttpRequest) -> HttpResponse:
    """The process answers. Touches nothing else, so a slow database never restarts the web server."""
    return HttpResponse("ok", content_type="text/plain")


@login_not_required
@never_cache
@require_GET
def health_ready(request: HttpRequest) -> HttpResponse:
    """Ready for traffic: the database, Redis and at least one Celery worker answer."""
    checks = {"database": _check_database(), "redis": _check_redis(), "worker": _check_worker()}
    healthy = all(checks.values())
    return JsonResponse(
        {"status": "ok" if healthy else "unavailable", "checks": {k: "ok" if v else "failing" for k, v in checks.items()}},
        status=200 if healthy else 503,
    )


def _check_database() -> bool:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
        return True
    except Exception:  # any failure means "not ready"; the reason is in the server's own logs
        return False


def _check_redis() -> bool:
    from django.core.cache import cache

    try:
        return bool(cache._cache.get_client(write=True).ping())
    except Exception:
        return False


def _check_worker() -> bool:
    from coproduction.celery import app

    try:
        return bool(app.control.ping(timeout=settings.HEALTH_WORKER_PING_SECONDS))
    except Exception:
        return False
