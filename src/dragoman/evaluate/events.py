"""Score PLOVER events against PLOVER gold-standard records (one coded sentence each).

Per sentence the *chosen* event is ours whose trigger overlaps a gold (EVT: ...)
fragment, else our first event in the sentence. Type accuracy, macro-F1 and the
actor/recipient country accuracies look at the chosen event; the (type, actor
country, recipient country) triples look at every event we found.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import replace
from pathlib import Path
from typing import Mapping, Optional, Sequence

from ..records import PLOVER_TYPES, Event
from . import halves
from .common import failure_note, first, map_country, mappings, our_events
from .gold import PloverParty, PloverRecord, read_plover
from .metrics import PRF, Ratio, macro_f1, overlap
from .results import SYSTEM, Miss, Report, Row, context

NO_EVENT = "NONE"
Triple = tuple[str, Optional[str], Optional[str]]


def gold_type(record: PloverRecord) -> Optional[str]:
    """The gold type in the current ontology, or None when it has no equivalent."""
    event = mappings()["plover_event_types"].get(record.event, record.event)
    return event if event in PLOVER_TYPES else None


def gold_countries(parties: Sequence[PloverParty]) -> set[str]:
    return {c for c in (map_country(p.code) for p in parties) if c}


def predicted_countries(parties) -> set[str]:
    return {p.country for p in parties if p.country}


def chosen_event(record: PloverRecord, events: Sequence[Event]) -> Optional[Event]:
    """Our event at the gold trigger, else our first event, else None."""
    ordered = sorted(events, key=lambda e: e.trigger.start)
    for event in ordered:
        span = (event.trigger.start, event.trigger.end)
        if any(overlap(span, trigger) for trigger in record.triggers):
            return event
    return ordered[0] if ordered else None


def _triples(event_type: str, actors: set[str], recipients: set[str]) -> set[Triple]:
    return {(event_type, a, r) for a in (actors or {None}) for r in (recipients or {None})}


def score(
    records: Sequence[PloverRecord], predictions: Mapping[str, Sequence[Event]], system: str, report: Report
) -> None:
    """Add this system's rows (and, for dragoman, misses) to the report."""
    accuracy, actor_acc, recipient_acc = Ratio(), Ratio(), Ratio()
    per_type: dict[str, PRF] = defaultdict(PRF)
    triples = PRF()
    gold_types = set()
    for record in records:
        expected = gold_type(record)
        if expected is None:
            continue
        gold_types.add(expected)
        events = predictions.get(record.id, [])
        chosen = chosen_event(record, events)
        got = chosen.event if chosen else NO_EVENT
        accuracy.add(got == expected)
        if got == expected:
            per_type[expected].tp += 1
        else:
            per_type[expected].fn += 1
            if got != NO_EVENT:
                per_type[got].fp += 1
            if system == SYSTEM:
                report.misses.append(_type_miss(record, expected, got))
        gold_actor, gold_recipient = gold_countries(record.source), gold_countries(record.target)
        if gold_actor:
            actor_acc.add(chosen is not None and predicted_countries(chosen.actor) == gold_actor)
        if gold_recipient:
            recipient_acc.add(chosen is not None and predicted_countries(chosen.recipient) == gold_recipient)
        gold_triples = _triples(expected, gold_actor, gold_recipient)
        ours = set().union(
            *(_triples(e.event, predicted_countries(e.actor), predicted_countries(e.recipient)) for e in events)
        )
        triples += PRF(len(ours & gold_triples), len(ours - gold_triples), len(gold_triples - ours))
    report.add_ratio(system, "event type accuracy", accuracy)
    scored = {t: per_type[t] for t in sorted(gold_types)}
    report.rows.append(_macro_row(system, scored))
    report.add_ratio(system, "actor country accuracy", actor_acc)
    report.add_ratio(system, "recipient country accuracy", recipient_acc)
    report.add_prf(system, "(type, actor country, recipient country) triple", triples)
    for event_type, prf in scored.items():  # issue 4: no type with 5+ gold sentences below F1 0.6
        gold_count = prf.tp + prf.fn
        report.rows.append(
            Row(system, f"{event_type} F1", prf.f1, {"gold": gold_count, "tp": prf.tp, "fp": prf.fp, "fn": prf.fn})
        )


def _macro_row(system: str, per_type: dict[str, PRF]) -> Row:
    return Row(system, "event type macro-F1", macro_f1(per_type) if per_type else None, {"types": len(per_type)})


def _type_miss(record: PloverRecord, expected: str, got: str) -> Miss:
    start, end = record.triggers[0] if record.triggers else (0, 0)
    return Miss(
        doc_id=record.id,
        kind="wrong event type" if got != NO_EVENT else "no event",
        gold=f"{expected} ({record.event})" if expected != record.event else expected,
        predicted=got,
        context=context(record.text, start, end, width=200),
        severity=2.0 if got == NO_EVENT else 1.0,
    )


def evaluate(path: Path | str, limit: Optional[int] = None, *, half: str = "all", by_half: bool = False,
             predictions: Optional[Path | str] = None) -> Report:
    records = first(halves.select(read_plover(path), half, lambda r: r.id), limit)
    report = Report("events", str(path), documents=len(records))
    unmapped = [r.event for r in records if gold_type(r) is None]
    failures: list[str] = []
    events = our_events([(r.id, r.text, r.date) for r in records], predictions, failures)
    for prefix, part in halves.parts(records, lambda r: r.id, by_half):
        part_report = Report("events", str(path), documents=len(part))
        score(part, events, SYSTEM, part_report)
        report.rows += [replace(row, metric=prefix + row.metric) for row in part_report.rows]
        if not prefix or prefix.startswith("all"):
            report.misses += part_report.misses
    report.notes += failure_note(failures)
    if half != "all":
        report.notes.append(f"{half} half only")
    if unmapped:
        report.notes.append(f"{len(unmapped)} gold records with a type outside PLOVER left out: {sorted(set(unmapped))}")
    report.notes.append(
        "old gold types mapped: "
        + ", ".join(f"{k}->{v}" for k, v in mappings()["plover_event_types"].items())
        + "; no baseline for events"
    )
    return report
