"""How the web workbench's slowest page grows with the store: up to ~100,000 events.

The stores are SYNTHESISED: the bundled sample articles are ingested once (real
extracted events, actors, quotes and places), then their rows are copied N times
under new article ids (``seed-17``), each copy's article and event dates shifted by
a few days so that timelines and date filters spread; its fused events and its story
are copied likewise (``seed-17#E1``, ``S:seed-17``: one story per copy). The text and the events are
repeats; what is measured is the cost of the queries and pages on tables of that size.

Each page (and its JSON variant) is requested through Starlette's test client, best
of `--repeat` runs; the script prints, per store size, the slowest page and its time
against the 300 ms budget, in wall-clock and in CPU time (the process's, the server's
thread included: the one to trust on a busy machine; for PostgreSQL it would leave out
the database server's work, so it is shown for SQLite only). Each grown store is also copied into PostgreSQL (a throwaway
server, or the empty database at `--postgres URL`, emptied again after each size) and
the same pages are timed there.

    python bench/serve.py [--sizes 1000 10000 100000] [--repeat 3] [--postgres URL | --no-postgres]
"""

from __future__ import annotations

import argparse
import shutil
import sqlite3
import sys
import tempfile
import time
from contextlib import ExitStack
from pathlib import Path

SAMPLES = Path(__file__).resolve().parents[1] / "src" / "dragoman" / "data" / "samples"
BUDGET_MS = 300
PAGES = [
    "/search?q=ceasefire", "/quotes?speaker=blinken", "/quotes?q=Rafah",
    "/events", "/events?sort=-sources&offset=5000", "/events?min_sources=2", "/events?story=S:seed-17",
    "/events?mentions=1", "/events?mentions=1&sort=-date&offset=5000", "/events?mentions=1&type=CONSULT&country=ISR&sort=place",
    "/events?since=2024-06-01&until=2024-06-30", "/events/seed/E1", "/articles/seed",
    "/stories", "/stories?since=2024-06-01&until=2024-06-30", "/story/S:seed", "/story/S:seed?format=json",
    "/fused/seed%23E1", "/map?story=S:seed&format=json", "/events?mentions=1&min_sources=2", "/network?min_sources=2",
    "/actor?name=Antony Blinken", "/network", "/network?type=ASSAULT", "/map",
    "/map?format=json", "/network?format=json",
    # the party filters, the table's most used (an actor, a code, one that matches nothing)
    "/events?actor=Antony Blinken", "/events?mentions=1&actor=Antony Blinken", "/events?actor=USA&recipient=ISR",
    "/events?recipient=nobody", "/quotes", "/search?q=the of and to in",
    # an event's explanation trace: its article analysed again (the first request loads the pipeline)
    "/trace/seed/E1",
]
# a download streams every event the filter selects (up to its cap): timed, not held to the budget
DOWNLOADS = ["/export/csv?since=2024-05-01&until=2024-05-02", "/export/csv?since=2024-05-01&until=2024-05-02&mentions=1"]
# per table, the columns whose copies are changed: ids made unique, dates shifted by `n` days
_CHANGED = {
    "article_id": "{col} || '-' || n", "id": "{col} || '-' || n", "text_sha256": "{col} || '-' || n",
    "published": "date({col}, '+' || (n % 400) || ' days')", "date_value": "date({col}, '+' || (n % 400) || ' days')",
    "date_first": "date({col}, '+' || (n % 400) || ' days')", "date_last": "date({col}, '+' || (n % 400) || ' days')",
}
_SHIFTED = "date({col}, '+' || (n % 400) || ' days')"
# per table, the columns changed otherwise: a fused event's id is its founding mention's ARTICLE#EVENT
_CHANGED_IN = {
    "fused_events": {"id": "replace({col}, '#', '-' || n || '#')", "first": _SHIFTED, "last": _SHIFTED},
    "fused_mentions": {"fused_id": "replace({col}, '#', '-' || n || '#')", "joined_article_id": "{col} || '-' || n"},
    "stories": {"first": _SHIFTED, "last": _SHIFTED},
    "story_articles": {"story_id": "{col} || '-' || n"},
}
_TABLES = ("articles", "actors", "events", "parties", "quotes", "places", "claims", "dates",
           "fused_events", "fused_mentions", "stories", "story_articles")


def _base_store(folder: Path) -> Path:
    from click.testing import CliRunner

    from dragoman.cli import main

    path = folder / "base.db"
    result = CliRunner().invoke(main, ["ingest", str(SAMPLES), "--db", str(path)])
    assert result.exit_code == 0, result.output
    return path


def _grown(base: Path, events_wanted: int, folder: Path) -> tuple[Path, int]:
    """A copy of `base` with its rows repeated until it holds about `events_wanted` events."""
    path = folder / f"store-{events_wanted}.db"
    shutil.copy(base, path)
    db = sqlite3.connect(path)
    per_copy = db.execute("SELECT count(*) FROM events").fetchone()[0]
    copies = max(0, events_wanted // per_copy - 1)
    db.execute("ATTACH DATABASE ? AS b", (str(base),))
    with db:
        for table in _TABLES:
            columns = [row[1] for row in db.execute(f"PRAGMA table_info({table})") if row[1] != "pk"]
            changed = {**_CHANGED, **_CHANGED_IN.get(table, {})}
            chosen = ", ".join(changed.get(c, "{col}").format(col=f'"{c}"') for c in columns)
            db.execute(
                f"WITH RECURSIVE copy(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM copy WHERE n < ?)"
                f" INSERT INTO {table} ({', '.join(f'{chr(34)}{c}{chr(34)}' for c in columns)})"
                f" SELECT {chosen} FROM b.{table} CROSS JOIN copy", (copies,),
            )
    db.execute("ANALYZE")
    total = db.execute("SELECT count(*) FROM events").fetchone()[0]
    db.close()
    return path, total


def _copied_to_postgres(path: Path, url: str) -> str:
    """The SQLite store at `path`, copied table by table into a new store at `url`
    (COPY, ids kept), analysed as the SQLite one was."""
    import psycopg

    from dragoman.store import Store

    Store.open(url).close()  # creates the schema
    source = sqlite3.connect(path)
    with psycopg.connect(url, autocommit=True) as target:
        for table in _TABLES + ("story_features",):
            columns = [row[1] for row in source.execute(f"PRAGMA table_info({table})") if row[1] != "pk"]
            names = ", ".join(f'"{c}"' for c in columns)
            with target.cursor().copy(f"COPY {table} ({names}) FROM STDIN") as copy:
                for row in source.execute(f"SELECT {names} FROM {table}"):
                    copy.write_row(row)
        target.execute("ANALYZE")
    source.close()
    return url


def _emptied(url: str) -> None:
    import psycopg

    with psycopg.connect(url, autocommit=True) as db:
        db.execute("DROP SCHEMA public CASCADE")
        db.execute("CREATE SCHEMA public")


def _time_pages(path: Path | str, repeat: int) -> dict[str, tuple[float, float]]:
    """Per page, its best wall-clock and best CPU time in ms."""
    from starlette.testclient import TestClient

    from dragoman.serve.app import create_app

    timings = {}
    with TestClient(create_app(str(path))) as client:
        for page in PAGES + DOWNLOADS:
            best = cpu = float("inf")
            for _ in range(repeat):
                started, started_cpu = time.perf_counter(), time.process_time()
                response = client.get(page)
                best = min(best, time.perf_counter() - started)
                cpu = min(cpu, time.process_time() - started_cpu)
                assert response.status_code == 200, (page, response.status_code, response.text[:300])
            timings[page] = (best * 1000, cpu * 1000)
    return timings


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1_000, 10_000, 100_000])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--all", action="store_true", help="print every page's time, not only the slowest")
    parser.add_argument("--postgres", metavar="URL", help="an empty PostgreSQL database to copy each store into")
    parser.add_argument("--no-postgres", action="store_true", help="time the SQLite stores only")
    args = parser.parse_args()
    with ExitStack() as stack:
        postgres = None if args.no_postgres else args.postgres or _throwaway_postgres(stack)
        _run(args, postgres)


def _throwaway_postgres(stack: ExitStack) -> str | None:
    sys.path.insert(0, str(SAMPLES.parents[3] / "tests"))
    from postgres_server import NoServer, throwaway_server

    try:
        return stack.enter_context(throwaway_server())
    except NoServer as exc:
        print(f"PostgreSQL: not measured: {exc}")
        return None


def _run(args: argparse.Namespace, postgres: str | None) -> None:
    with tempfile.TemporaryDirectory() as folder:
        base = _base_store(Path(folder))
        print(f"{'events':>8} {'store':<8} {'slowest page':<52} {'ms':>7} {'of budget':>9} {'cpu ms':>7}  {'download ms':>11}")
        for size in args.sizes:
            path, total = _grown(base, size, Path(folder))
            targets = [("sqlite", path)] + ([("postgres", _copied_to_postgres(path, postgres))] if postgres else [])
            for kind, target in targets:
                timings = _time_pages(target, args.repeat)
                if args.all:
                    for page, (ms, cpu) in sorted(timings.items(), key=lambda item: -item[1][0]):
                        print(f"{total:>8} {kind:<8} {page:<52} {ms:>7.1f} {'':>9} {_cpu(kind, cpu)}")
                page, (ms, cpu) = max(((p, t) for p, t in timings.items() if p in PAGES), key=lambda item: item[1][0])
                download = max(timings[p][0] for p in DOWNLOADS)
                print(f"{total:>8} {kind:<8} {page:<52} {ms:>7.1f} {ms / BUDGET_MS:>8.2f}x {_cpu(kind, cpu)}  {download:>11.1f}")
            if postgres:
                _emptied(postgres)
            path.unlink()


def _cpu(kind: str, ms: float) -> str:
    return f"{ms:>7.1f}" if kind == "sqlite" else f"{'-':>7}"


if __name__ == "__main__":
    main()
