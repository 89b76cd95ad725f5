"""Score event type and mode on CASE 2021 task 2 snippets: real news labelled
with ACLED-like event subtypes, mapped to PLOVER in data/evaluation.yaml.

Only asserted events count (status occurred or historical). Each snippet gets
one predicted class. "Matched": the label's class when any of our asserted
events fits one of the label's accepted patterns (a hit), else the class of our
first asserted event (by trigger offset), else none. "First event": only the
first asserted event may make the hit. Scored at two levels: `type` (PLOVER
type alone) and `mode` (the type refined by mode where the label depends on it).
Disaster snippets take part as gold "no event": their prediction is our first
asserted conflict-type event. Crime and OTHER snippets are left out of P/R/F1.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Mapping, Optional, Sequence

from ..records import HAPPENED, Event
from . import halves
from .common import failure_note, first, mappings, our_events
from .gold_realnews import Snippet, read_case2021
from .keywords import baselines, word_pattern
from .metrics import PRF, macro_f1
from .results import SYSTEM, Miss, Report, Row

BASELINE = "baseline: keywords"
LEVELS = ("type", "mode")
DECODINGS = ("matched", "first event")

Coded = tuple[str, Optional[str]]  # (type, mode) of one asserted event


@dataclass(frozen=True)
class Pattern:
    """An accepted event: a type, and the modes allowed (None: any mode)."""

    event: str
    modes: Optional[frozenset]

    @classmethod
    def parse(cls, text: str) -> "Pattern":
        event, _, modes = text.partition(":")
        if not modes:
            return cls(event, None)
        return cls(event, frozenset(None if m == "none" else m for m in modes.split("|")))

    def accepts(self, coded: Coded, level: str) -> bool:
        event, mode = coded
        return event == self.event and (level == "type" or self.modes is None or mode in self.modes)


@dataclass(frozen=True)
class LabelRule:
    mode_class: str  # the class a snippet of this label should get, at the mode level
    accept: tuple[Pattern, ...]

    def expected(self, level: str) -> str:
        return self.mode_class.split("/")[0] if level == "type" else self.mode_class


@lru_cache(maxsize=1)
def label_rules() -> dict[str, LabelRule]:
    return {
        label: LabelRule(entry["class"], tuple(Pattern.parse(p) for p in entry["accept"]))
        for label, entry in mappings()["case2021_labels"].items()
    }


def class_of(coded: Coded, level: str) -> str:
    """The class of an event at a level: its type, or its type refined by mode."""
    event, mode = coded
    if level == "type":
        return event
    refine = mappings()["mode_classes"].get(event)
    if refine is None:
        return event
    return f"{event}/{refine.get(mode, refine['other'])}"


def is_conflict(coded: Coded) -> bool:
    return coded[0] in mappings()["conflict_types"]


@lru_cache(maxsize=1)
def _law_enforcement() -> tuple[Pattern, ...]:
    return tuple(Pattern.parse(p) for p in mappings()["case2021_law_enforcement"])


def is_law_enforcement(coded: Coded) -> bool:
    return any(p.accepts(coded, "mode") for p in _law_enforcement())


def asserted(events: Sequence[Event]) -> list[Coded]:
    """Our asserted events as (type, mode), in text order."""
    ordered = sorted(events, key=lambda e: e.trigger.start)
    return [(e.event, e.mode or None) for e in ordered if e.status in HAPPENED]


def decide(label: str, coded: Sequence[Coded], level: str, decoding: str) -> tuple[Optional[str], bool]:
    """(the class predicted for a snippet or None, whether it is a hit)."""
    rule = label_rules().get(label)
    if rule is None:  # a disaster: only a conflict event is a prediction
        alarms = [c for c in coded if is_conflict(c)]
        return (class_of(alarms[0], level) if alarms else None), False
    candidates = coded if decoding == "matched" else coded[:1]
    if any(p.accepts(c, level) for c in candidates for p in rule.accept):
        return rule.expected(level), True
    return (class_of(coded[0], level) if coded else None), False


def class_scores(snippets: Sequence[Snippet], coded: Mapping[str, list[Coded]], level: str, decoding: str) -> dict[str, PRF]:
    """Per class: tp, fp and fn over the political and disaster snippets."""
    disasters = set(mappings()["case2021_disasters"])
    per_class: dict[str, PRF] = defaultdict(PRF)
    for snippet in snippets:
        rule = label_rules().get(snippet.label)
        if rule is None and snippet.label not in disasters:
            continue
        predicted, hit = decide(snippet.label, coded[snippet.id], level, decoding)
        if hit:
            per_class[predicted].tp += 1
            continue
        if predicted is not None:
            per_class[predicted].fp += 1
        if rule is not None:
            per_class[rule.expected(level)].fn += 1
    return per_class


def alarm_rows(snippets: Sequence[Snippet], coded: Mapping[str, list[Coded]], system: str, prefix: str) -> list[Row]:
    """Share of snippets that report no political event where we assert a conflict event."""
    tests = (
        ("disasters", mappings()["case2021_disasters"], is_conflict),
        ("crime", mappings()["case2021_crime"], is_conflict),
        ("crime, law enforcement aside", mappings()["case2021_crime"], lambda c: is_conflict(c) and not is_law_enforcement(c)),
    )
    rows = []
    for name, labels, alarm in tests:
        scored = [s for s in snippets if s.label in labels]
        alarms = sum(1 for s in scored if any(alarm(c) for c in coded[s.id]))
        rows.append(Row(system, f"{prefix}false-alarm rate, {name}", alarms / len(scored) if scored else None,
                        {"alarms": alarms, "snippets": len(scored)}))
    return rows


def score(snippets: Sequence[Snippet], coded: Mapping[str, list[Coded]], system: str, report: Report, prefix: str = "") -> None:
    for level in LEVELS:
        for decoding in DECODINGS:
            per_class = class_scores(snippets, coded, level, decoding)
            supported = {c: prf for c, prf in per_class.items() if prf.tp + prf.fn}
            name = f"{prefix}{level} macro-F1" + ("" if decoding == "matched" else " (first event)")
            report.rows.append(Row(system, name, macro_f1(supported) if supported else None, {"classes": len(supported)}))
    report.rows += alarm_rows(snippets, coded, system, prefix)


def baseline_events(text: str) -> list[Coded]:
    """The keyword baseline's pseudo-events for one snippet, in text order: each
    match of a label's words stands for an event of that label's class."""
    found = []
    for pattern, event in _baseline_rules():
        found += [(match.start(), event) for match in pattern.finditer(text)]
    return [event for _start, event in sorted(found, key=lambda item: item[0])]


@lru_cache(maxsize=1)
def _baseline_rules() -> tuple[tuple[re.Pattern, Coded], ...]:
    """Per baseline label, its words and the event it stands for: the type and
    first mode written in the label's first accepted pattern (its class)."""
    rules = []
    for label, words in baselines()["case2021"].items():
        event, _, modes = mappings()["case2021_labels"][label]["accept"][0].partition(":")
        rules.append((word_pattern(words), (event, modes.split("|")[0] if modes else None)))
    return tuple(rules)


def _miss(snippet: Snippet, coded: list[Coded]) -> Optional[Miss]:
    rule = label_rules().get(snippet.label)
    if rule is None and snippet.label not in mappings()["case2021_disasters"]:
        return None  # crime and OTHER: no class to get right (crime has its own rates)
    predicted, hit = decide(snippet.label, coded, "mode", "matched")
    if hit or (rule is None and predicted is None):
        return None
    return Miss(
        doc_id=snippet.id,
        kind="false alarm" if rule is None else "missed",
        gold=snippet.label if rule is None else f"{snippet.label} ({rule.mode_class})",
        predicted=", ".join(f"{t}/{m}" if m else t for t, m in coded) or "no asserted event",
        context=" ".join(snippet.text.split()),
        severity=1.0 if coded else 2.0,
    )


def evaluate(path: Path | str, limit: Optional[int] = None, *, half: str = "all", by_half: bool = False,
             predictions: Optional[Path | str] = None) -> Report:
    snippets = first(halves.select(read_case2021(path), half, lambda s: s.id), limit)
    report = Report("case2021", str(path), documents=len(snippets))
    failures: list[str] = []
    events = our_events([(s.id, s.text, None) for s in snippets], predictions, failures)
    ours = {s.id: asserted(events[s.id]) for s in snippets}
    keywords = {s.id: baseline_events(s.text) for s in snippets}
    for prefix, part in halves.parts(snippets, lambda s: s.id, by_half):
        score(part, ours, SYSTEM, report, prefix)
        score(part, keywords, BASELINE, report, prefix)
    report.misses += [m for s in snippets if (m := _miss(s, ours[s.id]))]
    report.notes += failure_note(failures)
    unknown = sorted({s.label for s in snippets} - set(label_rules()) - set(mappings()["case2021_disasters"])
                     - set(mappings()["case2021_crime"]) - {"OTHER"})
    if unknown:
        report.notes.append(f"labels with no mapping, not scored: {', '.join(unknown)}")
    if half != "all":
        report.notes.append(f"{half} half only")
    return report
