"""Peak memory of one extraction process over a long run, and whether it grows with the articles.

Runs the full pipeline, as `extract` and `ingest` do, over PolNeAR training articles from ../shared/eval (real political
news, read for measuring only; repeated with new ids past the end of the corpus) and prints
the process's resident memory after each checkpoint: after the first checkpoint, the rest
should stay flat (the model, lexicons and gazetteer are loaded once; nothing per article
is kept). The ratio of the last reading to the first is the growth.

    python bench/memory.py [--articles 2000] [--every 250]
"""

from __future__ import annotations

import argparse
import itertools
import resource
from pathlib import Path

DEFAULT_DIR = Path(__file__).resolve().parents[1].parent / "shared" / "eval" / "polnear" / "train" / "text"


def resident_mb() -> float:
    """The process's resident set now, in MB (from /proc; peak from getrusage elsewhere)."""
    with open("/proc/self/statm") as statm:
        pages = int(statm.read().split()[1])
    return pages * resource.getpagesize() / 2**20


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dir", type=Path, default=DEFAULT_DIR)
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--every", type=int, default=250, help="articles between readings")
    args = parser.parse_args()

    from dragoman.ingest.readers import make_article
    from dragoman.pipeline import Pipeline

    paths = sorted(args.dir.glob("*.txt"))
    if not paths:
        raise SystemExit(f"{args.dir}: no .txt files to run on")

    def articles():
        for n, path in enumerate(itertools.islice(itertools.cycle(paths), args.articles)):
            yield make_article(path.read_text(encoding="utf-8"), id=f"{path.stem}-{n}", published="2016-10-01")

    readings = []
    for n, _ in enumerate(Pipeline().records(articles()), start=1):  # as extract and ingest run it
        if n % args.every == 0:
            readings.append((n, resident_mb()))
            print(f"{n:>6} articles: {readings[-1][1]:7.0f} MB resident", flush=True)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"distinct texts: {len(paths)}; peak resident: {peak:.0f} MB")
    if len(readings) >= 2:
        print(f"growth from {readings[0][0]} to {readings[-1][0]} articles: {readings[-1][1] / readings[0][1]:.2f}x")


if __name__ == "__main__":
    main()
