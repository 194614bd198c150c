"""The ten "Making it real" care and support planning statements (Think Local Act Personal) that
the checklist asks about, for other features to name: a training course says which statements
it covers, and prints them in their Easy Read wording. The checklist owns the statements and
registers where to read them (in its AppConfig.ready); the platform knows only their shape, so
no feature needs to import the checklist to name one."""

from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class PracticeStatement:
    number: int
    wording: str
    easy_read: str

    @property
    def label(self) -> str:
        return f"{self.number}. {self.wording}"


_sources: list[Callable[[], list[PracticeStatement]]] = []


def register_statement_source(source: Callable[[], list[PracticeStatement]]) -> None:
    """source() -> the current planning statements, in order, in one query."""
    if source not in _sources:
        _sources.append(source)


def practice_statements() -> list[PracticeStatement]:
    """The current statements, or none where no feature provides them."""
    return [statement for source in _sources for statement in source()]


def statements_numbered(numbers) -> list[PracticeStatement]:
    """The current statements with these numbers, in order (numbers no longer published are left out)."""
    wanted = set(numbers or ())
    return [statement for statement in practice_statements() if statement.number in wanted] if wanted else []
