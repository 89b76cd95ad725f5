"""Cost of the sources' home states in the places step, same run.

Times the places step alone (the parse and entity layer made once, beforehand) over
LGL's local-news articles from ../shared/eval, first with no URL (no source: nothing
learned or consulted), then with each article's URL (homes learned and consulted,
and a place the home changed resolved twice to say so). Prints both and their ratio.

    python bench/source_homes.py [--limit N] [--repeat N]
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

DEFAULT_FILE = Path(__file__).resolve().parents[1].parent / "shared" / "eval" / "geo" / "lgl.xml"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--file", type=Path, default=DEFAULT_FILE)
    parser.add_argument("--limit", type=int, default=600)
    parser.add_argument("--repeat", type=int, default=3, help="alternating runs; the best of each counts")
    args = parser.parse_args()

    from dragoman.evaluate.gold import read_toponyms
    from dragoman.extractors.places import find_places
    from dragoman.pipeline import Pipeline
    from dragoman.records import Article
    from dragoman.resolve import source_homes

    docs = read_toponyms(args.file)[: args.limit]
    entities = Pipeline(steps=("entities",))
    analysed = {
        with_url: list(entities.run([Article(id=d.id, text=d.text, url=d.url if with_url else None) for d in docs]))
        for with_url in (False, True)
    }
    find_places(analysed[False][0])  # load the gazetteer outside the timing

    def time_places(with_url: bool) -> float:
        with source_homes.using(source_homes.SourceHomes()) as homes:
            started = time.perf_counter()
            for analysis in analysed[with_url]:
                find_places(analysis)
                analysis.apply_lessons()  # as the pipeline does once an article's last step is done
            seconds = time.perf_counter() - started
        sources[with_url] = len(homes)
        return seconds

    sources: dict[bool, int] = {}
    runs: dict[bool, list[float]] = {False: [], True: []}
    for _ in range(args.repeat):
        for with_url in (False, True):
            runs[with_url].append(time_places(with_url))
    bare, homed = min(runs[False]), min(runs[True])
    changed = sum(p.rule == "source-home" for a in analysed[True] for p in a.places)
    print(f"articles: {len(docs)} from {sources[True]} sources, best of {args.repeat} runs")
    print(f"places step, no sources:    {bare:6.2f} s ({1000 * bare / len(docs):.2f} ms/article)")
    print(f"places step, with sources:  {homed:6.2f} s ({1000 * homed / len(docs):.2f} ms/article);"
          f" {changed} places placed by a home")
    print(f"ratio with/without: {homed / bare:.2f}")


if __name__ == "__main__":
    main()
