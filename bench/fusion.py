"""Cost of event fusion at ingest: articles/s with fusion on and off, at two store sizes.

Fills fresh SQLite stores with the analysed articles of SOURCE (a store made by
`dragoman ingest`, e.g. of the PolNeAR training texts in ../shared/eval, read for measuring
only), copied with their dates shifted a week per round so the store grows over time as a
real one does, then times `Store.add` for the next articles at each size, fusion on and off,
in the same run. Also times the analysis of a few articles, to give the whole ingest's ratio.
Run: PYTHONPATH=src python bench/fusion.py polnear.db [--sizes 1000 4000] [--timed 200]
"""

import argparse
import datetime as dt
import tempfile
import time
from pathlib import Path

import msgspec

from dragoman.analysis import text_sha256
from dragoman.pipeline import Pipeline
from dragoman.records import Article, DateMention
from dragoman.store import Store


def shifted(value, days):
    if not value:
        return value
    try:
        return (dt.date.fromisoformat(value[:10]) + dt.timedelta(days=days)).isoformat()
    except ValueError:
        return value


def copy(record, text, round_number):
    """The record as a new article, `round_number` weeks later (its text marked, so it is new)."""
    days = 7 * round_number
    text = f"{text}\n[{round_number}]"

    def date(d: DateMention):
        return d and msgspec.structs.replace(d, value=shifted(d.value, days), first=shifted(d.first, days),
                                             last=shifted(d.last, days))

    events = [msgspec.structs.replace(e, date=date(e.date)) for e in record.events]
    return msgspec.structs.replace(record, id=f"{record.id}/{round_number}", text_sha256=text_sha256(text),
                                   published=shifted(record.published, days), events=events), text


def stream(source):
    round_number = 0
    while True:
        for record, text in source:
            yield copy(record, text, round_number)
        round_number += 1


def timed_adds(store, articles, count):
    start = time.perf_counter()
    for _ in range(count):
        store.add(*next(articles))
    return count / (time.perf_counter() - start)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("source")
    parser.add_argument("--sizes", type=int, nargs=2, default=(1000, 4000))
    parser.add_argument("--timed", type=int, default=200)
    args = parser.parse_args()
    with Store.open(args.source, read_only=True) as store:
        source = [(store.get(a.id, with_text=True), None) for a in store.articles()]
    source = [(msgspec.structs.replace(r, text=None), r.text) for r, _ in source]
    print(f"{len(source)} analysed articles, {sum(len(r.events) for r, _ in source)} events")
    rates = {}
    with tempfile.TemporaryDirectory() as folder:
        for fusion in (False, True):
            articles = stream(source)
            with Store.open(Path(folder) / f"fusion-{fusion}.db") as store:
                store.fusion = fusion
                stored = 0
                for size in args.sizes:
                    while stored < size:
                        store.add(*next(articles))
                        stored += 1
                    rates[fusion, size] = timed_adds(store, articles, args.timed)
                    stored += args.timed
                    print(f"fusion {'on ' if fusion else 'off'} at {size} articles: {rates[fusion, size]:.1f} adds/s")
    pipeline = Pipeline()
    sample = source[:20]
    start = time.perf_counter()
    for record, text in sample:
        pipeline.analyse(Article(id=record.id, text=text, published=record.published))
    analysis = (time.perf_counter() - start) / len(sample)
    print(f"analysis: {analysis * 1000:.0f} ms/article")
    for size in args.sizes:
        off, on = 1 / rates[False, size], 1 / rates[True, size]
        print(f"at {size}: store add cost fusion on/off {on / off:.2f}x; whole ingest (analysis + add) "
              f"{1 / (analysis + off):.2f} vs {1 / (analysis + on):.2f} articles/s, ratio {(analysis + on) / (analysis + off):.3f}x")
    small, large = args.sizes
    print(f"add with fusion, {large} vs {small} articles stored: {rates[True, small] / rates[True, large]:.2f}x the time")


if __name__ == "__main__":
    main()
