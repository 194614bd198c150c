"""What every co-produced meeting has, whichever sub-app holds it (a contract's monitoring
meeting, a network's meeting): an agenda, also in Easy Read; papers written on the platform so
each member gets them in the format they asked for; and minutes that are put forward and then
agreed by every member, any change to them asking everyone again."""

from collections.abc import Iterable

from django.conf import settings
from django.db import models
from django.utils import timezone

from coproduction.core.names import NameField


class MeetingRecord(models.Model):
    """A meeting's date, place, agenda and minutes."""

    title = NameField(max_length=200)
    date = models.DateField()
    starts_at = models.TimeField()
    place = models.TextField(help_text="Where it is, or how to join online.")
    agenda = models.TextField(blank=True)
    agenda_easy_read = models.TextField(blank=True, help_text="The agenda in Easy Read words, if written.")
    minutes = models.TextField(blank=True)
    # Members are asked to agree the minutes once they are put forward; editing them again
    # clears everyone's agreement.
    minutes_put_forward_at = models.DateTimeField(null=True, blank=True)
    papers_sent_at = models.DateTimeField(null=True, blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        abstract = True

    def __str__(self) -> str:
        return self.title


class MeetingPaperRecord(models.Model):
    """A paper written on the platform, so it can go out in large print or Easy Read."""

    title = NameField(max_length=200)
    text = models.TextField(blank=True)
    easy_read_text = models.TextField(blank=True)
    position = models.PositiveSmallIntegerField(default=1)
    added_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    added_at = models.DateTimeField(default=timezone.now)

    class Meta:
        abstract = True

    def __str__(self) -> str:
        return self.title


class MeetingPlaceRecord(models.Model):
    """One member's place at one meeting: the format their papers went in, whether they came,
    and when they agreed the minutes."""

    attended = models.BooleanField(null=True, blank=True)  # None until attendance is recorded
    papers_format = models.CharField(max_length=20, blank=True)  # the DocumentFormat the papers were sent in
    papers_sent_at = models.DateTimeField(null=True, blank=True)
    minutes_agreed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        abstract = True


def minutes_agreed(members: Iterable) -> bool:
    """True once every member has agreed the minutes put forward (and there is someone to agree)."""
    members = list(members)
    return bool(members) and all(member.minutes_agreed_at is not None for member in members)


def papers_text(paper, *, easy_read: bool) -> str:
    """The words a member reads: the Easy Read version when they asked for it and it is written."""
    return paper.easy_read_text if easy_read and paper.easy_read_text else paper.text
