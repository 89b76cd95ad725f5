"""Score toponym recognition and resolution against GeoNames-tagged corpora.

Recognition: our places against gold toponyms, matched one-to-one by overlap.
Resolution, on matched toponyms whose gold has coordinates: the share we put
within 161 km (100 miles) of the gold point (unresolved = wrong), the median
error of those we resolved, and country accuracy where the gold names a country.
The baseline resolves the same matched names to their most populous gazetteer
entry, so the rows differ only by how we choose between places.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Mapping, Optional, Sequence

from ..records import Place
from .common import failure_note, first, run_pipeline
from .gold import GoldFormatError, Toponym, ToponymDoc, read_toponyms
from .metrics import PRF, Ratio, haversine_km, median, span_prf
from .results import SYSTEM, Miss, Report, Row, context

STEPS = ("entities", "places")
ACCURATE_KM = 161.0  # 100 miles, the usual geocoding threshold


@dataclass
class Point:
    lat: Optional[float]
    lon: Optional[float]
    country: Optional[str]


Resolver = Callable[[Place], Point]


def as_resolved(place: Place) -> Point:
    """How dragoman itself resolved the place."""
    return Point(place.lat, place.lon, place.country)


def most_populous(place: Place) -> Point:
    """Baseline: the gazetteer entry with this name and the most inhabitants."""
    from ..resolve.gazetteer import candidates

    found = candidates(place.text)
    if not found:
        return Point(None, None, None)
    best = max(found, key=lambda c: c.population)
    return Point(best.lat, best.lon, best.country)


def score(
    docs: Sequence[ToponymDoc],
    predictions: Mapping[str, Sequence[Place]],
    system: str,
    report: Report,
    resolver: Resolver = as_resolved,
    prefix: str = "",
    with_detection: bool = True,
) -> None:
    """Add rows for one system; a baseline that reuses our spans skips the detection rows."""
    detection = PRF()
    within, country = Ratio(), Ratio()
    errors_km: list[float] = []
    for doc in docs:
        places = list(predictions.get(doc.id, []))
        counts, matches = span_prf([(t.start, t.end) for t in doc.toponyms], [(p.start, p.end) for p in places])
        detection += counts
        for gi, pi in matches:
            gold, point = doc.toponyms[gi], resolver(places[pi])
            if gold.lat is not None and gold.lon is not None:
                distance = _distance(gold, point)
                within.add(distance is not None and distance <= ACCURATE_KM)
                if distance is not None:
                    errors_km.append(distance)
                if system == SYSTEM and (distance is None or distance > ACCURATE_KM):
                    report.misses.append(_resolution_miss(doc, gold, places[pi], distance))
            if gold.country:
                country.add(point.country == gold.country)
        if system == SYSTEM:
            report.misses += _detection_misses(doc, places, matches)
    if with_detection:
        report.add_prf(system, f"{prefix}toponym", detection)
    report.add_ratio(system, f"{prefix}resolution accuracy@161km", within)
    report.rows.append(Row(system, f"{prefix}median error", median(errors_km), {"resolved": len(errors_km)}, unit="km"))
    report.add_ratio(system, f"{prefix}country accuracy", country)


def _distance(gold: Toponym, point: Point) -> Optional[float]:
    if point.lat is None or point.lon is None:
        return None
    return haversine_km(gold.lat, gold.lon, point.lat, point.lon)


def _resolution_miss(doc: ToponymDoc, gold: Toponym, place: Place, distance: Optional[float]) -> Miss:
    said = f"{place.name or place.text} ({place.lat}, {place.lon})" if distance is not None else "unresolved"
    return Miss(
        doc.id, "far off" if distance is not None else "unresolved",
        f"{gold.name} ({gold.lat}, {gold.lon})", said,
        context(doc.text, gold.start, gold.end),
        # the worst misses are the farthest; unresolved ones rank like a 1000 km error
        severity=(distance if distance is not None else 1000.0) / 1000,
    )


def _detection_misses(doc: ToponymDoc, places: Sequence[Place], matches) -> list[Miss]:
    matched_gold = {g for g, _ in matches}
    matched_pred = {p for _, p in matches}
    misses = [
        Miss(doc.id, "missed toponym", t.name, "-", context(doc.text, t.start, t.end), 0.5)
        for gi, t in enumerate(doc.toponyms) if gi not in matched_gold
    ]
    misses += [
        Miss(doc.id, "spurious toponym", "-", p.text, context(doc.text, p.start, p.end), 0.4)
        for pi, p in enumerate(places) if pi not in matched_pred
    ]
    return misses


def _corpus_files(path: Path) -> list[Path]:
    """The XML file itself, or every XML file of a directory (one corpus each)."""
    if not path.is_dir():
        return [path]
    files = sorted(path.glob("*.xml"))
    if not files:
        raise GoldFormatError(path, "no .xml files")
    return files


def evaluate(path: Path | str, limit: Optional[int] = None) -> Report:
    """Each XML file is a corpus scored on its own (rows prefixed with its name)."""
    path = Path(path)
    corpora = [(f, first(read_toponyms(f), limit)) for f in _corpus_files(path)]
    report = Report("places", str(path), documents=sum(len(docs) for _, docs in corpora))
    failures: list[str] = []
    for file, docs in corpora:
        prefix = f"{file.stem}: " if len(corpora) > 1 else ""
        analyses = run_pipeline([(d.id, d.text, None) for d in docs], STEPS, failures, [d.url for d in docs])
        predictions = {d.id: (a.places if a else []) for d, a in zip(docs, analyses)}
        score(docs, predictions, SYSTEM, report, as_resolved, prefix)
        score(docs, predictions, "baseline: most populous", report, most_populous, prefix, with_detection=False)
        _corpus_notes(report, file, docs)
    report.notes += failure_note(failures)
    report.notes.append("baseline: same recognised spans, each resolved to the most populous gazetteer entry of that name")
    return report


def _corpus_notes(report: Report, file: Path, docs: Sequence[ToponymDoc]) -> None:
    toponyms = sum(len(d.toponyms) for d in docs)
    with_point = sum(t.lat is not None for d in docs for t in d.toponyms)
    with_country = sum(t.country is not None for d in docs for t in d.toponyms)
    note = f"{file.name}: {len(docs)} articles, {toponyms} gold toponyms ({with_point} with coordinates, {with_country} with a country)"
    skipped = sum(d.skipped for d in docs)
    realigned = sum(d.realigned for d in docs)
    if skipped:
        note += f"; {skipped} with offsets outside the text left out"
    if realigned:
        note += f"; {realigned} offsets realigned onto the toponym's name"
    report.notes.append(note)
