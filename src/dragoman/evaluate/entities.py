"""Score named entities against re3d-style gold, per entity type.

Our labels (spaCy's, as corrected by the entities step) are mapped to the gold
types with the `re3d_types` table in data/evaluation.yaml. A prediction matches
a gold entity of the same type that it overlaps by at least half of the shorter
(one-to-one). Predictions whose label maps to no gold type are not scored.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from pathlib import Path
from typing import Mapping, Optional, Sequence

from ..records import Entity
from .common import failure_note, first, mappings, run_pipeline
from .gold import EntityDoc, read_entities
from .metrics import PRF, match_spans
from .results import SYSTEM, Miss, Report, context

STEPS = ("entities",)


def mapped(entities: Sequence[Entity]) -> list[tuple[Entity, str]]:
    """Entities with a gold type, and that type."""
    table = mappings()["re3d_types"]
    return [(e, table[e.label]) for e in entities if e.label in table]


def score(docs: Sequence[EntityDoc], predictions: Mapping[str, Sequence[Entity]], system: str, report: Report) -> None:
    scorable = set(mappings()["re3d_types"].values())
    per_type: dict[str, PRF] = defaultdict(PRF)
    for doc in docs:
        gold = doc.entities
        ours = mapped(predictions.get(doc.id, []))
        matches = match_spans(
            [(g.start, g.end) for g in gold],
            [(e.start, e.end) for e, _ in ours],
            compatible=lambda gi, pi: gold[gi].type == ours[pi][1],
        )
        matched_gold = {g for g, _ in matches}
        matched_pred = {p for _, p in matches}
        for gi, g in enumerate(gold):
            if gi in matched_gold:
                per_type[g.type].tp += 1
            else:
                per_type[g.type].fn += 1
        for pi, (entity, label) in enumerate(ours):
            if pi not in matched_pred:
                per_type[label].fp += 1
        if system == SYSTEM:
            report.misses += _misses(doc, ours, matched_gold, matched_pred, scorable)
    report.add_prf(system, "entity (types with a mapping)", sum((per_type[t] for t in scorable), PRF()))
    report.add_prf(system, "entity (all gold types)", sum(per_type.values(), PRF()))
    for label in sorted(scorable):
        report.add_prf(system, label, per_type[label])


def _misses(doc: EntityDoc, ours, matched_gold: set[int], matched_pred: set[int], scorable: set[str]) -> list[Miss]:
    misses = [
        Miss(doc.id, f"missed {g.type}", g.text, "-", context(doc.text, g.start, g.end), 1.0)
        for gi, g in enumerate(doc.entities) if gi not in matched_gold and g.type in scorable
    ]
    misses += [
        Miss(doc.id, f"spurious {label}", "-", f"{e.text} ({e.label})", context(doc.text, e.start, e.end), 0.9)
        for pi, (e, label) in enumerate(ours) if pi not in matched_pred
    ]
    return misses


def spacy_entities(analysis) -> list[Entity]:
    """Baseline: the tagger's entities as they come, without our corrections."""
    return [Entity(text=e.text, label=e.label_, start=e.start_char, end=e.end_char) for e in analysis.doc.ents]


def evaluate(path: Path | str, limit: Optional[int] = None) -> Report:
    docs = first(read_entities(path), limit)
    report = Report("entities", str(path), documents=len(docs))
    failures: list[str] = []
    analyses = run_pipeline([(d.id, d.text, None) for d in docs], STEPS, failures)
    score(docs, {d.id: (a.entities if a else []) for d, a in zip(docs, analyses)}, SYSTEM, report)
    score(docs, {d.id: spacy_entities(a) for d, a in zip(docs, analyses) if a}, "baseline: spaCy NER", report)
    report.notes += failure_note(failures)
    scorable = set(mappings()["re3d_types"].values())
    unmapped = Counter(g.type for d in docs for g in d.entities if g.type not in scorable)
    if unmapped:
        report.notes.append(
            "gold types no label maps to (only missable, in 'all gold types'): "
            + ", ".join(f"{t} {n}" for t, n in unmapped.most_common())
        )
    report.notes.append(
        "label mapping: " + ", ".join(f"{k}->{v}" for k, v in mappings()["re3d_types"].items())
    )
    return report
