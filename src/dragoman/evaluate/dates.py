"""Score time expressions against TimeML (TIMEX3 spans and values, relative to the DCT).

Detection: our date mentions against gold TIMEX3 of type DATE and TIME, matched
one-to-one by overlap. A prediction that matches no DATE/TIME but overlaps a
DURATION or SET timex is neither right nor wrong: dragoman does not claim to
find durations, and such a span is a time expression all the same.

Value: on matched DATE timexes whose value is a calendar interval (a day, ISO
week, month, quarter or year), the prediction is right when it denotes exactly
that interval. Values like PRESENT_REF or 1989-WXX are counted but not scored.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from pathlib import Path
from typing import Mapping, Optional, Sequence

from ..records import DateMention
from ..resolve.timex import value_range
from .common import failure_note, first, run_pipeline
from .gold import TimeDoc, Timex, read_timeml
from .metrics import PRF, Ratio, span_prf, spans_match
from .results import SYSTEM, Miss, Report, Row, context

STEPS = ("entities", "dates")
POINT_TYPES = {"DATE", "TIME"}
Interval = tuple[dt.date, dt.date]


def _month(year: int, month: int) -> Interval:
    return dt.date(year, month, 1), dt.date(year, month, calendar.monthrange(year, month)[1])


def _week(year: int, week: int) -> Interval:
    monday = dt.date.fromisocalendar(year, week, 1)
    return monday, monday + dt.timedelta(days=6)


def gold_interval(value: str) -> Optional[Interval]:
    """The calendar interval a TIMEX3 value denotes, if it is one."""
    try:
        if m := re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})(T.*)?", value):
            day = dt.date(int(m[1]), int(m[2]), int(m[3]))
            return day, day
        if m := re.fullmatch(r"(\d{4})-(\d{2})", value):
            return _month(int(m[1]), int(m[2]))
        if m := re.fullmatch(r"(\d{4})-W(\d{2})", value):
            return _week(int(m[1]), int(m[2]))
        if m := re.fullmatch(r"(\d{4})-Q([1-4])", value):
            year, quarter = int(m[1]), int(m[2])
            return _month(year, 3 * quarter - 2)[0], _month(year, 3 * quarter)[1]
        if m := re.fullmatch(r"(\d{4})", value):
            return dt.date(int(m[1]), 1, 1), dt.date(int(m[1]), 12, 31)
    except ValueError:
        return None
    return None


def _date(value: Optional[str]) -> Optional[dt.date]:
    try:
        return dt.date.fromisoformat(value[:10]) if value else None
    except ValueError:
        return None


def predicted_interval(mention: DateMention) -> Optional[Interval]:
    """What our mention denotes: its [first, last] range, else the days its value names."""
    first_day, last_day = _date(mention.first), _date(mention.last)
    if first_day and last_day:
        return first_day, last_day
    return value_range(mention.value)


def score(docs: Sequence[TimeDoc], predictions: Mapping[str, Sequence[DateMention]], system: str, report: Report) -> None:
    detection, values = PRF(), Ratio()
    not_calendar = 0
    for doc in docs:
        mentions = list(predictions.get(doc.id, []))
        gold = [t for t in doc.timexes if t.type in POINT_TYPES]
        other = [(t.start, t.end) for t in doc.timexes if t.type not in POINT_TYPES]
        spans = [(m.start, m.end) for m in mentions]
        counts, matches = span_prf([(t.start, t.end) for t in gold], spans)
        matched_pred = {p for _, p in matches}
        neutral = [
            p for p, span in enumerate(spans)
            if p not in matched_pred and any(spans_match(span, o) for o in other)
        ]
        counts.fp -= len(neutral)
        detection += counts
        for gi, pi in matches:
            timex, mention = gold[gi], mentions[pi]
            expected = gold_interval(timex.value) if timex.type == "DATE" else None
            if timex.type == "DATE" and expected is None:
                not_calendar += 1
            if expected is None:
                continue
            right = predicted_interval(mention) == expected
            values.add(right)
            if not right and system == SYSTEM:
                report.misses.append(_value_miss(doc, timex, mention))
        if system == SYSTEM:
            report.misses += _detection_misses(doc, gold, mentions, matches, set(neutral))
    report.add_prf(system, "time expression (DATE, TIME)", detection)
    report.add_ratio(system, "DATE value accuracy (matched)", values)
    report.rows.append(Row(system, "matched DATE values not a calendar interval", None, {"unscored": not_calendar}))


def _describe(mention: DateMention) -> str:
    interval = predicted_interval(mention)
    if interval is None:
        return f"{mention.text!r} -> unresolved"
    if interval[0] == interval[1]:
        return f"{mention.text!r} -> {interval[0]}"
    return f"{mention.text!r} -> {interval[0]}..{interval[1]}"


def _value_miss(doc: TimeDoc, timex: Timex, mention: DateMention) -> Miss:
    return Miss(doc.id, "wrong value", f"{timex.text!r} = {timex.value} (DCT {doc.dct})", _describe(mention),
                context(doc.text, timex.start, timex.end), 1.0)


def _detection_misses(doc: TimeDoc, gold: Sequence[Timex], mentions: Sequence[DateMention], matches, neutral: set[int]) -> list[Miss]:
    matched_gold = {g for g, _ in matches}
    matched_pred = {p for _, p in matches}
    misses = [
        Miss(doc.id, f"missed {t.type}", f"{t.text!r} = {t.value}", "-", context(doc.text, t.start, t.end), 0.8)
        for gi, t in enumerate(gold) if gi not in matched_gold
    ]
    misses += [
        Miss(doc.id, "spurious date", "-", _describe(m), context(doc.text, m.start, m.end), 0.6)
        for pi, m in enumerate(mentions) if pi not in matched_pred and pi not in neutral
    ]
    return misses


def dateparser_mentions(analysis, dct: Optional[str]) -> list[DateMention]:
    """Baseline: spaCy DATE/TIME entities, each parsed by dateparser relative to the DCT."""
    from dateparser.date import DateDataParser

    base = _date(dct)
    settings = {"RELATIVE_BASE": dt.datetime.combine(base, dt.time())} if base else {}
    parser = DateDataParser(languages=["en"], settings=settings)
    mentions = []
    for ent in analysis.doc.ents:
        if ent.label_ not in POINT_TYPES:
            continue
        parsed = parser.get_date_data(ent.text)
        mention = DateMention(text=ent.text, start=ent.start_char, end=ent.end_char)
        if parsed.date_obj is not None:
            first_day, last_day = _period(parsed.date_obj.date(), parsed.period)
            mention.first, mention.last = first_day.isoformat(), last_day.isoformat()
        mentions.append(mention)
    return mentions


def _period(day: dt.date, period: Optional[str]) -> Interval:
    """The interval dateparser means: the week, month or year around the parsed day."""
    if period == "week":
        year, week, _ = day.isocalendar()
        return _week(year, week)
    if period == "month":
        return _month(day.year, day.month)
    if period == "year":
        return dt.date(day.year, 1, 1), dt.date(day.year, 12, 31)
    return day, day


def evaluate(path: Path | str, limit: Optional[int] = None) -> Report:
    docs = first(read_timeml(path), limit)
    report = Report("dates", str(path), documents=len(docs))
    failures: list[str] = []
    analyses = run_pipeline([(d.id, d.text, d.dct) for d in docs], STEPS, failures)
    score(docs, {d.id: (a.dates if a else []) for d, a in zip(docs, analyses)}, SYSTEM, report)
    baseline = {d.id: dateparser_mentions(a, d.dct) for d, a in zip(docs, analyses) if a}
    score(docs, baseline, "baseline: spaCy DATE + dateparser", report)
    report.notes += failure_note(failures)
    counts = {kind: sum(t.type == kind for d in docs for t in d.timexes) for kind in ("DATE", "TIME", "DURATION", "SET")}
    report.notes.append(
        "gold TIMEX3 (DCT excluded): " + ", ".join(f"{k} {v}" for k, v in counts.items())
        + "; predictions on DURATION/SET spans are not counted as false positives"
    )
    return report
