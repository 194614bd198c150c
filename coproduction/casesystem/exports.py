"""What goes back to the case management system. The platform does not know what a feature
exports: the feature registers it here (careplans registers agreed plans and finished reviews),
and the export settings page shows what is waiting and what was sent, and sends the waiting now."""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime


@dataclass(frozen=True)
class Sent:
    """One document sent: its file name (the JSON; the PDF beside it has the same name), when,
    and what it is in plain words. No names: the file name carries only the case system id."""

    file_name: str
    sent_at: datetime
    what: str

    @property
    def pdf_name(self) -> str:
        return self.file_name.removesuffix(".json") + ".pdf"


@dataclass(frozen=True)
class ExportSource:
    # [(what, how many are waiting to be sent)], e.g. [("agreed plans", 3), ("finished reviews", 1)]
    waiting: Callable[[], list[tuple[str, int]]]
    # The latest documents sent, newest first, at most `limit`.
    recent: Callable[[int], list[Sent]]
    # Queue the export of everything waiting (the same task the nightly schedule runs).
    send_now: Callable[[], None]


_SOURCES: list[ExportSource] = []


def register(source: ExportSource) -> ExportSource:
    _SOURCES.append(source)
    return source


def sources() -> list[ExportSource]:
    return list(_SOURCES)
