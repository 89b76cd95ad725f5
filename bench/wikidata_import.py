"""Speed and memory of `dragoman actors import` on generated Wikidata dumps, same run.

Writes two gzipped dumps in the dump's layout (invented entities padded with labels,
descriptions and sitelinks in 30 languages and claims dragoman skips, so lines weigh
roughly what real ones do): a baseline of N entities and one of SCALE x N. Each is
imported into a fresh SQLite actors database in its own process. Prints, per dump,
entities/s for reading alone (decode and skip) and for the whole import, and the peak
RSS of the larger import over the baseline's: a ratio near 1 means memory does not grow
with the file.

    python bench/wikidata_import.py [--entities N] [--scale K]
"""

from __future__ import annotations

import argparse
import gzip
import json
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

LANGUAGES = ["en", "de", "fr", "es", "it", "nl", "pl", "pt", "ru", "ja", "zh", "ar", "fa", "tr", "sv", "uk",
             "cs", "fi", "he", "hu", "id", "ko", "no", "ro", "sr", "vi", "ca", "da", "el", "bg"]
COUNTRIES = ["Q30", "Q142", "Q183", "Q145", "Q114", "Q1033", "Q801", "Q36", "Q668", "Q155"]
POSITIONS = 2000  # distinct positions the people hold: what the import keeps in memory
ORG_CLASSES = ["Q7278", "Q783794", "Q3918", "Q17149090", "Q79913", "Q11032"]


def _claim(prop: str, target: str, qualifiers: dict | None = None) -> dict:
    value = {"entity-type": "item", "numeric-id": int(target[1:]), "id": target}
    claim = {"mainsnak": {"snaktype": "value", "property": prop, "datavalue": {"value": value,
                                                                             "type": "wikibase-entityid"}},
             "type": "statement", "id": f"{target}$x", "rank": "normal"}
    if qualifiers:
        claim["qualifiers"] = qualifiers
    return claim


def _time(prop: str, year: int) -> dict:
    return {"snaktype": "value", "property": prop, "datavalue": {"type": "time", "value": {
        "time": f"+{year}-01-01T00:00:00Z", "precision": 11, "timezone": 0, "before": 0, "after": 0,
        "calendarmodel": "http://www.wikidata.org/entity/Q1985727"}}}


def _entity(n: int, rng: random.Random) -> dict:
    """Person (70%), organisation (20%) or another item (10%), padded like a real entity."""
    qid, roll = f"Q{10_000_000 + n}", rng.random()
    label = f"Name{n} Surname{n % 5000}"
    claims: dict = {"P18": [_claim("P18", "Q1")], "P646": [_claim("P646", "Q2")]}  # skipped
    if roll < 0.7:
        claims["P31"] = [_claim("P31", "Q5")]
        claims["P27"] = [_claim("P27", rng.choice(COUNTRIES))]
        start = rng.randrange(1950, 2020)
        claims["P39"] = [_claim("P39", f"Q{9_000_000 + rng.randrange(POSITIONS)}",
                                {"P580": [_time("P580", start)], "P582": [_time("P582", start + 4)]})]
    elif roll < 0.9:
        claims["P31"] = [_claim("P31", rng.choice(ORG_CLASSES))]
        claims["P17"] = [_claim("P17", rng.choice(COUNTRIES))]
    else:
        claims["P31"] = [_claim("P31", "Q4022")]
    return {"type": "item", "id": qid,
            "labels": {lang: {"language": lang, "value": label} for lang in LANGUAGES},
            "descriptions": {lang: {"language": lang, "value": f"description {n} in {lang}"} for lang in LANGUAGES},
            "aliases": {"en": [{"language": "en", "value": f"N. Surname{n % 5000}"}]},
            "claims": claims,
            "sitelinks": {f"{lang}wiki": {"site": f"{lang}wiki", "title": label, "badges": []} for lang in LANGUAGES}}


def write_dump(path: Path, entities: int, seed: int = 7) -> None:
    rng = random.Random(seed)
    positions = [{"type": "item", "id": f"Q{9_000_000 + p}", "labels": {"en": {"language": "en", "value": title}},
                  "claims": {"P31": [_claim("P31", "Q4164871")]}}
                 for p in range(POSITIONS)
                 for title in [rng.choice(["Minister of Finance", "Member of Parliament", "Mayor", "General",
                                           "Judge", "Ambassador"])]]
    with gzip.open(path, "wt", encoding="utf-8", compresslevel=1) as out:
        out.write("[\n")
        # half the positions before their holders (second pass), half after
        for entity in positions[: POSITIONS // 2]:
            out.write(json.dumps(entity, separators=(",", ":")) + ",\n")
        for n in range(entities):
            out.write(json.dumps(_entity(n, rng), separators=(",", ":")) + ",\n")
        for entity in positions[POSITIONS // 2:]:
            out.write(json.dumps(entity, separators=(",", ":")) + ",\n")
        out.write(json.dumps({"type": "item", "id": "Q1", "labels": {}}) + "\n]\n")


def child(dump: Path) -> None:
    """Import one dump in this process; print a JSON line of figures."""
    from dragoman.ingest.wikidata import import_dump, read_dump
    from dragoman.resolve.registry import Registry

    started = time.perf_counter()
    lines = sum(1 for _ in read_dump(dump))
    read_seconds = time.perf_counter() - started
    with tempfile.TemporaryDirectory() as tmp, Registry(Path(tmp) / "actors.db") as registry:
        started = time.perf_counter()
        report = import_dump(dump, registry)
        seconds = time.perf_counter() - started
    print(json.dumps({"entities": report.entities, "lines": lines, "read_seconds": read_seconds,
                      "seconds": seconds, "people": report.people, "roles": report.roles,
                      "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--entities", type=int, default=20_000, help="entities in the baseline dump")
    parser.add_argument("--scale", type=int, default=4, help="the larger dump is this many times the baseline")
    parser.add_argument("--child", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        return child(args.child)
    results = []
    with tempfile.TemporaryDirectory() as tmp:
        for size in (args.entities, args.entities * args.scale):
            dump = Path(tmp) / f"dump-{size}.json.gz"
            write_dump(dump, size)
            out = subprocess.run([sys.executable, __file__, "--child", str(dump)], check=True,
                                 capture_output=True, text=True).stdout
            figures = json.loads(out.splitlines()[-1])
            figures["mb"] = dump.stat().st_size / 1e6
            results.append(figures)
            print(f"{figures['entities']:>9} entities ({figures['mb']:.0f} MB gz): read "
                  f"{figures['entities'] / figures['read_seconds']:,.0f} entities/s; import "
                  f"{figures['entities'] / figures['seconds']:,.0f} entities/s ({figures['people']} people, "
                  f"{figures['roles']} positions held); peak RSS {figures['peak_rss_mb']:.0f} MB")
    base, large = results
    print(f"peak RSS, {args.scale}x the entities over the baseline: {large['peak_rss_mb'] / base['peak_rss_mb']:.2f}")


if __name__ == "__main__":
    main()
