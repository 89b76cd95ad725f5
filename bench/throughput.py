"""Throughput of `dragoman extract` against bare spaCy on the same texts, same run.

Prints articles/s for spaCy's `nlp.pipe` alone (the floor every spaCy-based
coder pays) and for the full dragoman pipeline, and their ratio. The texts are
PolNeAR dev articles from ../shared/eval (real political news).

Wall time follows how busy the machine is (other processes take turns on the cores);
the process's CPU time does much less, so the ratio is printed for both: on a shared
machine trust the CPU ratio.

    python bench/throughput.py [--limit N] [--dir PATH]
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

DEFAULT_DIR = Path(__file__).resolve().parents[1].parent / "shared" / "eval" / "polnear" / "dev" / "text"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dir", type=Path, default=DEFAULT_DIR)
    parser.add_argument("--limit", type=int, default=40)
    parser.add_argument("--batch-size", type=int, default=16)
    parser.add_argument("--repeat", type=int, default=2, help="alternating runs; the best of each counts")
    args = parser.parse_args()

    from dragoman.annotate.nlp import load_nlp
    from dragoman.ingest.readers import make_article
    from dragoman.pipeline import Pipeline

    paths = sorted(args.dir.glob("*.txt"))[: args.limit]
    if not paths:
        raise SystemExit(f"{args.dir}: no .txt files to benchmark")
    texts = [p.read_text(encoding="utf-8") for p in paths]
    articles = [make_article(t, id=p.stem, published="2016-10-01") for p, t in zip(paths, texts)]
    nlp = load_nlp()
    pipeline = Pipeline(batch_size=args.batch_size)
    pipeline.analyse(articles[0])  # warm up lazy tables (lexicon, gazetteer) outside the timing

    def time_spacy() -> tuple[float, float]:
        t0, c0 = time.perf_counter(), time.process_time()
        for _ in nlp.pipe(texts, batch_size=args.batch_size):
            pass
        return time.perf_counter() - t0, time.process_time() - c0

    def time_dragoman() -> tuple[float, float, int]:
        t0, c0 = time.perf_counter(), time.process_time()
        events = sum(len(a.events) for a in pipeline.run(articles))
        return time.perf_counter() - t0, time.process_time() - c0, events

    # alternate the two so that machine load and warm-up hit both alike
    spacy_runs, dragoman_runs = [], []
    for _ in range(args.repeat):
        spacy_runs.append(time_spacy())
        *seconds, n_events = time_dragoman()
        dragoman_runs.append(seconds)
    spacy_wall, spacy_cpu = (min(run[k] for run in spacy_runs) for k in (0, 1))
    dragoman_wall, dragoman_cpu = (min(run[k] for run in dragoman_runs) for k in (0, 1))

    n = len(texts)
    print(f"articles: {n} ({sum(map(len, texts))} characters), events found: {n_events}, best of {args.repeat} runs")
    print(f"spaCy nlp.pipe:   {n / spacy_wall:7.2f} articles/s  ({spacy_wall:.2f} s wall, {spacy_cpu:.2f} s CPU)")
    print(f"dragoman extract: {n / dragoman_wall:7.2f} articles/s  ({dragoman_wall:.2f} s wall, {dragoman_cpu:.2f} s CPU)")
    print(f"ratio dragoman/spaCy: {spacy_wall / dragoman_wall:.2f} (wall), {spacy_cpu / dragoman_cpu:.2f} (CPU)")


if __name__ == "__main__":
    main()
