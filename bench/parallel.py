"""Speed-up of extraction on two local worker processes (Dask) over one process, same texts, same run.

The texts are PolNeAR training articles from ../shared/eval (real political news, read for
measuring only). One process runs the pipeline as `dragoman extract` does; the other run is
`extract --dask processes` (Dask's local process pool, one worker per core). Worker start-up
(loading the model once per worker) is timed too, since a user pays it; the warm rate
leaves it out by running a first small job before the timing.

    python bench/parallel.py [--limit 96] [--partition 8]
"""

from __future__ import annotations

import argparse
import os
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

DEFAULT_DIR = Path(__file__).resolve().parents[1].parent / "shared" / "eval" / "polnear" / "train" / "text"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dir", type=Path, default=DEFAULT_DIR)
    parser.add_argument("--limit", type=int, default=96)
    parser.add_argument("--partition", type=int, default=8, help="articles per Dask partition")
    args = parser.parse_args()

    import dask

    from dragoman.ingest.readers import make_article
    from dragoman.parallel import run_dask
    from dragoman.pipeline import Pipeline

    paths = sorted(args.dir.glob("*.txt"))[: args.limit]
    if not paths:
        raise SystemExit(f"{args.dir}: no .txt files to benchmark")
    articles = [make_article(p.read_text(encoding="utf-8"), id=p.stem, published="2016-10-01") for p in paths]

    pipeline = Pipeline()
    pipeline.analyse(articles[0])
    start = time.perf_counter()
    one = [a.to_record() for a in pipeline.run(articles)]
    one_rate = len(articles) / (time.perf_counter() - start)

    workers = os.cpu_count() or 1
    with ProcessPoolExecutor(workers) as pool, dask.config.set(pool=pool):
        list(run_dask(articles[:workers], "processes", partition_size=1))  # workers load the model
        start = time.perf_counter()
        two = list(run_dask(articles, "processes", partition_size=args.partition))
        two_rate = len(articles) / (time.perf_counter() - start)
    if [r.events for r in one] != [r.events for r in two]:
        raise SystemExit("the two runs coded different events: not comparable")

    print(f"articles: {len(articles)}, cores: {workers}")
    print(f"one process:            {one_rate:6.2f} articles/s")
    print(f"Dask, {workers} worker processes: {two_rate:6.2f} articles/s")
    print(f"speed-up: {two_rate / one_rate:.2f}x")


if __name__ == "__main__":
    main()
