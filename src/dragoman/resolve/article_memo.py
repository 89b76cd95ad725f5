"""Answers worked out once per article: memos kept while one article is analysed.

The steps of one article ask the resolvers the same questions again and again (an
actor phrase in every sentence, a place name at each of its mentions). Where an answer
depends only on the question and on what the known sources held when the article
began, an `ArticleMemo` keeps it for the rest of the article. `Pipeline.analyse` opens
`one_article` around an article's steps; outside one, nothing is kept and every answer
is worked out afresh. The memos go with the article because across articles the
sources may learn.
"""

from __future__ import annotations

from contextlib import contextmanager
from contextvars import ContextVar
from typing import Callable, Generic, Hashable, Iterator, Optional, TypeVar

V = TypeVar("V")

_MEMOS: list["ArticleMemo"] = []  # every memo made, each opened afresh by `one_article`


class ArticleMemo(Generic[V]):
    """One kind of answer, by its question (a hashable key), for the article being analysed."""

    def __init__(self, name: str) -> None:
        self._kept: ContextVar[Optional[dict[Hashable, V]]] = ContextVar(name, default=None)
        _MEMOS.append(self)

    def get(self, key: Hashable, work_out: Callable[[], V]) -> V:
        """The answer kept for `key` in this article, worked out the first time it is asked."""
        kept = self._kept.get()
        if kept is None:
            return work_out()
        if key not in kept:
            kept[key] = work_out()
        return kept[key]


@contextmanager
def one_article() -> Iterator[None]:
    """Keep each memo's answers while one article is analysed, and drop them after it."""
    tokens = [(memo, memo._kept.set({})) for memo in _MEMOS]
    try:
        yield
    finally:
        for memo, token in reversed(tokens):
            memo._kept.reset(token)
