"""Extraction on a Dask cluster, for corpora that outgrow one process.

Articles are cut into partitions; each worker process loads the pipeline once
(the spaCy model, lexicons and gazetteer are cached per process) and analyses
the partitions it is sent. An article that fails comes back as an
`ArticleFailure` instead of stopping its partition, so one bad article never
stops a batch here either. Results are yielded in input order as they come:
only a few partitions per worker are out at a time, so the driver's memory
does not grow with the corpus, and the caller stores each result as it arrives.

What sources' articles name (`source_homes`) is learned by the driver, in input
order, as in one process: each partition consults what the driver knew when it
was sent, and an article whose source's home changed meanwhile is analysed again
with the home one process would have given it, so the output does not depend
on how the corpus is cut.

Install with `pip install "dragoman[dask]"`. `scheduler` is a Dask scheduler
address ("tcp://host:8786"), or "processes" / "threads" / "synchronous" for
local pools (a `concurrent.futures` pool set as Dask's `pool` config is used).
"""

from __future__ import annotations

import itertools
import math
import multiprocessing
import tempfile
from collections import deque
from concurrent.futures import Executor, Future, ProcessPoolExecutor, ThreadPoolExecutor
from contextlib import closing, contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Iterator, Optional, Sequence, Union

from .records import Article, ArticleRecord
from .resolve import source_homes
from .resolve.gazetteer import load_gazetteer
from .resolve.source_homes import SourceHomes, article_key, source_of


@dataclass(frozen=True)
class ArticleFailure:
    article_id: str
    error: str


Outcome = Union[ArticleRecord, ArticleFailure]

# articles per partition: at most two parse batches at a time, at least half of one
MAX_PARTITION = 32
MIN_PARTITION = 8
# each worker should get about this many partitions, so that the last ones to finish
# leave the others idle only briefly
PARTITIONS_PER_WORKER = 4
# partitions sent but not yet handed to the caller, per worker: enough to keep every
# worker busy while the driver waits for the oldest, few enough to bound its memory
IN_FLIGHT_PER_WORKER = 3
LOCAL_SCHEDULERS = frozenset({"processes", "threads", "synchronous", "sync"})


def partition_size_for(n_articles: int, workers: int) -> int:
    """Articles per partition for a corpus on `workers` workers.

    Partitions of 32 whatever the corpus made 96 articles three tasks for two workers:
    one worker did two while the other waited, capping the speed-up at 1.5x. Smaller
    partitions on smaller corpora give each worker about `PARTITIONS_PER_WORKER`."""
    share = math.ceil(n_articles / (max(1, workers) * PARTITIONS_PER_WORKER))
    return max(MIN_PARTITION, min(MAX_PARTITION, share))


def _analyse_partition(
    articles: Sequence[Article],
    homes: SourceHomes,
    with_text: bool,
    actor_files: Sequence[str],
    registry_path: str | None,
) -> list[Outcome]:
    from .pipeline import default_pipeline
    from .resolve.registry import configure

    configure(actor_files, registry_path)  # module state does not travel to worker processes
    failures: dict[int, str] = {}

    def failed(article: Article, exc: Exception) -> None:
        failures[id(article)] = repr(exc)

    with source_homes.using(homes):
        records = iter(list(default_pipeline().records(list(articles), with_text=with_text, on_error=failed)))
    return [  # input order (the records come in order, failed articles left out), failures in their place
        ArticleFailure(article.id, failures[id(article)]) if id(article) in failures else next(records)
        for article in articles
    ]


def run_dask(
    articles: Iterable[Article],
    scheduler: str,
    *,
    partition_size: Optional[int] = None,
    with_text: bool = False,
    actor_files: Sequence[str] = (),
    registry_path: str | None = None,
) -> Iterator[Outcome]:
    """Analyse articles on a Dask scheduler; yields records (or failures) in input order.

    Without `partition_size`, it follows the corpus and the workers (`partition_size_for`).
    Sources' homes are learned into the active memory (`source_homes.active()`)."""
    try:
        import dask  # noqa: F401

        if scheduler not in LOCAL_SCHEDULERS:
            import distributed  # noqa: F401
    except ImportError as exc:  # the optional extra is missing
        raise RuntimeError('the Dask backend needs `pip install "dragoman[dask]"`') from exc
    return _outcomes(iter(articles), scheduler, partition_size, with_text, tuple(actor_files), registry_path)


@dataclass(frozen=True)
class _Job:
    with_text: bool
    actor_files: tuple[str, ...]
    registry_path: str | None
    homes: SourceHomes  # the driver's memory of sources: consulted for each partition, taught in input order


def _outcomes(
    articles: Iterator[Article],
    scheduler: str,
    partition_size: Optional[int],
    with_text: bool,
    actor_files: tuple[str, ...],
    registry_path: str | None,
) -> Iterator[Outcome]:
    with _registry_as_it_is(registry_path) as registry, _pool(scheduler) as (pool, workers):
        job = _Job(with_text, actor_files, registry, source_homes.active())
        if partition_size is None:  # a corpus that fills every worker's partitions gets the largest ones
            ahead = list(itertools.islice(articles, workers * PARTITIONS_PER_WORKER * MAX_PARTITION))
            partition_size = partition_size_for(len(ahead), workers)
            articles = itertools.chain(ahead, articles)
        partitions = iter(lambda: list(itertools.islice(articles, partition_size)), [])
        yield from _in_order(pool, partitions, max(1, workers) * IN_FLIGHT_PER_WORKER, job)


def _in_order(pool, partitions: Iterator[list[Article]], in_flight: int, job: _Job) -> Iterator[Outcome]:
    """Outcomes in input order, with at most `in_flight` partitions sent and not yet handed over."""

    def send(partition: list[Article]) -> tuple[list[Article], SourceHomes, Future]:
        homes = job.homes.fixed(source_of(article) for article in partition)
        future = pool.submit(_analyse_partition, partition, homes, job.with_text, job.actor_files, job.registry_path)
        return partition, homes, future

    pending = deque(send(partition) for partition in itertools.islice(partitions, in_flight))
    while pending:
        partition, sent, future = pending.popleft()
        for article, outcome in zip(partition, future.result()):
            source, key = source_of(article), article_key(article)
            if sent.home(source, key) != job.homes.home(source, key):  # one process would have seen another home
                outcome = send([article])[2].result()[0]
            if isinstance(outcome, ArticleRecord):  # what the places step teaches in one process
                job.homes.remember(outcome, load_gazetteer())
            yield outcome
        pending.extend(send(partition) for partition in itertools.islice(partitions, 1))


@contextmanager
def _registry_as_it_is(path: str | None) -> Iterator[str | None]:
    """A copy of the learned registry as the run starts, for the workers to consult.

    The driver stores each result as it arrives, and teaches the store's registry with
    it: read live, what a worker found would follow how far the driver had got, so the
    output would change with timing. On the copy, every article of a run sees what
    earlier runs taught, as when the driver stored only at the end. It sits beside the
    store, where the workers read the store. A PostgreSQL store is read live."""
    from .store.connection import connect, is_postgres

    if path is None or is_postgres(path) or not Path(path).is_file():
        yield path
        return
    from .resolve.registry import Registry

    with tempfile.TemporaryDirectory(dir=Path(path).parent, prefix=".dragoman-run-") as folder:
        copy = str(Path(folder) / "registry.db")
        Registry(copy).close()  # the tables with their keys and indexes
        with closing(connect(path)) as db:
            db.execute("ATTACH DATABASE ? AS run_copy", (copy,))
            tables = [row[0] for row in db.execute(
                "SELECT name FROM run_copy.sqlite_master WHERE type = 'table' AND name LIKE 'registry%'").fetchall()]
            for table in tables:
                db.execute(f'INSERT INTO run_copy."{table}" SELECT * FROM main."{table}"')
            db.execute("DETACH DATABASE run_copy")
        yield copy


class _Inline(Executor):
    """Runs each job at once in this process (the "synchronous" scheduler)."""

    def submit(self, fn, /, *args, **kwargs) -> Future:
        future: Future = Future()
        try:
            future.set_result(fn(*args, **kwargs))
        except BaseException as exc:  # noqa: BLE001 - raised again by result(), as a pool would
            future.set_exception(exc)
        return future


@contextmanager
def _pool(scheduler: str) -> Iterator[tuple[object, int]]:
    """Something with `submit(fn, *args) -> future`, and how many workers it has."""
    if scheduler not in LOCAL_SCHEDULERS:
        from dask.distributed import Client

        with Client(scheduler) as client:
            yield _Distributed(client), sum(client.nthreads().values())
        return
    import dask
    from dask.system import CPU_COUNT  # the cores Dask's local pools use

    given = dask.config.get("pool", None)
    if scheduler in ("synchronous", "sync"):
        yield _Inline(), 1
    elif scheduler == "processes" and isinstance(given, ProcessPoolExecutor):  # the caller's, who shuts it down
        yield given, dask.config.get("num_workers", None) or CPU_COUNT
    else:
        # one thread: the pipeline's per-run state (actor sources, source homes) is
        # per process, and the GIL would leave a second thread little to do anyway
        made = ThreadPoolExecutor(1) if scheduler == "threads" else ProcessPoolExecutor(
            CPU_COUNT, mp_context=multiprocessing.get_context(dask.config.get("multiprocessing.context", "spawn")))
        try:
            yield made, (1 if scheduler == "threads" else CPU_COUNT)
        finally:  # a caller that stops early does not wait for the partitions still out
            made.shutdown(wait=True, cancel_futures=True)


@dataclass(frozen=True)
class _Distributed:
    client: object

    def submit(self, fn, *args):
        return self.client.submit(fn, *args, pure=False)
