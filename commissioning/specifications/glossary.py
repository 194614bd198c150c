"""Marking up the council's glossary terms in text people wrote.

The pattern, chosen to work for screen readers, keyboards, touch and without JavaScript:
the first time a term appears in a block of text it becomes an ordinary link to its entry in a
"Words we use" list on the same page (and in the PDF). The link's aria-describedby points at
that entry's explanation, so a screen reader reads the explanation as soon as the link is
focused, without leaving the sentence. Nothing depends on hover or a tooltip (which touch and
keyboard users cannot reliably open, and which cannot be dismissed without script). Only the
first use in each block is linked, so a paragraph is not a wall of links.

User text is escaped piece by piece around the matches, so nothing typed can become markup."""

import re
from dataclasses import dataclass, field

from django.utils.html import escape, format_html
from django.utils.safestring import SafeString, mark_safe


@dataclass
class Glossary:
    """The glossary for one page, with its terms already read (selectors.glossary_for_page): marking
    text up never queries, so it can run in a template filter."""

    terms: list = field(default_factory=list)
    used: dict[int, object] = field(default_factory=dict)  # pk -> term, in order of first use

    def _pattern(self) -> tuple[re.Pattern | None, dict[str, object]]:
        if not hasattr(self, "_compiled"):
            terms = self.terms
            by_lower = {term.term.lower(): term for term in terms}
            if not by_lower:
                self._compiled = (None, {})
            else:
                # Longest first, so "contract monitoring" wins over "contract"; a plural s or es is allowed.
                alternatives = "|".join(re.escape(t) for t in sorted(by_lower, key=len, reverse=True))
                pattern = re.compile(rf"(?<![\w-])({alternatives})(?:e?s)?(?![\w-])", re.IGNORECASE)
                self._compiled = (pattern, by_lower)
        return self._compiled

    def mark(self, text: str) -> SafeString:
        text = "" if text is None else str(text)
        pattern, by_lower = self._pattern()
        if pattern is None:
            return escape(text)
        pieces, last, linked = [], 0, set()
        for match in pattern.finditer(text):
            term = by_lower[match.group(1).lower()]
            if term.pk in linked:
                continue
            linked.add(term.pk)
            self.used.setdefault(term.pk, term)
            pieces.append(escape(text[last : match.start()]))
            pieces.append(
                format_html(
                    '<a href="#glossary-{pk}" class="govuk-link app-glossary-term" aria-describedby="glossary-{pk}-explanation">{shown}</a>',
                    pk=term.pk,
                    shown=match.group(0),
                )
            )
            last = match.end()
        pieces.append(escape(text[last:]))
        return mark_safe("".join(pieces))  # each piece escaped or built by format_html above

    def used_terms(self) -> list:
        return sorted(self.used.values(), key=lambda term: term.term.lower())

    def all_terms(self) -> list:
        return self.terms
