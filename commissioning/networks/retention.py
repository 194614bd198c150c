"""Messages in network discussions on the retention schedule: the words are removed once the
discussion has been quiet for the period the council sets; who took part stays for counts."""

from datetime import date

from django.db.models import F, QuerySet
from django.utils import timezone

from coproduction.governance.retention.selectors import REMOVED, cutoff_at, register_record_type

from .models import Post


def due_network_posts(*, today: date | None = None) -> QuerySet:
    return (
        Post.objects.filter(thread__last_post_at__lt=cutoff_at("network_posts", today))
        .exclude(text=REMOVED)
        .annotate(thread_last_post_at=F("thread__last_post_at"))
        .order_by("thread_id", "pk")
    )


def anonymise_network_posts(ids: list[int], run) -> None:
    Post.objects.filter(pk__in=ids).update(text=REMOVED)


def _label(record) -> str:
    return f"Message {record.pk} in discussion {record.thread_id}, last active {timezone.localtime(record.thread_last_post_at):%-d %B %Y}"


register_record_type(
    "network_posts", due=due_network_posts, act=anonymise_network_posts, label=_label, only=["id", "thread_id"]
)
