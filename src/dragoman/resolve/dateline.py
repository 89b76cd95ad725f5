"""The publication day an article's text opens with, for input that gives none.

Wire copy and pages saved without their metadata often still carry the day
they were published in their first line: a dateline ("LOS ANGELES, April 5,
2018 (WIRE) --"), a byline stamp ("The Daily Courier June 4, 2019 2:36 pm",
"Published Tuesday, June 4, 2019 1:19PM"), or a date line of its own
("- 6 April, 2018: ..."). Without an anchor "Friday" and "yesterday" date
nothing, so such a day is worth reading.

Only a full date (day, month and year) near the start of the text counts, and
only when a dateline follows it: the end of the line, a dash, colon or opening
parenthesis, a clock time, or an upper-case place name before a dash. A date
inside the story's first sentence ("On March 3, 2015, the court ruled") is
followed by none of these and is not taken for the publication day.

`DATELINE` is the place part of a dateline ("ROME - "): the place finder reads it
as the story's place, and names, actor phrases and event parties leave it out
(`dateline_end`), however the tagger glued it to the name after it.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Optional

from .article_memo import ArticleMemo
from .gazetteer import load_gazetteer
from .timex import lexicon, resolve

OPENING = 200  # characters: a dateline or stamp stands before the story's first sentences

# The place a wire story is filed from, opening a sentence or line: an upper-case name,
# maybe its state and agency, then a dash or colon ("COLUMBUS, Ohio (AP) --", "BEIRUT: ").
# Group 1 is the place name.
DATELINE = re.compile(
    r"(?:^|(?<=[.!?\n]\s))([A-Z][A-Z'.-]+(?: [A-Z][A-Z'.-]+)*)"  # the name, at a sentence start
    r"(?:,\s*[A-Z][A-Za-z.]+(?: [A-Z][a-z]+)?)?"  # ", Ohio"
    r"\s*(?:\([A-Za-z ]+\)\s*)?"  # "(AP)"
    r"(?:--|—|–|-\s|:\s)"
)

# where each sentence's dateline ends, by (text, sentence start): the entity, actor and
# party steps ask it again for every name, title, phrase and argument of a sentence
_article_dateline_ends: ArticleMemo[int] = ArticleMemo("dateline_ends")


@lru_cache(maxsize=1)
def _pattern() -> re.Pattern:
    lex = lexicon()
    months = "|".join(sorted({w for name, aliases in lex["months"].items() for w in (name, *aliases)},
                             key=len, reverse=True))
    weekdays = "|".join(sorted({w for name, aliases in lex["weekdays"].items() for w in (name, *aliases)},
                               key=len, reverse=True))
    month = rf"(?i:{months})\.?"
    day = r"\d{1,2}(?:st|nd|rd|th)?"
    when = rf"(?:(?i:{weekdays})\.?,?\s+)?(?P<date>{month}\s+{day},?\s+\d{{4}}|{day}\s+{month},?\s+\d{{4}})"
    clock = r"\d{1,2}:\d{2}"
    place = r"[A-Z][A-Z.&' ]{2,},*\s*(?:--|[-—–:])"
    follows = rf"[ \t]*(?:\n|$|--|[—–:(-]|{clock}|{place})"
    return re.compile(rf"(?<![\w-]){when}(?={follows})")


def dateline_end(text: str, at: int) -> int:
    """Where the dateline opening a sentence at `at` ends ("ROME - " in "ROME - Jane Doe
    said ..."), or `at` when the sentence opens with none. Upper-case words the gazetteer
    does not know as a place are a heading ("QUESTIONABLE CLAIMS — ..."), not a dateline."""
    return _article_dateline_ends.get((text, at), lambda: _dateline_end(text, at))


def _dateline_end(text: str, at: int) -> int:
    found = DATELINE.match(text, at)
    if found is None or not load_gazetteer().ranked(found.group(1), main_only=True):
        return at
    return found.end()


def dateline_date(text: str) -> Optional[str]:
    """The publication day (YYYY-MM-DD) in the text's dateline, if it has one."""
    found = _in_opening(text[:OPENING])
    return found[0] if found else None


def dateline_span(text: str) -> Optional[tuple[int, int]]:
    """The characters of the dateline's date: the day the text was filed, which
    dates no event the story tells after it."""
    found = _in_opening(text[:OPENING])
    return found[1] if found else None


@lru_cache(maxsize=64)  # event dating asks again at every trigger of an article
def _in_opening(opening: str) -> Optional[tuple[str, tuple[int, int]]]:
    """The dateline's day and the span of its date (weekday included), if any."""
    found = _pattern().search(opening)
    if found is None:
        return None
    resolved = resolve(found["date"], None)
    if resolved is None or resolved.precision != "day" or resolved.value is None:
        return None
    return resolved.value, found.span()  # with the weekday ("Tuesday, June 4, 2019")
