"""How much event fusion joins on real news: raw against fused events, and story sizes, on
a store of the PolNeAR training texts (../shared/eval/polnear, read for measuring only).

Two ways in:

- ``TEXTS`` (a PolNeAR ``train/text`` directory, with ``metadata.tsv`` two levels up):
  each text is analysed and ingested, oldest first, into the store ``--db`` (a temporary
  one by default) as `dragoman ingest` does (near-duplicates linked, not stored). Slow
  (the analysis: ~0.5 s an article).
- ``--refile STORE``: the analysed articles of STORE are filed again, oldest first, into
  a fresh temporary store, their happenings linked again: what the current fusion and
  story code make of them, without analysing again (seconds).

Prints the counts and, with ``--sample N``, N fused events of more than one mention
(drawn at random, ``--seed``) with each mention's sentence and the evidence that joined
it, to be read by hand. ``--why`` counts, for the pairs of mentions an analyst would look
at first (one type, the doer named alike, other articles published within three days),
the first condition of `dragoman.resolve.happenings.compare` that keeps them apart.

    PYTHONPATH=src python bench/polnear_fusion.py ../shared/eval/polnear/train/text --db /tmp/polnear.db
    PYTHONPATH=src python bench/polnear_fusion.py --refile /tmp/polnear.db --sample 30 --why
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import json
import random
import tempfile
from collections import Counter, defaultdict
from pathlib import Path

import msgspec


def _texts_as_jsonl(texts: Path, out: Path) -> int:
    """The texts as JSON Lines articles (publisher and date from metadata.tsv), oldest first."""
    meta = {}
    table = texts.parents[1] / "metadata.tsv"
    if table.exists():
        with table.open(encoding="utf-8") as f:
            meta = {row["filename"]: row for row in csv.DictReader(f, delimiter="\t")}
    rows = []
    for path in sorted(texts.glob("*.txt")):
        about = meta.get(path.stem, {})
        rows.append({"id": path.stem, "published": about.get("publication_date") or path.stem.split("_")[1],
                     "source": about.get("publisher") or path.stem.split("_")[0],
                     "text": path.read_text(encoding="utf-8")})
    rows.sort(key=lambda r: (r["published"], r["id"]))
    with out.open("w", encoding="utf-8") as f:
        for row in rows:
            f.write(json.dumps(row) + "\n")
    return len(rows)


def ingest(texts: Path, db: Path) -> None:
    from click.testing import CliRunner

    from dragoman.cli import main

    with tempfile.TemporaryDirectory() as folder:
        articles = Path(folder) / "articles.jsonl"
        print(f"{_texts_as_jsonl(texts, articles)} texts")
        result = CliRunner().invoke(main, ["ingest", str(articles), "--db", str(db)])
        print(result.output.strip().splitlines()[-1] if result.output.strip() else f"exit {result.exit_code}")


def refile(source: Path, db: Path) -> None:
    """File the analysed articles of `source` into the fresh store `db`, happenings linked again."""
    from dragoman.resolve.happenings import link_happenings
    from dragoman.store import Store

    with Store.open(source, read_only=True) as old, Store.open(db) as new:
        for summary in sorted(old.articles(), key=lambda a: (a.published or "", a.id)):
            record = old.get(summary.id, with_text=True)
            text = record.text
            events = link_happenings(record.id, record.events, text=text, actors=record.actors,
                                     published=record.published, claims=record.claims)
            new.add(msgspec.structs.replace(record, text=None, events=events), text)


def counts(db: Path) -> None:
    from dragoman.store import Store

    with Store.open(db, read_only=True) as store:
        q = store._db.execute
        articles = q("SELECT count(*) FROM articles").fetchone()[0]
        copies = q("SELECT count(*) FROM near_duplicates").fetchone()[0]
        raw = q("SELECT count(*) FROM events").fetchone()[0]
        happenings = q("SELECT count(DISTINCT article_id || ' ' || COALESCE(json_extract(record, '$.happening'),"
                       " event_id)) FROM events").fetchone()[0]
        fused = q("SELECT count(*) FROM fused_events").fetchone()[0]
        multi = q("SELECT count(*) FROM fused_events WHERE mentions > 1").fetchone()[0]
        across = q("SELECT count(*) FROM fused_events WHERE sources > 1").fetchone()[0]
        stories, grown, largest = q("SELECT count(*), sum(articles > 1), max(articles) FROM stories").fetchone()
        title = q("SELECT title FROM stories ORDER BY articles DESC, id LIMIT 1").fetchone()
    print(f"articles {articles} (near-duplicates linked, not stored: {copies})")
    print(f"raw events {raw}; within-article happenings {happenings} ({happenings / raw:.3f})")
    print(f"fused events {fused}: fused/raw {fused / raw:.3f}; with more than one mention {multi},"
          f" of more than one article {across}")
    print(f"stories {stories}, {grown} of more than one article; largest {largest} articles: {title[0] if title else ''!r}")


def sample(db: Path, size: int, seed: int) -> None:
    from dragoman.store import Store

    with Store.open(db, read_only=True) as store:
        ids = [row[0] for row in store._db.execute("SELECT id FROM fused_events WHERE mentions > 1 ORDER BY id").fetchall()]
        chosen = sorted(random.Random(seed).sample(ids, min(size, len(ids))))
        for number, fused_id in enumerate(chosen, 1):
            fused = store.fused_event(fused_id)
            print(f"\n[{number}] {fused.id} {fused.event} {fused.first}..{fused.last} sources {fused.sources}")
            for mention, (joined, evidence) in zip(fused.mentions, fused.joins):
                e = mention.event
                print(f"  {mention.article_id}:{e.id} {e.event} {e.status} trigger {e.trigger.text!r}")
                print(f"    {' '.join(mention.sentence_text.split())[:400]}")
                if joined:
                    print(f"    joined {joined}: {', '.join(evidence)}")


def why_apart(db: Path, days: int = 3) -> None:
    """Why candidate pairs stay apart: the first condition of `compare` each one fails."""
    from dragoman.resolve import happenings as h
    from dragoman.store import Store
    from dragoman.store.fusion import _decode

    with Store.open(db, read_only=True) as store:
        published = {a.id: a.published[:10] for a in store.articles() if a.published}
        rows = store._db.execute("SELECT mention FROM fused_mentions").fetchall()
    by_type: dict[str, list] = defaultdict(list)
    for (value,) in rows:
        mention = _decode(value)
        by_type[mention.event].append(mention)
    reasons: Counter = Counter()
    for mentions in by_type.values():
        for i, a in enumerate(mentions):
            for b in mentions[i + 1:]:
                if a.article_id == b.article_id or a.article_id not in published or b.article_id not in published:
                    continue
                gap = dt.date.fromisoformat(published[a.article_id]) - dt.date.fromisoformat(published[b.article_id])
                names = {k for k in a.actor & b.actor if k.startswith("name:")}
                if abs(gap.days) <= days and names:
                    reasons[_first_refusal(h, a, b)] += 1
    print(f"pairs of one type, the doer named alike, published within {days} days: {sum(reasons.values())}")
    for reason, count in reasons.most_common():
        print(f"  {reason}: {count}")


def _first_refusal(h, a, b) -> str:
    if h.compare(a, b):
        return "joined"
    if a.status != b.status:
        return "status differs"
    if any(score < 0 for score, _ in h._both_sides(a, b)):
        return "parties differ"
    if h._dates(a, b)[0] is False:
        return "dates disagree"
    if h._places(a, b)[0] is False:
        return "places disagree"
    if not h._dates(a, b)[1] and h._jaccard(a.words, b.words) < h.SAME_WORDS:
        return "no date evidence: " + ("both undated" if not (a.dated or b.dated) else "one undated")
    return "too little support"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("texts", nargs="?", type=Path, help="a PolNeAR train/text directory to analyse and ingest")
    parser.add_argument("--db", type=Path, help="the store to ingest into (default: a temporary one)")
    parser.add_argument("--refile", type=Path, metavar="STORE", help="re-file this analysed store's articles instead")
    parser.add_argument("--sample", type=int, default=0, help="print this many fused events of several mentions")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--why", action="store_true", help="count why pairs of likely candidates stay apart")
    args = parser.parse_args()
    if (args.texts is None) == (args.refile is None):
        parser.error("give TEXTS or --refile STORE")
    with tempfile.TemporaryDirectory() as folder:
        db = args.db if args.texts and args.db else Path(folder) / "polnear.db"
        if args.texts:
            ingest(args.texts, db)
        else:
            refile(args.refile, db)
        counts(db)
        if args.sample:
            sample(db, args.sample, args.seed)
        if args.why:
            why_apart(db)


if __name__ == "__main__":
    main()
