"""What a search query means, the same in every store.

The syntax is web-search style, as people type it::

    ceasefire Gaza                 both words
    "humanitarian aid"             the words in this order
    Gaza -Hamas                    Gaza, but not Hamas (also: Gaza NOT Hamas)
    ceasefire or truce             either (OR too); binds loosest: a b or c is (a b) or c

Anything else is a word: punctuation inside a word ("U.S.", "Blinken's") is
left to each database's tokenizer, so it never fails to parse. An unclosed quote
runs to the end. Each store turns a `Query` into its own language (FTS5 in SQLite,
a tsquery in PostgreSQL); an alternative with nothing to look for (only excluded
words) is dropped, since "everything but Hamas" is no search. A term given twice in
an alternative, or an alternative given twice, is kept once: it means the same, and
full-text engines pay for each repeat (fifty "the" took FTS5 seconds on 100,000 events).
"""

from __future__ import annotations

import re
from typing import NamedTuple

# a quoted phrase (the closing quote optional) or a run of other characters, each maybe after a dash
_TOKEN = re.compile(r'(-?)"([^"]*)"?|(\S+)')
_OR = {"or", "OR"}
_NOT = "NOT"
_AND = "AND"


class Alternative(NamedTuple):
    """Every `include` term and none of the `exclude` terms (each term a word or a phrase)."""

    include: tuple[str, ...]
    exclude: tuple[str, ...]


class Query(NamedTuple):
    """Any one of the alternatives; no alternatives: nothing to look for."""

    alternatives: tuple[Alternative, ...]


def parse_query(text: str) -> Query:
    """The words, phrases, exclusions and alternatives of a query, as described above."""
    alternatives: list[Alternative] = []
    include: list[str] = []
    exclude: list[str] = []
    negate_next = False
    for match in _TOKEN.finditer(text):
        dash, phrase, bare = match.groups()
        if bare in _OR:
            alternatives.append(Alternative(tuple(include), tuple(exclude)))
            include, exclude, negate_next = [], [], False
            continue
        if bare in (_NOT, _AND):
            negate_next = bare == _NOT
            continue
        negated = negate_next or bool(dash)
        if bare is not None and bare.startswith("-") and len(bare) > 1:
            bare, negated = bare[1:], True
        term = " ".join((phrase if bare is None else bare).split())
        negate_next = False
        if not _has_word(term):
            continue
        (exclude if negated else include).append(term)
    alternatives.append(Alternative(tuple(include), tuple(exclude)))
    return Query(tuple(dict.fromkeys(_once(alt) for alt in alternatives if alt.include)))


def _once(alternative: Alternative) -> Alternative:
    """The alternative with each term once, in the order first given (the databases'
    tokenizers fold case, so "Gaza" and "gaza" are one term)."""
    def unique(terms: tuple[str, ...]) -> tuple[str, ...]:
        first: dict[str, str] = {}
        for term in terms:
            first.setdefault(term.casefold(), term)
        return tuple(first.values())

    return Alternative(unique(alternative.include), unique(alternative.exclude))


def _has_word(term: str) -> bool:
    """Whether a term holds a letter or digit: "-" or "..." alone look for nothing."""
    return any(ch.isalnum() for ch in term)
