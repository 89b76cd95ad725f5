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

A dateline's place ("ROME - ") says where the story was filed: names, actor phrases and
event parties leave it out (`dateline_end`), however the tagger glued it to the name after
it. Its forms: an upper-case place at any sentence start, maybe with its state, the day
and the agency ("WASHINGTON, Dec. 8 (UPI) --"; an agency may stand for the dash, which
some pages lose); a place in any case when an agency follows it ("Hanoi (VNA) -") or when
it stands in brackets ("(NEW YORK) -"); and, in a text the source lower-cased, the place
and colon the article opens with ("new delhi: "). A place the gazetteer does not know is
a heading, a byline or a speaker's name, never a dateline.

The parse cuts each dateline off the sentence it opens (`dateline_bounds`, read by
`annotate.nlp`): parsed with it, the place became the sentence's subject.

The place finder reads the places of the wire forms, which the tagger rarely labels
(`dateline_places`). A lower-cased opening's place is left to the tagger: added as a
place, it settled the article's country in stories that name no other, and with it
"the authorities" of sentences whose arrest or charge nobody is said to make.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Optional

from .article_memo import ArticleMemo
from .gazetteer import load_gazetteer
from .timex import lexicon, resolve

OPENING = 200  # characters: a dateline or stamp stands before the story's first sentences
DASHES = "-_—–\x97"  # what may trail a dateline beyond its end ("COLUMBIA ---", "MOSCOW (AP)_")

_UPPER = r"[A-Z][A-Z'.-]+(?: [A-Z][A-Z'.-]+)*"  # "SALT LAKE CITY"
_NAMED_WORD = r"[A-Z](?:[a-z]{0,2}\.|[A-Za-z'-]+)"  # "Lake", "St.", not a sentence's last word
_NAMED = rf"{_NAMED_WORD}(?: {_NAMED_WORD})*"  # "Salt Lake City", "St. Louis"
_STATE = r"(?:,\s*[A-Z][A-Za-z.]+(?: [A-Z][a-z]+)?)?"  # ", Ohio"
_AGENCY = r"\([A-Z][A-Za-z0-9]+(?: [A-Z][A-Za-z0-9]*)*\)"  # "(AP)", "(Reuters)", "(ABC7)"
# the dash or colon ending it; "\x97" is a dash the source's code page left undecoded
_END = r"(?:--|[—–\x97]|-\s|:(?!\d))"
_SENTENCE_START = r"(?:^|(?<=\n)|(?<=[.!?\n]\s))"
# a lower-cased opening: "new delhi: ", "ahmedabad/vadodara: ", "kudatini (bellary): "
_LOWER = re.compile(r"([a-z][a-z'.-]+(?: [a-z][a-z'.-]+){0,2})(?:/[a-z][a-z .-]*?)?(?:\s*\([a-z ]+\))?\s*[:;]\s*")

_UPPER_CASE = re.compile("[A-Z]")
_BLANK = re.compile(r"\s*")
_TITLE_WORDS = 20  # a first line no longer than this may be a title or stamp above the story

# where each sentence's dateline ends, by (text, sentence start): the entity, actor and
# party steps ask it again for every name, title, phrase and argument of a sentence
_article_dateline_ends: ArticleMemo[int] = ArticleMemo("dateline_ends")


def _alternation(section: str) -> str:
    """The names and abbreviations of the months or weekdays, longest first, as a regex."""
    words = {w for name, aliases in lexicon()[section].items() for w in (name, *aliases)}
    return "|".join(sorted(words, key=len, reverse=True))


@lru_cache(maxsize=1)
def _pattern() -> re.Pattern:
    weekdays = _alternation("weekdays")
    month = rf"(?i:{_alternation('months')})\.?"
    day = r"\d{1,2}(?:st|nd|rd|th)?"
    when = rf"(?:(?i:{weekdays})\.?,?\s+)?(?P<date>{month}\s+{day},?\s+\d{{4}}|{day}\s+{month},?\s+\d{{4}})"
    clock = r"\d{1,2}:\d{2}"
    place = r"[A-Z][A-Z.&' ]{2,},*\s*(?:--|[-—–:])"
    follows = rf"[ \t]*(?:\n|$|--|[—–:(-]|{clock}|{place})"
    return re.compile(rf"(?<![\w-]){when}(?={follows})")


@lru_cache(maxsize=1)
def _wire() -> re.Pattern:
    """The wire forms, at a sentence start; the group named by its form holds the place."""
    day = rf"(?:,?\s*(?i:{_alternation('months')})\.?\s+\d{{1,2}})?"  # ", Dec. 8"
    return re.compile(
        _SENTENCE_START + "(?:"
        rf"(?P<upper>{_UPPER}){_STATE}{day}\s*(?:{_AGENCY}\s*{_END}?|{_END})"  # "ROME (AP) -", "ROME (AP) The"
        rf"|(?P<named>{_NAMED}){_STATE}{day}\s*{_AGENCY}\s*{_END}"  # "Rome (AFP) -": the agency tells
        rf"|\((?P<bracketed>{_NAMED})\)\s*{_END}"  # "(ROME) -"
        ")"
    )


def dateline_end(text: str, at: int) -> int:
    """Where the dateline opening a sentence at `at` ends ("ROME - " in "ROME - Jane Doe
    said ..."), or `at` when the sentence opens with none."""
    return _article_dateline_ends.get((text, at), lambda: _dateline(text, at)[1])


def dateline_places(text: str) -> list[tuple[int, int]]:
    """The characters of the place of every wire-form dateline in the text."""
    places = (_dateline(text, found.start())[0] for found in _wire().finditer(text))
    return [span for span in places if span is not None]


def dateline_bounds(text: str) -> list[tuple[int, int]]:
    """Where every dateline in the text starts and ends (its forms as `dateline_end` reads
    them), for the parse to cut each off its story sentence."""
    starts = {found.start() for found in _wire().finditer(text)} | set(_article_openings(text))
    bounds = ((at, _dateline(text, at)[1]) for at in sorted(starts))
    return [(at, end) for at, end in bounds if end > at]


def _dateline(text: str, at: int) -> tuple[Optional[tuple[int, int]], int]:
    """The place's span and the dateline's end, for a dateline at `at` (else None, `at`)."""
    found = _wire().match(text, at)
    if found is not None:
        group = next(g for g in ("upper", "named", "bracketed") if found.group(g))
        if load_gazetteer().ranked(found.group(group), main_only=True):
            return found.span(group), found.end()
    lowered = _LOWER.match(text, at)
    if lowered is not None and at in _article_openings(text) and not _UPPER_CASE.search(text, at, _line_end(text, at)):
        # no capitals to tell a name by, but the opening place of a lower-cased wire text
        # keeps the name it was filed under, often an older one ("bangalore", "bombay")
        if load_gazetteer().ranked(lowered.group(1)):
            return lowered.span(1), lowered.end()
    return None, at


def _article_openings(text: str) -> tuple[int, ...]:
    """Where the article's story may begin: its first line, and the next one after a
    first line that is short and ends no sentence: a title or a stamp ("This story is
    from ...")."""
    first = _BLANK.match(text).end()
    end = _line_end(text, first)
    line = text[first:end].rstrip()
    if end == len(text) or len(line.split()) > _TITLE_WORDS or line.endswith((".", "!", "?")):
        return (first,)
    return (first, _BLANK.match(text, end).end())


def _line_end(text: str, at: int) -> int:
    end = text.find("\n", at)
    return len(text) if end < 0 else end


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
