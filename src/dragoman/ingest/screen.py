"""Which articles read are worth extracting: those in English that repeat no article taken before.

`Screen` sits between reading and extraction, for `extract` and `ingest` alike. An
article is set aside, with a note naming it, when

- it is not in English (`language.foreign_language`): counted "skipped: not English";
- it is a near-duplicate (`near_duplicates`) of an article taken earlier in this run,
  or, given a store, of one stored before: counted "near-duplicates". The first one
  read is the original; the later ones are linked to it, never extracted.

With a store, a link to a stored original is kept at once (`Store.link_near_duplicate`);
one to an original of this run waits until that original is stored (`stored`), since
the store may rename it, and is reported as unlinked if it never is (`unlinked`): that
article is then neither stored nor linked, so the next ingest reads it again.
"""

from __future__ import annotations

from collections import Counter
from typing import Callable, Iterable, Iterator, Optional

from ..records import Article
from .language import foreign_language
from .near_duplicates import Match, RunIndex, signature

NOT_ENGLISH = "skipped: not English"
NEAR_DUPLICATES = "near-duplicates"


class Screen:
    """Sets aside foreign-language articles and near-duplicates, counting and noting each."""

    def __init__(self, store=None, on_note: Optional[Callable[[str], None]] = None) -> None:
        self.store = store
        self.on_note = on_note or (lambda message: None)
        self.counts: Counter = Counter()
        self._run = RunIndex()
        self._waiting: dict[str, list[tuple[Article, Match]]] = {}  # original's id in this run -> its copies

    def __call__(self, articles: Iterable[Article]) -> Iterator[Article]:
        for article in articles:
            if self._admit(article):
                yield article

    def _admit(self, article: Article) -> bool:
        language = foreign_language(article.text)
        if language is not None:
            self.counts[NOT_ENGLISH] += 1
            self.on_note(f"{article.id}: skipped: not English (identified as {language.code!r}, "
                         f"probability {language.probability:.2f})")
            return False
        found = signature(article.text)
        if found is None:
            return True
        in_run = self._run.find(found)
        match = in_run or (self.store.near_duplicate_of(found) if self.store is not None else None)
        if match is None:
            self._run.add(article.id, found)
            return True
        self.counts[NEAR_DUPLICATES] += 1
        self.on_note(f"{article.id}: near-duplicate of {match.original_id} "
                     f"(similarity {match.similarity:.2f}), not extracted")
        if self.store is not None:
            if in_run:
                self._waiting.setdefault(match.original_id, []).append((article, match))
            else:
                self.store.link_near_duplicate(article, match)
        return False

    def stored(self, article_id: str, stored_id: Optional[str]) -> None:
        """The article read as `article_id` is now in the store as `stored_id` (None: its
        text was stored already): link the copies waiting for it. The store now finds it,
        so this run's index lets it go."""
        self._run.remove(article_id)
        if stored_id is None:
            return  # its copies stay waiting, to be reported by `unlinked`
        for copy, match in self._waiting.pop(article_id, ()):
            self.store.link_near_duplicate(copy, match._replace(original_id=stored_id))

    def unlinked(self) -> list[tuple[Article, Match]]:
        """Copies whose original of this run was never stored (its extraction failed, or
        its text was stored already): neither stored nor linked."""
        left = [pair for pairs in self._waiting.values() for pair in pairs]
        self._waiting.clear()
        return left

    def summary(self) -> str:
        """', 2 near-duplicates, 1 skipped: not English'; a count of none is not said."""
        return "".join(f", {self.counts[kind]} {kind}" for kind in (NEAR_DUPLICATES, NOT_ENGLISH) if self.counts[kind])
