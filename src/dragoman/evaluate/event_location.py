"""Score where events happened: given a sentence and its event verb, the place chosen.

The task names the verb, so our answer is the place the pipeline gives an
event at that verb: the `place` of our event whose trigger overlaps it, or,
where we coded no event there, `extractors.event_place.event_place` applied to the
verb (the same mechanism the events step uses). A second column answers only
through our own events (no event = no answer), so event detection and place
choice show separately. An answer is right when it matches one of the gold
LOCATION spans (overlap of at least half of the shorter), or when gold has no
location and we give none. The baseline answers the first place named in the
sentence.
"""

from __future__ import annotations

from pathlib import Path
from typing import Optional, Sequence

from ..pipeline import DEFAULT_STEPS
from ..records import Event
from .common import failure_note, first, run_pipeline
from .gold import LocationRecord, read_event_locations
from .metrics import Ratio, Span, overlap, spans_match
from .results import SYSTEM, Miss, Report, Row, context


def event_place(events: Sequence[Event], verb: Span) -> tuple[bool, Optional[Span]]:
    """(whether we have an event at the verb, the span of its place or None)."""
    at_verb = [e for e in events if overlap((e.trigger.start, e.trigger.end), verb)]
    if not at_verb:
        return False, None
    place = at_verb[0].place
    return True, (place.start, place.end) if place else None


def place_for_verb(analysis, verb: Span) -> Optional[Span]:
    """The place our event-location mechanism picks for the verb token itself."""
    from ..extractors.event_place import event_place as place_of_event

    span = analysis.doc.char_span(verb[0], verb[1], alignment_mode="expand")
    if span is None:
        return None
    place = place_of_event(analysis, span.root)
    return (place.start, place.end) if place else None


def first_place_in_sentence(analysis, verb: Span) -> Optional[Span]:
    """Baseline: the first place we found in the sentence holding the verb."""
    from ..annotate.views import sentences

    sentence = next((s for s in sentences(analysis.doc) if s.start_char <= verb[0] < s.end_char), None)
    start, end = (sentence.start_char, sentence.end_char) if sentence else (0, len(analysis.text))
    places = sorted(analysis.places_within(start, end), key=lambda p: p.start)
    return (places[0].start, places[0].end) if places else None


def is_right(record: LocationRecord, answer: Optional[Span]) -> bool:
    if not record.locations:
        return answer is None
    return answer is not None and any(spans_match(answer, gold) for gold in record.locations)


def score(records: Sequence[LocationRecord], answers: Sequence[Optional[Span]], system: str, report: Report) -> None:
    overall, located, unlocated = Ratio(), Ratio(), Ratio()
    for record, answer in zip(records, answers):
        right = is_right(record, answer)
        overall.add(right)
        (located if record.locations else unlocated).add(right)
        if not right and system == SYSTEM:
            report.misses.append(_miss(record, answer))
    report.add_ratio(system, "event location accuracy", overall)
    report.add_ratio(system, "accuracy where gold has a location", located)
    report.add_ratio(system, "accuracy where gold has none (answer none)", unlocated)


def _miss(record: LocationRecord, answer: Optional[Span]) -> Miss:
    gold = " | ".join(record.text[s:e] for s, e in record.locations) or "-"
    said = record.text[answer[0] : answer[1]] if answer else "-"
    return Miss(record.id, "wrong place", gold, said, context(record.text, *record.verb, width=120),
                1.0 if record.locations else 0.5)


def evaluate(path: Path | str, limit: Optional[int] = None) -> Report:
    records = first(read_event_locations(path), limit)
    report = Report("event-location", str(path), documents=len(records))
    failures: list[str] = []
    analyses = run_pipeline([(r.id, r.text, None) for r in records], DEFAULT_STEPS, failures)
    found = [event_place(a.events, r.verb) if a else (False, None) for r, a in zip(records, analyses)]
    answers = [
        answer if has_event else (place_for_verb(a, r.verb) if a else None)
        for (has_event, answer), r, a in zip(found, records, analyses)
    ]
    score(records, answers, SYSTEM, report)
    score(records, [answer for _, answer in found], "dragoman, own events only", report)
    without_event = sum(not has_event for has_event, _ in found)
    report.rows.append(Row(SYSTEM, "records with no event at the gold verb", without_event / len(records) if records else None,
                           {"records": without_event, "total": len(records)}))
    baseline = [first_place_in_sentence(a, r.verb) if a else None for r, a in zip(records, analyses)]
    score(records, baseline, "baseline: first place in sentence", report)
    report.notes += failure_note(failures)
    report.notes.append("gold LOCATION spans recovered from token_start/token_end (their character offsets are unreliable)")
    return report
