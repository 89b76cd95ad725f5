"""Score figures (claims) against the Quantity and Money entities of re3d-style gold.

re3d marks quantities and sums of money but not every number a claim may hold,
so recall is the measure: a gold Quantity or Money span is found when a claim
overlaps it. Beside it, the share of our claims that overlap any numeric gold
span (Quantity, Money, Temporal, Frequency) shows how many claims the gold can
confirm at all; it is no precision, since unannotated figures count against it.
The baseline is the tagger's own numeric entities (CARDINAL, QUANTITY, MONEY,
PERCENT) taken as claims.
"""

from __future__ import annotations

from pathlib import Path
from typing import Mapping, Optional, Sequence

from .common import failure_note, first, run_pipeline
from .gold import EntityDoc, read_entities
from .metrics import Ratio, Span, overlap
from .results import SYSTEM, Miss, Report, context

STEPS = ("entities", "claims")
SCORED_TYPES = ("Quantity", "Money")
NUMERIC_TYPES = {"Quantity", "Money", "Temporal", "Frequency"}
NUMERIC_LABELS = {"CARDINAL", "QUANTITY", "MONEY", "PERCENT"}


def score(docs: Sequence[EntityDoc], predictions: Mapping[str, Sequence[Span]], system: str, report: Report) -> None:
    found = {kind: Ratio() for kind in SCORED_TYPES}
    confirmed = Ratio()
    for doc in docs:
        spans = predictions.get(doc.id, [])
        numeric = [(g.start, g.end) for g in doc.entities if g.type in NUMERIC_TYPES]
        for gold in doc.entities:
            if gold.type not in found:
                continue
            hit = any(overlap((gold.start, gold.end), span) > 0 for span in spans)
            found[gold.type].add(hit)
            if not hit and system == SYSTEM:
                report.misses.append(
                    Miss(doc.id, f"missed {gold.type}", gold.text, "-", context(doc.text, gold.start, gold.end), 1.0)
                )
        for span in spans:
            confirmed.add(any(overlap(span, g) > 0 for g in numeric))
    for kind in SCORED_TYPES:
        report.add_ratio(system, f"{kind} recall", found[kind])
    report.add_ratio(system, "claims overlapping a numeric gold span", confirmed)


def evaluate(path: Path | str, limit: Optional[int] = None) -> Report:
    docs = first(read_entities(path), limit)
    report = Report("claims", str(path), documents=len(docs))
    failures: list[str] = []
    analyses = run_pipeline([(d.id, d.text, None) for d in docs], STEPS, failures)
    ours = {d.id: [(c.start, c.end) for c in a.claims] for d, a in zip(docs, analyses) if a}
    score(docs, ours, SYSTEM, report)
    tagger = {
        d.id: [(e.start_char, e.end_char) for e in a.doc.ents if e.label_ in NUMERIC_LABELS]
        for d, a in zip(docs, analyses) if a
    }
    score(docs, tagger, "baseline: spaCy numeric entities", report)
    report.notes += failure_note(failures)
    return report
