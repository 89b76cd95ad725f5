"""Score police events on IndiaPoliceEvents: Times of India articles whose every
sentence is labelled KILL, ARREST, FAIL, FORCE or ANY_ACTION (what the police did).

Whole documents are analysed (actors resolve across sentences); each of our
events belongs to the gold sentence holding the start of its trigger (gold
sentences are found in the document text in order). The labels an event
supports, when the police are its actor (`is_police`):

- ARREST: an asserted COERCE arrest, by the police or by no named actor (an
  agentless "were arrested" leaves the police implicit);
- FORCE: an asserted ASSAULT by the police, and KILL as well when it reports a
  death or its trigger names a killing;
- ANY_ACTION: any asserted event by the police, an arrest as above, or an
  agentless MOBILIZE of the police;
- FAIL: no PLOVER type; read as a negated event, or an asserted REJECT, by the police.

Per label, sentence and document level: P, R, F1 over binary decisions; macro-F1
over the five labels and over the four without FAIL.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Mapping, Optional, Sequence

from ..records import HAPPENED, Event, Party
from . import halves
from .common import failure_note, first, mappings, our_events
from .gold_realnews import IpeDocument, ipe_published, read_ipe
from .keywords import baselines, word_pattern
from .metrics import PRF
from .results import SYSTEM, Miss, Report, Row

LABELS = ("KILL", "ARREST", "FAIL", "FORCE", "ANY_ACTION")
BASELINE = "baseline: keywords"
ANY_ACTOR = "dragoman, any actor"
SOURCE = "Times of India"

Labels = frozenset[str]


@lru_cache(maxsize=1)
def _police_words():
    return word_pattern(mappings()["ipe_police_words"])


@lru_cache(maxsize=1)
def _kill_words() -> re.Pattern:
    return re.compile("|".join(re.escape(stem) for stem in mappings()["ipe_kill_stems"]), re.IGNORECASE)


def is_police(party: Party) -> bool:
    return party.sector == "COP" or bool(_police_words().search(party.text or ""))


def reports_killing(event: Event) -> bool:
    return (event.dead or 0) >= 1 or bool(_kill_words().search(event.trigger.text))


def event_labels(event: Event, police_only: bool = True) -> Labels:
    """The IPE labels one of our events supports (module docstring); with
    `police_only` off, any actor counts as the police."""
    by_police = any(is_police(p) for p in event.actor) if police_only else True
    agentless = not event.actor
    labels: set[str] = set()
    if event.status == "negated":
        return frozenset({"FAIL"} if by_police else ())
    if event.status not in HAPPENED:
        return frozenset()
    if event.event == "COERCE" and event.mode == "arrest" and (by_police or agentless):
        labels |= {"ARREST", "ANY_ACTION"}
    if event.event == "MOBILIZE" and event.mode == "police" and agentless:
        labels.add("ANY_ACTION")
    if by_police:
        labels.add("ANY_ACTION")
        if event.event == "ASSAULT":
            labels.add("FORCE")
            if reports_killing(event):
                labels.add("KILL")
        if event.event == "REJECT":
            labels.add("FAIL")
    return frozenset(labels)


@dataclass
class Placed:
    """One document's events, and the same grouped by gold sentence."""

    events: list[Event]
    by_sentence: list[list[Event]]  # an event in no found sentence counts for the document only
    unfound: int  # gold sentences not found in the text


def place(doc: IpeDocument, events: Sequence[Event]) -> Placed:
    """Find each gold sentence in the text (in order) and give it the events whose trigger starts in it."""
    spans: list[Optional[tuple[int, int]]] = []
    cursor = 0
    for sentence in doc.sentences:
        at = doc.text.find(sentence.text, cursor)
        if at < 0:
            spans.append(None)
            continue
        spans.append((at, at + len(sentence.text)))
        cursor = at + len(sentence.text)
    found = [(span, k) for k, span in enumerate(spans) if span]
    starts = [span[0] for span, _k in found]
    by_sentence: list[list[Event]] = [[] for _ in spans]
    for event in events:
        j = bisect.bisect_right(starts, event.trigger.start) - 1
        if j >= 0 and event.trigger.start < found[j][0][1]:
            by_sentence[found[j][1]].append(event)
    return Placed(list(events), by_sentence, spans.count(None))


def union(sets) -> Labels:
    return frozenset().union(*sets)


def label_scores(gold: Sequence[Labels], predicted: Sequence[Labels]) -> dict[str, PRF]:
    scores = {}
    for label in LABELS:
        pairs = [(label in g, label in p) for g, p in zip(gold, predicted)]
        scores[label] = PRF(
            tp=sum(1 for g, p in pairs if g and p), fp=sum(1 for g, p in pairs if p and not g),
            fn=sum(1 for g, p in pairs if g and not p),
        )
    return scores


def add_rows(report: Report, system: str, level: str, gold, predicted, prefix: str) -> None:
    scores = label_scores(gold, predicted)
    without_fail = [scores[label].f1 for label in LABELS if label != "FAIL"]
    report.rows.append(Row(system, f"{prefix}{level} macro-F1 without FAIL", sum(without_fail) / len(without_fail),
                           {"labels": len(without_fail)}))
    report.rows.append(Row(system, f"{prefix}{level} macro-F1", sum(s.f1 for s in scores.values()) / len(LABELS),
                           {"labels": len(LABELS)}))
    for label in LABELS:
        prf = scores[label]
        report.rows.append(Row(system, f"{prefix}{level} {label} F1", prf.f1, {"tp": prf.tp, "fp": prf.fp, "fn": prf.fn}))


@lru_cache(maxsize=1)
def _baseline_rules():
    return {label: (rule["police"], word_pattern(rule["words"])) for label, rule in baselines()["ipe"].items()}


def baseline_labels(sentence: str) -> Labels:
    """The keyword baseline's labels for one sentence."""
    police = bool(_police_words().search(sentence))
    return frozenset(label for label, (needs_police, words) in _baseline_rules().items()
                     if (police or not needs_police) and words.search(sentence))


def score(docs: Sequence[IpeDocument], placed: Mapping[str, Placed], report: Report, prefix: str = "") -> None:
    systems = {
        SYSTEM: lambda events: union(event_labels(e) for e in events),
        ANY_ACTOR: lambda events: union(event_labels(e, police_only=False) for e in events),
    }
    sentence_gold = [s.labels for d in docs for s in d.sentences]
    document_gold = [d.labels for d in docs]
    for system, labels_of in systems.items():
        sentences = [labels_of(events) for d in docs for events in placed[d.id].by_sentence]
        documents = [labels_of(placed[d.id].events) for d in docs]
        add_rows(report, system, "sentence", sentence_gold, sentences, prefix)
        add_rows(report, system, "document", document_gold, documents, prefix)
    keyword_sentences = [[baseline_labels(s.text) for s in d.sentences] for d in docs]
    add_rows(report, BASELINE, "sentence", sentence_gold, [ls for doc in keyword_sentences for ls in doc], prefix)
    add_rows(report, BASELINE, "document", document_gold, [union(doc) for doc in keyword_sentences], prefix)


def _misses(doc: IpeDocument, placed: Placed) -> list[Miss]:
    """Sentence-level errors of ours, one per sentence and label."""
    misses = []
    for sentence, events in zip(doc.sentences, placed.by_sentence):
        ours = union(event_labels(e) for e in events)
        said = "; ".join(f"{e.event}/{e.mode or '-'} [{e.status}] '{e.trigger.text}' by "
                         + (", ".join(p.text for p in e.actor) or "no actor") for e in events) or "no event"
        for label in LABELS:
            if (label in sentence.labels) == (label in ours):
                continue
            kind = "missed" if label in sentence.labels else "spurious"
            misses.append(Miss(f"{doc.id}/{sentence.id}", kind, label if kind == "missed" else "-", said,
                               " ".join(sentence.text.split()), severity=2.0 if label != "ANY_ACTION" else 1.0))
    return misses


def evaluate(path: Path | str, limit: Optional[int] = None, *, half: str = "all", by_half: bool = False,
             predictions: Optional[Path | str] = None) -> Report:
    docs = first(halves.select(read_ipe(path), half, lambda d: d.id), limit)
    report = Report("ipe", str(path), documents=len(docs))
    failures: list[str] = []
    events = our_events([(d.id, d.text, ipe_published(d.text)) for d in docs], predictions, failures, source=SOURCE)
    placed = {d.id: place(d, events[d.id]) for d in docs}
    for prefix, part in halves.parts(docs, lambda d: d.id, by_half):
        score(part, placed, report, prefix)
    report.misses += [m for d in docs for m in _misses(d, placed[d.id])]
    report.notes += failure_note(failures)
    unfound = sum(p.unfound for p in placed.values())
    if unfound:
        report.notes.append(f"{unfound} gold sentences not found in their document: no events of ours in them")
    if half != "all":
        report.notes.append(f"{half} half only")
    report.notes.append(f"'{ANY_ACTOR}': the same rules with any actor taken for the police (attribution aside)")
    return report
