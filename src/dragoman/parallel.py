"""Extraction on a Dask cluster, for corpora that outgrow one process.

Articles are partitioned into a `dask.bag`; each worker process loads the
pipeline once (the spaCy model, lexicons and gazetteer are cached per
process) and analyses its partitions. An article that fails comes back as an
`ArticleFailure` instead of stopping its partition, so one bad article never
stops a batch here either. Results are yielded in input order.

Install with `pip install "dragoman[dask]"`. `scheduler` is a Dask scheduler
address ("tcp://host:8786"), or "processes" / "threads" / "synchronous" for
Dask's local schedulers.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Iterator, Optional, Sequence, Union

from .records import Article, ArticleRecord


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
LOCAL_SCHEDULERS = frozenset({"processes", "threads", "synchronous", "sync"})


def partition_size_for(n_articles: int, workers: int) -> int:
    """Articles per partition for a corpus on `workers` workers.

    Partitions of 32 whatever the corpus made 96 articles three tasks for two workers:
    one worker did two while the other waited, capping the speed-up at 1.5x. Smaller
    partitions on smaller corpora give each worker about `PARTITIONS_PER_WORKER`."""
    share = math.ceil(n_articles / (max(1, workers) * PARTITIONS_PER_WORKER))
    return max(MIN_PARTITION, min(MAX_PARTITION, share))


def _analyse_partition(
    articles: Sequence[Article], with_text: bool, actor_files: Sequence[str], registry_path: str | None
) -> list[Outcome]:
    from .pipeline import default_pipeline
    from .resolve import source_homes
    from .resolve.registry import configure

    configure(actor_files, registry_path)  # module state does not travel to worker processes
    # what the store knows of sources, read once: the ingesting process writes what is learned
    source_homes.configure(registry_path).close()

    failures: dict[int, str] = {}

    def failed(article: Article, exc: Exception) -> None:
        failures[id(article)] = repr(exc)

    records = iter(list(default_pipeline().records(list(articles), with_text=with_text, on_error=failed)))
    return [  # input order (the records come in order, failed articles left out), failures in their place
        ArticleFailure(article.id, failures[id(article)]) if id(article) in failures else next(records)
        for article in articles
    ]


def run_dask(
    articles: Sequence[Article],
    scheduler: str,
    *,
    partition_size: Optional[int] = None,
    with_text: bool = False,
    actor_files: Sequence[str] = (),
    registry_path: str | None = None,
) -> Iterator[Outcome]:
    """Analyse articles on a Dask scheduler; yields records (or failures) in input order.

    Without `partition_size`, it follows the corpus and the workers (`partition_size_for`)."""
    try:
        import dask.bag as db
    except ImportError as exc:  # the optional extra is missing
        raise RuntimeError('the Dask backend needs `pip install "dragoman[dask]"`') from exc

    if not articles:
        return iter(())
    articles = list(articles)

    def outcomes(workers: int):
        size = partition_size or partition_size_for(len(articles), workers)
        bag = db.from_sequence(articles, partition_size=size)
        return bag.map_partitions(_analyse_partition, with_text, list(actor_files), registry_path)

    if scheduler in LOCAL_SCHEDULERS:
        from dask.system import CPU_COUNT  # the cores Dask's local pools use

        # one partition per dispatch: Dask's process pool otherwise hands out tasks six at a
        # time, so with partitions of uneven cost one worker is left with the slow ones
        return iter(outcomes(CPU_COUNT).compute(scheduler=scheduler, chunksize=1))
    from dask.distributed import Client

    with Client(scheduler) as client:
        workers = sum(client.nthreads().values())
        return iter(client.compute(outcomes(workers)).result())
