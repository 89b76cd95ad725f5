"""Ingest cost per article as the store grows: articles/s at each store size, SQLite and PostgreSQL.

The corpus: PolNeAR training articles from ../shared/eval (real political news, read for
measuring only), extracted once; the store is then filled with copies of their records
under new ids. Each copy has about half its words replaced by random letters of the same
length, so offsets stay valid and no copy is a near-duplicate of another (the ingest
screen would otherwise set them aside, and its band tables would fill with one bucket),
and copy k of an article is dated k days after it (its events too), so each day of the
store holds one copy of each article, as fusion and stories would meet a day's news.
What is timed is all that `dragoman ingest` does per article after the parse: the
near-duplicate screen against the store, storing every layer, and learning actors and
sources' homes. The parse itself costs the same at every store size; its rate is
printed first, so the two combine into the whole ingest rate per core.

    python bench/scale.py [--sizes 1000,10000,100000] [--window 300] [--postgres URL | --no-postgres]
"""

from __future__ import annotations

import argparse
import random
import re
import string
import sys
import tempfile
import time
from contextlib import ExitStack
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_DIR = ROOT.parent / "shared" / "eval" / "polnear" / "train" / "text"
WORD = re.compile(r"[A-Za-z]{3,}")


def scrambled(text: str, seed: int) -> str:
    """The text with about half its words replaced by random letters of the same length."""
    rng = random.Random(seed)

    def swap(match: re.Match) -> str:
        word = match.group()
        return "".join(rng.choices(string.ascii_lowercase, k=len(word))) if rng.random() < 0.5 else word

    return WORD.sub(swap, text)


def shifted(record, days: int):
    """The record as if published `days` later: its publication date and its events' day
    dates move together (months and years stay), so copies of one article fall on
    different days, as a day's news does, and do not all meet in one fusion block."""
    import msgspec

    def later(value):
        if value is None or len(value) != 10:
            return value
        return (date.fromisoformat(value) + timedelta(days=days)).isoformat()

    def moved(event):
        if event.date is None:
            return event
        when = event.date
        return msgspec.structs.replace(event, date=msgspec.structs.replace(
            when, value=later(when.value), first=later(when.first), last=later(when.last)))

    return msgspec.structs.replace(record, published=later(record.published), events=[moved(e) for e in record.events])


def extract(paths: list[Path]):
    from dragoman.ingest.readers import make_article
    from dragoman.pipeline import Pipeline

    articles = [make_article(p.read_text(encoding="utf-8"), id=p.stem, published="2016-10-01") for p in paths]
    pipeline = Pipeline()
    pipeline.analyse(articles[0])  # lexicons and gazetteer load outside the timing
    start = time.process_time()  # CPU time, as the per-core figures are
    records = [a.to_record(with_text=True) for a in pipeline.run(articles)]
    return records, len(records) / (time.process_time() - start)


def fill(target: str, records, sizes: list[int], window: int) -> list[tuple[int, float, float]]:
    """Grow the store at `target` to each size, timing `window` ingests there (wall clock, CPU)."""
    import msgspec

    from dragoman.analysis import text_sha256
    from dragoman.ingest.readers import make_article
    from dragoman.ingest.screen import Screen
    from dragoman.resolve import source_homes
    from dragoman.resolve.gazetteer import load_gazetteer
    from dragoman.resolve.registry import Registry
    from dragoman.store import Store, storable

    rates = []
    with ExitStack() as stack:
        store = stack.enter_context(Store.open(target))
        learned = stack.enter_context(Registry(store.connection))  # as `dragoman ingest` opens them
        homes = stack.enter_context(source_homes.SourceHomes(store.connection))
        screen = Screen(store)
        gazetteer = load_gazetteer()

        def ingest(n: int) -> None:
            base = shifted(records[n % len(records)], n // len(records))
            text = scrambled(base.text, n)
            article = make_article(text, id=f"{base.id}-{n}", published=base.published)
            if not list(screen([article])):
                raise SystemExit(f"copy {n} was screened out: the corpus is not varied enough")
            copy = msgspec.structs.replace(base, id=article.id, text=text, text_sha256=text_sha256(text))
            record, stored_text = storable(copy, text)
            store.add(record, stored_text)
            screen.stored(article.id, article.id)
            learned.learn(record, record.published)
            homes.learn(record, gazetteer)

        count = 0
        for size in sizes:
            while count < size:
                ingest(count)
                count += 1
                if count % 1000 == 0:
                    print(f"  {count} stored", file=sys.stderr, end="\r")
            start, cpu_start = time.perf_counter(), time.process_time()
            for _ in range(window):
                ingest(count)
                count += 1
            rates.append((size, window / (time.perf_counter() - start), window / (time.process_time() - cpu_start)))
            print(f"  at {size:>7} articles: {rates[-1][1]:7.1f} articles/s, CPU time {rates[-1][2]:7.1f} articles/s",
                  file=sys.stderr)
    return rates


def report(name: str, rates: list[tuple[int, float, float]], parse_rate: float) -> None:
    """Wall-clock and CPU-time rates at each size, each as a ratio to the first size.
    The CPU rate is this process's own time, so other load on the machine does not move
    it (a PostgreSQL server's time is in its own processes and not in it)."""
    first, first_cpu = rates[0][1], rates[0][2]
    print(f"{name}:")
    for size, rate, cpu_rate in rates:
        whole = 1 / (1 / parse_rate + 1 / cpu_rate)  # per core: CPU time, as the parse rate is
        print(f"  {size:>7} stored: {rate:7.1f} articles/s stored, ratio to {rates[0][0]}: {rate / first:.2f};"
              f" CPU time {cpu_rate:7.1f} articles/s, ratio {cpu_rate / first_cpu:.2f};"
              f" with the parse {whole:.2f} articles/s per core")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dir", type=Path, default=DEFAULT_DIR)
    parser.add_argument("--limit", type=int, default=60, help="distinct articles to extract")
    parser.add_argument("--sizes", default="1000,10000,100000")
    parser.add_argument("--window", type=int, default=300, help="ingests timed at each size")
    parser.add_argument("--postgres", metavar="URL", help="an empty PostgreSQL database to fill")
    parser.add_argument("--no-postgres", action="store_true")
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]

    paths = sorted(args.dir.glob("*.txt"))[: args.limit]
    if not paths:
        raise SystemExit(f"{args.dir}: no .txt files to build the corpus from")
    records, parse_rate = extract(paths)
    print(f"corpus: {len(records)} PolNeAR articles extracted at {parse_rate:.2f} articles/s of CPU time (the parse, one core),"
          f" stored as scrambled copies under new ids")
    with tempfile.TemporaryDirectory() as tmp:
        report("SQLite", fill(str(Path(tmp) / "scale.db"), records, sizes, args.window), parse_rate)
    if args.no_postgres:
        return
    if args.postgres:
        report("PostgreSQL", fill(args.postgres, records, sizes, args.window), parse_rate)
        return
    sys.path.insert(0, str(ROOT / "tests"))
    from postgres_server import NoServer, throwaway_server

    try:
        with throwaway_server() as url:
            report("PostgreSQL", fill(url, records, sizes, args.window), parse_rate)
    except NoServer as exc:
        print(f"PostgreSQL: not measured: {exc}")


if __name__ == "__main__":
    main()
