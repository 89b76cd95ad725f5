"""Resolve an English time expression against the publication date.

News text dates events relative to the day it was written ("on Friday", "last
week"), so a mention means nothing without that anchor. `resolve` turns a
mention into a range (`first`..`last`, one day for a day) with a `precision`,
and a `value` when the range is one whole calendar day, month or year, written
as ISO 8601 writes a date at that precision (`calendar_value`): "1996-03-07",
"1996-03", "1996". Other ranges ("last week", "last summer", "the third quarter",
"the 1990s", "the past two weeks") keep a null value: ISO 8601's week dates and
EDTF's season and quarter codes are forms few readers of our output parse, and
a range says the same.
Our rules cover the relative forms newswire uses and decide the direction of
a bare weekday or month from tense; `dateparser` is a fallback only for
explicit dates our rules do not know. Without a publication date, relative
expressions keep a null value and say so (`unresolved`): we never guess the anchor.

Words (weekdays, months, counts, units, seasons) live in data/timex.yaml.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import lru_cache
from pathlib import Path
from typing import Callable, Optional

import yaml
from dateutil.relativedelta import relativedelta

from ..records import DateMention, Precision, Unresolved

DATA = Path(__file__).resolve().parent.parent / "data" / "timex.yaml"


@dataclass(frozen=True)
class Resolved:
    """A resolved time expression; a day has value == first == last, a month or a
    year its ISO 8601 reduced form as value ("1996-03") and its days as first..last."""

    value: Optional[str] = None
    first: Optional[str] = None
    last: Optional[str] = None
    precision: Precision = "unknown"
    unresolved: Optional[Unresolved] = None  # why there are no days (`DateMention`)


@dataclass(frozen=True)
class _Context:
    published: Optional[date]
    tense: Optional[str]

    @property
    def future(self) -> bool:
        return self.tense == "future"


# -- lexicon -----------------------------------------------------------------


@lru_cache(maxsize=1)
def lexicon() -> dict:
    with open(DATA, encoding="utf-8") as fh:
        return yaml.safe_load(fh)


def _alias_table(section: str) -> dict[str, int]:
    """Name or abbreviation -> 1-based index ("sept" -> 9); weekdays are 0-based."""
    table: dict[str, int] = {}
    base = 0 if section == "weekdays" else 1
    for i, (name, aliases) in enumerate(lexicon()[section].items()):
        for word in [name, *aliases]:
            table[word] = i + base
    return table


def _alternation(words) -> str:
    """A regex group matching any of the words, longest first."""
    return "(" + "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)) + ")"


@lru_cache(maxsize=1)
def _words() -> dict[str, str]:
    lex = lexicon()
    return {
        "WD": _alternation(_alias_table("weekdays")),
        "MON": _alternation(_alias_table("months")),
        "PART": _alternation(lex["parts_of_day"]),
        "NUM": r"(\d+(?:\.\d+)?|" + _alternation(lex["numbers"])[1:],
        "UNIT": _alternation(lex["units"]) + r"s?",
        "SEASON": _alternation(lex["seasons"]),
        "DAYWORD": _alternation(lex["day_words"]),
        "QUAL": _alternation(lex["duration_qualifiers"]),
        "SET": _alternation(lex["set_words"]),
        "ORD": r"(?:st|nd|rd|th)?",
    }


def _compile(pattern: str) -> re.Pattern:
    for key, alternation in _words().items():
        pattern = pattern.replace(key, alternation)
    return re.compile("^" + pattern + "$")


def _number(word: str) -> Optional[float]:
    if re.fullmatch(r"\d+(?:\.\d+)?", word):
        return float(word)
    return lexicon()["numbers"].get(word)


def _unit_name(word: str) -> str:
    """"weeks" -> "week"; the singular key of data/timex.yaml units."""
    return word[:-1] if word.endswith("s") and word[:-1] in lexicon()["units"] else word


def _step(unit: str, count: float = 1) -> relativedelta:
    """The calendar step of `count` units ("weeks" x 2 -> 14 days)."""
    spec = lexicon()["units"][_unit_name(unit)]
    whole = int(count)
    step = relativedelta(**{k: v * whole for k, v in spec.items()})
    if count != whole:  # "two and a half years": add the half in days
        days = (date(2001, 1, 1) + relativedelta(**spec) - date(2001, 1, 1)).days
        step += relativedelta(days=round(days * (count - whole)))
    return step


# -- building results ---------------------------------------------------------


def calendar_value(first: date, last: date) -> Optional[str]:
    """The ISO 8601 date at reduced precision that names exactly the days
    `first`..`last`: "1996-03-07" for one day, "1996-03" for a whole month, "1996"
    for a whole year; None for any other range (part of a month, a week, a season)."""
    if first == last:
        return first.isoformat()
    if first.day == 1 and last == first + relativedelta(months=1, days=-1):
        return first.isoformat()[:7]
    if (first.month, first.day, last.month, last.day) == (1, 1, 12, 31) and first.year == last.year:
        return first.isoformat()[:4]
    return None


_VALUE = re.compile(r"(?P<year>\d{4})(?:-(?P<month>\d{2})(?:-(?P<day>\d{2}))?)?")


def value_range(value: Optional[str]) -> Optional[tuple[date, date]]:
    """The first and last day a `value` names ("1996-03" -> March 1 and 31, 1996);
    None when it is not a date in one of `calendar_value`'s forms."""
    found = _VALUE.fullmatch(value or "")
    if found is None:
        return None
    year, month, day = (int(found[k]) if found[k] else None for k in ("year", "month", "day"))
    try:
        if day is not None:
            one = date(year, month, day)
            return one, one
        if month is not None:
            return _month_of(year, month)
        return date(year, 1, 1), date(year, 12, 31)
    except ValueError:
        return None


def mention_bounds(mention: DateMention) -> tuple[Optional[str], Optional[str]]:
    """A mention's first and last day: its own, else those its value names (a
    record written by hand, or by a dragoman before ranges were kept, may give only
    "value": "1996-03")."""
    if mention.first or mention.last:
        return mention.first, mention.last
    named = value_range(mention.value)
    return (named[0].isoformat(), named[1].isoformat()) if named else (None, None)


def _day(d: date) -> Resolved:
    iso = d.isoformat()
    return Resolved(value=iso, first=iso, last=iso, precision="day")


def _precision_for(days: int) -> Precision:
    """The grain of a range of `days` days: a week or less is "week", and so on."""
    if days <= 1:
        return "day"
    return "week" if days <= 7 else "month" if days <= 31 else "year" if days <= 366 else "unknown"


def _span(first: date, last: date) -> Resolved:
    """A range; its precision follows its length so callers can compare vagueness,
    and it has a value when it is a whole calendar month or year."""
    if first == last:
        return _day(first)
    precision = _precision_for((last - first).days + 1)
    return Resolved(value=calendar_value(first, last), first=first.isoformat(), last=last.isoformat(),
                    precision=precision)


def _unanchored(precision: Precision, why: Unresolved) -> Resolved:
    return Resolved(precision=precision, unresolved=why)


def _unpublished(precision: Precision) -> Resolved:
    """Words that count from the day of writing, in an article without one."""
    return _unanchored(precision, "no_publication_date")


def _week_of(d: date) -> tuple[date, date]:
    monday = d - timedelta(days=d.weekday())
    return monday, monday + timedelta(days=6)


def _month_of(year: int, month: int) -> tuple[date, date]:
    first = date(year, month, 1)
    return first, first + relativedelta(months=1, days=-1)


def _safe_date(year: int, month: int, day: int) -> Optional[date]:
    try:
        return date(year, month, day)
    except ValueError:
        return None


# -- rules --------------------------------------------------------------------
# Each handler gets the match and the context and returns a Resolved, or None
# when the text is not a calendar date after all.

Handler = Callable[[re.Match, _Context], Optional[Resolved]]


def _explicit_day(m: re.Match, ctx: _Context) -> Optional[Resolved]:
    g = m.groupdict()
    month = _alias_table("months")[g["mon"]]
    d = _safe_date(int(g["year"]), month, int(g["day"]))
    return _day(d) if d else None


def _iso_day(m: re.Match, ctx: _Context) -> Optional[Resolved]:
    d = _safe_date(int(m["year"]), int(m["month"]), int(m["day"]))
    return _day(d) if d else None


def _iso_month(m: re.Match, ctx: _Context) -> Optional[Resolved]:
    if not 1 <= int(m["month"]) <= 12:
        return None
    return _span(*_month_of(int(m["year"]), int(m["month"])))


def _numeric_day(m: re.Match, ctx: _Context) -> Optional[Resolved]:
    """3/4/2024: month-first (US) or day-first; when both read as dates, keep the
    one that is not after publication, and give up if that does not decide."""
    a, b, year = int(m["a"]), int(m["b"]), int(m["year"])
    if year < 100:
        year += 2000 if year < 50 else 1900
    readings = {d for d in (_safe_date(year, a, b), _safe_date(year, b, a)) if d}
    if ctx.published and len(readings) > 1:
        readings = {d for d in readings if d <= ctx.published}
    if len(readings) != 1:
        return _unanchored("day", "ambiguous" if readings else "unplaced")
    return _day(readings.pop())


def _yearless_day(m: re.Match, ctx: _Context) -> Optional[Resolved]:
    """"October 7": the latest such day on or before publication, unless the coming one
    is meant (see `_coming_is_meant`)."""
    month, day = _alias_table("months")[m["mon"]], int(m["day"])
    if not _safe_date(2000, month, day):  # 2000 is a leap year: Feb 29 allowed
        return None
    if ctx.published is None:
        return _unpublished("day")
    pub = ctx.published
    candidates = [_safe_date(pub.year + k, month, day) for k in (-1, 0, 1)]
    candidates = [d for d in candidates if d]
    after = [d for d in candidates if d > pub]
    before = [d for d in candidates if d <= pub]
    if after and (not before or _coming_is_meant(min(after), max(before), ctx)):
        return _day(min(after))
    return _day(max(before)) if before else _unanchored("day", "unplaced")


def _coming_is_meant(coming: date, past: date, ctx: _Context) -> bool:
    """Whether a date named without its year is the coming one rather than the past one:
    in a future clause, or when only weeks ahead, whatever the tense of the verb above it
    ("the deadline was moved to Dec. 15", written in late October): news gives the
    year of a date further off, and says "last April" for one nearly a year ago."""
    assert ctx.published is not None
    ahead = (coming - ctx.published).days
    window = lexicon()["yearless_future_window_days"]
    return ctx.future or (ahead <= window and ahead < (ctx.published - past).days)


def _month_year(m: re.Match, ctx: _Context) -> Optional[Resolved]:
    return _span(*_month_of(int(m["year"]), _alias_table("months")[m["mon"]]))


def _relative_month(m: re.Match, ctx: _Context) -> Optional[Resolved]:
    """"March", "last March": the nearest such month in the direction the words (or tense) say."""
    if ctx.published is None:
        return _unpublished("month")
    month, rel, pub = _alias_table("months")[m["mon"]], m["rel"], ctx.published
    starts = [date(pub.year + k, month, 1) for k in (-1, 0, 1)]
    current = date(pub.year, pub.month, 1)
    if rel in ("this", "current"):
        chosen = date(pub.year, month, 1)
    elif rel in ("next", "coming") or (rel is None and _looks_ahead(starts, current, ctx)):
        chosen = min(d for d in starts if (d > current if rel else d >= current))
    else:  # last, past, previous, or bare in a past/present clause
        chosen = max(d for d in starts if (d < current if rel else d <= current))
    return _span(*_month_of(chosen.year, chosen.month))


def _looks_ahead(starts: list[date], current: date, ctx: _Context) -> bool:
    """A bare month ahead of the current one is the coming one when `_coming_is_meant`
    says so (its distance counted to its first day, the past one's to its last)."""
    coming = min(d for d in starts if d > current)
    past = max(d for d in starts if d < current)
    return _coming_is_meant(coming, _month_of(past.year, past.month)[1], ctx)


def _month_of_year(m: re.Match, ctx: _Context) -> Optional[Resolved]:
    """"June last year", "January this year": that month of the year the words name."""
    if ctx.published is None:
        return _unpublished("month")
    year = ctx.published.year + {"last": -1, "previous": -1, "next": 1}.get(m["rel"], 0)
    return _span(*_month_of(year, _alias_table("months")[m["mon"]]))


def _year(m: re.Match, ctx: _Context) -> Optional[Resolved]:
    year = int(m["year"])
    if not 1000 <= year <= 2999:
        return None
    return _span(date(year, 1, 1), date(year, 12, 31))


def _decade(m: re.Match, ctx: _Context) -> Optional[Resolved]:
    start = int(m["decade"] + "0")
    return _span(date(start, 1, 1), date(start + 9, 12, 31))


def _day_word(m: re.Match, ctx: _Context) -> Optional[Resolved]:
    if ctx.published is None:
        return _unpublished("day")
    offset = lexicon()["day_words"][m["word"]]
    return _day(ctx.published + timedelta(days=offset))


def _weekday(m: re.Match, ctx: _Context) -> Optional[Resolved]:
    """A bare weekday is the latest one on or before publication (AP style names the
    day even for the day itself); in a future clause, the first on or after it.
    "last"/"next" exclude the publication day; "this" is the one in its week."""
    if ctx.published is None:
        return _unpublished("day")
    wanted, rel, pub = _alias_table("weekdays")[m["wd"]], m["rel"], ctx.published
    back = (pub.weekday() - wanted) % 7
    ahead = (wanted - pub.weekday()) % 7
    if rel in ("this", "current"):
        return _day(_week_of(pub)[0] + timedelta(days=wanted))
    if rel in ("next", "coming"):
        return _day(pub + timedelta(days=ahead or 7))
    if rel in ("last", "previous", "past"):
        return _day(pub - timedelta(days=back or 7))
    if ctx.future:
        return _day(pub + timedelta(days=ahead))
    return _day(pub - timedelta(days=back))


def _period_bounds(unit: str, pub: date) -> tuple[date, date]:
    """The calendar week/weekend/month/quarter/year/decade containing `pub`."""
    if unit == "week":
        return _week_of(pub)
    if unit == "weekend":
        saturday = _week_of(pub)[0] + timedelta(days=5)
        return saturday, saturday + timedelta(days=1)
    if unit == "month":
        return _month_of(pub.year, pub.month)
    if unit == "quarter":
        q = (pub.month - 1) // 3
        return date(pub.year, 3 * q + 1, 1), date(pub.year, 3 * q + 3, 1) + relativedelta(
            months=1, days=-1
        )
    if unit == "decade":
        start = pub.year - pub.year % 10
        return date(start, 1, 1), date(start + 9, 12, 31)
    return date(pub.year, 1, 1), date(pub.year, 12, 31)


_PERIOD_STEP = {
    "week": relativedelta(weeks=1),
    "weekend": relativedelta(weeks=1),
    "month": relativedelta(months=1),
    "quarter": relativedelta(months=3),
    "year": relativedelta(years=1),
    "decade": relativedelta(years=10),
}
_PERIOD_PRECISION: dict[str, Precision] = {
    "week": "week", "weekend": "week", "month": "month", "quarter": "year", "year": "year",
    "decade": "unknown",
}


def _calendar_period(m: re.Match, ctx: _Context) -> Optional[Resolved]:
    """"last week" is the previous Monday-Sunday week; "past week" the 7 days up to publication."""
    unit, rel = m["unit"], m["rel"]
    if ctx.published is None:
        return _unpublished(_PERIOD_PRECISION[unit])
    pub = ctx.published
    if rel == "past":
        return _span(pub - _PERIOD_STEP[unit] + timedelta(days=1), pub)
    shift = {"last": -1, "previous": -1, "next": 1, "coming": 1}.get(rel, 0)
    anchor = pub + _PERIOD_STEP[unit] * shift
    return _span(*_period_bounds(unit, anchor))


def _part_of_period(m: re.Match, ctx: _Context) -> Optional[Resolved]:
    """"earlier this month" runs from the month's start to publication; "later" the rest."""
    unit, rel = m["unit"], m["rel"]
    if ctx.published is None:
        return _unpublished(_PERIOD_PRECISION[unit])
    shift = {"last": -1, "next": 1}.get(rel, 0)
    first, last = _period_bounds(unit, ctx.published + _PERIOD_STEP[unit] * shift)
    if shift == 0 and m["side"] == "earlier":
        last = ctx.published
    elif shift == 0:
        first = ctx.published
    result = _span(first, last)
    return Resolved(first=result.first, last=result.last, precision=_PERIOD_PRECISION[unit])


def _recent(m: re.Match, ctx: _Context) -> Optional[Resolved]:
    days = lexicon()["recent_spans"][m["unit"]]
    if ctx.published is None:
        return _unpublished(_precision_for(days + 1))
    return _span(ctx.published - timedelta(days=days - 1), ctx.published)


def _count(m: re.Match) -> Optional[float]:
    if m["num"] is None:
        return 1.0
    n = _number(m["num"])
    if n is not None and m["half"]:
        n += 0.5
    return n


def _shift(day: date, step: relativedelta) -> Optional[date]:
    """`day` moved by `step`, or None beyond the calendar (years 1 to 9999): "the past
    3000 years" from 1998 has no first day, and must not stop the article's analysis."""
    try:
        return day + step
    except (ValueError, OverflowError):
        return None


def _stretch(m: re.Match, ctx: _Context) -> Optional[Resolved]:
    """"the past three weeks" ends at publication; "the next two days" starts there. "The
    following year", "the next day" and "the previous night" are beside the time of
    another event, not now (`extractors.dates` counts them from the date named before)."""
    n = _count(m)
    if n is None:
        return None
    step = _step(m["unit"], n)
    one_day = m["num"] is None and _unit_name(m["unit"]) in ("day", "night")
    beside_another = m["rel"] == "following" or (one_day and m["rel"] in ("next", "previous"))
    if ctx.published is None or beside_another:
        reference = date(2001, 1, 1)
        end = _shift(reference, step)
        precision = _precision_for((end - reference).days) if end else "year"
        return _unanchored(precision, "no_earlier_date" if beside_another else "no_publication_date")
    pub = ctx.published
    forward = m["rel"] in ("next", "coming", "following")
    far_end = _shift(pub, step if forward else -step)
    if far_end is None:
        return _unanchored("year", "unplaced")
    if forward:
        return _span(pub, max(pub, far_end - timedelta(days=1)))
    return _span(min(pub, far_end + timedelta(days=1)), pub)


def _ago(m: re.Match, ctx: _Context) -> Optional[Resolved]:
    """"three weeks ago": the calendar unit that far back; "two days later" has no anchor here."""
    n = _count(m)
    if n is None:
        return None
    unit = _unit_name(m["unit"])
    grain = {"week": "week", "fortnight": "week", "month": "month", "year": "year"}.get(unit)
    precision: Precision = _PERIOD_PRECISION[grain] if grain else "day"
    if m["dir"] not in ("ago", "from now", "hence"):
        return _unanchored(precision, "no_earlier_date")
    if ctx.published is None:
        return _unpublished(precision)
    step = _step(m["unit"], n)
    anchor = _shift(ctx.published, -step if m["dir"] == "ago" else step)
    if anchor is None:
        return _unanchored(precision, "unplaced")
    if grain is None:
        return _day(anchor)
    return _span(*_period_bounds(grain, anchor))


def _season_bounds(season: str, year: int) -> tuple[date, date]:
    start, end = lexicon()["seasons"][season]
    end_year = year + 1 if end < start else year
    return date(year, start, 1), _month_of(end_year, end)[1]


def _distance(bounds: tuple[date, date], day: date) -> int:
    return min(abs((bounds[0] - day).days), abs((bounds[1] - day).days))


def _season(m: re.Match, ctx: _Context) -> Optional[Resolved]:
    """"last summer": the latest whole summer before publication; bare "summer" may be
    the current one; "this winter" out of season is the nearest one."""
    season, rel = m["season"], m["rel"]
    if m["year"]:
        return _span(*_season_bounds(season, int(m["year"])))
    if ctx.published is None:
        return _unpublished("year")
    pub = ctx.published
    options = [_season_bounds(season, pub.year + k) for k in (-2, -1, 0, 1)]
    current = [o for o in options if o[0] <= pub <= o[1]]
    if rel in ("this", "current"):
        chosen = current[0] if current else min(options, key=lambda o: _distance(o, pub))
    elif rel in ("next", "coming") or (rel is None and ctx.future):
        chosen = min(o for o in options if o[0] > pub) if rel else (
            current[0] if current else min(o for o in options if o[0] > pub)
        )
    elif rel is None and current:
        chosen = current[0]
    else:
        chosen = max(o for o in options if o[1] < pub)
    return _span(*chosen)


_YEAR_SHIFT = {"this year": 0, "current year": 0, "last year": -1, "previous year": -1, "next year": 1,
               "year-ago": -1, "year-earlier": -1, "year ago": -1, "year earlier": -1}
_ORDINALS = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4,
             "4th": 4, "final": 4}


def _quarter(m: re.Match, ctx: _Context) -> Optional[Resolved]:
    """"the third quarter (of 2023)", "the 1988 third quarter", "last year's fourth quarter":
    without a year, the latest such quarter begun by publication."""
    q = _ORDINALS.get(m["ord"]) or int(m["ord"])
    relative_year = (m.groupdict().get("relyear") or "").replace("'s", "")
    if m["year"]:
        year = int(m["year"])
    elif relative_year and ctx.published is not None:
        year = ctx.published.year + _YEAR_SHIFT[relative_year]
    elif ctx.published is None:
        return _unpublished("year")
    else:
        pub = ctx.published
        year = pub.year if date(pub.year, 3 * q - 2, 1) <= pub else pub.year - 1
    first = date(year, 3 * q - 2, 1)
    return _span(first, first + relativedelta(months=3, days=-1))


def _anaphoric(m: re.Match, ctx: _Context) -> Optional[Resolved]:
    """"that day", "the following week": dated by another event, not by publication."""
    unit = m["unit"]
    precision: Precision = {"week": "week", "month": "month", "year": "year"}.get(unit, "day")
    return _unanchored(precision, "no_earlier_date")


_REL = r"(?:(?P<rel>last|next|this|past|previous|coming|current) )?"
_RULES: list[tuple[str, Handler]] = [
    (r"(?P<year>\d{4})-(?P<month>\d{1,2})-(?P<day>\d{1,2})", _iso_day),
    (r"(?P<year>\d{4})-(?P<month>\d{2})", _iso_month),
    (r"(?P<a>\d{1,2})([/.-])(?P<b>\d{1,2})\2(?P<year>\d{4}|\d{2})", _numeric_day),
    (r"(?:WD,? )?(?P<mon>MON) (?P<day>\d{1,2})ORD,? (?P<year>\d{4})", _explicit_day),
    (r"(?:WD,? )?(?P<day>\d{1,2})ORD (?:of )?(?P<mon>MON),? (?P<year>\d{4})", _explicit_day),
    (r"(?:WD,? )?(?P<mon>MON) (?P<day>\d{1,2})ORD(?: PART)?", _yearless_day),
    (r"(?:WD,? )?(?:the )?(?P<day>\d{1,2})ORD (?:of )?(?P<mon>MON)(?: PART)?", _yearless_day),
    (r"(?P<mon>MON),? (?:of )?(?P<year>\d{4})", _month_year),
    (_REL + r"(?P<mon>MON)", _relative_month),
    (r"(?:fiscal |calendar |the year )?(?P<year>\d{4})", _year),
    (r"(?P<decade>\d{2,3})0'?s", _decade),
    (r"(?P<word>DAYWORD)(?: PART)?", _day_word),
    (r"(?P<word>today|yesterday|tomorrow) PART", _day_word),
    (_REL + r"(?P<wd>WD)(?: PART)?", _weekday),
    # a fiscal year or quarter is dated as the calendar one of the same name: companies'
    # fiscal calendars differ, and the text seldom says how
    (r"(?P<rel>last|next|this|past|previous|coming|current) (?:fiscal )?"
     r"(?P<unit>week|weekend|month|quarter|year|decade)", _calendar_period),
    # what is left of "the end of the year" once the modifier is gone
    (r"(?P<rel>)(?P<unit>week|month|year)", _calendar_period),
    (r"(?P<side>earlier|later) (?P<rel>this|last|next) (?P<unit>week|month|year|decade)",
     _part_of_period),
    (r"(?:the )?(?:most )?recent (?P<unit>days|weeks|months|years)", _recent),
    (r"(?:(?:over|in|during|for|within|throughout) )?(?:the )?"
     r"(?P<rel>past|last|previous|next|coming|following) (?:(?P<num>NUM)(?P<half> and a half)? )?"
     r"(?P<unit>UNIT)", _stretch),
    (r"(?P<num>NUM)(?P<half> and a half)?[ -](?P<unit>UNIT) "
     r"(?P<dir>ago|from now|hence|earlier|later|before|after|afterwards?)", _ago),
    (_REL + r"(?P<season>SEASON)(?:,? (?:of )?(?P<year>\d{4}))?", _season),
    (r"(?:the )?(?P<ord>first|second|third|fourth|final|1st|2nd|3rd|4th)[ -](?:fiscal )?quarter"
     r"(?:,? (?:of )?(?:fiscal )?(?P<year>\d{4}))?", _quarter),
    (r"q(?P<ord>[1-4]),? (?P<year>\d{4})", _quarter),
    (r"(?:the )?(?:(?P<year>\d{4})|(?P<relyear>(?:this|current|last|previous|next) year's|year[- ]ago|year[- ]earlier)) "
     r"(?P<ord>first|second|third|fourth|final|1st|2nd|3rd|4th)[ -](?:fiscal )?quarter", _quarter),
    (r"(?P<mon>MON),? (?P<rel>this|last|previous|next) year", _month_of_year),
    (r"(?:that|the same|the previous|the next|the following|the preceding|the) "
     r"(?P<unit>day|week|month|year|morning|afternoon|evening|night|weekend)", _anaphoric),
]


@lru_cache(maxsize=1)
def _compiled_rules() -> list[tuple[re.Pattern, Handler]]:
    return [(_compile(pattern), handler) for pattern, handler in _RULES]


# -- normalisation and non-dates ---------------------------------------------

_LEADING = re.compile(
    r"^(?:on|in|during|since|by|until|till|from|at|as of|before|after|of|around|about|"
    r"approximately|roughly|sometime|some time|this past|the|just|nearly|almost|only|even|"
    r"as (?:early|recently|late|soon) as)\s+"
)
_MODIFIER = re.compile(
    r"^(?:(?:the )?(?:end|beginning|start|middle|turn|close) of (?:the )?|"
    r"(?:earlier|later|early|late|mid)\b-?)\s*(?=\S)"
)


def _normalise(text: str) -> str:
    t = text.lower().replace("’", "'").replace("‘", "'").replace("\u2013", "-")
    t = re.sub(r"(?<=[a-z])\.", "", t)  # "sept." -> "sept", "a.m." -> "am"
    t = re.sub(r"'s$|[\s,;:!?)(\"]+$|^[\s,;:(\"]+", "", t)
    return re.sub(r"\s+", " ", t).strip()


@lru_cache(maxsize=1)
def _spelled_year_pattern() -> re.Pattern:
    """A year in words, as broadcast transcripts write them: "nineteen ninety-seven",
    "nineteen oh five", "two thousand (and) one", "twenty twenty-four"."""
    numbers = {word: int(value) for word, value in lexicon()["numbers"].items() if value == int(value)}
    below_twenty = "|".join(w for w, v in numbers.items() if 1 <= v <= 19 and " " not in w and w not in ("a", "an"))
    tens = "|".join(w for w, v in numbers.items() if v in range(20, 100, 10))
    # from "thirteen" on: "eleven thirty" and "twelve fifteen" are times of day
    centuries = "|".join(w for w, v in numbers.items() if 13 <= v <= 20)
    two_digits = rf"(?:(?:{tens})(?:[- ](?:{below_twenty}))?|{below_twenty})"
    count_of = r"(?![- ]" + _words()["UNIT"] + r"\b)"  # "two thousand years" is a length
    return re.compile(
        rf"\b(?:(?P<century>{centuries}) (?P<rest>{two_digits}|oh[- ](?:{below_twenty})|hundred)"
        rf"|two thousand(?: (?:and )?(?P<after2000>{two_digits}))?)\b{count_of}"
    )


def _two_digit_value(words: str) -> int:
    return int(sum(_number(w) for w in re.split(r"[- ]", words) if w not in ("oh", "hundred")))


def _spelled_years(t: str) -> str:
    """Years written in words as digits, so that every rule reads them ("January
    nineteen ninety-seven" -> "january 1997", "the year two thousand" -> "the year 2000")."""
    def year(m: re.Match) -> str:
        if m["century"] is None:
            return str(2000 + (_two_digit_value(m["after2000"]) if m["after2000"] else 0))
        return str(int(_number(m["century"])) * 100 + _two_digit_value(m["rest"]))

    return _spelled_year_pattern().sub(year, t)


def _strip_leading(t: str) -> str:
    previous = None
    while previous != t:
        previous, t = t, _LEADING.sub("", t)
    return t


@lru_cache(maxsize=1)
def _durations() -> list[re.Pattern]:
    """Whole-text shapes of a length of time."""
    return [
        # "for approximately two and a half hours", "three years", "two years and a month"
        _compile(r"(?:QUAL )*(?:the )?(?:NUM(?: and a half)?[ -])+UNIT(?: and (?:NUM )?UNIT)*"
                 r"(?: long| old| or so)?"),
        # "hours", "for many years"
        _compile(r"(?:QUAL )*(?:many |the )?(?:seconds|minutes|hours|days|weeks|months|years|decades)"),
    ]


@lru_cache(maxsize=1)
def _recurrence() -> re.Pattern:
    """A set word anywhere ("every year", "twice a year", "45 years old")."""
    return re.compile(r"(?:^|\W)" + _words()["SET"] + r"(?:\W|$)|\d+-(?:year|month|week|day)-old")


@lru_cache(maxsize=1)
def _counted_length() -> tuple[re.Pattern, re.Pattern]:
    """Text ending in a counted or plural unit ("no more than sixty days", "hundreds of
    years"), and the words that would anchor it to the calendar instead ("ago")."""
    w = _words()
    ending = re.compile(r"(?:(?:^|\W)(?:\d[\d/ ]*|" + w["NUM"][1:] + r"[ -]" + w["UNIT"]
                        + r"|" + w["UNIT"][:-2] + r"s)$")
    anchors = "|".join(re.escape(a) for a in lexicon()["anchor_words"])
    calendar = w["MON"] + "|" + w["WD"] + "|" + w["SEASON"] + r"|\d{4}"
    return ending, re.compile(r"\b(?:" + anchors + "|" + calendar + r")\b")


def is_duration(text: str) -> bool:
    """True for a length or recurrence of time ("two and a half hours", "every year")."""
    t = _normalise(text)
    if _recurrence().search(t) or any(p.match(t) for p in _durations()):
        return True
    ending, anchored = _counted_length()
    return bool(ending.search(t)) and not anchored.search(t)


# -- entry point --------------------------------------------------------------


def resolve(text: str, published: date | None, *, tense: str | None = None) -> Resolved | None:
    """Resolve `text` against `published`; None when it is not a calendar date.

    `tense` is "future" when the governing verb looks ahead ("will meet Friday"),
    which turns a bare weekday or month toward the days after publication.
    """
    if not text or not text.strip() or is_duration(text):
        return None
    ctx = _Context(published=published, tense=tense)
    t = _strip_leading(_spelled_years(_normalise(text)))
    for _ in range(3):  # at most a few modifiers: "the end of early March" is silly enough
        result = _apply_rules(t, ctx)
        if result is not None:
            return result
        stripped = _strip_leading(_MODIFIER.sub("", t))
        if stripped == t:
            break
        t = stripped
    return _dateparser_fallback(t, ctx) or _unparsed(t)


def _unparsed(t: str) -> Optional[Resolved]:
    """Text we cannot place but that names the calendar ("Independence Day", "the
    19th century") stays a mention without value; anything else is not a date."""
    calendar = "|".join(
        _words()[k] for k in ("WD", "MON", "SEASON", "DAYWORD")
    ) + r"|day|week|month|year|decade|centur|\d{4}\b"
    return _unanchored("unknown", "unplaced") if re.search(r"\b(?:" + calendar + ")", t) else None


def _apply_rules(t: str, ctx: _Context) -> Optional[Resolved]:
    for pattern, handler in _compiled_rules():
        m = pattern.match(t)
        if m:
            return handler(m, ctx)
    return None


_EXPLICIT = re.compile(r"\d")


def _dateparser_fallback(t: str, ctx: _Context) -> Optional[Resolved]:
    """Only explicit dates (with a digit and a month or year) go to dateparser: its
    relative parsing disagrees with our conventions ("Friday" excludes today)."""
    if not _EXPLICIT.search(t) or not re.search(_words()["MON"] + r"|\d{4}", t):
        return None
    try:
        data = _date_parser(ctx.published).get_date_data(t)
    except (ValueError, OverflowError, TypeError):
        return None
    if data is None or data.date_obj is None:
        return None
    d = data.date_obj.date()
    if data.period == "month":
        return _span(*_month_of(d.year, d.month))
    if data.period == "year":
        return _span(date(d.year, 1, 1), date(d.year, 12, 31))
    if data.period == "week":
        return _span(*_week_of(d))
    return _day(d)


@lru_cache(maxsize=64)
def _date_parser(published: date | None):
    """dateparser's parser for dates relative to `published`, made once per date: making
    one (its settings and English locale) cost more than the parse."""
    from dateparser.date import DateDataParser

    settings = {"PREFER_DATES_FROM": "past", "RETURN_AS_TIMEZONE_AWARE": False}
    if published is not None:
        settings["RELATIVE_BASE"] = datetime.combine(published, datetime.min.time())
    else:
        settings["REQUIRE_PARTS"] = ["year"]
    return DateDataParser(languages=["en"], settings=settings)


def parse_published(published: str | date | None) -> date | None:
    """The article's 'YYYY-MM-DD' as a date; None (never today) when missing or malformed."""
    if published is None or isinstance(published, date):
        return published
    try:
        return date.fromisoformat(published.strip()[:10])
    except ValueError:
        return None
