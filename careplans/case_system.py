"""Agreed plans and finished reviews, as the case system export settings page shows them."""

from coproduction.casesystem.exports import ExportSource, Sent, register

from .models import CaseSystemExport


def _waiting() -> list[tuple[str, int]]:
    from . import case_export

    return [("agreed plans", case_export.plans_to_export().count()), ("finished reviews", case_export.reviews_to_export().count())]


def _recent(limit: int) -> list[Sent]:
    sent = CaseSystemExport.objects.select_related("plan").order_by("-exported_at", "-id")[:limit]
    return [
        Sent(
            file_name=export.file_name, sent_at=export.exported_at,
            what=f"Care and support plan, version {export.plan.version}" if export.plan_id else "Plan review",
        )
        for export in sent
    ]


def _send_now() -> None:
    from .tasks import case_system_export

    case_system_export.delay()


register(ExportSource(waiting=_waiting, recent=_recent, send_now=_send_now))
