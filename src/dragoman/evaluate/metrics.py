"""Counting primitives shared by every scorer: P/R/F1, span matching, distances.

Spans are (start, end) character offsets, end-exclusive. Two spans *match* when
they overlap by at least half of the shorter one: lenient about where a span
starts ("the Gaza Strip" vs "Gaza Strip"), strict about what it is about.
"""

from __future__ import annotations

import math
import statistics
from dataclasses import dataclass
from typing import Callable, Iterable, Optional, Sequence

Span = tuple[int, int]

EARTH_RADIUS_KM = 6371.0088  # mean Earth radius (IUGG)


@dataclass
class PRF:
    """True positives, false positives and false negatives, with P/R/F1 from them."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def __add__(self, other: "PRF") -> "PRF":
        return PRF(self.tp + other.tp, self.fp + other.fp, self.fn + other.fn)


@dataclass
class Ratio:
    """An accuracy: how many of `total` cases were right."""

    correct: int = 0
    total: int = 0

    @property
    def value(self) -> float:
        return self.correct / self.total if self.total else 0.0

    def add(self, ok: bool) -> None:
        self.total += 1
        self.correct += int(ok)


def overlap(a: Span, b: Span) -> int:
    """Number of characters two spans share."""
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def spans_match(a: Span, b: Span) -> bool:
    """Overlap of at least half of the shorter span (empty spans never match)."""
    shared = overlap(a, b)
    shorter = min(a[1] - a[0], b[1] - b[0])
    return shared > 0 and 2 * shared >= shorter


def match_spans(
    gold: Sequence[Span],
    predicted: Sequence[Span],
    compatible: Optional[Callable[[int, int], bool]] = None,
) -> list[tuple[int, int]]:
    """One-to-one (gold index, predicted index) matches, largest overlaps first.

    Greedy assignment: every matching pair is ranked by shared characters, and a
    pair is kept when neither side is taken yet, so a prediction counts once
    even when it covers two gold spans. `compatible(g, p)` can veto a pair
    (e.g. different entity types).
    """
    pairs = [
        (-overlap(g, p), gi, pi)
        for gi, g in enumerate(gold)
        for pi, p in enumerate(predicted)
        if spans_match(g, p) and (compatible is None or compatible(gi, pi))
    ]
    pairs.sort()
    taken_gold: set[int] = set()
    taken_pred: set[int] = set()
    matches = []
    for _, gi, pi in pairs:
        if gi not in taken_gold and pi not in taken_pred:
            taken_gold.add(gi)
            taken_pred.add(pi)
            matches.append((gi, pi))
    return sorted(matches)


def span_prf(gold: Sequence[Span], predicted: Sequence[Span]) -> tuple[PRF, list[tuple[int, int]]]:
    """Detection counts for one document, and the matches they came from."""
    matches = match_spans(gold, predicted)
    tp = len(matches)
    return PRF(tp=tp, fp=len(predicted) - tp, fn=len(gold) - tp), matches


def macro_f1(per_class: dict[str, PRF]) -> float:
    """Unweighted mean of per-class F1: rare classes count as much as frequent ones."""
    if not per_class:
        return 0.0
    return sum(c.f1 for c in per_class.values()) / len(per_class)


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance between two points on a spherical Earth."""
    phi1, phi2 = math.radians(lat1), math.radians(lat2)
    dphi = phi2 - phi1
    dlmb = math.radians(lon2 - lon1)
    h = math.sin(dphi / 2) ** 2 + math.cos(phi1) * math.cos(phi2) * math.sin(dlmb / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(h)))


def median(values: Iterable[float]) -> Optional[float]:
    """Median, or None for no values (so an empty run never reports 0 km)."""
    values = list(values)
    return statistics.median(values) if values else None
