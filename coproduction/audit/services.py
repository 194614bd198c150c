from collections.abc import Iterable

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.http import HttpRequest

from .models import AuditEvent


def client_ip(request: HttpRequest | None) -> str | None:
    """The caller's address; behind PROXY_COUNT trusted proxies, read X-Forwarded-For."""
    if request is None:
        return None
    proxies = settings.AXES_IPWARE_PROXY_COUNT
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
    if proxies and forwarded:
        hops = [hop.strip() for hop in forwarded.split(",") if hop.strip()]
        if len(hops) >= proxies:
            return hops[-proxies]
    return request.META.get("REMOTE_ADDR") or None


def _event(*, actor, action, obj, subject, request, detail) -> AuditEvent:
    actor = actor if actor is not None and actor.is_authenticated else None
    return AuditEvent(
        actor=actor,
        action=action,
        target_type=ContentType.objects.get_for_model(obj) if obj is not None else None,
        target_id=str(obj.pk) if obj is not None else "",
        subject=subject,
        ip_address=client_ip(request),
        detail=detail,
    )


def audit_record(
    *,
    actor,
    action: AuditEvent.Action,
    obj: models.Model | None = None,
    subject=None,
    request: HttpRequest | None = None,
    detail: str = "",
) -> AuditEvent:
    """Write one audit event. Call it explicitly from the service or view that reads or writes."""
    event = _event(actor=actor, action=action, obj=obj, subject=subject, request=request, detail=detail)
    event.save(force_insert=True)
    return event


def audit_record_many(
    *,
    actor,
    action: AuditEvent.Action,
    objects: Iterable[models.Model],
    subject_of=lambda obj: None,
    request: HttpRequest | None = None,
    detail: str = "",
) -> int:
    """One INSERT for a page that shows many personal records, so the query count stays fixed."""
    events = [
        _event(actor=actor, action=action, obj=obj, subject=subject_of(obj), request=request, detail=detail)
        for obj in objects
    ]
    AuditEvent.objects.bulk_create(events)
    return len(events)
